import type { TSESTree } from '@typescript-eslint/utils';
import { variableOf, type SourceCode } from './scope';
import { sqlFunctionKeyArguments } from './sql-crypto';

/**
 * The column a query parameter fills, read from the SQL text of the call it is passed to
 * (`pool.query('INSERT INTO t (a, b) VALUES ($1, $2)', [x, y])`, `conn.execute('UPDATE t SET a = ? WHERE id = ?', [x, id])`):
 * a value bound to `gravatar_hash` is named by that column as `{ gravatarHash: v }` would name it.
 */
export function sqlColumnOfParameter(sourceCode: SourceCode, array: TSESTree.ArrayExpression, element: TSESTree.Node): string | undefined {
  const bound = boundParameter(sourceCode, array, element);
  return bound && columnOf(bound.sql, bound.position);
}

/**
 * The table a query parameter is written into (`INSERT INTO coupons (code, …) VALUES ($1, …)`, `UPDATE vouchers SET
 * code = ?`), unquoted and without its schema: what a bare column such as `code` belongs to.
 */
export function sqlTableOfParameter(sourceCode: SourceCode, array: TSESTree.ArrayExpression, element: TSESTree.Node): string | undefined {
  const bound = boundParameter(sourceCode, array, element);
  if (!bound || columnOf(bound.sql, bound.position) === undefined) return undefined;
  const table = WRITTEN_TABLE.exec(bound.sql);
  return table ? unquote(table[1]) : undefined;
}

const WRITTEN_TABLE = /^\s*(?:insert\s+into|update)\s+([\w."`]+)/i;

/**
 * Is the query parameter the key of one of the database's encryption functions in the SQL text of its call
 * (`pool.query('… pgp_sym_encrypt($3, $4) …', [id, patient, bundle, key])`, `AES_ENCRYPT(?, ?)`)? The database uses
 * the value as the key of that statement; it does not keep it.
 */
export function isSqlFunctionKeyParameter(sourceCode: SourceCode, array: TSESTree.ArrayExpression, element: TSESTree.Node): boolean {
  const bound = boundParameter(sourceCode, array, element);
  if (!bound) return false;
  const { sql, position } = bound;
  const questionMarks = !/\$\d/.test(sql);
  return sqlFunctionKeyArguments(sql).some((arg) =>
    questionMarks ? arg.text === '?' && sql.slice(0, arg.start).split('?').length - 1 === position : arg.text === `$${position + 1}`,
  );
}

/**
 * Does the query parameter fill a column of the conflict target of an insert that does nothing on conflict
 * (`INSERT INTO trips (…, digest) VALUES (…, $3) ON CONFLICT (digest) DO NOTHING`)? The row is skipped when one with
 * that value exists: the value is a deduplication key.
 */
export function fillsSkippedConflictTarget(sourceCode: SourceCode, array: TSESTree.ArrayExpression, element: TSESTree.Node): boolean {
  const bound = boundParameter(sourceCode, array, element);
  const column = bound && columnOf(bound.sql, bound.position);
  const target = bound && SKIPPED_ON_CONFLICT.exec(bound.sql);
  if (!column || !target || !/^\s*insert\b/i.test(bound.sql)) return false;
  return target[1].split(',').some((c) => unquote(c.trim()) === column);
}

const SKIPPED_ON_CONFLICT = /\bon\s+conflict\s*\(([^)]*)\)\s*do\s+nothing\b/i;

/** The SQL text of the call a parameter array is passed to (after the SQL), and the element's 0-based position in it. */
function boundParameter(sourceCode: SourceCode, array: TSESTree.ArrayExpression, element: TSESTree.Node): { sql: string; position: number } | undefined {
  const call = array.parent;
  if ((call?.type !== 'CallExpression' && call?.type !== 'NewExpression') || call.arguments.indexOf(array) < 1) return undefined;
  const position = array.elements.indexOf(element as TSESTree.Expression);
  if (position < 0 || array.elements.slice(0, position).some((e) => e?.type === 'SpreadElement')) return undefined;
  const sql = sqlTextOf(sourceCode, call.arguments[0]);
  return sql === undefined ? undefined : { sql, position };
}

/** The SQL text of a literal, a template without interpolations, or a `const` holding one. */
function sqlTextOf(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ');
  if (node.type !== 'Identifier') return undefined;
  const def = variableOf(sourceCode, node)?.defs[0];
  const init = def?.type === 'Variable' && def.parent.type === 'VariableDeclaration' && def.parent.kind === 'const' ? def.node.init : undefined;
  return init && init.type !== 'Identifier' ? sqlTextOf(sourceCode, init) : undefined;
}

const INSERT = /\binsert\s+into\s+[\w."`]+\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)/i;
const ASSIGNED = /([\w"`]+)\s*(?:=|<>|!=)\s*(\$\d+|\?)/g;

/** The column of the parameter at `position` (0-based): `$n` numbers it, `?` counts in order. */
function columnOf(sql: string, position: number): string | undefined {
  if (!/^\s*(?:insert|update|select|delete|with)\b/i.test(sql)) return undefined;
  const questionMarks = !/\$\d/.test(sql);
  const isParameter = (text: string, ordinal: number) => (questionMarks ? text === '?' && ordinal === position : text === `$${position + 1}`);
  const insert = INSERT.exec(sql);
  if (insert) {
    const columns = insert[1].split(',').map((c) => c.trim());
    const values = insert[2].split(',').map((v) => v.trim());
    let ordinal = 0;
    for (const [i, value] of values.entries()) {
      if (isParameter(value, ordinal) && columns[i]) return unquote(columns[i]);
      if (value === '?') ordinal++;
    }
  }
  let ordinal = questionMarks && insert ? insert[2].split('?').length - 1 : 0;
  const rest = insert ? sql.slice((insert.index ?? 0) + insert[0].length) : sql;
  for (const m of rest.matchAll(ASSIGNED)) {
    if (isParameter(m[2], ordinal)) return unquote(m[1]);
    if (m[2] === '?') ordinal++;
  }
  return undefined;
}

function unquote(name: string): string {
  return name.replace(/["`]/g, '').split('.').pop() ?? name;
}

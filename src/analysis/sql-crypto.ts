import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { concatenatedOperands, programNodes } from './ast';
import { memberName } from './scope';
import { isPlaceholder } from './secrets';
import { resolveValues, type ResolveContext } from './values';

/**
 * Encryption done by the database, written in SQL text the application sends: the key and the cipher mode are
 * arguments of SQL functions and settings, not of a JavaScript call. A key written into that text is in the source
 * like any other (pgcrypto's `pgp_sym_encrypt(body, 'passphrase')`, MySQL's `AES_ENCRYPT(pan, UNHEX('8f3a…'))`,
 * Snowflake's `ENCRYPT(email, 'passphrase')`, SQLCipher's `PRAGMA key = "x'8f3a…'"`); a bound parameter (`$2`, `?`,
 * `:key`) is not.
 */

/** A key written into SQL text: `node` is the literal where it is written (the SQL string, or a constant interpolated into it). */
export interface SqlKey {
  node: TSESTree.Node;
  key: string;
  /** The SQL function or setting that takes it (`pgp_sym_decrypt`, `PRAGMA key`). */
  sink: string;
  /** The SQL string that uses it (where the key was interpolated, the template). */
  use: TSESTree.Node;
}

/**
 * SQL functions whose second argument is the key: pgcrypto's PGP symmetric functions and MySQL/MariaDB
 * `AES_ENCRYPT(str, key_str[, iv])`, recognised in any text (the generic names are below).
 */
const KEYED_FUNCTIONS = /\b(pgp_sym_(?:en|de)crypt(?:_bytea)?|aes_(?:en|de)crypt)\s*\(/gi;

/**
 * Functions with generic names whose second argument is the key too: pgcrypto's raw `encrypt(data, key, type)`/`decrypt`,
 * Snowflake's `ENCRYPT(value, passphrase)`, `DECRYPT`, `ENCRYPT_RAW(value, key, iv)`, `TRY_DECRYPT(_RAW)`. Their names
 * are also words of prose and of JavaScript, so they count only in text that reads as a SQL statement (SQL_STATEMENT).
 */
const GENERIC_KEYED_FUNCTIONS = /\b((?:try_)?(?:en|de)crypt(?:_raw)?)\s*\(/gi;
const SQL_STATEMENT = /\b(?:select\s[\s\S]*\bfrom|update\s[\s\S]*\bset|insert\s+into|merge\s+into|delete\s+from|values\s*\()/i;

/** A call of one of the database's keyed encryption functions in SQL text. */
interface KeyedCall {
  /** The function's name as written. */
  name: string;
  /** Offset of the name in the text. */
  at: number;
  /** The key: its second argument. */
  key: SqlArgument;
  /** Offset of the call's closing `)`. */
  close: number;
}

/** The database's keyed encryption functions called in SQL `text` with at least a key argument. */
function keyedCalls(text: string): KeyedCall[] {
  const matches = [...text.matchAll(KEYED_FUNCTIONS)];
  if (SQL_STATEMENT.test(text)) matches.push(...text.matchAll(GENERIC_KEYED_FUNCTIONS));
  const out: KeyedCall[] = [];
  for (const match of matches) {
    const at = match.index ?? 0;
    const call = sqlArguments(text, at + match[0].length - 1);
    if (call && call.args.length >= 2) out.push({ name: match[1], at, key: call.args[1], close: call.close });
  }
  return out;
}

/** Cheap test on a file's (or a statement's) text: can it call one of the keyed functions? */
const MAY_CALL_KEYED_FUNCTION = /pgp_sym_|(?:en|de)crypt(?:_raw)?\s*\(/i;

/**
 * Options of a bulk load or unload statement that hand the database the key of client-side encryption for this one
 * statement: Redshift `COPY`/`UNLOAD … MASTER_SYMMETRIC_KEY '…'`, Snowflake `ENCRYPTION = (TYPE = 'AWS_CSE' MASTER_KEY =
 * '…')`. Text ending in one of them, up to the opening quote, is followed by the key. Snowflake's option counts only inside
 * its `ENCRYPTION = (…)` clause: a bare `master_key=` is a query string's parameter as well.
 */
const STATEMENT_KEY_OPTION = /\bmaster_symmetric_key\s+'$|\bencryption\s*=\s*\([^)]*\bmaster_key\s*=\s*'$/i;

/**
 * Is `expression`, interpolated into the SQL template `template`, the key the statement encrypts with: the key argument
 * of a keyed function (`pgp_sym_encrypt(body, '${key}')`) or the value of a statement's key option
 * (`MASTER_SYMMETRIC_KEY '${key}'`)? The database uses it for that statement and keeps only what it encrypts.
 */
export function isSqlStatementKey(template: TSESTree.TemplateLiteral, expression: TSESTree.Node): boolean {
  const index = template.expressions.indexOf(expression as TSESTree.Expression);
  if (index < 0) return false;
  const before = template.quasis[index].value.cooked ?? template.quasis[index].value.raw;
  if (STATEMENT_KEY_OPTION.test(before)) return true;
  const text = sqlText(template) ?? '';
  const hole = `\u0000${index}\u0000`;
  return sqlFunctionKeyArguments(text).some((arg) => arg.text === hole || arg.text === `'${hole}'`);
}

/** `'text'`, `UNHEX('…')`, `decode('…', 'hex')`, `X'…'`: a constant the SQL engine turns into the key. */
const SQL_CONSTANT = /^(?:(?:unhex|from_base64)\s*\(\s*'((?:[^']|'')*)'\s*\)|decode\s*\(\s*'((?:[^']|'')*)'\s*,\s*'(?:hex|base64|escape)'\s*\)|x'([0-9a-f]*)'|'((?:[^']|'')*)')$/i;

/** An interpolation of a template literal stands in the SQL text as this marker (and its index). */
const HOLE = /^\u0000(\d+)\u0000$/;

/** `PRAGMA key = '…'`, `PRAGMA rekey = "x'…'"` (SQLCipher), also as the text handed to better-sqlite3's `db.pragma('key = …')`. */
const PRAGMA_KEY = /^\s*(?:pragma\s+)?(re)?key\s*=\s*(.+?)\s*;?\s*$/i;
const PRAGMA_KEY_IN_TEXT = /\bpragma\s+(re)?key\s*=\s*("[^"]*"|'(?:[^']|'')*'|\u0000\d+\u0000)/gi;

/** SQL text of a string literal or a template (interpolations replaced by markers). */
function sqlText(node: TSESTree.Node): string | undefined {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type !== 'TemplateLiteral') return undefined;
  return node.quasis.map((q, i) => (q.value.cooked ?? q.value.raw) + (i < node.expressions.length ? `\u0000${i}\u0000` : '')).join('');
}

/** An argument of a SQL call: its text (trimmed) and the offset in the SQL text where it starts. */
export interface SqlArgument {
  text: string;
  start: number;
}

/**
 * The arguments of the SQL call whose `(` is at `open`, split at top-level commas (quotes and nesting respected), and the
 * offset of its closing `)`.
 */
function sqlArguments(text: string, open: number): { args: SqlArgument[]; close: number } | undefined {
  const args: SqlArgument[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = open + 1;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    args.push({ text: raw.trim(), start: start + (raw.length - raw.trimStart().length) });
  };
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        push(i);
        return { args, close: i };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  return undefined;
}

/** The key arguments (the second) of the database's encryption functions called in SQL `text` (`pgp_sym_encrypt(body, $2)`). */
export function sqlFunctionKeyArguments(text: string): SqlArgument[] {
  return MAY_CALL_KEYED_FUNCTION.test(text) ? keyedCalls(text).map((call) => call.key) : [];
}

/** One operand of a `+` chain of SQL text and the span of the joined text it stands for. */
interface SqlPiece {
  node: TSESTree.Node;
  start: number;
  end: number;
}

/**
 * SQL text written as a `+` chain of strings (`"pgp_sym_encrypt($3, " + "'…', " + "'cipher-algo=aes256')"`: how SQL is
 * split when one of its lines must carry an end-of-line comment): the operands' text joined, with every operand that is
 * not a plain string (a constant, a call) standing in it as a hole. Only the whole chain, and only with a string in it.
 */
function concatenatedSql(node: TSESTree.Node): { text: string; pieces: SqlPiece[] } | undefined {
  if (node.type !== 'BinaryExpression' || node.operator !== '+') return undefined;
  if (node.parent?.type === 'BinaryExpression' && node.parent.operator === '+') return undefined;
  const pieces: SqlPiece[] = [];
  let text = '';
  let strings = 0;
  for (const [i, operand] of concatenatedOperands(node).entries()) {
    const own = operand.type === 'Literal' || (operand.type === 'TemplateLiteral' && operand.expressions.length === 0) ? sqlText(operand) : undefined;
    if (own !== undefined) strings++;
    const part = own ?? `\u0000${i}\u0000`;
    pieces.push({ node: operand, start: text.length, end: text.length + part.length });
    text += part;
  }
  return strings > 0 ? { text, pieces } : undefined;
}

/** The operand whose text holds `offset` of the joined text. */
function pieceAt(pieces: readonly SqlPiece[], offset: number): SqlPiece | undefined {
  return pieces.find((p) => offset >= p.start && offset < p.end);
}

/** The key a SQL expression writes (`'…'`, `UNHEX('…')`, `"x'…'"` of SQLCipher), or undefined for a parameter or column. */
function constantKeyOf(expression: string): string | undefined {
  let text = expression.trim();
  // SQLCipher's raw key form, quoted: `"x'8f3a…'"`.
  const raw = /^"x'([0-9a-f]+)'"$/i.exec(text);
  if (raw) return raw[1];
  if (/^"[^"]*"$/.test(text)) text = `'${text.slice(1, -1)}'`;
  const m = SQL_CONSTANT.exec(text);
  if (!m) return undefined;
  const value = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').replace(/''/g, "'");
  return value.length > 0 && !isPlaceholder(value) ? value : undefined;
}

/** Keys written in the SQL strings of the file (with an interpolated constant, reported where the constant is written). */
export function sqlKeys(ctx: ResolveContext): SqlKey[] {
  const { sourceCode } = ctx;
  // Every form below names its SQL function or `pragma` (better-sqlite3's `db.pragma('key = …')` too): files without
  // them, nearly all, are not walked.
  if (!MAY_CALL_KEYED_FUNCTION.test(sourceCode.text) && !/pragma/i.test(sourceCode.text)) return [];
  const out: SqlKey[] = [];
  /** `holeNode(i)`: the expression standing in the SQL text as hole `i`; `at`: where a key written in the text itself is. */
  const add = (use: TSESTree.Node, expression: string, sink: string, holeNode?: (index: number) => TSESTree.Node | undefined, at: TSESTree.Node = use) => {
    const hole = HOLE.exec(expression.trim());
    const holder = hole && holeNode?.(Number(hole[1]));
    if (holder) {
      // `AES_ENCRYPT(?, ${CARD_KEY_SQL})` with `CARD_KEY_SQL = "UNHEX('…')"`: the key is written in that constant.
      for (const constant of resolveValues(ctx, holder).values) {
        if (constant.kind !== 'string' || constant.fallback) continue;
        const key = constantKeyOf(constant.value as string);
        if (key !== undefined) out.push({ node: constant.origin, key, sink, use });
      }
      return;
    }
    if (hole) return;
    const key = constantKeyOf(expression);
    if (key !== undefined) out.push({ node: at, key, sink, use });
  };
  for (const node of programNodes(sourceCode.ast)) {
    const joined = concatenatedSql(node);
    if (joined) {
      // A call split over the operands (a call inside one string is found with that string below): the key is reported
      // on the operand that writes it.
      for (const call of keyedCalls(joined.text)) {
        if (pieceAt(joined.pieces, call.at) === pieceAt(joined.pieces, call.close)) continue;
        const at = pieceAt(joined.pieces, call.key.start);
        if (at) add(node, call.key.text, call.name, (i) => joined.pieces[i]?.node, at.node);
      }
      continue;
    }
    const text = sqlText(node);
    if (text === undefined || text.length < 8) continue;
    const templateHole = node.type === 'TemplateLiteral' ? (i: number) => node.expressions[i] : undefined;
    for (const call of keyedCalls(text)) add(node, call.key.text, call.name, templateHole);
    for (const match of text.matchAll(PRAGMA_KEY_IN_TEXT)) add(node, match[2], `PRAGMA ${match[1] ?? ''}key`, templateHole);
    // better-sqlite3 / node-sqlcipher: `db.pragma("key = 'passphrase'")`, `db.pragma(`rekey = "x'…'"`)`.
    if (isPragmaArgument(node) && !/\bpragma\b/i.test(text)) {
      const m = PRAGMA_KEY.exec(text);
      if (m) add(node, m[2], `PRAGMA ${m[1] ?? ''}key`, templateHole);
    }
  }
  return out;
}

/** The first argument of a `.pragma(…)` method call. */
function isPragmaArgument(node: TSESTree.Node): boolean {
  const call = node.parent;
  return call?.type === 'CallExpression' && call.arguments[0] === node && call.callee.type === 'MemberExpression' && memberName(call.callee) === 'pragma';
}

/** MySQL's `block_encryption_mode` (which `AES_ENCRYPT` uses) set to an ECB mode in SQL text: `SET block_encryption_mode = 'aes-256-ecb'`. */
const ECB_MODE_SETTING = /\bblock_encryption_mode\s*=\s*'(aes-\d+-ecb)'/i;

/** SQL strings that make the database encrypt in ECB mode, with the mode named. */
export function sqlEcbModes(sourceCode: SourceCode): { node: TSESTree.Node; mode: string }[] {
  if (!/block_encryption_mode/i.test(sourceCode.text)) return [];
  const out: { node: TSESTree.Node; mode: string }[] = [];
  for (const node of programNodes(sourceCode.ast)) {
    const text = sqlText(node);
    const m = text !== undefined ? ECB_MODE_SETTING.exec(text) : null;
    if (m) out.push({ node, mode: m[1] });
  }
  return out;
}

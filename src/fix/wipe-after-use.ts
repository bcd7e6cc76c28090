import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { keyReferences, type KeyBytes } from '../analysis/key-material';
import type { SourceCode } from '../analysis/scope';
import { sharedViewEscapes } from './shared-views';

type Statement = TSESTree.ProgramStatement;

/**
 * The "wipe after use" rewrite: wraps the statements that use the key (from
 * the one after its definition to the last use) in `try { … } finally {
 * <wipe> }`, and drops the happy-path-only wipes it replaces. When a
 * declaration inside the wrapped range is needed after it, the range extends
 * to the end of the block so the code keeps compiling and running.
 * Returns undefined when the shape does not allow a safe rewrite.
 */
export function wipeAfterUseFix(
  sourceCode: SourceCode,
  bytes: KeyBytes,
  wipes: ReadonlySet<TSESTree.Node>,
  absentBranches: ReadonlySet<TSESTree.Node> = new Set(),
  typescript = false,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) | undefined {
  // A returned view of the key (`key.subarray(…)`, `Buffer.from(bits)`) would be zeroed by the wipe.
  if (sharedViewEscapes(sourceCode, bytes)) return undefined;
  const located = statementList(bytes);
  if (!located) return undefined;
  const { body } = located;
  let { first } = located;
  // Guards where there is no key (`if (!key) throw …`, `if (err) return cb(err)`) stay before the try.
  while (first < body.length && body[first].type === 'IfStatement' && absentBranches.has((body[first] as TSESTree.IfStatement).consequent)) first++;
  const wipeStatements = new Set(body.filter((s) => s.type === 'ExpressionStatement' && wipes.has(s.expression)));
  const indexOf = (node: TSESTree.Node) => body.findIndex((s) => s.range[0] <= node.range[0] && node.range[1] <= s.range[1]);
  let last = -1;
  for (const ref of keyReferences(sourceCode, bytes).bytes) {
    const index = indexOf(ref);
    if (index >= first && !wipeStatements.has(body[index])) last = Math.max(last, index);
  }
  if (last < first) return undefined;
  if (declaresUsedLater(sourceCode, body, first, last)) last = body.length - 1;
  const wrapped = body.slice(first, last + 1);
  if (wrapped.some((s) => s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration' || s.type === 'ImportDeclaration' || s.type.startsWith('Export'))) return undefined;

  const text = sourceCode.getText();
  const existing = wrapped.length === 1 && wrapped[0].type === 'TryStatement' ? wrapped[0] : undefined;
  if (existing) return extendTry(text, existing, wipeExpression(bytes, typescript));
  const lineStart = text.lastIndexOf('\n', wrapped[0].range[0] - 1) + 1;
  const indent = text.slice(lineStart, wrapped[0].range[0]);
  if (!/^[ \t]*$/.test(indent)) return undefined; // statement shares its line with other code
  const unit = indent.includes('\t') ? '\t' : '  ';
  const pieces: string[] = [];
  let cursor = wrapped[0].range[0];
  for (const statement of wrapped) {
    if (!wipeStatements.has(statement)) continue;
    pieces.push(text.slice(cursor, statement.range[0]).replace(/\n[ \t]*$/, ''));
    cursor = statement.range[1];
  }
  pieces.push(text.slice(cursor, wrapped[wrapped.length - 1].range[1]));
  const lines = pieces.join('').replace(/^\s+/, '').split('\n');
  const inner = lines.map((line, i) => (i === 0 ? indent + unit + line : line.trim() ? unit + line : line)).join('\n');
  const replacement = `try {\n${inner}\n${indent}} finally {\n${indent}${unit}${wipeExpression(bytes, typescript)};\n${indent}}`;
  const laterWipes = body.slice(last + 1).filter((s) => wipeStatements.has(s));

  return (fixer) => [
    fixer.replaceTextRange([wrapped[0].range[0], wrapped[wrapped.length - 1].range[1]], replacement),
    ...laterWipes.map((s) => fixer.removeRange([text.lastIndexOf('\n', s.range[0] - 1), s.range[1]])),
  ];
}

/** The uses already sit in one `try`: wipe in its `finally` (adding one if it has only a `catch`). */
function extendTry(text: string, statement: TSESTree.TryStatement, wipe: string): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] {
  const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const unit = indent.includes('\t') ? '\t' : '  ';
  const finalizer = statement.finalizer;
  if (!finalizer) return (fixer) => [fixer.insertTextAfter(statement, ` finally {\n${indent}${unit}${wipe};\n${indent}}`)];
  const last = finalizer.body[finalizer.body.length - 1];
  if (!last) return (fixer) => [fixer.replaceText(finalizer, `{\n${indent}${unit}${wipe};\n${indent}}`)];
  const sameLine = finalizer.loc.start.line === finalizer.loc.end.line;
  return (fixer) => [fixer.insertTextAfter(last, sameLine ? ` ${wipe};` : `\n${indent}${unit}${wipe};`)];
}

/**
 * `key.fill(0)`, `res.Plaintext?.fill(0)`, `new Uint8Array(bits).fill(0)`; in TypeScript, a plaintext
 * typed `Uint8Array | string` (GCP protobuf bytes) is cast: `(res.plaintext as Uint8Array | null | undefined)?.fill(0)`.
 */
export function wipeExpression(bytes: KeyBytes, typescript = false): string {
  const target = [bytes.id.name, ...bytes.path.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))].join('').replace(/\.\[/g, '[');
  if (bytes.arrayBuffer) return `new Uint8Array(${target}).fill(0)`;
  // Typed `Uint8Array | string` (GCP protobuf bytes; the Node client returns a Buffer): `?.fill` alone does not type-check.
  if (typescript && bytes.api?.api.facts?.plaintextMayBeString) return `(${target} as Uint8Array | null | undefined)?.fill(0)`;
  // A KMS plaintext is typed optional; a callback's key is undefined when it got an error.
  const maybeAbsent = bytes.source === 'kms-plaintext' || bytes.definition.type.includes('Function');
  return maybeAbsent ? `${target}?.fill(0)` : `${target}.fill(0)`;
}

/** The statement list holding the key's definition, and the index of the first statement after it. */
function statementList(bytes: KeyBytes): { body: Statement[]; first: number } | undefined {
  const def = bytes.definition;
  if (def.type === 'ArrowFunctionExpression' || def.type === 'FunctionExpression' || def.type === 'FunctionDeclaration') {
    return def.body.type === 'BlockStatement' ? { body: def.body.body, first: 0 } : undefined;
  }
  let statement: TSESTree.Node | undefined = def;
  while (statement && statement.parent && !isStatementList(statement.parent)) statement = statement.parent;
  const block = statement?.parent;
  if (!statement || !block || !isStatementList(block)) return undefined;
  if (statement.type !== 'VariableDeclaration' && statement.type !== 'ExpressionStatement') return undefined;
  const body = block.body as Statement[];
  return { body, first: body.indexOf(statement as Statement) + 1 };
}

function isStatementList(node: TSESTree.Node): node is TSESTree.BlockStatement | TSESTree.StaticBlock {
  return node.type === 'BlockStatement' || node.type === 'StaticBlock';
}

/** Does a `const`/`let` in body[first..last] get read after body[last]? */
function declaresUsedLater(sourceCode: SourceCode, body: Statement[], first: number, last: number): boolean {
  const after = body[last].range[1];
  for (const statement of body.slice(first, last + 1)) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const variable of sourceCode.getDeclaredVariables(statement)) {
      if (variable.references.some((r) => (r.identifier as TSESTree.Node).range[0] > after)) return true;
    }
  }
  return false;
}

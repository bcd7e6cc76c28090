import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression, variableOf, type SourceCode } from '../analysis/scope';
import type { NodeCipherPair } from './cipher-pair';
import type { TextEdit } from './edits';
import { indentOf, namespaceOf } from './source-shape';

/**
 * Edits shared by the fixes that change what a node:crypto pair stores with
 * its ciphertext (a fresh IV, an authentication tag): encrypt puts the fields
 * in front of its output (`iv:tag:data` for strings, bytes prepended for
 * Buffers), decrypt reads them back and strips them before the code it had.
 */

/** A value stored in front of the ciphertext. */
export interface FrameField {
  /** The local that holds it on both sides (`iv`, `tag`). */
  name: string;
  bytes: number;
  /** How encrypt computes it, after the data is sealed (`iv`, `cipher.getAuthTag()`). */
  value: string;
}

export function frameEdits(sourceCode: SourceCode, pair: NodeCipherPair, fields: readonly FrameField[], names: { sealed: string; parts: string }): TextEdit[] {
  const text = sourceCode.getText();
  const edits: TextEdit[] = [];
  const { ret } = pair.encrypt;
  const indent = indentOf(text, ret);
  const sealedValue = sourceCode.getText(ret.argument!);
  const sealedName = ret.argument!.type === 'Identifier' ? sealedValue : names.sealed;
  const stored =
    pair.output === 'string'
      ? `[${[...fields.map((f) => `${f.value}.toString('${pair.encoding}')`), sealedName].join(', ')}].join(':')`
      : `Buffer.concat([${[...fields.map((f) => f.value), sealedName].join(', ')}])`;
  // A returned local is already the sealed data; anything else is named first (fields like the tag exist only after final()).
  const alias = ret.argument!.type === 'Identifier' ? '' : `const ${names.sealed} = ${sealedValue};\n${indent}`;
  edits.push({ range: ret.range, text: `${alias}return ${stored};` });

  const first = pair.decrypt.body.body[0];
  if (!first) return [];
  const dIndent = indentOf(text, first);
  const p = pair.decrypt.param.name;
  const layout = [...fields.map((f) => f.name), 'data'].join(':');
  const lines: string[] = [];
  if (pair.output === 'string') {
    lines.push(`const ${names.parts} = ${p}.split(':');`);
    lines.push(`if (${names.parts}.length < ${fields.length + 1}) throw new Error('Malformed ciphertext: expected ${layout}');`);
    fields.forEach((f, i) => lines.push(`const ${f.name} = Buffer.from(${names.parts}[${i}], '${pair.encoding}');`));
    lines.push(`${p} = ${names.parts}.slice(${fields.length}).join(':');`);
  } else {
    const total = fields.reduce((n, f) => n + f.bytes, 0);
    lines.push(`if (${p}.length < ${total}) throw new Error('Malformed ciphertext: expected ${layout}');`);
    let offset = 0;
    for (const f of fields) {
      lines.push(`const ${f.name} = ${p}.subarray(${offset}, ${offset + f.bytes});`);
      offset += f.bytes;
    }
    lines.push(`${p} = ${p}.subarray(${total});`);
  }
  edits.push({ range: [first.range[0], first.range[0]], text: lines.join(`\n${dIndent}`) + `\n${dIndent}` });
  return edits;
}

/** `const iv = crypto.randomBytes(12);` just before the cipher is created. */
export function freshIvEdit(sourceCode: SourceCode, pair: NodeCipherPair, name: string, bytes: number, random: string): TextEdit {
  const statement = pair.encrypt.statement;
  return { range: [statement.range[0], statement.range[0]], text: `const ${name} = ${random}(${bytes});\n${indentOf(sourceCode.getText(), statement)}` };
}

/** Replaces argument `index` of a call (appending it when the call has fewer). */
export function argumentEdit(call: TSESTree.CallExpression, index: number, text: string): TextEdit | undefined {
  const arg = call.arguments[index];
  if (arg) return { range: arg.range, text };
  const last = call.arguments[call.arguments.length - 1];
  if (!last || call.arguments.length !== index) return undefined;
  return { range: [last.range[1], last.range[1]], text: `, ${text}` };
}

/**
 * How to call a node:crypto function (`randomBytes`, `hkdfSync`) from this
 * file: through the namespace the cipher is created with, or a binding of
 * that name already imported; undefined when neither exists.
 */
export function cryptoFunction(sourceCode: SourceCode, maker: TSESTree.CallExpression, name: string): string | undefined {
  const ns = namespaceOf(maker);
  if (ns) return `${ns}.${name}`;
  const scope = sourceCode.getScope(sourceCode.ast);
  const module = scope.childScopes.find((s) => s.type === 'module');
  const variable = scope.set.get(name) ?? module?.set.get(name);
  const def = variable?.defs[0];
  if (def && (def.type === 'ImportBinding' || (def.type === 'Variable' && def.node.id.type === 'ObjectPattern'))) return name;
  return undefined;
}

/**
 * The declaration of a module-level constant used only at `uses` (which the
 * fix replaces): removed with its line, so no dead constant is left behind.
 */
export function removeIfOnlyUsedAt(sourceCode: SourceCode, node: TSESTree.Node, uses: readonly TSESTree.Node[]): TextEdit | undefined {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return undefined;
  const variable = variableOf(sourceCode, expr);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return undefined;
  const statement = def.node.parent as TSESTree.VariableDeclaration;
  if (statement.parent?.type !== 'Program' || statement.declarations.length !== 1 || statement.kind !== 'const') return undefined;
  const reads = variable.references.filter((r) => r.identifier !== def.node.id);
  if (!reads.every((r) => uses.some((u) => u.range[0] <= r.identifier.range[0] && r.identifier.range[1] <= u.range[1]))) return undefined;
  const text = sourceCode.getText();
  const start = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
  const newline = text.indexOf('\n', statement.range[1]);
  const end = newline === -1 ? statement.range[1] : newline + 1;
  return { range: [start, end], text: '' };
}

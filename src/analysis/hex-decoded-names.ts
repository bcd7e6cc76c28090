import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { getApiCalls } from './api-calls';
import { programNodes } from './ast';
import { isBufferClass } from './imports';
import { LintScopedWeakMap } from './lint-scoped';
import { memberName, unwrapExpression, variableOf } from './scope';

const cache = new LintScopedWeakMap<TSESTree.Program, ReadonlySet<string>>();

/**
 * The names of the values this file decodes from hex into bytes: the variable's name or the property's name of the text
 * each hex decoding reads (`Buffer.from(dataset.networkKey, 'hex')`, `hexToBytes(LINK_KEY)`,
 * `CryptoJS.enc.Hex.parse(cfg.aesKey)`). A value written as text under that name elsewhere in the file (a config
 * object's `networkKey: '…'`) is bytes to the file, whatever object carries it there.
 */
export function hexDecodedNames(sourceCode: SourceCode): ReadonlySet<string> {
  const program = sourceCode.ast as TSESTree.Program;
  let names = cache.get(program);
  if (!names) cache.set(program, (names = collectHexDecodedNames(sourceCode)));
  return names;
}

function collectHexDecodedNames(sourceCode: SourceCode): ReadonlySet<string> {
  const names = new Set<string>();
  if (!/hex/i.test(sourceCode.text)) return names; // most files: no walk
  const add = (text: TSESTree.Node | undefined): void => {
    const name = text && nameOf(unwrapExpression(text));
    if (name) names.add(name);
  };
  for (const node of programNodes(sourceCode.ast as TSESTree.Program)) {
    if (node.type === 'CallExpression' && isBufferFromHex(sourceCode, node)) add(node.arguments[0]);
  }
  // The modelled decoders (noble's `hexToBytes`, crypto-js's `enc.Hex.parse`, forge's `util.hexToBytes`).
  for (const call of getApiCalls(sourceCode)) {
    if (call.api.operation === 'encode' && call.api.facts?.encoding === 'hex' && call.node.type === 'CallExpression') add(call.node.arguments[0]);
  }
  return names;
}

/** `Buffer.from(text, 'hex')`, of the global Buffer or the one imported from `buffer`. */
function isBufferFromHex(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || memberName(callee) !== 'from') return false;
  const encoding = call.arguments[1];
  if (encoding?.type !== 'Literal' || encoding.value !== 'hex' || callee.object.name !== 'Buffer') return false;
  return !variableOf(sourceCode, callee.object)?.defs.length || isBufferClass(sourceCode, callee.object);
}

function nameOf(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return memberName(node);
  return undefined;
}

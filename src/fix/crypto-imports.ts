import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '../analysis/scope';
import { cryptoFunction } from './cipher-framing';
import type { TextEdit } from './edits';
import { nameIsFree } from './source-shape';

/**
 * How to call several node:crypto functions from the file of `call` (a call
 * made through the crypto module): through its namespace, or by adding the
 * missing names to the `import { … } from 'crypto'` / `const { … } =
 * require('crypto')` that brought `call`'s function in. Undefined when
 * neither is possible (or a name is taken).
 */
export function cryptoFunctions(sourceCode: SourceCode, call: TSESTree.CallExpression, names: readonly string[]): { refs: Record<string, string>; edits: TextEdit[] } | undefined {
  const refs: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const ref = cryptoFunction(sourceCode, call, name);
    if (ref) refs[name] = ref;
    else missing.push(name);
  }
  if (missing.length === 0) return { refs, edits: [] };
  if (call.callee.type !== 'Identifier' || !missing.every((n) => nameIsFree(sourceCode, n))) return undefined;
  const scope = sourceCode.getScope(sourceCode.ast);
  const module = scope.childScopes.find((s) => s.type === 'module');
  const variable = scope.set.get(call.callee.name) ?? module?.set.get(call.callee.name);
  const def = variable?.defs[0];
  let anchor: TSESTree.Node | undefined;
  if (def?.type === 'ImportBinding' && def.node.type === 'ImportSpecifier') {
    const declaration = def.node.parent as TSESTree.ImportDeclaration;
    anchor = declaration.specifiers[declaration.specifiers.length - 1];
  } else if (def?.type === 'Variable' && def.node.id.type === 'ObjectPattern') {
    const pattern = def.node.id;
    anchor = pattern.properties[pattern.properties.length - 1];
  }
  if (!anchor) return undefined;
  for (const name of missing) refs[name] = name;
  return { refs, edits: [{ range: [anchor.range[1], anchor.range[1]], text: missing.map((n) => `, ${n}`).join('') }] };
}

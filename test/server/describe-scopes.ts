import type { Scope } from 'eslint';

/** Everything of a scope manager a rule can read, as text: scopes, variables, definitions, references and what they resolve to. */
export function describeScopes(scopes: Scope.Scope[]): string[] {
  const index = new Map(scopes.map((scope, i) => [scope, i]));
  const at = (node: { range?: [number, number] } | null | undefined) => (node?.range ? node.range.join('-') : '-');
  const reference = (ref: Scope.Reference) =>
    `${ref.identifier.type}:${(ref.identifier as { name?: string }).name}@${at(ref.identifier)} ${ref.isRead() ? 'r' : ''}${ref.isWrite() ? 'w' : ''}${ref.init ? 'i' : ''} → ${
      ref.resolved ? `${ref.resolved.name}@${index.get(ref.resolved.scope)}` : 'unresolved'
    } from ${index.get(ref.from)}${ref.writeExpr ? ` = ${at(ref.writeExpr)}` : ''}`;
  return scopes.flatMap((scope, i) => [
    `scope ${i} ${scope.type} ${at(scope.block)} upper ${scope.upper ? index.get(scope.upper) : '-'} strict ${scope.isStrict} children ${scope.childScopes.map((c) => index.get(c)).join(',')}`,
    ...scope.variables.map(
      (v) => `  var ${v.name} defs ${v.defs.map((d) => `${d.type}@${at(d.name)}/${at(d.node)}`).join(' ')} refs ${v.references.map((r) => at(r.identifier)).join(' ')}`,
    ),
    ...scope.references.map((ref) => `  ref ${reference(ref)}`),
    `  through ${scope.through.map((ref) => at(ref.identifier)).join(' ')}`,
  ]);
}

import * as assert from 'node:assert/strict';
import { resolveObjectLiteral } from '../../src/analysis/scope';
import { analyze, markedExpression } from './analyze';

/** The text of the object literal the expression inside `marker(…)` resolves to, if any. */
function resolvedObject(code: string): string | undefined {
  return analyze(code, (context) => {
    const literal = resolveObjectLiteral(context.sourceCode as never, markedExpression(context));
    return literal && context.sourceCode.getText(literal as never);
  });
}

describe('analysis/local-types: a parameter of a local type resolves to the one object the file makes of it', () => {
  it('resolves through a function declared to return the type', () => {
    const code = 'interface Header { n: number }\nfunction make(): Header { return { n: 1 }; }\nexport function open(header: Header) { marker(header); }\nexport const h = make();\n';
    assert.equal(resolvedObject(code), '{ n: 1 }');
  });

  // posthog-node's feature flags: a function of the type returns its own parameter. Collecting the objects of the
  // type asked for them again, without end (a stack overflow that crashed no-plaintext-data-key-exposure).
  it('does not recurse when a function of the type returns a parameter of the type', () => {
    const code =
      'interface Flags { on: boolean }\nfunction make(): Flags { return { on: true }; }\nfunction merge(flags: Flags): Flags { return flags; }\n' +
      'export function use(flags: Flags) { marker(flags); return merge(make()); }\n';
    assert.equal(resolvedObject(code), '{ on: true }');
  });

  it('resolves nothing when the only function of the type returns its parameter', () => {
    const code = 'type Flags = { on: boolean };\nexport function same(flags: Flags): Flags { marker(flags); return flags; }\n';
    assert.equal(resolvedObject(code), undefined);
  });
});

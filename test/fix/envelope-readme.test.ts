import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEnvelopeSuggestion } from './envelope-lint';

const README = path.join(__dirname, '..', '..', 'README.md');

/** The first fenced code block after `<!-- envelope-example:<name> -->`. */
function exampleBlock(readme: string, name: string): string {
  const marker = readme.indexOf(`<!-- envelope-example:${name} -->`);
  assert.ok(marker >= 0, `README has the envelope-example:${name} marker`);
  const block = /```\w*\n([\s\S]*?)\n```/.exec(readme.slice(marker));
  assert.ok(block, `a code block follows envelope-example:${name}`);
  return `${block[1]}\n`;
}

describe('README: envelope rewrite example', () => {
  it('the "after" block is the rewrite of the "before" block', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const after = applyEnvelopeSuggestion(exampleBlock(readme, 'before'), '/tmp/readme/example.cjs');
    assert.ok(after, 'the rewrite is offered on the example');
    assert.equal(after, exampleBlock(readme, 'after'));
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule } from 'eslint';
import plugin = require('../../rules');
import { CORPUS_ROOT, listCorpusFiles } from '../corpus/corpus-lib';
import type { ScorablePlugin } from '../corpus/scoring';
import { fuzzCorpus, fuzzVariant } from './rules-fuzz';

const scorable = plugin as unknown as ScorablePlugin;

describe('rule fuzzer (mutated corpus files)', function () {
  this.timeout(300_000);

  it('makes real, mostly parseable changes', () => {
    const files = listCorpusFiles().filter((_, i) => i % 25 === 0);
    let changed = 0;
    let produced = 0;
    for (const [i, file] of files.entries()) {
      const source = fs.readFileSync(path.join(CORPUS_ROOT, file), 'utf8');
      const variant = fuzzVariant(file, source, 17 + i);
      if (!variant) continue;
      produced++;
      if (variant.source !== source) changed++;
      assert.ok(variant.mutations.length >= 1 && variant.mutations.length <= 3);
      assert.deepEqual(fuzzVariant(file, source, 17 + i), variant, 'a seed replays the same variant');
    }
    assert.ok(produced >= files.length * 0.9, `${produced} of ${files.length} files gave a variant`);
    assert.ok(changed >= produced * 0.95, `${changed} of ${produced} variants differ from the original`);
  });

  it('names the rule that throws and the mutations that made it throw', () => {
    // a rule that throws on an optional call, which only the mutations write in these files
    const throwsOnOptionalCall: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create: () => ({
        CallExpression(node) {
          if ((node as { optional?: boolean }).optional) throw new Error('boom');
        },
      }),
    };
    const broken: ScorablePlugin = {
      rules: { ...scorable.rules, 'no-static-iv': throwsOnOptionalCall },
      configs: { recommended: { rules: { 'keywarden/no-static-iv': 'error' } }, strict: { rules: { 'keywarden/no-static-iv': 'error' } } },
    };
    const files = listCorpusFiles().filter((f) => f.startsWith('weak-crypto/') && f.endsWith('.ts')).slice(0, 40);
    const stats = fuzzCorpus({ plugin: broken, files, variantsPerFile: 3, seed: 5 });
    const crashes = stats.problems.filter((p) => p.kind === 'crash');
    assert.ok(crashes.length > 0, 'some variant has an optional call');
    for (const crash of crashes) {
      assert.equal(crash.rule, 'keywarden/no-static-iv');
      assert.match(crash.message, /boom/);
      assert.ok(crash.mutations.some((m) => m.startsWith('optionalCall')), crash.mutations.join('; '));
    }
  });

  it('no rule throws on a mutated variant of every corpus file (recommended and strict)', () => {
    const stats = fuzzCorpus({ plugin: scorable, variantsPerFile: 1, seed: 20261129 });
    const crashes = stats.problems.filter((p) => p.kind === 'crash');
    assert.deepEqual(
      crashes.map((c) => `${c.rule} ${c.file} seed=${c.seed} [${c.mutations.join('; ')}]: ${c.message}`),
      [],
    );
    assert.ok(stats.linted >= stats.variants * 0.9, `${stats.linted} of ${stats.variants} variants linted`);
  });
});

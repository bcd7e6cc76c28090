import * as assert from 'node:assert/strict';
import { formatUseSites, parseUseSites } from '../../src/util/use-sites';

describe('use sites in messages (src/util/use-sites)', () => {
  it('reads back what it writes, from the parenthesised list of a message', () => {
    const sites = [
      { purpose: 'encrypt', line: 4, column: 53 },
      { purpose: 'kdf-input', line: 12, column: 7 },
    ];
    const message = `\`KEY\` is used for encrypt and kdf-input (${formatUseSites(sites)}). One key, one purpose.`;
    assert.equal(formatUseSites(sites), 'encrypt at 4:53, kdf-input at 12:7');
    assert.deepEqual(parseUseSites(message), sites);
  });

  it('finds nothing in a message without such a list', () => {
    assert.deepEqual(parseUseSites('`KEY` is declared for mac (the keywarden policy: session) but used for encrypt here.'), []);
  });
});

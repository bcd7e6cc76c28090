import * as assert from 'node:assert/strict';
import { isSecretKeyName, namesSeveralKeys, words } from '../../src/analysis/names';

describe('names: words and encoding tails', () => {
  it('splits identifiers into lower-case words, the same frozen list for the same name', () => {
    assert.deepEqual(words('SIGNING_KEYS_HEX'), ['signing', 'keys', 'hex']);
    assert.deepEqual(words('sessionSecretB64'), ['session', 'secret', 'b64']);
    assert.equal(words('keyBytes'), words('keyBytes'));
    assert.ok(Object.isFrozen(words('keyBytes')));
  });

  it('reads past encoding words without changing the remembered split of the name', () => {
    assert.equal(namesSeveralKeys('SIGNING_KEYS_HEX'), true);
    assert.equal(namesSeveralKeys('signingKeysB64'), true);
    assert.equal(namesSeveralKeys('keyBytes'), false);
    assert.equal(namesSeveralKeys('HEX'), false);
    assert.equal(isSecretKeyName('SESSION_SECRET_HEX'), true);
    assert.deepEqual(words('SIGNING_KEYS_HEX'), ['signing', 'keys', 'hex']);
    assert.deepEqual(words('SESSION_SECRET_HEX'), ['session', 'secret', 'hex']);
  });
});

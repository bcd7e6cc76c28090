import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { createEnvelopeClient } from '../../src/kms';
import { crc32 } from '../../src/kms/crc32';
import { parseHeader } from '../../src/kms/format';
import { localClient, localOptions, rejectsWith, useTempDir } from './helpers';

/** Recomputes the header CRC, so a modification reaches the cryptographic checks. */
function fixCrc(blob: Buffer, crcAt = parseHeaderLoose(blob).crcAt): Buffer {
  blob.writeUInt32BE(crc32(blob.subarray(0, crcAt)), crcAt);
  return blob;
}

/** Field offsets of a (possibly modified) blob, read without checking anything. */
function parseHeaderLoose(blob: Buffer): { crcAt: number; aadLength: number; fields: Array<[string, number, number]> } {
  const fields: Array<[string, number, number]> = [];
  let pos = 0;
  const field = (name: string, length: number) => {
    fields.push([name, pos, pos + length]);
    pos += length;
  };
  field('magic', 4);
  field('version', 1);
  field('suite', 1);
  field('frame size', 4);
  const purposeLength = blob[pos];
  field('purpose length', 1);
  field('purpose', purposeLength);
  const pairs = blob.readUInt16BE(pos);
  field('context count', 2);
  for (let i = 0; i < pairs; i++) {
    for (const part of ['key', 'value']) {
      const length = blob.readUInt16BE(pos);
      field(`context ${part} length`, 2);
      field(`context ${part}`, length);
    }
  }
  field('nonce', 32);
  field('commitment', 32);
  const aadLength = pos;
  let length = blob.readUInt16BE(pos);
  field('key URI length', 2);
  field('key URI', length);
  length = blob.readUInt16BE(pos);
  field('wrapped key length', 2);
  field('wrapped key', length);
  const crcAt = pos;
  field('header CRC', 4);
  field('frame flag', 1);
  field('frame length', 4);
  field('ciphertext', blob.length - pos - 16);
  field('tag', 16);
  return { crcAt, aadLength, fields };
}

describe('kms: tampering', () => {
  const tmp = useTempDir();

  it('every modified byte of every field fails with TAMPERED (UNSUPPORTED_FORMAT for magic/version/suite)', async function () {
    this.timeout(60_000);
    const client = localClient(tmp.dir, { purpose: 'pii', context: { tenant: 't1' }, cache: { maxAgeMs: 60_000 } });
    const sealed = await client.encrypt('attack at dawn');
    const { fields } = parseHeaderLoose(sealed);
    let checked = 0;
    for (const [name, start, end] of fields) {
      for (let i = start; i < end; i++) {
        for (const flip of [0x01, 0x80, 0xff]) {
          const copy = Buffer.from(sealed);
          copy[i] ^= flip;
          const expected = ['magic', 'version', 'suite'].includes(name) ? 'UNSUPPORTED_FORMAT' : 'TAMPERED';
          await rejectsWith(client.decrypt(copy), expected, `${name} byte ${i} ^ ${flip}:`);
          checked++;
        }
      }
    }
    assert.ok(checked > 3 * 150, `checked ${checked}`);
    // Removing or adding a byte anywhere is also caught.
    for (let i = 0; i < sealed.length; i++) {
      await rejectsWith(client.decrypt(Buffer.concat([sealed.subarray(0, i), sealed.subarray(i + 1)])), ['TAMPERED', 'UNSUPPORTED_FORMAT'], `drop ${i}`);
    }
    await rejectsWith(client.decrypt(Buffer.concat([sealed, Buffer.from([0])])), 'TAMPERED', 'trailing byte');
  });

  it('forged modifications with a recomputed checksum are still refused by the cryptography', async function () {
    this.timeout(60_000);
    const client = localClient(tmp.dir, { purpose: 'pii', context: { tenant: 't1' } });
    const sealed = await client.encrypt('attack at dawn');
    const { fields, crcAt } = parseHeaderLoose(sealed);
    for (const [name, start, end] of fields) {
      if (['magic', 'version', 'suite', 'header CRC'].includes(name) || start >= crcAt) continue;
      for (let i = start; i < end; i++) {
        const copy = Buffer.from(sealed);
        copy[i] ^= 0x01;
        fixCrc(copy, crcAt); // where the original header put its CRC
        // A forged purpose/context is reported as such (never decrypted);
        // a forged key URI names a key that does not exist, a forged key id in
        // the wrapped key names another keyring's KEK; the rest fails authentication.
        const expected =
          name === 'purpose'
            ? ['WRONG_PURPOSE']
            : name === 'context key' || name === 'context value'
              ? ['WRONG_CONTEXT']
              : name === 'key URI'
                ? ['UNKNOWN_KEY', 'UNSUPPORTED_FORMAT']
                : name === 'wrapped key'
                  ? ['TAMPERED', 'UNKNOWN_KEY']
                  : ['TAMPERED'];
        await rejectsWith(client.decrypt(copy), expected, `${name} byte ${i}:`);
      }
    }
  });

  it('a forged purpose or context that matches the client still fails: the KMS bound them to the wrapped key', async () => {
    const writer = localClient(tmp.dir, { purpose: 'pii', context: { tenant: 't1' } });
    const sealed = await writer.encrypt('secret');
    // Rewrite the header to claim purpose "pio" and tenant "t2" (same lengths), fix the CRC.
    const forged = Buffer.from(sealed);
    forged.write('pio', forged.indexOf('pii'), 'latin1');
    forged.write('t2', forged.indexOf('t1'), 'latin1');
    fixCrc(forged);
    const reader = localClient(tmp.dir, { purpose: 'pio', context: { tenant: 't2' } });
    await rejectsWith(reader.decrypt(forged), 'TAMPERED');
  });

  it('swapping in the key section of another blob fails the key commitment', async () => {
    const client = localClient(tmp.dir);
    const a = await client.encrypt('message a');
    const b = await client.encrypt('message b');
    const ha = parseHeader(a);
    const hb = parseHeader(b);
    const spliced = Buffer.concat([a.subarray(0, ha.keySectionOffset), b.subarray(hb.keySectionOffset, hb.length - 4), Buffer.alloc(4), a.subarray(ha.length)]);
    fixCrc(spliced);
    const error = await rejectsWith(client.decrypt(spliced), 'TAMPERED');
    assert.match(error.message, /commitment/);
  });

  it('wrong context → WRONG_CONTEXT, wrong purpose → WRONG_PURPOSE, before any KMS call', async () => {
    const client = localClient(tmp.dir, { purpose: 'pii', context: { tenant: 't1' } });
    const sealed = await client.encrypt('secret');
    await rejectsWith(localClient(tmp.dir, { purpose: 'pii', context: { tenant: 't2' } }).decrypt(sealed), 'WRONG_CONTEXT');
    await rejectsWith(localClient(tmp.dir, { purpose: 'pii' }).decrypt(sealed), 'WRONG_CONTEXT');
    await rejectsWith(client.decrypt(sealed, { context: { extra: 'x' } }), 'WRONG_CONTEXT');
    await rejectsWith(localClient(tmp.dir, { purpose: 'tokens', context: { tenant: 't1' } }).decrypt(sealed), 'WRONG_PURPOSE');
    await rejectsWith(localClient(tmp.dir, { context: { tenant: 't1' } }).decrypt(sealed), 'WRONG_PURPOSE');
  });

  it('a blob from another keyring → UNKNOWN_KEY; a missing key name → UNKNOWN_KEY', async () => {
    const sealed = await localClient(tmp.dir).encrypt('secret');
    const otherDir = `${tmp.dir}/other`;
    const other = localClient(otherDir);
    await other.encrypt('creates local://app in the other keyring');
    await rejectsWith(other.decrypt(sealed), 'UNKNOWN_KEY');
    const empty = createEnvelopeClient({ keyUri: 'local://x', providerOptions: { local: localOptions(`${tmp.dir}/empty`) } });
    await rejectsWith(empty.decrypt(sealed), 'UNKNOWN_KEY');
  });

  it('the same keyring opened with another master key → KMS_DENIED', async () => {
    const sealed = await localClient(tmp.dir).encrypt('secret');
    const wrongMaster = crypto.randomBytes(32).toString('base64');
    const client = createEnvelopeClient({ keyUri: 'local://app', providerOptions: { local: { ...localOptions(tmp.dir), masterKey: wrongMaster } } });
    await rejectsWith(client.decrypt(sealed), 'KMS_DENIED');
  });

  it('non-keywarden input → UNSUPPORTED_FORMAT; truncated input → TAMPERED; partial plaintext never returned', async () => {
    const client = localClient(tmp.dir);
    await rejectsWith(client.decrypt(Buffer.from('just some bytes')), 'UNSUPPORTED_FORMAT');
    await rejectsWith(client.decrypt(Buffer.alloc(0)), 'UNSUPPORTED_FORMAT');
    const sealed = await client.encrypt(crypto.randomBytes(4096));
    for (const cut of [5, 10, 60, 150, sealed.length - 17, sealed.length - 1]) {
      await rejectsWith(client.decrypt(sealed.subarray(0, cut)), ['TAMPERED', 'UNSUPPORTED_FORMAT'], `cut ${cut}`);
    }
  });
});

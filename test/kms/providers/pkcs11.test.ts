import assert from 'node:assert/strict';
import * as pkcs11js from 'pkcs11js';
import { KeywardenError } from '../../../src/kms/errors';
import type { KeyProvider } from '../../../src/kms/provider';
import { createPkcs11Kek, createPkcs11Provider } from '../../../src/kms/providers/pkcs11';
import { parsePkcs11Uri } from '../../../src/kms/providers/pkcs11-uri';
import { SoftHsm, SOFTHSM_MODULE } from '../servers/softhsm';
import { rejectsWith } from './expect-error';

const PIN = 'user-pin-1234';
const OTHER_PIN = 'other-pin-5678';
const context = { purpose: 'encrypt', dataset: 'invoices' };

/** Creates keys the provider must refuse, straight through pkcs11js (module finalized after). */
function createBadKeys(tokenLabel: string, pin: string): void {
  const p11 = new pkcs11js.PKCS11();
  p11.load(SOFTHSM_MODULE);
  p11.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
  try {
    const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === tokenLabel)!;
    const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    p11.C_Login(session, pkcs11js.CKU_USER, pin);
    const base = [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_SECRET_KEY },
      { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_AES },
      { type: pkcs11js.CKA_VALUE_LEN, value: 32 },
      { type: pkcs11js.CKA_TOKEN, value: true },
      { type: pkcs11js.CKA_PRIVATE, value: true },
      { type: pkcs11js.CKA_SENSITIVE, value: true },
    ];
    // A wrap-only key: the token must refuse to encrypt with it.
    p11.C_GenerateKey(session, { mechanism: pkcs11js.CKM_AES_KEY_GEN }, [
      ...base,
      { type: pkcs11js.CKA_LABEL, value: 'wrap-only' },
      { type: pkcs11js.CKA_EXTRACTABLE, value: false },
      { type: pkcs11js.CKA_ENCRYPT, value: false },
      { type: pkcs11js.CKA_DECRYPT, value: false },
      { type: pkcs11js.CKA_WRAP, value: true },
      { type: pkcs11js.CKA_UNWRAP, value: true },
    ]);
    // An extractable key: keywarden must refuse it as a KEK.
    p11.C_GenerateKey(session, { mechanism: pkcs11js.CKM_AES_KEY_GEN }, [
      ...base,
      { type: pkcs11js.CKA_LABEL, value: 'extractable' },
      { type: pkcs11js.CKA_EXTRACTABLE, value: true },
      { type: pkcs11js.CKA_ENCRYPT, value: true },
      { type: pkcs11js.CKA_DECRYPT, value: true },
    ]);
    p11.C_CloseSession(session);
  } finally {
    p11.C_Finalize();
    p11.close();
  }
}

describe('pkcs11 provider (pkcs11js against SoftHSM2)', function () {
  let hsm: SoftHsm;
  let provider: KeyProvider;
  let kekUri: string;
  let secondKekUri: string;
  let otherTokenKekUri: string;

  before(async function () {
    // Starts servers, tokens and SDKs: seconds on a busy machine.
    this.timeout(120_000);
    hsm = new SoftHsm();
    hsm.initToken('kw-main', PIN);
    hsm.initToken('kw-other', OTHER_PIN);
    kekUri = await createPkcs11Kek({ modulePath: SOFTHSM_MODULE, tokenLabel: 'kw-main', keyLabel: 'kek-1', pin: PIN });
    secondKekUri = await createPkcs11Kek({ modulePath: SOFTHSM_MODULE, tokenLabel: 'kw-main', keyLabel: 'kek-2', pin: PIN });
    otherTokenKekUri = await createPkcs11Kek({ modulePath: SOFTHSM_MODULE, tokenLabel: 'kw-other', keyLabel: 'kek', pin: OTHER_PIN });
    createBadKeys('kw-main', PIN);
  });
  after(() => hsm.dispose());
  beforeEach(() => {
    provider = createPkcs11Provider({ modulePath: SOFTHSM_MODULE, pin: (token) => (token === 'kw-other' ? OTHER_PIN : PIN) });
  });
  afterEach(async () => {
    await provider.close?.();
  });

  it('createPkcs11Kek returns a key URI naming the token and label', () => {
    assert.equal(kekUri, 'pkcs11://token=kw-main;object=kek-1');
  });

  it('wraps and unwraps a data key inside the token', async () => {
    const generated = await provider.generateDataKey({ keyUri: kekUri, context });
    assert.equal(generated.plaintext.length, 32);
    assert.equal(generated.keyUri, kekUri);
    assert.equal(generated.wrapped.length, 61);
    assert.ok(!generated.wrapped.includes(generated.plaintext));
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext);
  });

  it('the KEK cannot be read out of the token', () => {
    const p11 = new pkcs11js.PKCS11();
    p11.load(SOFTHSM_MODULE);
    p11.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
    try {
      const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === 'kw-main')!;
      const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      p11.C_Login(session, pkcs11js.CKU_USER, PIN);
      p11.C_FindObjectsInit(session, [{ type: pkcs11js.CKA_LABEL, value: 'kek-1' }]);
      const [key] = p11.C_FindObjects(session, 1);
      p11.C_FindObjectsFinal(session);
      assert.throws(
        () => p11.C_GetAttributeValue(session, key!, [{ type: pkcs11js.CKA_VALUE }]),
        (e: unknown) => (e as { code?: number }).code === pkcs11js.CKR_ATTRIBUTE_SENSITIVE,
      );
      p11.C_CloseSession(session);
    } finally {
      p11.C_Finalize();
      p11.close();
    }
  });

  it('binds the context as GCM AAD: another context is TAMPERED', async () => {
    const generated = await provider.generateDataKey({ keyUri: kekUri, context });
    await rejectsWith(provider.unwrap({ ...generated, context: { ...context, dataset: 'payroll' } }), 'TAMPERED');
    await rejectsWith(provider.unwrap({ ...generated, context: {} }), 'TAMPERED');
    // Length-prefixed encoding: moving characters between key and value changes the AAD.
    const ab = await provider.generateDataKey({ keyUri: kekUri, context: { a: 'bc' } });
    await rejectsWith(provider.unwrap({ ...ab, context: { ab: 'c' } }), 'TAMPERED');
  });

  it('every flipped byte and every truncation of the wrapped key is TAMPERED', async () => {
    const generated = await provider.generateDataKey({ keyUri: kekUri, context });
    for (let i = 0; i < generated.wrapped.length; i++) {
      const wrapped = Buffer.from(generated.wrapped);
      wrapped[i]! ^= 0x80;
      await rejectsWith(provider.unwrap({ keyUri: kekUri, wrapped, context }), 'TAMPERED');
    }
    for (const length of [0, 1, 13, 60]) {
      await rejectsWith(provider.unwrap({ keyUri: kekUri, wrapped: generated.wrapped.subarray(0, length), context }), 'TAMPERED');
    }
  });

  it('a wrapped key presented to another KEK is TAMPERED', async () => {
    const generated = await provider.generateDataKey({ keyUri: kekUri, context });
    await rejectsWith(provider.unwrap({ ...generated, keyUri: secondKekUri, context }), 'TAMPERED');
  });

  it('unknown key labels and tokens are UNKNOWN_KEY', async () => {
    await rejectsWith(provider.generateDataKey({ keyUri: 'pkcs11://token=kw-main;object=missing', context }), 'UNKNOWN_KEY');
    await rejectsWith(provider.generateDataKey({ keyUri: 'pkcs11://token=no-such-token;object=kek-1', context }), 'UNKNOWN_KEY');
  });

  it('the token enforces key usage: a wrap-only key refuses to encrypt (KMS_DENIED)', async () => {
    const error = await rejectsWith(provider.generateDataKey({ keyUri: 'pkcs11://token=kw-main;object=wrap-only', context }), 'KMS_DENIED');
    assert.match(error.message, /CKR_KEY_FUNCTION_NOT_PERMITTED/);
  });

  it('refuses an extractable key as a KEK', async () => {
    await rejectsWith(provider.generateDataKey({ keyUri: 'pkcs11://token=kw-main;object=extractable', context }), 'KMS_DENIED');
  });

  it('a wrong PIN is KMS_DENIED, and is not tried again (token lockout)', async () => {
    let asked = 0;
    const wrong = createPkcs11Provider({ modulePath: SOFTHSM_MODULE, pin: () => (asked++, 'wrong-pin') });
    await rejectsWith(wrong.generateDataKey({ keyUri: kekUri, context }), 'KMS_DENIED');
    const again = await rejectsWith(wrong.generateDataKey({ keyUri: kekUri, context }), 'KMS_DENIED');
    assert.match(again.message, /CKR_PIN_INCORRECT/);
    assert.equal(asked, 1, 'one login attempt per provider');
    await wrong.close?.();
  });

  it('takes the PIN from the variable named by pin-source, and from KEYWARDEN_PKCS11_PIN by default', async () => {
    const saved = { other: process.env.KEYWARDEN_PKCS11_PIN_OTHER, main: process.env.KEYWARDEN_PKCS11_PIN };
    process.env.KEYWARDEN_PKCS11_PIN_OTHER = OTHER_PIN;
    process.env.KEYWARDEN_PKCS11_PIN = PIN;
    const fromEnv = createPkcs11Provider({ modulePath: SOFTHSM_MODULE });
    try {
      const other = `${otherTokenKekUri}?pin-source=env:KEYWARDEN_PKCS11_PIN_OTHER`;
      const generated = await fromEnv.generateDataKey({ keyUri: other, context });
      assert.deepEqual(await fromEnv.unwrap({ ...generated, context }), generated.plaintext);
      const main = await fromEnv.generateDataKey({ keyUri: kekUri, context });
      assert.deepEqual(await fromEnv.unwrap({ ...main, context }), main.plaintext);
    } finally {
      await fromEnv.close?.();
      for (const [name, value] of [['KEYWARDEN_PKCS11_PIN_OTHER', saved.other], ['KEYWARDEN_PKCS11_PIN', saved.main]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('rewrap moves a data key to another KEK (and another token); the old KEK no longer opens it', async () => {
    const generated = await provider.generateDataKey({ keyUri: kekUri, context });
    const moved = await provider.rewrap({ ...generated, context, toKeyUri: secondKekUri });
    assert.equal(moved.keyUri, secondKekUri);
    assert.deepEqual(await provider.unwrap({ ...moved, context }), generated.plaintext);
    await rejectsWith(provider.unwrap({ keyUri: kekUri, wrapped: moved.wrapped, context }), 'TAMPERED');

    const elsewhere = await provider.rewrap({ ...moved, context, toKeyUri: otherTokenKekUri });
    assert.deepEqual(await provider.unwrap({ ...elsewhere, context }), generated.plaintext);

    const fresh = await provider.rewrap({ ...generated, context });
    assert.notDeepEqual(fresh.wrapped, generated.wrapped, 'a new IV every wrap');
    assert.deepEqual(await provider.unwrap({ ...fresh, context }), generated.plaintext);
  });

  it('wrap encrypts an existing data key in the token, bound to the context', async () => {
    const dataKey = Buffer.alloc(32, 5);
    const wrapped = await provider.wrap!({ keyUri: kekUri, plaintext: dataKey, context });
    assert.equal(wrapped.keyUri, kekUri);
    assert.deepEqual(await provider.unwrap({ ...wrapped, context }), dataKey);
    await rejectsWith(provider.unwrap({ ...wrapped, context: { purpose: 'mac' } }), 'TAMPERED');
    assert.deepEqual(dataKey, Buffer.alloc(32, 5), 'the caller\'s buffer is left alone (the caller wipes it)');
  });

  it('serves many concurrent operations through a small session pool', async () => {
    const pooled = createPkcs11Provider({ modulePath: SOFTHSM_MODULE, pin: PIN, sessions: 3 });
    try {
      const results = await Promise.all(
        Array.from({ length: 300 }, async (_, i) => {
          const ctx = { purpose: 'encrypt', n: String(i) };
          const generated = await pooled.generateDataKey({ keyUri: kekUri, context: ctx });
          const unwrapped = await pooled.unwrap({ ...generated, context: ctx });
          return unwrapped.equals(generated.plaintext) ? generated.plaintext.toString('hex') : 'mismatch';
        }),
      );
      assert.ok(!results.includes('mismatch'));
      assert.equal(new Set(results).size, results.length, 'every data key distinct');
    } finally {
      await pooled.close?.();
    }
  });

  it('createPkcs11Kek refuses to overwrite an existing label', async () => {
    await rejectsWith(createPkcs11Kek({ modulePath: SOFTHSM_MODULE, tokenLabel: 'kw-main', keyLabel: 'kek-1', pin: PIN }), 'KMS_DENIED');
  });

  it('a key URI cannot choose the library to load, and never carries a PIN', async () => {
    await rejectsWith(provider.generateDataKey({ keyUri: `${kekUri}?module-path=/tmp/evil.so`, context }), 'KMS_DENIED');
    await rejectsWith(provider.generateDataKey({ keyUri: `${kekUri}?pin-value=1234`, context }), 'UNSUPPORTED_FORMAT');
    await rejectsWith(provider.generateDataKey({ keyUri: `${kekUri}?pin-source=env:HOME`, context }), 'UNSUPPORTED_FORMAT');
    await rejectsWith(provider.generateDataKey({ keyUri: `${kekUri}?pin-source=file:/etc/passwd`, context }), 'UNSUPPORTED_FORMAT');
    const sameModule = await provider.generateDataKey({ keyUri: `${kekUri}?module-path=${SOFTHSM_MODULE}`, context });
    assert.equal(sameModule.plaintext.length, 32);
  });

  it('without a module configured it says how to configure one', async () => {
    const saved = process.env.KEYWARDEN_PKCS11_MODULE;
    delete process.env.KEYWARDEN_PKCS11_MODULE;
    try {
      const error = await rejectsWith(createPkcs11Provider().generateDataKey({ keyUri: kekUri, context }), 'KMS_UNAVAILABLE');
      assert.match(error.message, /KEYWARDEN_PKCS11_MODULE/);
    } finally {
      if (saved !== undefined) process.env.KEYWARDEN_PKCS11_MODULE = saved;
    }
  });

  it('parses RFC 7512 style URIs', () => {
    assert.deepEqual(parsePkcs11Uri('pkcs11:token=My%20Token;object=kek;id=%01%ff;type=secret-key?pin-source=env:KEYWARDEN_PKCS11_PIN'), {
      token: 'My Token',
      object: 'kek',
      id: Buffer.from([0x01, 0xff]),
      serial: undefined,
      pinEnv: 'KEYWARDEN_PKCS11_PIN',
      modulePath: undefined,
    });
    for (const bad of [
      'pkcs11://object=kek',
      'pkcs11://token=t',
      'pkcs11://token=t;object=k;type=private',
      'pkcs11://token=t;object=k;id=01',
      'pkcs11://token=t;object=k;token=u',
      'pkcs11://token=t;object=k;slot-id=1',
      'pkcs11://token=%E0%A4%A;object=k',
      'pkcs11://token=t;object=k#frag',
      'pkcs12://token=t;object=k',
    ]) {
      assert.throws(() => parsePkcs11Uri(bad), (e: unknown) => e instanceof KeywardenError && e.code === 'UNSUPPORTED_FORMAT', bad);
    }
  });
});

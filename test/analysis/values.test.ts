import * as assert from 'node:assert/strict';
import { resolveConstant, resolveValues, type Constant } from '../../src/analysis/values';
import { analyze, markedExpression } from './analyze';

/** What the expression inside `marker(…)` resolves to, in a printable form. */
function values(code: string, options: { everyTableEntry?: boolean } = {}): { values: string[]; complete: boolean } {
  return analyze(code, (context) => {
    const r = resolveValues({ sourceCode: context.sourceCode, ...options }, markedExpression(context));
    return { values: r.values.map(show), complete: r.complete };
  });
}

function show(c: Constant): string {
  const flags = [c.fallback && 'fallback', c.derived && 'derived', c.viaCallSite && 'call-site'].filter(Boolean).join(',');
  const value = c.kind === 'bytes' ? `bytes:${Buffer.from(c.value as Uint8Array).toString('hex')}` : c.kind === 'array' ? `[${(c.value as Constant[]).map(show).join(' ')}]` : String(c.value);
  return flags ? `${value}(${flags})` : value;
}

describe('analysis/values', () => {
  it('literals, templates and concatenation', () => {
    assert.deepEqual(values(`marker('abc')`), { values: ['abc'], complete: true });
    assert.deepEqual(values(`const a = 'x'; marker(\`\${a}-y\${1 + 2}\`)`), { values: ['x-y3'], complete: true });
    assert.deepEqual(values(`const p = 'pre'; marker(p + '-' + 'fix')`), { values: ['pre-fix'], complete: true });
    assert.deepEqual(values(`marker(\`\${process.env.A}\`)`), { values: [], complete: false });
  });

  it('byte constructors and encoders', () => {
    assert.deepEqual(values(`marker(Buffer.from('0aff', 'hex'))`).values, ['bytes:0aff']);
    assert.deepEqual(values(`marker(Buffer.from('AQI=', 'base64'))`).values, ['bytes:0102']);
    assert.deepEqual(values(`marker(Buffer.alloc(4))`).values, ['bytes:00000000']);
    assert.deepEqual(values(`marker(new Uint8Array([1, 2, 255]))`).values, ['bytes:0102ff']);
    assert.deepEqual(values(`marker(new TextEncoder().encode('ab'))`).values, ['bytes:6162']);
    assert.deepEqual(values(`const enc = new TextEncoder(); marker(enc.encode('ab'))`).values, ['bytes:6162']);
    assert.deepEqual(values(`import CryptoJS from 'crypto-js'; marker(CryptoJS.enc.Hex.parse('beef'))`).values, ['bytes:beef']);
    assert.deepEqual(values(`import forge from 'node-forge'; marker(forge.util.hexToBytes('beef'))`).values, ['bytes:beef']);
    // Uninitialised memory is not a constant.
    assert.deepEqual(values(`marker(Buffer.allocUnsafe(32))`).values, []);
  });

  it('a property written once at the module level on a module binding (CommonJS statics)', () => {
    assert.deepEqual(values(`var Hybi = function () {}; Hybi.go = function (k) { return marker(Hybi.GUID); }; Hybi.GUID = 'abc';`).values, ['abc']);
    // Written twice, in a function, or by an update: unknown.
    assert.deepEqual(values(`var Hybi = {}; Hybi.GUID = 'a'; Hybi.GUID = 'b'; marker(Hybi.GUID);`).values, []);
    assert.deepEqual(values(`var Hybi = {}; function init() { Hybi.GUID = 'a'; } marker(Hybi.GUID);`).values, []);
    assert.deepEqual(values(`var C = {}; C.n = 1; C.n++; marker(C.n);`).values, []);
    // A local object is not a module's static.
    assert.deepEqual(values(`function f() { const o = {}; o.k = 'a'; return marker(o.k); }`).values, []);
  });

  it('follows consts, object properties, destructuring and array elements', () => {
    assert.deepEqual(values(`const config = { crypto: { key: 'k1' } }; marker(config.crypto.key)`).values, ['k1']);
    assert.deepEqual(values(`const config = { crypto: { key: 'k1' } }; const { crypto: { key } } = config; marker(key)`).values, ['k1']);
    assert.deepEqual(values(`const keys = ['a', 'b']; marker(keys[1])`).values, ['b']);
    assert.deepEqual(values(`const cfg = { key: process.env.KEY }; marker(cfg.key)`).values, []);
    // An array pattern's binding is one element, not the whole array.
    assert.deepEqual(values(`const [a, b] = ['x', 'y']; marker(b)`).values, ['y']);
    assert.deepEqual(values(`function pair() { return ['k', 'v']; } const [k, v] = pair(); marker(v)`).values, ['v']);
    assert.deepEqual(values(`let a, b; [a, b] = ['x', 'y']; marker(a)`).values, ['x']);
    assert.deepEqual(values(`const [first, ...rest] = ['x', 'y']; marker(rest)`).values, []);
  });

  it('is flow-aware for reassigned lets', () => {
    assert.deepEqual(values(`let key = 'old'; key = randomBytes(32); marker(key)`), { values: [], complete: false });
    assert.deepEqual(values(`let key = process.env.K; if (!key) key = 'dev'; marker(key)`), { values: ['dev(fallback)'], complete: false });
    assert.deepEqual(values(`let key = 'a'; key = 'b'; marker(key)`), { values: ['b'], complete: true });
  });

  it('marks fallbacks of env vars and parameter defaults; reads call-site constants', () => {
    assert.deepEqual(values(`marker(process.env.SECRET ?? 'dev-secret')`), { values: ['dev-secret(fallback)'], complete: false });
    assert.deepEqual(values(`marker(process.env.SECRET || '')`).values, ['(fallback)']);
    assert.deepEqual(values(`function f(k = 'dflt') { marker(k); } f(process.env.K);`).values, ['dflt(fallback)']);
    assert.deepEqual(values(`function f(d, k) { marker(k); } f(1, 'from-caller'); f(2, other);`).values, ['from-caller(call-site)']);
    assert.deepEqual(values(`const f = (k) => marker(k); f('arrow-caller');`).values, ['arrow-caller(call-site)']);
  });

  it('reads class fields, constructor assignments and static members', () => {
    assert.deepEqual(values(`class A { key = 'field'; m() { return marker(this.key); } }`).values, ['field']);
    assert.deepEqual(values(`class A { constructor() { this.key = 'ctor'; } m() { return marker(this.key); } }`).values, ['ctor']);
    assert.deepEqual(values(`class A { static KEY = 'static'; } marker(A.KEY)`).values, ['static']);
  });

  it('treats hashes and KDF outputs of constants as derived constants', () => {
    assert.deepEqual(values(`import c from 'crypto'; marker(c.createHash('sha256').update('s3cret').digest())`).values, ['s3cret(derived)']);
    assert.deepEqual(values(`import { scryptSync } from 'crypto'; marker(scryptSync('pw', 'salt', 32))`).values, ['pw(derived)']);
    assert.deepEqual(values(`import c from 'crypto'; marker(c.createHash('sha256').update(input).digest())`).values, []);
  });

  it('follows small local helpers with this call\'s arguments', () => {
    assert.deepEqual(values(`const b64 = (s) => Buffer.from(s, 'base64'); marker(b64('AQI='))`).values, ['bytes:0102']);
    assert.deepEqual(values(`function decodeKey(hex) { return Buffer.from(hex, 'hex'); } const K = '0aff'; marker(decodeKey(K))`).values, ['bytes:0aff']);
    // Each call sees its own argument, not every caller's.
    assert.deepEqual(values(`const dec = (s) => Buffer.from(s, 'hex'); dec('aa'); marker(dec('bb'))`).values, ['bytes:bb']);
    // An omitted argument takes the parameter's default; an env argument is not constant.
    assert.deepEqual(values(`function key(s = 'dflt') { return s; } marker(key())`).values, ['dflt']);
    assert.deepEqual(values(`const dec = (s) => Buffer.from(s, 'hex'); marker(dec(process.env.KEY))`).values, []);
    // Async helpers (a promise, not the bytes) and reassigned bindings are not followed.
    assert.deepEqual(values(`async function load(s) { return Buffer.from(s, 'hex'); } marker(load('aa'))`).values, []);
    assert.deepEqual(values(`let dec = (s) => s; dec = read; marker(dec('aa'))`).values, []);
  });

  it('joins constant parts', () => {
    assert.deepEqual(values(`const parts = ['ab', 'cd']; marker(parts.join(''))`).values, ['abcd']);
    assert.deepEqual(values(`marker(['a', 1].join('-'))`).values, ['a-1']);
    assert.deepEqual(values(`marker([process.env.A, 'b'].join(''))`).values, []);
  });

  it('decodes atob() and typed arrays made from it', () => {
    assert.deepEqual(values(`marker(Uint8Array.from(atob('AQI='), (c) => c.charCodeAt(0)))`).values, ['bytes:0102']);
    assert.deepEqual(values(`const toBytes = (b) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0)); const RAW = 'AQI='; marker(toBytes(RAW))`).values, ['bytes:0102']);
    // A local function named atob is not the global.
    assert.deepEqual(values(`function atob(s) { return fetchIt(s); } marker(atob('AQI='))`).values, []);
  });

  it('reads versioned key maps and objects indexed at run time', () => {
    // A configuration lookup's default is a fallback.
    assert.deepEqual(values(`marker(config.get('DATA_KEY', 'dflt'))`), { values: ['dflt(fallback)'], complete: false });
    assert.deepEqual(values(`marker(_.get(settings, 'jwt.secret', 'dflt'))`).values, ['dflt(fallback)']);
    assert.deepEqual(values(`marker(config.get('DATA_KEY'))`).values, []);
    const every = { everyTableEntry: true };
    assert.deepEqual(values(`const KEYS = new Map([['v1', 'aa'], ['v2', process.env.K2]]); marker(KEYS.get(version))`, every), { values: ['aa'], complete: false });
    assert.deepEqual(values(`const KEYS = new Map([['v1', 'aa'], ['v2', 'bb']]); marker(KEYS.get('v2'))`).values, ['bb']);
    assert.deepEqual(values(`const keys = { v1: 'aa', v2: 'bb' }; marker(keys[version])`, every), { values: ['aa', 'bb'], complete: false });
    // Without the option (algorithm tables picked by the input), a run-time index is unknown.
    assert.deepEqual(values(`const CIPHERS = { a: 'aes-256-gcm', b: '3des-cbc' }; marker(CIPHERS[oid])`).values, []);
    assert.deepEqual(values(`const KEYS = new Map([['v1', 'aa']]); marker(KEYS.get(version))`).values, []);
    assert.deepEqual(values(`const keys = { v1: 'aa', v2: 'bb' }; const v = 'v1'; marker(keys[v])`).values, ['aa']);
    assert.deepEqual(values(`marker(process.env[name])`).values, []);
  });

  it('an allocation written into afterwards is not its zeros', () => {
    assert.deepEqual(values(`const k = Buffer.alloc(4); marker(k)`).values, ['bytes:00000000']);
    assert.deepEqual(values(`import { randomFillSync } from 'crypto'; const k = Buffer.alloc(4); randomFillSync(k); marker(k)`).values, []);
    assert.deepEqual(values(`const k = new Uint8Array(4); crypto.getRandomValues(k); marker(k)`).values, []);
    assert.deepEqual(values(`const k = Buffer.alloc(4); for (let i = 0; i < 4; i++) k[i] = next(); marker(k)`).values, []);
  });

  it('resolveConstant wants one definite value', () => {
    const single = analyze(`marker(cond ? 'a' : 'b')`, (context) => resolveConstant({ sourceCode: context.sourceCode }, markedExpression(context)));
    assert.equal(single, undefined);
    const one = analyze(`const N = 2 ** 10; marker(N * 2)`, (context) => resolveConstant({ sourceCode: context.sourceCode }, markedExpression(context))?.value);
    assert.equal(one, 2048);
  });

  it('never throws and terminates on cycles', () => {
    assert.deepEqual(values(`let a = b; let b = a; marker(a)`).values, []);
    assert.deepEqual(values(`function f(k) { return f(k); } marker(f('x'))`).values, []);
  });

  it('follows TypeScript enum members to their initializers', () => {
    assert.deepEqual(values(`enum Cipher { Legacy = 'aes-128-ecb', Current = 'aes-256-gcm' } marker(Cipher.Legacy)`).values, ['aes-128-ecb']);
    assert.deepEqual(values(`enum Alg { 'RSA-SHA1' = 'sha1' } marker(Alg['RSA-SHA1'])`).values, ['sha1']);
    // Auto-numbered members and unknown members have no written value.
    assert.deepEqual(values(`enum Level { Low, High } marker(Level.High)`).values, []);
    assert.deepEqual(values(`enum Cipher { Legacy = 'aes-128-ecb' } marker(Cipher.Missing)`).values, []);
  });

  it('follows an awaited async helper to what it returns, not an un-awaited one', () => {
    const helper = `let cached; async function macKey() { cached ??= Buffer.from('0aff', 'hex'); return cached; }`;
    assert.deepEqual(values(helper + ` async function f() { marker(await macKey()); }`).values, ['bytes:0aff']);
    assert.deepEqual(values(helper + ` marker(macKey())`).values, []);
  });
  it('spells String.fromCharCode(…) out, with constant codes only', () => {
    assert.deepEqual(values(`marker(String.fromCharCode(107, 101, 121))`), { values: ['key'], complete: true });
    assert.deepEqual(values(`const CODES = [104, 105]; marker(String.fromCharCode(...CODES))`).values, ['hi']);
    assert.deepEqual(values(`marker(String.fromCharCode(107, process.env.C))`).values, []);
    assert.deepEqual(values(`const String = { fromCharCode: () => 'x' }; marker(String.fromCharCode(107))`).values, []);
  });

  it('an enum indexed at run time is every member only for keyrings', () => {
    const code = `enum Secret { A = 'aa', B = 'bb', C = 3 } function f(k: keyof typeof Secret) { marker(Secret[k]); }`;
    assert.deepEqual(values(code, { everyTableEntry: true }), { values: ['aa', 'bb', '3'], complete: false });
    assert.deepEqual(values(code).values, []);
  });

  it('a member of a table entry picked at run time is that member of every entry (keyrings, ciphers)', () => {
    const table = `const FORMATS = { 1: { cipher: 'des-ede3-cbc' }, 2: { cipher: 'aes-256-gcm' }, 3: { other: 1 } };`;
    assert.deepEqual(values(table + ` function f(v) { const format = FORMATS[v]; marker(format.cipher); }`, { everyTableEntry: true }), { values: ['des-ede3-cbc', 'aes-256-gcm'], complete: false });
    assert.deepEqual(values(table + ` function f(v) { marker(FORMATS[v].cipher); }`, { everyTableEntry: true }).values, ['des-ede3-cbc', 'aes-256-gcm']);
    assert.deepEqual(values(`const RING = [{ kid: 'a', secret: 's1' }, { kid: 'b', secret: 's2' }]; function f(i) { marker(RING[i].secret); }`, { everyTableEntry: true }).values, ['s1', 's2']);
    // Not without the option, and not when the binding is reassigned.
    assert.deepEqual(values(table + ` function f(v) { const format = FORMATS[v]; marker(format.cipher); }`).values, []);
    assert.deepEqual(values(table + ` function f(v) { let format = FORMATS[v]; format = { cipher: process.env.C }; marker(format.cipher); }`, { everyTableEntry: true }).values, []);
  });

  it("reads a library's named constants through its import", () => {
    assert.deepEqual(values(`import sodium from 'libsodium-wrappers'; marker(sodium.crypto_pwhash_MEMLIMIT_MIN)`), { values: ['8192'], complete: true });
    assert.deepEqual(values(`const sodium = require('sodium-native'); marker(sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE)`).values, ['2']);
    // The same name on an object that is not the library says nothing.
    assert.deepEqual(values(`function f(lib) { marker(lib.crypto_pwhash_MEMLIMIT_MIN); }`).values, []);
  });
  it('Number(…) and parseInt(…) turn numeric constants and fallbacks into numbers', () => {
    assert.deepEqual(values(`marker(Number('1000'))`), { values: ['1000'], complete: true });
    assert.deepEqual(values(`marker(Number(process.env.N ?? 1000))`), { values: ['1000(fallback)'], complete: false });
    assert.deepEqual(values(`marker(Number.parseInt(process.env.N || '12', 10))`).values, ['12(fallback)']);
    assert.deepEqual(values(`marker(parseInt('abc', 10))`).values, []);
    // A local function of that name is followed as a helper, not taken for the built-in.
    assert.deepEqual(values(`const Number = (x) => 5; marker(Number('1000'))`).values, ['5']);
  });
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import { AwsKmsTestServer } from '../kms/servers/aws-kms-server';
import { applyEnvelopeSuggestion, lintWithKeywarden } from './envelope-lint';

const REPO = path.join(__dirname, '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'fixes');
const NEGATIVES = path.join(FIXTURES, 'negative');

/**
 * The fix corpus. Each program `test/fixtures/fixes/<program>` that has a
 * sidecar `<program>.case.json` is rewritten through ESLint, re-linted,
 * type-checked (TS), imported and driven against the local KMS provider, and
 * must still read a record its original version wrote. One sidecar per
 * program, so adding a program never edits a shared list. Sidecar fields:
 *
 *   "encrypt", "decrypt"  names of the two functions or methods (required)
 *   "legacyKey"           the hardcoded key (or passphrase) exactly as written: what an
 *                         operator puts in KEYWARDEN_LEGACY_KEY; must be gone from the output (required
 *                         unless "awsKms")
 *   "awsKms"              direct AWS KMS Encrypt/Decrypt (no key in source): the original runs against a
 *                         loopback KMS (AWS_ENDPOINT_URL_KMS); `{ "keyIdEnv": "NAME" }` puts the key's ARN in
 *                         that variable, `{ "alias": "name" }` creates `alias/name`. Old records then open
 *                         through the kept KMS decrypt, without KEYWARDEN_LEGACY_KEY.
 *   "io"                  "string" (default) or "buffer": what encrypt takes and decrypt returns
 *   "sealed"              "string" (default) or "buffer": what encrypt returns and decrypt takes
 *   "class"               an exported class holding the methods (`export class`, `module.exports = Class`,
 *                         `export default class`); "args" are its constructor arguments (default [])
 *   "static"              with "class": the methods are static, called on the class itself
 *   "object"              an exported object holding the methods (`export const cipher = { encrypt() {…} }`)
 *
 * Programs in `test/fixtures/fixes/negative/` are idioms the rewrite must refuse: each
 * still gets its no-hardcoded-key finding, and no rewriteToEnvelope suggestion. Each has a
 * sidecar `<program>.cure.json` — `{ "why": "…", "cure": [["from", "to"], …] }` — whose
 * replacements remove just the reason, and the cured program must be rewritten: so each
 * negative proves the rewrite refuses for that reason, not for an unrelated one.
 */
interface FixCase {
  file: string;
  encrypt: string;
  decrypt: string;
  legacyKey?: string;
  awsKms?: { keyIdEnv?: string; alias?: string };
  io?: 'string' | 'buffer';
  sealed?: 'string' | 'buffer';
  class?: string;
  args?: unknown[];
  static?: boolean;
  object?: string;
}

const CASES: FixCase[] = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.case.json'))
  .sort()
  .map((name) => ({ file: name.slice(0, -'.case.json'.length), ...(JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Omit<FixCase, 'file'>) }));

type Module = Record<string, unknown> & ((...args: unknown[]) => unknown);
type Sealer = (input: unknown) => unknown;

/** Loads a module the way Node would: ES modules natively, CJS and TS (via the tsx hook mocha runs under) with require. */
async function load(file: string): Promise<Module> {
  if (file.endsWith('.mjs')) {
    const dynamicImport = new Function('url', 'return import(url)') as (url: string) => Promise<Module>;
    return dynamicImport(pathToFileURL(file).href);
  }
  return require(file) as Module;
}

/** An export by name, or the module's default export / `module.exports` itself when that is the named class. */
function exported(api: Module, name: string): unknown {
  if (name in api) return api[name];
  const candidates = [api.default, api] as { name?: string }[];
  const found = candidates.find((c) => typeof c === 'function' && c.name === name);
  if (found) return found;
  // `module.exports = fieldCipher`: the module is the object.
  assert.ok(typeof api === 'object' && Object.values(api).some((v) => typeof v === 'function'), `the module exports ${name}`);
  return api;
}

/** The case's encrypt and decrypt, bound to their class instance, class or object. */
function operations(api: Module, c: FixCase): { encrypt: Sealer; decrypt: Sealer } {
  let holder: Record<string, unknown> = api;
  if (c.class) {
    const Class = exported(api, c.class) as new (...args: unknown[]) => Record<string, unknown>;
    holder = c.static ? (Class as unknown as Record<string, unknown>) : new Class(...(c.args ?? []));
  } else if (c.object) {
    holder = exported(api, c.object) as Record<string, unknown>;
  }
  const method = (name: string) => {
    assert.equal(typeof holder[name], 'function', `${name} is a function`);
    return (holder[name] as Sealer).bind(holder);
  };
  return { encrypt: method(c.encrypt), decrypt: method(c.decrypt) };
}

/** Inputs every rewrite must round-trip, in the case's plaintext type. */
function samples(c: FixCase): unknown[] {
  if (c.io === 'buffer') return [Buffer.from('hello'), Buffer.from('Grüße, 世界 🔐'), Buffer.alloc(0), Buffer.alloc(1024 * 1024, 0xa5), Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3])];
  return ['hello', 'Grüße, 世界 🔐', '', 'x'.repeat(1024 * 1024), '\u0000\u0001binary\u00ff'];
}

const OLD_RECORD_TEXT = 'order #1138: 2× café ☕';

/** The rules whose findings offer the rewrite: a negative keeps its finding, only the suggestion goes. */
const FINDINGS_WITH_REWRITE = new Set(['keywarden/no-hardcoded-key', 'keywarden/prefer-envelope-encryption']);

/** What the AWS SDK in the original KMS programs reads: loopback endpoint (set in `before`), dummy credentials, a region. */
const AWS_ENV = {
  AWS_ENDPOINT_URL_KMS: '',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDFIXTURES',
  AWS_SECRET_ACCESS_KEY: 'fixtures-secret',
  AWS_EC2_METADATA_DISABLED: 'true',
  // The pinned SDK warns once that its 2027 releases need Node 22; the pin is deliberate.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** A fresh KMS key for the case, named the way the program finds it; Encrypt calls counted from zero. */
function prepareAwsKms(server: AwsKmsTestServer, spec: NonNullable<FixCase['awsKms']>): void {
  const arn = server.createKey();
  if (spec.keyIdEnv) process.env[spec.keyIdEnv] = arn;
  if (spec.alias) server.setAlias(spec.alias, arn);
  server.calls.Encrypt = 0;
}

function typeCheck(file: string): string[] {
  const program = ts.createProgram([file], {
    noEmit: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ['node'],
    typeRoots: [path.join(REPO, 'node_modules', '@types')],
    paths: { 'keywarden/kms': [path.join(REPO, 'src', 'kms', 'index.ts')] },
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('envelope rewrite: fix corpus', function () {
  this.timeout(120_000);
  let work: string;
  const saved = { ...process.env };

  let kms: AwsKmsTestServer | undefined;
  const ENV_SET = ['KEYWARDEN_LOCAL_KEYRING', 'KEYWARDEN_KEY_URI', 'KEYWARDEN_LEGACY_KEY', ...Object.keys(AWS_ENV), ...CASES.flatMap((c) => (c.awsKms?.keyIdEnv ? [c.awsKms.keyIdEnv] : []))];

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-fixes-'));
    // `keywarden/kms` resolves to this repository's build (npm test builds first); the
    // programs' own libraries (crypto-js, node-forge, the AWS SDK, their types) to the repository's.
    fs.mkdirSync(path.join(work, 'node_modules'));
    fs.symlinkSync(REPO, path.join(work, 'node_modules', 'keywarden'), 'dir');
    for (const name of fs.readdirSync(path.join(REPO, 'node_modules'))) {
      if (!name.startsWith('.') && name !== 'keywarden') fs.symlinkSync(path.join(REPO, 'node_modules', name), path.join(work, 'node_modules', name), 'dir');
    }
    process.env.KEYWARDEN_LOCAL_KEYRING = path.join(work, 'keyring.json');
    process.env.KEYWARDEN_KEY_URI = 'local://fixes-test';
    if (CASES.some((c) => c.awsKms)) {
      kms = await new AwsKmsTestServer().start();
      Object.assign(process.env, AWS_ENV, { AWS_ENDPOINT_URL_KMS: kms.endpoint });
    }
  });
  after(async () => {
    for (const name of ENV_SET) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await kms?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.file}: rewrites, type-checks, round-trips and still reads old ciphertexts`, async () => {
      const source = fs.readFileSync(path.join(FIXTURES, c.file), 'utf8');
      const dir = fs.mkdtempSync(path.join(work, 'case-'));
      const output = applyEnvelopeSuggestion(source, path.join(dir, c.file));
      assert.ok(output, 'the rewriteToEnvelope suggestion is offered');

      const relint = lintWithKeywarden(output, path.join(dir, c.file));
      assert.deepEqual(relint.filter((m) => m.fatal), [], 'the output parses');
      assert.deepEqual(relint.filter((m) => m.ruleId === 'keywarden/no-hardcoded-key').map((m) => m.message), []);
      if (c.awsKms) assert.deepEqual(relint.filter((m) => m.ruleId === 'keywarden/prefer-envelope-encryption').map((m) => m.message), [], 'no direct KMS Encrypt is left');
      else assert.ok(c.legacyKey && !output.includes(c.legacyKey), 'the old key is gone from the source');
      if (c.awsKms) prepareAwsKms(kms!, c.awsKms);

      // The original program writes a record the old way.
      const plainOld = c.io === 'buffer' ? Buffer.from(OLD_RECORD_TEXT) : OLD_RECORD_TEXT;
      fs.mkdirSync(path.join(dir, 'old'));
      const oldFile = path.join(dir, 'old', c.file);
      fs.writeFileSync(oldFile, source);
      const oldRecord = await operations(await load(oldFile), c).encrypt(plainOld);

      const newFile = path.join(dir, c.file);
      fs.writeFileSync(newFile, output);
      if (/\.[cm]?ts$/.test(c.file)) assert.deepEqual(typeCheck(newFile), [], 'the TypeScript output type-checks');
      delete process.env.KEYWARDEN_LEGACY_KEY;
      const { encrypt, decrypt } = operations(await load(newFile), c);
      for (const plain of samples(c)) {
        const sealed = await encrypt(plain);
        if (c.sealed === 'buffer') assert.ok(Buffer.isBuffer(sealed), 'encrypt still returns a Buffer');
        else assert.equal(typeof sealed, 'string', 'encrypt still returns a string');
        assert.notDeepEqual(sealed, plain);
        assert.deepEqual(await decrypt(sealed), plain);
      }
      if (c.awsKms) {
        // New records never reach KMS Encrypt; old ones still open through the kept KMS Decrypt.
        assert.equal(kms!.calls.Encrypt, 1, 'only the original program called KMS Encrypt');
        assert.deepEqual(await decrypt(oldRecord), plainOld);
        return;
      }
      // Old records: refused without the legacy key, readable with it.
      await assert.rejects(Promise.resolve().then(() => decrypt(oldRecord)), /KEYWARDEN_LEGACY_KEY/);
      process.env.KEYWARDEN_LEGACY_KEY = c.legacyKey;
      assert.deepEqual(await decrypt(oldRecord), plainOld);
    });
  }

  const negatives = fs.readdirSync(NEGATIVES).filter((name) => !name.endsWith('.cure.json')).sort();
  for (const file of negatives) {
    const { why, cure } = JSON.parse(fs.readFileSync(path.join(NEGATIVES, `${file}.cure.json`), 'utf8')) as { why: string; cure: [string, string][] };
    it(`negative/${file}: keeps the finding, offers no rewrite (${why})`, () => {
      const source = fs.readFileSync(path.join(NEGATIVES, file), 'utf8');
      const filename = path.join('/tmp', 'negative', file);
      assert.ok(lintWithKeywarden(source, filename).some((m) => FINDINGS_WITH_REWRITE.has(m.ruleId ?? '')), 'the finding is still reported');
      assert.equal(applyEnvelopeSuggestion(source, filename), undefined);
      const cured = cure.reduce((text, [from, to]) => text.split(from).join(to), source);
      assert.notEqual(cured, source);
      assert.ok(applyEnvelopeSuggestion(cured, filename), `without that reason (${why}) the rewrite is offered`);
    });
  }

  it('offers no rewrite when a caller is synchronous (it could not await)', () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'cbc-colon-hex.cjs'), 'utf8').replace('async function reencryptProfile', 'function reencryptProfile');
    assert.equal(applyEnvelopeSuggestion(source, '/tmp/sync-caller.cjs'), undefined);
    assert.ok(lintWithKeywarden(source, '/tmp/sync-caller.cjs').some((m) => m.ruleId === 'keywarden/no-hardcoded-key'), 'the finding itself stays');
  });

  it('offers no rewrite when encrypt is passed around as a value', () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'cbc-colon-hex.cjs'), 'utf8').replace('module.exports =', 'const all = [\'a\'].map(encrypt);\nmodule.exports =');
    assert.equal(applyEnvelopeSuggestion(source, '/tmp/as-value.cjs'), undefined);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The error contract of keywarden/kms, checked against the source: callers
 * branch on `KeywardenError.code`, so every failure a caller can see must be
 * a KeywardenError (or a TypeError for misuse, which the README documents),
 * and every code must be documented and exercised by a test.
 */
const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src', 'kms');

function files(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

function declaredCodes(): string[] {
  const source = fs.readFileSync(path.join(SRC, 'errors.ts'), 'utf8');
  const union = /export type KeywardenErrorCode =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
}

/**
 * Error classes src/kms may throw. The internal ones never reach a caller:
 * NeedMoreBytes is caught by the parsers' callers (truncation → TAMPERED),
 * StreamAborted only marks a stream its user destroyed (audit code ABORTED),
 * RangeError guards an internal invariant no input can reach.
 */
const ALLOWED_THROWS = new Set(['KeywardenError', 'TypeError', 'NeedMoreBytes', 'StreamAborted', 'RangeError']);

describe('kms: error contract', () => {
  it('declares the eight codes of the issue', () => {
    assert.deepEqual(declaredCodes().sort(), [
      'KMS_DENIED',
      'KMS_UNAVAILABLE',
      'LOCAL_KMS_IN_PRODUCTION',
      'TAMPERED',
      'UNKNOWN_KEY',
      'UNSUPPORTED_FORMAT',
      'WRONG_CONTEXT',
      'WRONG_PURPOSE',
    ]);
  });

  it('src/kms throws only KeywardenError, TypeError for misuse, or internal errors that never escape', () => {
    const offenders: string[] = [];
    for (const file of files(SRC, '.ts')) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:throw|reject\()\s*new\s+([A-Za-z_]+)/g)) {
        if (!ALLOWED_THROWS.has(match[1]!)) offenders.push(`${path.relative(ROOT, file)}: ${match[0]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('every code is documented in the README and asserted by at least one test', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const tests = files(path.join(ROOT, 'test', 'kms'), '.test.ts')
      .filter((file) => !file.endsWith('error-codes.test.ts'))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    for (const code of declaredCodes()) {
      assert.ok(readme.includes(`| \`${code}\` |`), `${code} missing from the README's error table`);
      assert.ok(tests.includes(`'${code}'`), `no test asserts ${code}`);
    }
  });
});

import * as assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/utils';
import { schemaDefaults } from '../../src/analysis/config-schema';
import { objectLiteralOf, propertyOf } from '../../src/analysis/object-literals';
import { resolveValues } from '../../src/analysis/values';
import { weakCipherSuiteFamilies } from '../../src/model/algorithms';
import { analyze, markedExpression } from './analyze';

/** Source text of the defaults `schemaDefaults` finds for the expression inside `marker(…)`. */
function defaults(code: string): string[] {
  return analyze(code, (context) => schemaDefaults(markedExpression(context)).map((n) => context.sourceCode.getText(n)));
}

/** Text of property `name` of the object literal the marked expression stands for. */
function property(code: string, name: string): string | undefined {
  return analyze(code, (context) => {
    const object = objectLiteralOf(context.sourceCode, markedExpression(context));
    const value = object && propertyOf(context.sourceCode, object, name);
    return value && context.sourceCode.getText(value as TSESTree.Node);
  });
}

function resolved(code: string): string[] {
  return analyze(code, (context) =>
    resolveValues({ sourceCode: context.sourceCode }, markedExpression(context)).values.map((c) => `${String(c.value)}${c.fallback ? '(fallback)' : ''}`),
  );
}

describe('analysis/config-schema: schemaDefaults', () => {
  it('reads chained validator defaults (zod, Joi, yup)', () => {
    assert.deepEqual(defaults(`marker(z.string().min(32).default('abc'))`), [`'abc'`]);
    assert.deepEqual(defaults(`marker(Joi.string().default(DEV_KEY).description('x'))`), ['DEV_KEY']);
  });

  it('reads descriptor objects (convict) and validator options (envalid)', () => {
    assert.deepEqual(defaults(`marker({ format: String, default: 'k', env: 'K' })`), [`'k'`]);
    assert.deepEqual(defaults(`marker(str({ desc: 'x', default: 'a', devDefault: 'b' }))`), [`'a'`, `'b'`]);
  });

  it('finds nothing in plain values and calls', () => {
    assert.deepEqual(defaults(`marker(process.env.KEY)`), []);
    assert.deepEqual(defaults(`marker(loadKey('a'))`), []);
    assert.deepEqual(defaults(`marker({ secret: 'x' })`), []);
  });
});

describe('analysis/object-literals', () => {
  it('follows a class field read through this', () => {
    const code = `class S { private readonly opts = { memoryCost: 4096 }; run() { marker(this.opts); } }`;
    assert.equal(property(code, 'memoryCost'), '4096');
  });

  it('does not guess between two writes of a field', () => {
    const code = `class S { opts = { memoryCost: 4096 }; constructor(o) { this.opts = o; } run() { marker(this.opts); } }`;
    assert.equal(property(code, 'memoryCost'), undefined);
  });

  it('follows the one object a local helper returns', () => {
    const code = `function settings(legacy) { const algorithm = legacy ? 'des' : 'aes'; return { algorithm }; }\nmarker(settings(true));`;
    assert.equal(property(code, 'algorithm'), 'algorithm');
    assert.equal(property(`function s(a) { if (a) return { x: 1 }; return { x: 2 }; }\nmarker(s(1));`, 'x'), undefined);
  });

  it('looks into spreads of objects the file defines, later properties winning', () => {
    const base = `const BASE = { name: 'AES-CBC', length: 256 };`;
    assert.equal(property(`${base}\nmarker({ ...BASE, iv })`, 'name'), `'AES-CBC'`);
    assert.equal(property(`${base}\nmarker({ ...BASE, name: 'AES-GCM' })`, 'name'), `'AES-GCM'`);
    assert.equal(property(`marker({ ...unknownOptions, iv })`, 'name'), undefined);
  });
});

describe('analysis/values: destructuring defaults', () => {
  it('a default of a variable destructured from process.env is a fallback', () => {
    assert.deepEqual(resolved(`const { SECRET = 'dev-secret', PORT = 3000 } = process.env;\nmarker(SECRET);`), ['dev-secret(fallback)']);
    assert.deepEqual(resolved(`const { SECRET } = process.env;\nmarker(SECRET);`), []);
  });

  it('a property of a helper-returned object destructured by the caller', () => {
    assert.deepEqual(resolved(`function cfg() { return { alg: 'aes-128-ecb' }; }\nconst { alg } = cfg();\nmarker(alg);`), ['aes-128-ecb']);
  });
});

describe('model/algorithms: weakCipherSuiteFamilies', () => {
  it('names the weak bulk ciphers an OpenSSL cipher list enables', () => {
    assert.deepEqual(weakCipherSuiteFamilies('DES-CBC3-SHA:RC4-SHA'), ['3DES', 'RC4']);
    assert.deepEqual(weakCipherSuiteFamilies('ECDHE-RSA-AES128-GCM-SHA256:EDH-RSA-DES-CBC-SHA'), ['DES']);
    assert.deepEqual(weakCipherSuiteFamilies('NULL-SHA256 EXP-RC4-MD5'), ['NULL', 'EXPORT']);
  });

  it('ignores exclusions, ordering directives and strong suites', () => {
    assert.deepEqual(weakCipherSuiteFamilies('HIGH:!aNULL:!MD5:!RC4:!3DES:-DES:@STRENGTH'), []);
    assert.deepEqual(weakCipherSuiteFamilies('TLS_AES_256_GCM_SHA384:ECDHE-ECDSA-CHACHA20-POLY1305'), []);
  });
});

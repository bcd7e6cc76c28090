import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Linter } from 'eslint';
import plugin = require('../../rules');
import { CORPUS_ROOT, corpusLinter, isStrictFile, languageOptionsFor, listCorpusFiles, SOURCE_EXTENSIONS } from '../corpus/corpus-lib';
import { configRules, type ScorablePlugin } from '../corpus/scoring';

/**
 * Secrets are never printed in full: no message or suggestion description of
 * any rule, on any corpus file (hundreds of hardcoded keys, PEMs, passwords and
 * fallbacks), contains a whole string literal of that file that could be a
 * secret. Module names, environment variable names, KMS key ids and standard curve names
 * (`brainpoolP160r1`, which min-key-strength must name) are not secrets.
 */
const MIN_LENGTH = 12;
// Key references, curve names and AWS KMS operation names (a grant's `Operations: ['GenerateDataKey']`): the messages name these.
const NOT_SECRET =
  /^(?:alias\/|arn:|projects\/|https?:\/\/)|^(?:brainpoolP\d+[rt]1|sec[pt]\d+[rk]\d|prime\d+v\d)$|^(?:GenerateDataKey(?:Pair)?(?:WithoutPlaintext)?|ReEncrypt(?:From|To)?|GenerateMac|VerifyMac|DescribeKey|CreateGrant)$/;

function isProcessEnv(node: TSESTree.Node): boolean {
  return node.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === 'process' && node.property.type === 'Identifier' && node.property.name === 'env';
}

/** `X.env.get` (Deno, and any environment object with a getter). */
function isEnvGetter(callee: TSESTree.Node): boolean {
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'get' &&
    callee.object.type === 'MemberExpression' &&
    !callee.object.computed &&
    callee.object.property.type === 'Identifier' &&
    callee.object.property.name === 'env'
  );
}

function candidateSecrets(source: string, jsx: boolean): string[] {
  /** Module and environment variable names: named in messages, never secrets. */
  const knownNames = new Set<string>();
  const literals = new Set<string>();
  /** Names of the file's own bindings and members: messages name them (`generateAuthorizationKey`). */
  const identifiers = new Set<string>();
  const visit = (node: TSESTree.Node): void => {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') {
      if (node.source) knownNames.add(node.source.value);
    }
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
      knownNames.add(String(node.arguments[0].value));
    }
    // `process.env['AUDIT_HMAC_KEY']`: the name of a variable, which messages and suggestions may name.
    if (node.type === 'MemberExpression' && node.computed && node.property.type === 'Literal' && isProcessEnv(node.object)) {
      knownNames.add(String(node.property.value));
    }
    // `Deno.env.get('NEWSLETTER_SECRET')`: the same, read through an environment's getter.
    if (node.type === 'CallExpression' && isEnvGetter(node.callee) && node.arguments[0]?.type === 'Literal') {
      knownNames.add(String(node.arguments[0].value));
    }
    if (node.type === 'Literal' && typeof node.value === 'string') literals.add(node.value);
    if (node.type === 'TemplateElement' && node.value.cooked) literals.add(node.value.cooked);
    if (node.type === 'Identifier') identifiers.add(node.name);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node);
      }
    }
  };
  visit(parse(source, { jsx, range: true }));
  // Template pieces carry their spacing (` written to `): judge the text, not the padding.
  // A literal that is part of an identifier of the file (OCPP's `'AuthorizationKey'` variable name beside a function
  // `generateAuthorizationKey`) is a name: a message quoting the identifier does not print a secret.
  const inIdentifier = (l: string) => [...identifiers].some((name) => name.includes(l));
  return [...literals].map((l) => l.trim()).filter((l) => l.length >= MIN_LENGTH && !knownNames.has(l) && !NOT_SECRET.test(l) && !inIdentifier(l));
}

describe('secrets in messages', function () {
  this.timeout(300_000);

  it('no finding or suggestion on the corpus prints a whole secret-looking literal of its file', () => {
    const linter = corpusLinter();
    const scorable = plugin as unknown as ScorablePlugin;
    const leaks: string[] = [];
    let checked = 0;
    for (const relPath of listCorpusFiles()) {
      const source = fs.readFileSync(path.join(CORPUS_ROOT, relPath), 'utf8');
      const secrets = candidateSecrets(source, /\.[jt]sx$/.test(relPath));
      if (secrets.length === 0) continue;
      const { parserOptions, ...languageOptions } = languageOptionsFor(relPath, source);
      const { project: _project, tsconfigRootDir: _root, ...untyped } = (parserOptions ?? {}) as Record<string, unknown>;
      const config: Linter.Config[] = [
        {
          files: SOURCE_EXTENSIONS.map((ext) => `**/*${ext}`),
          plugins: { keywarden: plugin as never },
          languageOptions: { ...languageOptions, parserOptions: untyped },
          rules: configRules(scorable, isStrictFile(relPath) ? 'strict' : 'recommended'),
        },
      ];
      for (const message of linter.verify(source, config, { filename: path.join(CORPUS_ROOT, relPath) })) {
        const texts = [message.message, ...(message.suggestions ?? []).map((s) => s.desc)];
        checked += texts.length;
        for (const secret of secrets) {
          if (texts.some((text) => text.includes(secret))) leaks.push(`${relPath}:${message.line} ${message.ruleId}: ${secret.slice(0, 4)}… (${secret.length} chars)`);
        }
      }
    }
    assert.ok(checked > 500, `${checked} messages and suggestions checked`);
    assert.deepEqual(leaks, []);
  });
});

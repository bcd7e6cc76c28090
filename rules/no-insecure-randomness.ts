import type { TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, getApiCalls, type ApiCall } from '../src/analysis/api-calls';
import { isTestFile } from '../src/analysis/file-kind';
import { callsOfFunctionReference, isUncalledGlobalMethod } from '../src/analysis/function-references';
import { drawsFromSecureEngine } from '../src/analysis/random-engines';
import { randomnessUse } from '../src/analysis/randomness-use';
import { predictableSources } from '../src/model/libraries/predictable';
import type { ArgRole } from '../src/model/types';
import { createRule } from '../src/util/create-rule';
import { describeCall, reportOncePerNode } from '../src/util/rule-report';

export type Options = [
  {
    /** Skip test, spec, fixture and mock files (predictable test data is fine there). */
    ignoreTestFiles?: boolean;
  },
];
export type MessageIds = 'predictableSecret' | 'predictableSink' | 'predictableCredentialCall' | 'insecureRandomApi';

const ROLE_WORDS: Partial<Record<ArgRole, string>> = {
  key: 'a key',
  iv: 'an IV/nonce',
  salt: 'a salt',
  secret: 'a secret',
  passphrase: 'a passphrase',
  credential: 'a credential',
};

export default createRule<Options, MessageIds>({
  name: 'no-insecure-randomness',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow predictable values (Math.random, timestamps) as keys, IVs, salts, tokens or secrets',
      recommended: 'recommended',
      strictOptions: [{ ignoreTestFiles: false }],
      cwe: [330, 338],
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignoreTestFiles: {
            type: 'boolean',
            description: 'Skip test, spec, fixture and mock files (predictable test data is fine there). Default true; false in `strict`.',
          },
        },
      },
    ],
    messages: {
      predictableSink:
        '{{source}} {{why}}, and it becomes {{role}} of {{sink}} (line {{line}}). Use crypto.randomBytes(n) / crypto.getRandomValues() for key material, IVs and salts.',
      predictableSecret:
        '{{source}} {{why}}, and it makes `{{name}}`, which must be unguessable. Use crypto.randomBytes(32).toString(\'base64url\'), crypto.randomInt() or crypto.randomUUID().',
      predictableCredentialCall:
        '{{source}} {{why}}, and it is handed to `{{callee}}` (line {{line}}), which keeps or checks a credential that must be unguessable. Use crypto.randomBytes(32).toString(\'base64url\'), crypto.randomInt() or crypto.randomUUID().',
      insecureRandomApi: '{{source}} {{why}}. Use crypto.randomBytes(n).',
    },
  },
  defaultOptions: [{ ignoreTestFiles: true }],
  create(context, [options]) {
    if (options.ignoreTestFiles !== false && isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const report = reportOncePerNode<MessageIds>((d) => context.report(d));

    /** `Math.random` handed over uncalled (`constructor(rng = Math.random)`): judged by the calls made through it. */
    const references: TSESTree.MemberExpression[] = [];

    return {
      MemberExpression(node) {
        if (isUncalledGlobalMethod(sourceCode, node, 'Math', 'random')) references.push(node);
      },
      'Program:exit'() {
        for (const reference of references) {
          try {
            checkReference(reference);
          } catch {
            // never crash on an unexpected shape
          }
        }
        const sources = getApiCalls(sourceCode).filter(
          (c) =>
            c.api.operation === 'insecure-random' &&
            !(c.api.facts?.predictableOnlyWithoutArguments && c.node.arguments.length > 0) &&
            !drawsFromSecureEngine(sourceCode, c),
        );
        if (sources.length === 0) return;
        for (const source of sources) {
          try {
            check(source);
          } catch {
            // never crash on an unexpected shape
          }
        }
      },
    };

    /** A reference is reported once, at the first call through it whose value reaches a security use. */
    function checkReference(reference: TSESTree.MemberExpression): void {
      for (const call of callsOfFunctionReference(sourceCode, reference)) {
        // `rng()` for a parameter `rng = Math.random` already resolves to Math.random: reported as that call.
        if (apiCallAt(sourceCode, call)?.api.operation === 'insecure-random') continue;
        const use = randomnessUse(sourceCode, call);
        if (!use) continue;
        const data = { source: 'Math.random', why: MATH_RANDOM_WHY };
        if (use.kind === 'sink') {
          report({ node: reference, messageId: 'predictableSink', data: { ...data, role: ROLE_WORDS[use.role] ?? 'key material', sink: describeCall(use.call), line: use.call.node.loc.start.line } });
        } else if (use.kind === 'credential-call') {
          report({ node: reference, messageId: 'predictableCredentialCall', data: { ...data, callee: use.callee, line: use.node.loc.start.line } });
        } else {
          report({ node: reference, messageId: 'predictableSecret', data: { ...data, name: use.name } });
        }
        return;
      }
    }

    /** One finding per predictable source that reaches a security use (each must be replaced). */
    function check(source: ApiCall): void {
      const data = { source: sourceName(source), why: source.api.deprecated ?? 'is predictable' };
      const use = randomnessUse(sourceCode, source.node, source.api.facts?.clock === true);
      const node = reportNode(source);
      if (!use) {
        // An API of a crypto library that exists only to make (weak) random bytes: wrong wherever it is.
        // A general-purpose helper (lodash's `_.random` for jitter) is judged by its use, like Math.random.
        if (source.library.id !== 'predictable' && source.api.facts?.generalPurpose !== true) report({ node, messageId: 'insecureRandomApi', data });
        return;
      }
      if (use.kind === 'sink') {
        report({ node, messageId: 'predictableSink', data: { ...data, role: ROLE_WORDS[use.role] ?? 'key material', sink: describeCall(use.call), line: use.call.node.loc.start.line } });
      } else if (use.kind === 'credential-call') {
        report({ node, messageId: 'predictableCredentialCall', data: { ...data, callee: use.callee, line: use.node.loc.start.line } });
      } else {
        report({ node, messageId: 'predictableSecret', data: { ...data, name: use.name } });
      }
    }
  },
});

const MATH_RANDOM_WHY = predictableSources.apis.find((api) => api.path.join('.') === 'Math.random')?.deprecated ?? 'is predictable';

/** `Math.random()`, `Date.now()`, `new Date()`, `crypto.pseudoRandomBytes()`. */
function sourceName(call: ApiCall): string {
  const path = call.api.path.join('.');
  if (call.node.type === 'NewExpression') return `new ${path}()`;
  // A module that is itself the function (`require('lodash/random')`): the name it is called by.
  if (path === '' && call.node.callee.type === 'Identifier') return `${call.library.id} ${call.node.callee.name}()`;
  return call.library.id === 'predictable' ? `${path}()` : `${call.library.id} ${path}()`;
}

function reportNode(call: ApiCall): TSESTree.Node {
  return call.node;
}

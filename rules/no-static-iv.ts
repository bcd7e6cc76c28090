import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { insideFunction } from '../src/analysis/ast';
import { argsWithRole, callsTakingArgument, getApiCalls, type ApiCall } from '../src/analysis/api-calls';
import { ivProblems, type IvProblem } from '../src/analysis/iv-source';
import { pluginConstantIvs, pluginKeyDerivedIvs } from '../src/analysis/schema-plugins';
import { redact } from '../src/analysis/secrets';
import { unwrapExpression, variableOf } from '../src/analysis/scope';
import type { Constant, ResolveContext } from '../src/analysis/values';
import type { Operation } from '../src/model/types';
import { toFix } from '../src/fix/edits';
import { randomIvFix } from '../src/fix/random-iv';
import { ENVELOPE_SUGGESTION_MESSAGE, withEnvelopeSuggestion } from '../src/fix/envelope/suggest';
import { createRule } from '../src/util/create-rule';
import { describeCall, isInFile, reportOncePerNode } from '../src/util/rule-report';

export type Options = [
  {
    /** Report constant IVs that only reach decryption (reading legacy data). */
    reportDecryption?: boolean;
  },
];
export type MessageIds = 'constantIv' | 'zeroIv' | 'keyDerivedIv' | 'dataDerivedIv' | 'identifierDerivedIv' | 'reusedIv' | 'configuredIv' | 'useRandomIv' | 'storeRandomIv' | 'rewriteToEnvelope';

const CIPHER_OPS = new Set<Operation>(['encrypt', 'decrypt', 'wrap', 'unwrap']);
const WHY = 'a repeated IV/nonce under one key leaks plaintext (CBC: equal prefixes; CTR, GCM, ChaCha20, secretbox: the XOR of plaintexts, and GCM\'s authentication key)';

export default createRule<Options, MessageIds>({
  name: 'no-static-iv',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow constant, zero, key-derived or reused IVs and nonces',
      recommended: 'recommended',
      cwe: [329, 323, 1204],
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportDecryption: {
            type: 'boolean',
            description: 'Also report constant IVs that reach only decryption calls (reading data that was encrypted with a static IV). Default true.',
          },
        },
      },
    ],
    messages: {
      rewriteToEnvelope: ENVELOPE_SUGGESTION_MESSAGE,
      constantIv: 'The IV/nonce {{preview}} is a constant used by {{sink}} (line {{line}}): {{why}}. Generate a random IV per message and store it with the ciphertext.',
      zeroIv: 'An all-zero IV/nonce is used by {{sink}} (line {{line}}): {{why}}. Generate a random IV per message and store it with the ciphertext.',
      keyDerivedIv:
        'The IV/nonce is derived from `{{from}}`, so it is the same for every message under that key ({{sink}}, line {{line}}): {{why}}. Generate a random IV per message and store it with the ciphertext.',
      dataDerivedIv:
        'The IV/nonce is a digest of `{{from}}`, the data {{sink}} encrypts (line {{line}}): equal messages get equal IVs and equal ciphertexts, which shows when the same data is stored twice, and the IV is not chosen independently of the data. Generate a random IV per message and store it with the ciphertext.',
      identifierDerivedIv:
        'The IV/nonce is made from `{{from}}`, an identifier, so it is the same for every message about it under one key ({{sink}}, line {{line}}): {{why}}. Generate a random IV per message and store it with the ciphertext.',
      reusedIv:
        '`{{name}}` is generated once and reused by every {{sink}} call (line {{line}}): {{why}}. Generate the IV inside the function, per message, and store it with the ciphertext.',
      configuredIv:
        '`{{name}}` comes from the environment variable {{from}}, so every {{sink}} call (line {{line}}) uses the same IV: {{why}}. Generate the IV inside the function, per message, and store it with the ciphertext; the variable is then no longer needed.',
      storeRandomIv:
        'Generate a random {{bytes}}-byte IV per message and store it in front of the ciphertext; decryption in this file reads it back. Records already written with the static IV will no longer decrypt: re-encrypt them (decrypt with the current code, encrypt with the new) before deploying.',
      useRandomIv: 'Generate a fresh IV per message: `{{replacement}}` (the IV is already emitted with the ciphertext here, so decryption keeps working).',
    },
  },
  defaultOptions: [{ reportDecryption: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const ctx: ResolveContext = { sourceCode, parserServices: sourceCode.parserServices };
    const report = withEnvelopeSuggestion(sourceCode, reportOncePerNode<MessageIds>((d) => context.report(d)), ['constantIv', 'zeroIv', 'keyDerivedIv', 'dataDerivedIv', 'identifierDerivedIv', 'reusedIv', 'configuredIv']);

    return {
      'Program:exit'() {
        // A schema encryption plugin's IV generator that returns a constant: every field's IV is that constant.
        for (const found of pluginConstantIvs(ctx)) {
          if (found.constant.external || !isInFile(sourceCode, found.constant.origin)) continue;
          const sink = `${found.module} \`${found.option}\``;
          report({ node: found.constant.origin, messageId: 'constantIv', data: { preview: preview(found.constant), sink, line: String(found.registration.loc.start.line), why: WHY } });
        }
        // …or that computes the IV from the secret the plugin calls it with: the same IV for every field.
        for (const found of pluginKeyDerivedIvs(sourceCode)) {
          const sink = `${found.module} \`${found.option}\``;
          report({ node: found.returned, messageId: 'keyDerivedIv', data: { from: found.from, sink, line: String(found.registration.loc.start.line), why: WHY } });
        }
        const calls = getApiCalls(sourceCode).filter((c) => CIPHER_OPS.has(c.api.operation));
        // Encryptions first: an IV shared by encrypt and decrypt is reported with the encryption's message.
        calls.sort((a, b) => rank(a) - rank(b));
        for (const call of calls) {
          for (const iv of argsWithRole(call, 'iv')) {
            try {
              check(call, iv);
            } catch {
              // never crash on an unexpected shape
            }
          }
        }
      },
    };

    function check(call: ApiCall, iv: TSESTree.Node): void {
      const decrypting = call.api.operation === 'decrypt' || call.api.operation === 'unwrap';
      if (decrypting && options.reportDecryption === false) return;
      for (const problem of ivProblems(ctx, call, iv)) {
        const at = isInFile(sourceCode, problem.origin) && !(problem.kind === 'constant' && problem.constant.external) ? problem.origin : iv;
        const data = { sink: describeCall(call), line: call.node.loc.start.line, why: WHY };
        switch (problem.kind) {
          case 'constant':
            report({ node: at, messageId: 'constantIv', data: { ...data, preview: preview(problem.constant) }, suggest: suggestion(call, iv, problem) });
            break;
          case 'zero':
            report({ node: at, messageId: 'zeroIv', data, suggest: suggestion(call, iv, problem) });
            break;
          case 'key-derived':
            report({ node: at, messageId: 'keyDerivedIv', data: { ...data, from: problem.from } });
            break;
          case 'data-derived':
            report({ node: at, messageId: 'dataDerivedIv', data: { ...data, from: problem.from } });
            break;
          case 'identifier-derived':
            report({ node: at, messageId: 'identifierDerivedIv', data: { ...data, from: problem.from } });
            break;
          case 'reused':
            report({ node: at, messageId: 'reusedIv', data: { ...data, name: problem.name } });
            break;
          case 'configured':
            report({ node: at, messageId: 'configuredIv', data: { ...data, name: problem.name, from: problem.from } });
            break;
        }
      }
    }

    /**
     * `const iv = Buffer.alloc(16)` → `const iv = crypto.randomBytes(16)`, only
     * when it is safe: the IV is a local of the encrypting function, only
     * encryptions use it, and it is emitted with the output (used beyond the
     * sink), so the decrypting side already reads it from the message.
     */
    function suggestion(call: ApiCall, iv: TSESTree.Node, problem: IvProblem): TSESLint.ReportSuggestionArray<MessageIds> | undefined {
      const inPlace = randomInPlace(call, iv, problem);
      if (inPlace) return inPlace;
      // The IV is not stored with the output: the pair's message format has to change.
      const stored = call.library.id === 'node:crypto' ? randomIvFix(sourceCode, getApiCalls(sourceCode), call) : undefined;
      return stored ? [{ messageId: 'storeRandomIv', data: { bytes: stored.bytes }, fix: toFix(stored.edits) }] : undefined;
    }

    function randomInPlace(call: ApiCall, iv: TSESTree.Node, problem: IvProblem): TSESLint.ReportSuggestionArray<MessageIds> | undefined {
      if (call.api.operation !== 'encrypt' || call.library.id !== 'node:crypto') return undefined;
      const length = byteLength(problem);
      if (!length) return undefined;
      const origin = problem.origin;
      const declarator = origin.parent;
      if (declarator?.type !== 'VariableDeclarator' || declarator.init !== origin || declarator.id.type !== 'Identifier') return undefined;
      if (declarator.parent?.type !== 'VariableDeclaration' || !insideFunction(declarator)) return undefined;
      const ivExpr = unwrapExpression(iv);
      if (ivExpr.type !== 'Identifier' || ivExpr.name !== declarator.id.name) return undefined;
      const variable = variableOf(sourceCode, declarator.id);
      if (!variable) return undefined;
      const reads = variable.references.filter((r) => r.isRead());
      const ivSinks = (r: (typeof reads)[number]) => callsTakingArgument(sourceCode, r.identifier as TSESTree.Node).filter((c) => argsWithRole(c, 'iv').includes(r.identifier as TSESTree.Node));
      const sinkUses = reads.filter((r) => ivSinks(r).length > 0);
      const allSinksEncrypt = sinkUses.every((r) => ivSinks(r).some((c) => c.api.operation === 'encrypt'));
      const emitted = reads.length > sinkUses.length;
      if (!allSinksEncrypt || !emitted) return undefined;
      const random = randomBytesCall(call, length);
      if (!random) return undefined;
      return [{ messageId: 'useRandomIv', data: { replacement: random }, fix: (fixer) => fixer.replaceText(origin, random) }];
    }
  },
});

function rank(call: ApiCall): number {
  return call.api.operation === 'encrypt' || call.api.operation === 'wrap' ? 0 : 1;
}

function byteLength(problem: IvProblem): number | undefined {
  if (problem.kind === 'constant') {
    const c = problem.constant;
    if (c.kind === 'bytes') return (c.value as Uint8Array).length;
    if (c.kind === 'string' && c.encoding === undefined) return Buffer.byteLength(c.value as string);
    return undefined;
  }
  if (problem.kind === 'zero') {
    const node = problem.origin;
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && node.arguments[0]?.type === 'Literal') {
      const n = node.arguments[0].value;
      return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 64 ? n : undefined;
    }
  }
  return undefined;
}

/** `crypto.randomBytes(16)` spelled with the namespace the sink was called through. */
function randomBytesCall(call: ApiCall, length: number): string | undefined {
  const callee = unwrapExpression(call.node.callee);
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') return `${callee.object.name}.randomBytes(${length})`;
  return undefined;
}


function preview(constant: Constant): string {
  if (constant.kind === 'bytes' && constant.text === undefined) return `(${(constant.value as Uint8Array).length} constant bytes)`;
  const text = constant.text ?? (typeof constant.value === 'string' ? constant.value : '');
  return text ? redact(text) : '(constant)';
}

import type { TSESTree } from '@typescript-eslint/utils';
import { getApiCalls } from '../src/analysis/api-calls';
import { descendants } from '../src/analysis/ast';
import { findKeyBytes, keyReferences, type KeyBytes } from '../src/analysis/key-material';
import { isSecretName } from '../src/analysis/key-names';
import { sinkOf, type SinkKind } from '../src/analysis/key-sinks';
import { trackKeys } from '../src/analysis/key-tracking';
import { memberName, unwrapExpression, variableOf } from '../src/analysis/scope';
import { envVarName } from '../src/analysis/values';
import { createRule } from '../src/util/create-rule';

export type Options = [{ checkLoggedSecrets?: boolean }];
export type MessageIds = 'dataKeyExposed' | 'secretLogged';

const SINK_TEXT: Record<SinkKind, string> = {
  log: 'written to a log',
  disk: 'written to disk',
  database: 'stored in a database',
  response: 'sent in a response',
  export: 'returned from an exported function',
};

export default createRule<Options, MessageIds>({
  name: 'no-plaintext-data-key-exposure',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow plaintext data keys (and other keys and secrets) reaching logs, disk, databases, responses or other modules',
      recommended: 'recommended',
      cwe: [312, 532, 200],
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkLoggedSecrets: { type: 'boolean', description: 'Also report any key or secret (not only KMS data keys) passed to console.* or a logger.' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      dataKeyExposed:
        'The plaintext data key from this KMS call is {{sink}} (line {{line}}). Keep only the encrypted data key (`CiphertextBlob`) outside the function that uses it, and wipe the plaintext after use.',
      secretLogged: '{{name}} is a key or secret and is {{sink}} here. Log a key id or fingerprint instead, never the key.',
    },
  },
  defaultOptions: [{ checkLoggedSecrets: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        if (getApiCalls(sourceCode).length === 0) return;
        const ctx = { sourceCode, parserServices: sourceCode.parserServices };
        const reported = new Set<TSESTree.Node>();
        for (const bytes of findKeyBytes(ctx)) {
          if (bytes.source !== 'kms-plaintext' || !isDataKey(bytes)) continue;
          const refs = keyReferences(sourceCode, bytes);
          for (const ref of [...refs.bytes, ...refs.holders]) {
            const sink = sinkOf(sourceCode, ref);
            if (!sink) continue;
            // `return { CiphertextBlob, … }` of a holder only leaks when the holder itself goes out.
            context.report({ node: bytes.producer, messageId: 'dataKeyExposed', data: { sink: SINK_TEXT[sink.kind], line: String(sink.node.loc.start.line) } });
            reported.add(sink.node);
          }
        }
        // Keys and secrets (anything used as a key in this file, or a secret-named env var) in logs.
        if (!options.checkLoggedSecrets) return;
        const keyNames = new Set<string>();
        for (const key of trackKeys(ctx)) if (key.uses.length > 0 && key.origin !== 'kms' && key.origin !== 'parameter') keyNames.add(key.name);
        for (const bytes of findKeyBytes(ctx)) keyNames.add(bytes.id.name);
        // With no key in the file, only secret-named env vars can be logged: skip the walk for loggers otherwise.
        if (keyNames.size === 0 && !sourceCode.text.includes('env')) return;
        for (const node of loggedExpressions()) {
          const name = secretName(node, keyNames);
          if (!name) continue;
          const sink = sinkOf(sourceCode, node);
          if (!sink || sink.kind !== 'log' || reported.has(sink.node)) continue;
          reported.add(sink.node);
          context.report({ node: sink.node, messageId: 'secretLogged', data: { name: `\`${name}\``, sink: SINK_TEXT.log } });
        }
      },
    };

    /** GenerateDataKey always; Decrypt/unwrap when the plaintext is a key (named so, or decrypting a wrapped key). */
    function isDataKey(bytes: KeyBytes): boolean {
      if (bytes.api?.api.facts?.dataKey) return true;
      if (isSecretName(bytes.id.name)) return true;
      const blob = bytes.api?.args.find((a) => a.role === 'data');
      const text = blob ? sourceCode.getText(blob.node) : '';
      return /key|dek/i.test(text);
    }

    /** Identifiers and member expressions inside logger calls' arguments. */
    function* loggedExpressions(): Generator<TSESTree.Node> {
      const visit = function* (node: TSESTree.Node): Generator<TSESTree.Node> {
        if (node.type === 'Identifier' || node.type === 'MemberExpression') {
          yield node;
          return;
        }
        if (node.type === 'TemplateLiteral') {
          for (const e of node.expressions) yield* visit(e);
        } else if (node.type === 'ObjectExpression') {
          for (const p of node.properties) if (p.type === 'Property') yield* visit(p.value);
        } else if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && memberName(node.callee) === 'toString') yield* visit(node.callee.object);
        else if (node.type === 'BinaryExpression') {
          yield* visit(node.left);
          yield* visit(node.right);
        }
      };
      for (const call of callsNamedLikeLoggers()) for (const arg of call.arguments) yield* visit(unwrapExpression(arg));
    }

    /** Method calls in the file (the sink check decides which are loggers). */
    function* callsNamedLikeLoggers(): Generator<TSESTree.CallExpression> {
      if (!/console\.|log(?:ger)?\.|\.log\b/.test(sourceCode.text)) return;
      for (const node of descendants(sourceCode.ast)) if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') yield node;
    }

    function secretName(node: TSESTree.Node, keyNames: ReadonlySet<string>): string | undefined {
      const env = envVarName(node);
      if (env) return isSecretName(env) || keyNames.has(`process.env.${env}`) ? `process.env.${env}` : undefined;
      if (node.type === 'Identifier') {
        if (!variableOf(sourceCode, node)) return undefined;
        return keyNames.has(node.name) ? node.name : undefined;
      }
      if (node.type === 'MemberExpression') {
        const text = sourceCode.getText(node);
        return keyNames.has(text) ? text : undefined;
      }
      return undefined;
    }
  },
});

import type { TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, getApiCalls, type ApiCall } from '../src/analysis/api-calls';
import { callLocation, concatenatedOperands } from '../src/analysis/ast';
import { findKeyBytes, holdsDataKey, keyReferences } from '../src/analysis/key-material';
import { nameWords } from '../src/analysis/key-names';
import { memberName, singleInitializer, unwrapExpression, variableOf } from '../src/analysis/scope';
import { resolveConstant } from '../src/analysis/values';
import { requestFieldValue, vaultTransitCalls } from '../src/analysis/vault-transit';
import { directKmsRewrite, toFix } from '../src/fix/envelope';
import { createRule } from '../src/util/create-rule';

export type Options = [{ onlyInLoops?: boolean }];
export type MessageIds = 'directKmsEncrypt' | 'directTransitEncrypt' | 'rewriteToEnvelope';

/**
 * Names of what KMS Encrypt is meant for: key material (envelope encryption done
 * by hand) and a small named secret (AWS: "small amounts of arbitrary data, such
 * as … a database password"). Per-user tokens and records are application data:
 * they belong under a data key.
 */
const SECRET_WORDS = new Set(['key', 'dek', 'kek', 'seed', 'secret']);
/**
 * A binding named for one password (`dbPassword`, AWS's own example) is a small named secret too;
 * a record's field (`user.password`) is application data stored per user.
 */
const PASSWORD_WORDS = new Set(['password', 'passphrase']);
/**
 * A service's API token (`payoutApiToken`, `API_TOKEN`, an RPC provider's `rpcToken`, a chat bot's `botToken`) is a
 * credential like a password: one small named secret, unless it is passed next to the id of the account it belongs
 * to (per-user tokens are application data). A bare `token`, an `accessToken` or a `refreshToken` stays a user's.
 */
const SERVICE_TOKEN_WORDS: ReadonlySet<string> = new Set(['api', 'rpc', 'bot', 'service', 'deploy']);
function isApiTokenName(words: readonly string[]): boolean {
  return words.length > 1 && words[words.length - 1] === 'token' && words.some((w) => SERVICE_TOKEN_WORDS.has(w));
}
/**
 * Parameters naming whose record a value belongs to (`accountId`, `userId`, `tenant`, `roomId`): a password
 * passed next to one is stored per account or per user-created record (a customer's SMTP password, a
 * chat room's invite passphrase), application data like `user.password`. Records an operator manages one
 * by one (a partner, an environment) are not in the list: their password stays a small named secret.
 */
const RECORD_OWNER_PARAM =
  /^(?:id|uuid|(?:user|account|tenant|customer|member|owner|org|organization|workspace|merchant|integration|connection|record|room|channel|conversation|thread|project|document|order|device|session)(?:Id|ID|Uuid)?)$/;

export default createRule<Options, MessageIds>({
  name: 'prefer-envelope-encryption',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: {
      description: 'Prefer envelope encryption (a data key per dataset) over encrypting application data directly with KMS Encrypt',
      recommended: 'recommended',
      cwe: [400],
    },
    schema: [
      {
        type: 'object',
        properties: {
          onlyInLoops: { type: 'boolean', description: 'Report only KMS Encrypt calls inside loops and `map`/`forEach` callbacks (one KMS call per record).' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      directKmsEncrypt:
        'Application data is encrypted directly with KMS {{operation}}{{loop}}: limited to 4 KiB, one KMS round trip (and request quota) per record, and the data travels to KMS. Use envelope encryption: GenerateDataKey once per dataset, encrypt locally with AES-256-GCM, store the wrapped data key (e.g. `keywarden/kms`).',
      directTransitEncrypt:
        'Application data is sent to Vault Transit encrypt{{loop}}: one Vault round trip per record, and the data travels to Vault. Use envelope encryption: one data key per dataset (`transit/datakey/wrapped`), encrypt locally with AES-256-GCM, store the wrapped data key (e.g. `keywarden/kms`).',
      rewriteToEnvelope:
        'Rewrite to envelope encryption with keywarden/kms (key from KEYWARDEN_KEY_URI). Records already encrypted with KMS still decrypt through the old KMS Decrypt, kept as legacy…: re-encrypt them, then remove it.',
    },
  },
  defaultOptions: [{ onlyInLoops: false }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const calls = getApiCalls(sourceCode);
        // A KMS over HTTP (Vault Transit, AWS KMS's JSON API): the data is the request's plaintext field.
        const transit = vaultTransitCalls(sourceCode).filter((c) => c.endpoint.operation === 'encrypt' && c.endpoint.requestField);
        if (!calls.some(isKmsEncrypt) && transit.length === 0) return;
        const keyRefs = new Set<TSESTree.Node>();
        // A KMS Decrypt of application data (`CiphertextBlob: row.ssn_ct`) is plaintext to wipe, not a key: sent to
        // Encrypt again (a re-encryption under a new key) it is still application data.
        for (const bytes of findKeyBytes({ sourceCode, parserServices: sourceCode.parserServices })) {
          if (!holdsDataKey(sourceCode, bytes)) continue;
          for (const ref of keyReferences(sourceCode, bytes).bytes) keyRefs.add(ref);
        }
        for (const call of transit) {
          const plaintext = requestFieldValue(call, call.endpoint.requestField!);
          if (!plaintext || isKeyMaterial(plaintext, keyRefs, 0)) continue;
          const looped = inLoop(call.node);
          if (options.onlyInLoops && !looped) continue;
          const loop = looped ? ' inside a loop' : '';
          if (call.service === 'aws-kms') context.report({ node: call.node, loc: callLocation(call.node), messageId: 'directKmsEncrypt', data: { operation: 'Encrypt', loop } });
          else context.report({ node: call.node, loc: callLocation(call.node), messageId: 'directTransitEncrypt', data: { loop } });
        }
        for (const call of calls) {
          if (!isKmsEncrypt(call)) continue;
          const plaintext = call.args.find((a) => a.role === 'data');
          if (!plaintext || isKeyMaterial(plaintext.node, keyRefs, 0) || isConstantProbe(plaintext.node)) continue;
          const looped = inLoop(call.node);
          if (options.onlyInLoops && !looped) continue;
          // A suggestion, not a fix: new records get a new format (old ones keep decrypting through KMS).
          const edits = directKmsRewrite(sourceCode, calls, call.node);
          const suggest = edits ? [{ messageId: 'rewriteToEnvelope' as const, fix: toFix(edits) }] : null;
          context.report({ node: call.node, loc: callLocation(call.node), messageId: 'directKmsEncrypt', data: { operation: 'Encrypt', loop: looped ? ' inside a loop' : '' }, suggest });
        }
      },
    };

    function isKmsEncrypt(call: ApiCall): boolean {
      if (call.api.operation !== 'encrypt') return false;
      return ['@aws-sdk/client-kms', 'aws-sdk', '@google-cloud/kms', '@azure/keyvault-keys'].includes(call.library.id) && call.args.some((a) => a.role === 'kms-key-id' || call.library.id === '@azure/keyvault-keys');
    }

    /** Wrapping a key or a small secret is what KMS Encrypt is for. */
    function isKeyMaterial(raw: TSESTree.Node, keyRefs: ReadonlySet<TSESTree.Node>, depth: number): boolean {
      const node = unwrapExpression(raw);
      if (keyRefs.has(node) || keyRefs.has(raw) || depth > 4) return keyRefs.has(node) || keyRefs.has(raw);
      if (node.type === 'Identifier') {
        const words = nameWords(node.name);
        if (words.some((w) => SECRET_WORDS.has(w))) return true;
        const variable = variableOf(sourceCode, node);
        if (words.some((w) => PASSWORD_WORDS.has(w)) || isApiTokenName(words)) return !isPerRecordParameter(variable);
        const init = variable && singleInitializer(variable);
        if (init) return isKeyMaterial(init, keyRefs, depth + 1);
        // `const { Plaintext: root } = await kms.send(new GenerateRandomCommand(…))`: a field of random output.
        const def = variable?.defs[0];
        return def?.type === 'Variable' && def.node.id.type === 'ObjectPattern' && !!def.node.init && isRandomOutput(def.node.init);
      }
      if (node.type === 'MemberExpression') {
        const name = memberName(node) ?? '';
        return nameWords(name).some((w) => SECRET_WORDS.has(w));
      }
      if (node.type === 'CallExpression' || node.type === 'NewExpression') {
        const api = apiCallAt(sourceCode, node);
        if (api && (api.api.operation === 'random' || api.api.operation === 'keygen' || api.api.operation === 'key-export')) return true;
        // `dek.toString('base64')`, `privateKey.export({ format: 'pem' })`: judge what is encoded, not the encoding.
        if (node.callee.type === 'MemberExpression' && RECEIVER_ENCODINGS.has(memberName(node.callee) ?? '')) return isKeyMaterial(node.callee.object, keyRefs, depth + 1);
        // Buffer.from(x) / new TextEncoder().encode(x): judge x.
        const arg = node.arguments[0];
        return !!arg && isKeyMaterial(arg, keyRefs, depth + 1);
      }
      if (node.type === 'AwaitExpression') return isKeyMaterial(node.argument, keyRefs, depth + 1);
      // `${service}:${fieldKey.toString('base64')}`, `label + ':' + dek.toString('hex')`: a key wrapped with a label is still a key.
      if (node.type === 'TemplateLiteral') return node.expressions.some((e) => isKeyMaterial(e, keyRefs, depth + 1));
      if (node.type === 'BinaryExpression' && node.operator === '+') return concatenatedOperands(node).some((e) => isKeyMaterial(e, keyRefs, depth + 1));
      // `btoa(String.fromCharCode(...dek))`, the base64 idiom of runtimes without Buffer: judge what is spread.
      if (node.type === 'SpreadElement') return isKeyMaterial(node.argument, keyRefs, depth + 1);
      return false;
    }

    /**
     * A constant written in the code (`new TextEncoder().encode('readiness-probe')`): the same bytes for every call,
     * so no record's data (a health check or a permissions probe encrypting a fixed string).
     */
    function isConstantProbe(node: TSESTree.Node): boolean {
      return resolveConstant({ sourceCode, parserServices: sourceCode.parserServices }, node) !== undefined;
    }

    /** A parameter of a function that also takes the id of the record it belongs to (`save(accountId, smtpPassword)`). */
    function isPerRecordParameter(variable: ReturnType<typeof variableOf>): boolean {
      const def = variable?.defs[0];
      if (def?.type !== 'Parameter') return false;
      return (def.node as { params?: TSESTree.Parameter[] }).params?.some((p) => {
        const id = p.type === 'AssignmentPattern' ? p.left : p;
        return id.type === 'Identifier' && RECORD_OWNER_PARAM.test(id.name);
      }) ?? false;
    }

    /** A random-bytes or key-generating call, or a client's `send` of such a command. */
    function isRandomOutput(raw: TSESTree.Node): boolean {
      const node = unwrapExpression(raw);
      if (node.type === 'AwaitExpression') return isRandomOutput(node.argument);
      if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return false;
      const api = apiCallAt(sourceCode, node);
      if (api && (api.api.operation === 'random' || api.api.operation === 'keygen')) return true;
      const command = node.type === 'CallExpression' ? node.arguments[0] : undefined;
      return !!command && unwrapExpression(command).type === 'NewExpression' && isRandomOutput(command);
    }
  },
});

/** Methods whose result is their receiver re-encoded: `toString`, and a `KeyObject`'s `export`. */
const RECEIVER_ENCODINGS: ReadonlySet<string> = new Set(['toString', 'export']);

function inLoop(node: TSESTree.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'ForStatement' || n.type === 'ForOfStatement' || n.type === 'ForInStatement' || n.type === 'WhileStatement' || n.type === 'DoWhileStatement') return true;
    if ((n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression') && n.parent?.type === 'CallExpression' && n.parent.callee.type === 'MemberExpression' && /^(?:map|forEach|flatMap)$/.test(memberName(n.parent.callee) ?? '')) return true;
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return false;
  }
  return false;
}

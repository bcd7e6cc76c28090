import type { TSESTree } from '@typescript-eslint/utils';
import { apiCallAt } from './api-calls';
import { namesIn } from './expression-names';
import { identifierWords } from './identifier-words';
import { resolveImportPath } from './imports';
import { singleInitializer, unwrapExpression, variableOf } from './scope';
import { resolveValues, type ResolveContext } from './values';

/**
 * What a verification key argument evidently is: an asymmetric public key
 * (PEM text, a certificate, a file read, a `createPublicKey` result, a
 * key-lookup callback such as a JWKS client), a symmetric secret, or unknown.
 */
export type VerificationKeyKind = 'public' | 'secret' | 'unknown';

const PUBLIC_WORDS = new Set(['public', 'pub', 'pem', 'cert', 'certificate', 'x509', 'spki', 'jwks', 'jwk', 'rsa', 'ecdsa', 'es256', 'rs256', 'pubkey', 'publickey']);
const SECRET_WORDS = new Set(['secret', 'hmac', 'hs256', 'shared', 'symmetric', 'password', 'passphrase']);
const FILE_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs']);

export function verificationKeyKind(ctx: ResolveContext, node: TSESTree.Node): VerificationKeyKind {
  try {
    return judge(ctx, unwrapExpression(node), 0);
  } catch {
    return 'unknown';
  }
}

function judge(ctx: ResolveContext, node: TSESTree.Node, depth: number): VerificationKeyKind {
  if (depth > 3) return 'unknown';
  const texts = resolveValues(ctx, node).values.filter((v) => v.kind === 'string').map((v) => v.value as string);
  if (texts.some((t) => /-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE|EC PUBLIC KEY)-----/.test(t))) return 'public';
  if (texts.length) return 'secret';
  // A callback that looks the key up (`getKey(header, cb)`, a JWKS client) serves asymmetric keys.
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return 'public';
  if (node.type === 'CallExpression' || node.type === 'AwaitExpression') {
    const call = node.type === 'AwaitExpression' ? node.argument : node;
    if (call.type === 'CallExpression') {
      const path = resolveImportPath(ctx.sourceCode, call.callee);
      if (path?.module !== undefined && FILE_MODULES.has(path.module)) return 'public';
      const modelled = apiCallAt(ctx.sourceCode, call);
      if (modelled && modelled.args.some((a) => a.role === 'public-key')) return 'public';
    }
  }
  if (node.type === 'Identifier') {
    const variable = variableOf(ctx.sourceCode, node);
    const def = variable?.defs[0];
    if (def?.type === 'FunctionName') return 'public';
    const init = variable && singleInitializer(variable);
    if (init) {
      const fromInit = judge(ctx, unwrapExpression(init), depth + 1);
      if (fromInit !== 'unknown') return fromInit;
    }
  }
  const words = namesIn(node).flatMap(identifierWords);
  if (words.some((w) => SECRET_WORDS.has(w))) return 'secret';
  if (words.some((w) => PUBLIC_WORDS.has(w))) return 'public';
  return 'unknown';
}

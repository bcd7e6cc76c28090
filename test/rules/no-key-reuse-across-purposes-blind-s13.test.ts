import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Thirteenth lifecycle blind set (corpus key-purpose/blind-s13, part C): an Ed25519 signing key converted to its
// X25519 form for boxes or key agreement (libsodium, @noble/curves, ed2curve) is the same secret used for a second
// purpose; a value typedi registers with `Container.set` is one key in every class it is injected into; NextAuth's
// `secret` keys its session JWTs.
const sodiumConverted = `import sodium from 'libsodium-wrappers';
await sodium.ready;
const identity = sodium.crypto_sign_seed_keypair(sodium.from_base64(process.env.NODE_SEED ?? ''));
const boxSecret = sodium.crypto_sign_ed25519_sk_to_curve25519(identity.privateKey);
export function sign(message: Uint8Array): Uint8Array {
  return sodium.crypto_sign_detached(message, identity.privateKey);
}
export function seal(message: Uint8Array, nonce: Uint8Array, peer: Uint8Array): Uint8Array {
  return sodium.crypto_box_easy(message, nonce, peer, boxSecret);
}
`;
const nobleConverted = `import { ed25519, x25519, edwardsToMontgomeryPriv } from '@noble/curves/ed25519';
import { hexToBytes } from '@noble/hashes/utils';
const accountSecret = hexToBytes(process.env.ACCOUNT_KEY ?? '');
export function authorise(message: Uint8Array): Uint8Array {
  return ed25519.sign(message, accountSecret);
}
export function agree(peer: Uint8Array): Uint8Array {
  return x25519.getSharedSecret(edwardsToMontgomeryPriv(accountSecret), peer);
}
`;
const ed2curveConverted = `const nacl = require('tweetnacl');
const ed2curve = require('ed2curve');
const identity = nacl.sign.keyPair.fromSeed(new Uint8Array(Buffer.from(process.env.COURIER_SEED || '', 'hex')));
const boxIdentity = ed2curve.convertKeyPair(identity);
function confirm(message) {
  return nacl.sign.detached(message, identity.secretKey);
}
function open(boxed, nonce, peer) {
  return nacl.box.open(boxed, nonce, peer, boxIdentity.secretKey);
}
module.exports = { confirm, open };
`;
const typediSecret = `import { Container, Inject, Service } from 'typedi';
import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
export const PLATFORM_SECRET = 'PLATFORM_SECRET';
Container.set(PLATFORM_SECRET, process.env.PLATFORM_SECRET);
@Service()
export class LinkSigner {
  constructor(@Inject(PLATFORM_SECRET) private readonly secret: string) {}
  sign(url: string): string {
    return createHmac('sha256', this.secret).update(url).digest('hex');
  }
}
@Service()
export class EmbedTokens {
  constructor(@Inject(PLATFORM_SECRET) private readonly secret: string) {}
  issue(viewer: string): string {
    return jwt.sign({ viewer }, this.secret, { algorithm: 'HS256' });
  }
}
`;
const nextAuthAndHmac = `import NextAuth from 'next-auth';
import { createHmac } from 'node:crypto';
const authSecret = process.env.NEXTAUTH_SECRET!;
export const handler = NextAuth({ secret: authSecret, providers: [] });
export function inviteCode(team: string): string {
  return createHmac('sha256', authSecret).update(team).digest('base64url');
}
`;

createRuleTester().run('no-key-reuse-across-purposes (blind-s13)', rule, {
  valid: [
    {
      name: 'separate seeds for the signing pair and the box pair',
      code: ed2curveConverted
        .replace("const boxIdentity = ed2curve.convertKeyPair(identity);", "const boxIdentity = nacl.box.keyPair.fromSecretKey(new Uint8Array(Buffer.from(process.env.COURIER_BOX_SECRET || '', 'hex')));"),
      filename: 'courier.js',
    },
    {
      name: 'an Ed25519 key that only signs, with the public key converted for a peer',
      code: `import sodium from 'libsodium-wrappers';
await sodium.ready;
const identity = sodium.crypto_sign_seed_keypair(sodium.from_base64(process.env.NODE_SEED ?? ''));
export function sign(message: Uint8Array): Uint8Array {
  return sodium.crypto_sign_detached(message, identity.privateKey);
}
export function peerBoxKey(peerSignKey: Uint8Array): Uint8Array {
  return sodium.crypto_sign_ed25519_pk_to_curve25519(peerSignKey);
}
`,
    },
    {
      name: 'typedi tokens with their own values, and Map#set is no registration',
      code: typediSecret
        .replace("Container.set(PLATFORM_SECRET, process.env.PLATFORM_SECRET);", "Container.set(PLATFORM_SECRET, process.env.PLATFORM_SECRET);\nexport const EMBED_SECRET = 'EMBED_SECRET';\nContainer.set(EMBED_SECRET, process.env.EMBED_SECRET);\nconst cache = new Map<string, string>();\ncache.set(EMBED_SECRET, 'x');")
        .replace("  constructor(@Inject(PLATFORM_SECRET) private readonly secret: string) {}\n  issue", "  constructor(@Inject(EMBED_SECRET) private readonly secret: string) {}\n  issue"),
    },
    {
      name: "NextAuth's secret also read by next-auth/jwt's getToken: one purpose",
      code: `import NextAuth from 'next-auth';
import { getToken } from 'next-auth/jwt';
const authSecret = process.env.NEXTAUTH_SECRET!;
export const handler = NextAuth({ secret: authSecret, providers: [] });
export async function viewer(req: Request) {
  return getToken({ req: req as never, secret: authSecret });
}
`,
    },
  ],
  invalid: [
    {
      name: 'libsodium: the signing key converted with crypto_sign_ed25519_sk_to_curve25519 opens boxes',
      code: sodiumConverted,
      errors: [{ messageId: 'reusedKeyPair', line: 3, column: 7 }],
    },
    {
      name: '@noble/curves: the Ed25519 secret converted with edwardsToMontgomeryPriv agrees on X25519 secrets',
      code: nobleConverted,
      errors: [{ messageId: 'reusedKeyPair', line: 3, column: 7 }],
    },
    {
      name: 'ed2curve: the signing pair converted to a box pair',
      code: ed2curveConverted,
      filename: 'courier.js',
      errors: [{ messageId: 'reusedKeyPair', line: 3, column: 7 }],
    },
    {
      name: 'typedi: one registered value injected for an HMAC and a JWT',
      code: typediSecret,
      errors: [{ messageId: 'reused', line: 5, column: 32 }],
    },
    {
      name: "NextAuth's secret also keys an HMAC",
      code: nextAuthAndHmac,
      errors: [{ messageId: 'reused', line: 3, column: 7 }],
    },
  ],
});

/**
 * Realistic generated code for `npm run bench:server`: a service module with
 * the crypto a backend really does (env keys, AES-GCM seal/open, HMAC tags,
 * HKDF subkeys, random tokens, hashing), interleaved with ordinary code, plus
 * a few hardcoded keys so rules report findings and related locations.
 */
export function serviceSource(lines: number, language: 'ts' | 'js'): string {
  const ts = language === 'ts';
  const t = (annotation: string) => (ts ? annotation : '');
  const out: string[] = [
    "import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';",
    '',
    `const DATA_KEY = Buffer.from(process.env.DATA_KEY${t('!')}, 'base64');`,
    `const MAC_KEY = process.env.MAC_KEY${t(' ?? ""')};`,
    '',
  ];
  const blocks = [
    (i: number) => [
      `export function seal${i}(plaintext${t(': string')})${t(': Buffer')} {`,
      '  const iv = randomBytes(12);',
      "  const cipher = createCipheriv('aes-256-gcm', DATA_KEY, iv);",
      "  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);",
      '  return Buffer.concat([iv, cipher.getAuthTag(), body]);',
      '}',
      '',
      `export function open${i}(sealed${t(': Buffer')})${t(': string')} {`,
      "  const decipher = createDecipheriv('aes-256-gcm', DATA_KEY, sealed.subarray(0, 12));",
      '  decipher.setAuthTag(sealed.subarray(12, 28));',
      "  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');",
      '}',
    ],
    (i: number) => [
      `export function tag${i}(payload${t(': Record<string, unknown>')})${t(': string')} {`,
      "  return createHmac('sha256', MAC_KEY).update(JSON.stringify(payload)).digest('hex');",
      '}',
      '',
      `export function subkey${i}(context${t(': string')})${t(': Buffer')} {`,
      `  return Buffer.from(hkdfSync('sha256', DATA_KEY, randomBytes(16), context, 32));`,
      '}',
    ],
    (i: number) => [
      `export class Repository${i} {`,
      `  private readonly rows${t(': Map<string, { id: string; etag: string }>')} = new Map();`.replace(ts ? '' : 'private readonly ', ''),
      `  upsert(id${t(': string')}, value${t(': unknown')}) {`,
      "    const etag = createHash('sha1').update(JSON.stringify(value)).digest('base64url');",
      '    this.rows.set(id, { id, etag });',
      "    return { id, etag, token: randomBytes(24).toString('hex') };",
      '  }',
      `  find(id${t(': string')}) {`,
      '    return this.rows.get(id) ?? null;',
      '  }',
      '}',
    ],
    (i: number) => [
      `const LEGACY_KEY_${i} = '${hexKey(i)}';`,
      `export function legacy${i}(data${t(': string')}) {`,
      `  const cipher = createCipheriv('aes-256-cbc', Buffer.from(LEGACY_KEY_${i}, 'hex'), randomBytes(16));`,
      "  return cipher.update(data, 'utf8', 'hex') + cipher.final('hex');",
      '}',
    ],
  ];
  for (let i = 0; ; i++) {
    // one hardcoded key per ~400 lines: findings without flooding
    const block = (i % 40 === 39 ? blocks[3] : blocks[i % 3])(i);
    if (out.length + block.length + 1 > lines) break;
    out.push(...block, '');
  }
  while (out.length < lines) out.push(`export const setting${out.length} = ${out.length};`);
  return out.join('\n') + '\n';
}

/** A made-up 32-byte hex key (a test value, used nowhere). */
function hexKey(seed: number): string {
  let x = seed * 2654435761 + 12345;
  let hex = '';
  for (let i = 0; i < 64; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    hex += (x >>> 16).toString(16).slice(-1);
  }
  return hex;
}

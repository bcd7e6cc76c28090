/** Bitcoin's base58 alphabet (no 0, O, I or l), used by Solana keys and addresses and by base58check. */
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** The bytes of a base58 text (each leading `1` is a zero byte); undefined for text outside the alphabet. */
export function decodeBase58(text: string): Uint8Array | undefined {
  let n = 0n;
  for (const c of text) {
    const digit = BASE58_ALPHABET.indexOf(c);
    if (digit < 0) return undefined;
    n = n * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  for (; n > 0n; n >>= 8n) bytes.unshift(Number(n & 0xffn));
  for (let i = 0; i < text.length && text[i] === '1'; i++) bytes.unshift(0);
  return Uint8Array.from(bytes);
}

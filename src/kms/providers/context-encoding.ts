import type { BindingContext } from '../provider';

/**
 * An unambiguous byte encoding of a binding context, for use as AAD by
 * providers that bind the context themselves (PKCS#11 AES-GCM): entries sorted
 * by key (UTF-16 code units, as JavaScript compares), each key and value
 * length-prefixed, so {a:'bc'} and {ab:'c'} can never encode alike and key
 * order never matters.
 */
export function encodeBindingContext(context: BindingContext): Buffer {
  const keys = Object.keys(context).sort();
  const parts: Buffer[] = [u32(keys.length)];
  for (const key of keys) {
    const k = Buffer.from(key, 'utf8');
    const v = Buffer.from(String(context[key]), 'utf8');
    parts.push(u32(k.length), k, u32(v.length), v);
  }
  return Buffer.concat(parts);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

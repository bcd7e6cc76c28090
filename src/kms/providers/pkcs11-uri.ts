import { KeywardenError } from '../errors';

export const PKCS11_SCHEME = 'pkcs11';

/** A KEK in a PKCS#11 token, named by an RFC 7512-style URI. */
export interface Pkcs11KeyRef {
  /** Token label (CKA token info `label`). */
  token: string;
  /** Key label (CKA_LABEL). */
  object: string;
  /** Key id (CKA_ID), when the URI gives one. */
  id?: Buffer;
  /** Token serial number, when the URI gives one. */
  serial?: string;
  /** Environment variable holding the PIN (`pin-source=env:NAME`). */
  pinEnv?: string;
  /** `module-path` from the URI; only accepted when it equals the configured module. */
  modulePath?: string;
}

const PATH_ATTRIBUTES = new Set(['token', 'object', 'id', 'serial', 'type']);
const QUERY_ATTRIBUTES = new Set(['pin-source', 'module-path']);
// A URI can come from a sealed blob someone else wrote: it may only pick among
// PIN variables meant for keywarden, never read an arbitrary one.
const PIN_ENV = /^KEYWARDEN_PKCS11_PIN(?:_[A-Z0-9_]{1,64})?$/;

/**
 * Parses `pkcs11://token=TOKEN;object=KEY[;id=%01%02][?pin-source=env:NAME]`
 * (the RFC 7512 form `pkcs11:token=...` is accepted too). Values are
 * percent-decoded. `pin-value` is refused: a PIN never lives in a key URI,
 * because key URIs are stored in every sealed blob's header.
 */
export function parsePkcs11Uri(keyUri: string): Pkcs11KeyRef {
  const bad = (why: string): KeywardenError =>
    new KeywardenError('UNSUPPORTED_FORMAT', `Malformed pkcs11:// key URI (${why}): expected pkcs11://token=TOKEN;object=KEYLABEL`);
  if (typeof keyUri !== 'string' || !keyUri.startsWith(`${PKCS11_SCHEME}:`)) throw bad('scheme');
  let rest = keyUri.slice(PKCS11_SCHEME.length + 1);
  if (rest.startsWith('//')) rest = rest.slice(2);
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const query = queryAt < 0 ? '' : rest.slice(queryAt + 1);
  if (path.includes('#') || query.includes('#')) throw bad('fragment');

  const attrs = new Map<string, string>();
  for (const [separator, text, allowed] of [[';', path, PATH_ATTRIBUTES], ['&', query, QUERY_ATTRIBUTES]] as const) {
    if (!text) continue;
    for (const pair of text.split(separator)) {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      if (name === 'pin-value') {
        throw new KeywardenError('UNSUPPORTED_FORMAT', 'pkcs11:// key URIs must not carry pin-value: use pin-source=env:KEYWARDEN_PKCS11_PIN or the pin option');
      }
      if (eq < 0 || !allowed.has(name) || attrs.has(name)) throw bad(`attribute ${JSON.stringify(name.slice(0, 40))}`);
      attrs.set(name, pair.slice(eq + 1));
    }
  }
  const text = (name: string): string | undefined => {
    const raw = attrs.get(name);
    if (raw === undefined) return undefined;
    try {
      return decodeURIComponent(raw);
    } catch {
      throw bad(`percent-encoding of ${name}`);
    }
  };
  const token = text('token');
  const object = text('object');
  if (!token || !object) throw bad('token and object are required');
  const type = text('type');
  if (type !== undefined && type !== 'secret-key') throw bad('type must be secret-key');

  let pinEnv: string | undefined;
  const pinSource = text('pin-source');
  if (pinSource !== undefined) {
    const match = /^env:(.+)$/.exec(pinSource);
    if (!match || !PIN_ENV.test(match[1]!)) throw bad('pin-source must be env:KEYWARDEN_PKCS11_PIN or env:KEYWARDEN_PKCS11_PIN_<NAME>');
    pinEnv = match[1];
  }
  const idRaw = attrs.get('id');
  if (idRaw !== undefined && !/^(?:%[0-9A-Fa-f]{2})+$/.test(idRaw)) throw bad('id must be percent-encoded bytes');
  return {
    token,
    object,
    // CKA_ID is binary: every byte is written %XX (RFC 7512 section 2.3).
    id: idRaw === undefined ? undefined : Buffer.from(idRaw.replace(/%/g, ''), 'hex'),
    serial: text('serial'),
    pinEnv,
    modulePath: text('module-path'),
  };
}

/** Formats a key reference back into a canonical `pkcs11://` URI (no PIN, no module). */
export function formatPkcs11Uri(key: { token: string; object: string; pinEnv?: string }): string {
  const enc = (s: string): string => encodeURIComponent(s);
  const query = key.pinEnv ? `?pin-source=env:${key.pinEnv}` : '';
  return `${PKCS11_SCHEME}://token=${enc(key.token)};object=${enc(key.object)}${query}`;
}

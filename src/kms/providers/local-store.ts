import * as crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KeywardenError } from '../errors';

/**
 * On-disk state of the local provider: `keyring.json` (KEK versions, each
 * sealed under the master key) and `master.key` beside it unless the master
 * key comes from KEYWARDEN_LOCAL_MASTER_KEY. Both files are mode 0600.
 *
 * Safe under concurrent first use by several processes: the master key file
 * is published with link(2), which fails if another process won the race
 * (then theirs is used); keyring changes are read-modify-write under an
 * O_EXCL lock file and published with rename(2), so readers never see a
 * half-written file.
 */
export const KEYRING_FORMAT = 'keywarden-local-keyring';

export interface KekVersionRecord {
  /** Random id (16 hex chars) written into every wrapped data key, to tell keyrings apart. */
  kid: string;
  created: string;
  retired?: string;
  /** base64(iv 12 | AES-256-GCM(master key, KEK) | tag 16). */
  sealed: string;
}

export interface KeyRecord {
  current: number;
  versions: Record<string, KekVersionRecord>;
}

export interface KeyringFile {
  format: typeof KEYRING_FORMAT;
  version: 1;
  keys: Record<string, KeyRecord>;
}

export const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function badKeyring(file: string, why: string): KeywardenError {
  return new KeywardenError('UNSUPPORTED_FORMAT', `local keyring ${file} is not a valid keywarden keyring (${why})`);
}

/** Validates the parsed JSON fully, so a hand-edited or truncated file gives a clear error. */
export function checkKeyring(value: unknown, file: string): KeyringFile {
  const v = value as KeyringFile;
  if (!v || typeof v !== 'object' || v.format !== KEYRING_FORMAT || v.version !== 1) throw badKeyring(file, 'format/version');
  if (!v.keys || typeof v.keys !== 'object' || Array.isArray(v.keys)) throw badKeyring(file, 'keys');
  for (const [name, key] of Object.entries(v.keys)) {
    if (!KEY_NAME.test(name) || !key || typeof key !== 'object') throw badKeyring(file, `key ${name}`);
    if (!Number.isInteger(key.current) || !key.versions || typeof key.versions !== 'object') throw badKeyring(file, `key ${name}`);
    if (!key.versions[String(key.current)]) throw badKeyring(file, `key ${name} has no current version`);
    for (const [version, record] of Object.entries(key.versions)) {
      const ok =
        /^[1-9][0-9]*$/.test(version) &&
        record &&
        typeof record.kid === 'string' &&
        /^[0-9a-f]{16}$/.test(record.kid) &&
        typeof record.sealed === 'string' &&
        typeof record.created === 'string' &&
        (record.retired === undefined || typeof record.retired === 'string');
      if (!ok) throw badKeyring(file, `key ${name} version ${version}`);
    }
  }
  return v;
}

export async function readKeyring(file: string): Promise<KeyringFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KeywardenError('KMS_UNAVAILABLE', `cannot read local keyring ${file}: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badKeyring(file, 'not JSON');
  }
  return checkKeyring(parsed, file);
}

/** Writes `content` to `file` atomically with mode 0600 (temp file, fsync, rename). */
export async function writePrivateFile(file: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.chmod(0o600);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 15_000;

/**
 * Runs `mutate` on the freshest keyring under an exclusive lock and writes
 * the result. `mutate` returns undefined to leave the file unchanged.
 */
export async function updateKeyring(file: string, mutate: (current: KeyringFile) => KeyringFile | undefined): Promise<KeyringFile> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const lock = `${file}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      const handle = await fs.open(lock, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = await fs.stat(lock).catch(() => undefined);
      // A lock left by a crashed process is taken over after LOCK_STALE_MS.
      if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) await fs.rm(lock, { force: true });
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw new KeywardenError('KMS_UNAVAILABLE', `local keyring ${file} stayed locked (${lock})`, { retryable: true });
      }
      await sleep(5 + Math.random() * 20);
    }
  }
  try {
    const current = (await readKeyring(file)) ?? { format: KEYRING_FORMAT, version: 1, keys: {} };
    const next = mutate(current);
    if (next === undefined) return current;
    await writePrivateFile(file, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  } finally {
    await fs.rm(lock, { force: true });
  }
}

export const MASTER_KEY_ENV = 'KEYWARDEN_LOCAL_MASTER_KEY';

/** A 32-byte key written as base64 (44 chars) or hex (64 chars). */
export function parseMasterKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(trimmed) && key.toString('base64') !== trimmed)) {
    key.fill(0);
    throw new KeywardenError('UNSUPPORTED_FORMAT', `${source} must hold a 32-byte key as base64 or hex`);
  }
  return key;
}

/** Reads the master key file beside the keyring, creating it (race-free) on first use. */
export async function loadOrCreateMasterKeyFile(file: string): Promise<Buffer> {
  try {
    return parseMasterKey(await fs.readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  const temp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    await fs.chmod(temp, 0o600);
    try {
      await fs.link(temp, file);
      return key;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      key.fill(0);
      return parseMasterKey(await fs.readFile(file, 'utf8'), file); // another process created it first
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}

import * as crypto from 'node:crypto';
import { KeywardenError } from './errors';
import type { LocalProvider } from './providers/local';
import { wipe } from './wipe';

/**
 * Backups of the local keyring: every KEK version, encrypted under a key
 * derived from a passphrase with scrypt (memory-hard: N = 2^17, r = 8, p = 1,
 * 128 MiB), AES-256-GCM with the KDF parameters as additional data. The backup
 * does not depend on the master key: restore re-seals the KEKs under the
 * master key of the target keyring.
 */
export const BACKUP_FORMAT = 'keywarden-keyring-backup';
export const MIN_PASSPHRASE_LENGTH = 12;
const DEFAULT_KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;

interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: 1;
  created: string;
  kdf: KdfParams;
  iv: string;
  ciphertext: string;
  tag: string;
}

interface BackupEntry {
  name: string;
  version: number;
  current: boolean;
  created: string;
  retired?: string;
  kid: string;
  kek: string;
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new TypeError(`keywarden/kms: the backup passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}

function deriveKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function aad(file: Pick<BackupFile, 'format' | 'version' | 'created' | 'kdf'>): Buffer {
  return Buffer.from(JSON.stringify([file.format, file.version, file.created, file.kdf]), 'utf8');
}

export async function createBackup(provider: LocalProvider, passphrase: string, kdf: Partial<typeof DEFAULT_KDF> = {}): Promise<string> {
  checkPassphrase(passphrase);
  const keks = await provider.exportKeks();
  if (keks.length === 0) throw new KeywardenError('UNKNOWN_KEY', `no keys in ${provider.keyringPath} to back up`);
  const entries: BackupEntry[] = keks.map((k) => ({
    name: k.name,
    version: k.version,
    current: k.current,
    created: k.record.created,
    ...(k.record.retired ? { retired: k.record.retired } : {}),
    kid: k.record.kid,
    kek: k.kek.toString('base64'),
  }));
  const inner = Buffer.from(JSON.stringify({ entries }), 'utf8');
  const head = {
    format: BACKUP_FORMAT as typeof BACKUP_FORMAT,
    version: 1 as const,
    created: new Date().toISOString(),
    kdf: { ...DEFAULT_KDF, ...kdf, salt: crypto.randomBytes(16).toString('base64') } as KdfParams,
  };
  const key = await deriveKey(passphrase, head.kdf);
  try {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(head));
    const ciphertext = Buffer.concat([cipher.update(inner), cipher.final()]);
    const file: BackupFile = { ...head, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
    return `${JSON.stringify(file, null, 2)}\n`;
  } finally {
    wipe(key);
    wipe(inner);
    for (const k of keks) wipe(k.kek);
  }
}

function parseBackup(text: string): BackupFile {
  let file: BackupFile;
  try {
    file = JSON.parse(text) as BackupFile;
  } catch {
    throw new KeywardenError('UNSUPPORTED_FORMAT', 'not a keywarden keyring backup (not JSON)');
  }
  const kdf = file?.kdf;
  const ok =
    file?.format === BACKUP_FORMAT &&
    file.version === 1 &&
    typeof file.created === 'string' &&
    kdf?.name === 'scrypt' &&
    [kdf.N, kdf.r, kdf.p].every((n) => Number.isInteger(n) && n > 0) &&
    kdf.N >= 2 ** 14 && kdf.N <= 2 ** 20 && kdf.r <= 32 && kdf.p <= 16 &&
    [kdf.salt, file.iv, file.ciphertext, file.tag].every((s) => typeof s === 'string');
  if (!ok) throw new KeywardenError('UNSUPPORTED_FORMAT', 'not a keywarden keyring backup (or an unsupported version)');
  return file;
}

export async function restoreBackup(provider: LocalProvider, text: string, passphrase: string, replace: boolean): Promise<number> {
  const file = parseBackup(text);
  const key = await deriveKey(passphrase, file.kdf);
  let inner: Buffer | undefined;
  const keks: Buffer[] = [];
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64'));
    decipher.setAAD(aad(file));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    inner = decipher.update(Buffer.from(file.ciphertext, 'base64'));
    try {
      decipher.final();
    } catch {
      throw new KeywardenError('KMS_DENIED', 'wrong passphrase, or the backup was modified');
    }
    const { entries } = JSON.parse(inner.toString('utf8')) as { entries: BackupEntry[] };
    const opened = entries.map((e) => {
      const kek = Buffer.from(e.kek, 'base64');
      keks.push(kek);
      return { ...e, kek };
    });
    await provider.importKeks(opened, replace);
    return entries.length;
  } finally {
    wipe(key);
    wipe(inner);
    for (const kek of keks) wipe(kek);
  }
}

import * as crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { KeywardenError } from '../errors';
import { refuseLocalInProduction } from '../key-uri';
import type { BindingContext, DataKeyRequest, GeneratedDataKey, KeyProvider, RewrapRequest, UnwrapRequest, WrapRequest, WrappedDataKey } from '../provider';
import { wipe } from '../wipe';
import {
  KEY_NAME,
  MASTER_KEY_ENV,
  loadOrCreateMasterKeyFile,
  parseMasterKey,
  readKeyring,
  updateKeyring,
  type KeyringFile,
  type KekVersionRecord,
} from './local-store';
import { rewrapInProcess } from './rewrap-in-process';

export const LOCAL_SCHEME = 'local';
export const KEYRING_ENV = 'KEYWARDEN_LOCAL_KEYRING';
export const DEFAULT_KEYRING = path.join('.keywarden', 'keyring.json');

export interface LocalProviderOptions {
  /** Keyring file. Default: KEYWARDEN_LOCAL_KEYRING, else `.keywarden/keyring.json` in the working directory. */
  keyringPath?: string;
  /** 32-byte master key (or its base64/hex). Default: KEYWARDEN_LOCAL_MASTER_KEY, else `master.key` beside the keyring. */
  masterKey?: string | Uint8Array;
  /** Environment to read (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface LocalKeyInfo {
  name: string;
  current: number;
  versions: Array<{ version: number; created: string; retired?: string }>;
}

/**
 * Wrapped data key: format byte 1 | kid 8 | iv 12 | AES-256-GCM(KEK, data key) 32 | tag 16.
 * AAD binds it to the key name, version and the whole binding context
 * (purpose included), so it unwraps under nothing else.
 */
const WRAP_FORMAT = 1;
const WRAPPED_BYTES = 1 + 8 + 12 + 32 + 16;

/**
 * The embedded development provider: KEKs live in a local keyring file,
 * sealed under a master key. Zero setup: a key name is created on its first
 * use. Refuses to run with NODE_ENV=production.
 */
export class LocalProvider implements KeyProvider {
  readonly scheme = LOCAL_SCHEME;
  readonly keyringPath: string;
  private readonly masterKeyOption: string | Uint8Array | undefined;
  private readonly env: NodeJS.ProcessEnv;
  private masterKey: Buffer | undefined;
  private keyring: KeyringFile | undefined;
  private keyringStamp = '';
  /** Opened KEKs by `name#version`; wiped by close(). */
  private readonly keks = new Map<string, Buffer>();

  constructor(options: LocalProviderOptions = {}) {
    this.env = options.env ?? process.env;
    refuseLocalInProduction(this.env);
    this.keyringPath = path.resolve(options.keyringPath ?? this.env[KEYRING_ENV] ?? DEFAULT_KEYRING);
    this.masterKeyOption = options.masterKey;
  }

  async generateDataKey(request: DataKeyRequest): Promise<GeneratedDataKey> {
    const plaintext = crypto.randomBytes(32);
    try {
      return { plaintext, ...(await this.wrap({ keyUri: request.keyUri, plaintext, context: request.context })) };
    } catch (error) {
      wipe(plaintext);
      throw error;
    }
  }

  async wrap(request: WrapRequest): Promise<WrappedDataKey> {
    const { name, version: asked } = parseLocalUri(request.keyUri);
    let key = (await this.freshKeyring()).keys[name];
    if (!key && asked === undefined) key = (await this.createKey(name)).keys[name];
    if (!key) throw new KeywardenError('UNKNOWN_KEY', `local key ${name} does not exist in ${this.keyringPath}`);
    const version = asked ?? key.current;
    const record = await this.versionRecord(name, version);
    if (record.retired) throw new KeywardenError('KMS_DENIED', `local key ${name}#v${version} is retired`);
    const kek = await this.openKek(name, version, record);
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(wrapAad(name, version, request.context));
    const ct = Buffer.concat([cipher.update(request.plaintext), cipher.final()]);
    const wrapped = Buffer.concat([Buffer.from([WRAP_FORMAT]), Buffer.from(record.kid, 'hex'), iv, ct, cipher.getAuthTag()]);
    return { wrapped, keyUri: `${LOCAL_SCHEME}://${name}#v${version}` };
  }

  async unwrap(request: UnwrapRequest): Promise<Buffer> {
    const { name, version: named } = parseLocalUri(request.keyUri);
    const wrapped = Buffer.from(request.wrapped);
    if (wrapped.length !== WRAPPED_BYTES || wrapped[0] !== WRAP_FORMAT) {
      throw new KeywardenError('TAMPERED', 'wrapped data key is malformed');
    }
    const kid = wrapped.subarray(1, 9).toString('hex');
    const version = named ?? (await this.versionByKid(name, kid));
    const record = await this.versionRecord(name, version);
    if (record.kid !== kid) {
      throw new KeywardenError('UNKNOWN_KEY', `data key was wrapped by another keyring's ${name}#v${version}, not the one in ${this.keyringPath}`);
    }
    if (record.retired) throw new KeywardenError('KMS_DENIED', `local key ${name}#v${version} is retired`);
    const kek = await this.openKek(name, version, record);
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek, wrapped.subarray(9, 21));
    decipher.setAAD(wrapAad(name, version, request.context));
    decipher.setAuthTag(wrapped.subarray(53));
    const plaintext = decipher.update(wrapped.subarray(21, 53));
    try {
      decipher.final();
    } catch {
      wipe(plaintext);
      throw new KeywardenError('TAMPERED', `wrapped data key failed authentication under ${name}#v${version} (modified, or another purpose/context)`);
    }
    return plaintext;
  }

  async rewrap(request: RewrapRequest): Promise<WrappedDataKey> {
    const target = request.toKeyUri ?? `${LOCAL_SCHEME}://${parseLocalUri(request.keyUri).name}`;
    return rewrapInProcess(this, request, target);
  }

  /** Adds a version to `name` (created if absent) and makes it current. */
  async rotate(keyUri: string): Promise<string> {
    const { name } = parseLocalUri(keyUri);
    const master = await this.loadMasterKey();
    const next = await updateKeyring(this.keyringPath, (ring) => {
      const key = ring.keys[name];
      const version = key ? Math.max(...Object.keys(key.versions).map(Number)) + 1 : 1;
      const versions = { ...(key?.versions ?? {}), [String(version)]: sealNewKek(master, name, version) };
      return { ...ring, keys: { ...ring.keys, [name]: { current: version, versions } } };
    });
    this.keyring = next;
    return `${LOCAL_SCHEME}://${name}#v${next.keys[name].current}`;
  }

  /** Marks an old version retired: data keys wrapped under it no longer unwrap (KMS_DENIED). */
  async retire(keyUri: string): Promise<void> {
    const { name, version } = parseLocalUri(keyUri);
    if (version === undefined) throw new TypeError('keywarden/kms: retire needs a versioned key URI (local://NAME#vN)');
    this.keyring = await updateKeyring(this.keyringPath, (ring) => {
      const key = ring.keys[name];
      const record = key?.versions[String(version)];
      if (!record) throw new KeywardenError('UNKNOWN_KEY', `local key ${name}#v${version} does not exist`);
      if (key.current === version) throw new KeywardenError('KMS_DENIED', `${name}#v${version} is the current version: rotate before retiring it`);
      if (record.retired) return undefined;
      const versions = { ...key.versions, [String(version)]: { ...record, retired: new Date().toISOString() } };
      return { ...ring, keys: { ...ring.keys, [name]: { ...key, versions } } };
    });
    const opened = this.keks.get(`${name}#${version}`);
    wipe(opened);
    this.keks.delete(`${name}#${version}`);
  }

  /** Names, versions and dates; never key material. */
  async list(): Promise<LocalKeyInfo[]> {
    const ring = await this.loadKeyring(true);
    return Object.entries(ring.keys).map(([name, key]) => ({
      name,
      current: key.current,
      versions: Object.entries(key.versions).map(([v, r]) => ({ version: Number(v), created: r.created, retired: r.retired })),
    }));
  }

  /** The opened KEKs of every version, for backup. The caller wipes them. */
  async exportKeks(): Promise<Array<{ name: string; version: number; current: boolean; record: KekVersionRecord; kek: Buffer }>> {
    const ring = await this.loadKeyring(true);
    const out = [];
    for (const [name, key] of Object.entries(ring.keys)) {
      for (const [v, record] of Object.entries(key.versions)) {
        const version = Number(v);
        out.push({ name, version, current: key.current === version, record, kek: Buffer.from(await this.openKek(name, version, record)) });
      }
    }
    return out;
  }

  /**
   * Writes KEKs (from a backup) into this keyring, sealed under this
   * provider's master key. Refuses to replace an existing keyring unless `replace`.
   */
  async importKeks(entries: Array<{ name: string; version: number; current: boolean; created: string; retired?: string; kid: string; kek: Uint8Array }>, replace: boolean): Promise<void> {
    const master = await this.loadMasterKey();
    const keys: KeyringFile['keys'] = {};
    for (const entry of entries) {
      if (!KEY_NAME.test(entry.name) || !Number.isInteger(entry.version) || entry.version < 1 || entry.kek.length !== 32 || !/^[0-9a-f]{16}$/.test(entry.kid)) {
        throw new KeywardenError('UNSUPPORTED_FORMAT', `backup entry ${String(entry.name).slice(0, 40)} is malformed`);
      }
      const key = (keys[entry.name] ??= { current: 0, versions: {} });
      key.versions[String(entry.version)] = {
        kid: entry.kid,
        created: entry.created,
        ...(entry.retired ? { retired: entry.retired } : {}),
        sealed: sealKek(master, entry.name, entry.version, entry.kid, entry.kek),
      };
      if (entry.current) key.current = entry.version;
    }
    for (const [name, key] of Object.entries(keys)) {
      if (!key.versions[String(key.current)]) throw new KeywardenError('UNSUPPORTED_FORMAT', `backup has no current version for ${name}`);
    }
    this.keyring = await updateKeyring(this.keyringPath, (ring) => {
      if (Object.keys(ring.keys).length > 0 && !replace) {
        throw new KeywardenError('KMS_DENIED', `${this.keyringPath} already holds keys; restore with --force to replace it`);
      }
      return { format: 'keywarden-local-keyring', version: 1, keys };
    });
    for (const kek of this.keks.values()) wipe(kek);
    this.keks.clear();
  }

  async close(): Promise<void> {
    for (const kek of this.keks.values()) wipe(kek);
    this.keks.clear();
    wipe(this.masterKey);
    this.masterKey = undefined;
    this.keyring = undefined;
  }

  private async loadKeyring(fresh = false): Promise<KeyringFile> {
    if (!this.keyring || fresh) {
      this.keyring = (await readKeyring(this.keyringPath)) ?? { format: 'keywarden-local-keyring', version: 1, keys: {} };
    }
    return this.keyring;
  }

  /** Re-reads the keyring when its file changed (a rotation by the CLI or another process). */
  private async freshKeyring(): Promise<KeyringFile> {
    const stat = await fs.stat(this.keyringPath).catch(() => undefined);
    const stamp = stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : 'absent';
    if (stamp !== this.keyringStamp) {
      this.keyringStamp = stamp;
      return this.loadKeyring(true);
    }
    return this.loadKeyring();
  }

  /** Finds a version record, re-reading the file once in case another process rotated. */
  private async versionRecord(name: string, version: number): Promise<KekVersionRecord> {
    let record = (await this.loadKeyring()).keys[name]?.versions[String(version)];
    if (!record) record = (await this.loadKeyring(true)).keys[name]?.versions[String(version)];
    if (!record) throw new KeywardenError('UNKNOWN_KEY', `local key ${name}#v${version} does not exist in ${this.keyringPath}`);
    return record;
  }

  private async versionByKid(name: string, kid: string): Promise<number> {
    for (const fresh of [false, true]) {
      const key = (await this.loadKeyring(fresh)).keys[name];
      const found = key && Object.entries(key.versions).find(([, record]) => record.kid === kid);
      if (found) return Number(found[0]);
    }
    throw new KeywardenError('UNKNOWN_KEY', `no version of local key ${name} in ${this.keyringPath} wrapped this data key`);
  }

  private async createKey(name: string): Promise<KeyringFile> {
    const master = await this.loadMasterKey();
    this.keyring = await updateKeyring(this.keyringPath, (ring) => {
      if (ring.keys[name]) return undefined; // another process created it meanwhile
      return { ...ring, keys: { ...ring.keys, [name]: { current: 1, versions: { '1': sealNewKek(master, name, 1) } } } };
    });
    return this.keyring;
  }

  private async openKek(name: string, version: number, record: KekVersionRecord): Promise<Buffer> {
    const id = `${name}#${version}`;
    const cached = this.keks.get(id);
    if (cached) return cached;
    const master = await this.loadMasterKey();
    const sealed = Buffer.from(record.sealed, 'base64');
    if (sealed.length !== 12 + 32 + 16) throw new KeywardenError('KMS_DENIED', `local key ${id} is damaged in ${this.keyringPath}`);
    const decipher = crypto.createDecipheriv('aes-256-gcm', master, sealed.subarray(0, 12));
    decipher.setAAD(kekAad(name, version, record.kid));
    decipher.setAuthTag(sealed.subarray(44));
    const kek = decipher.update(sealed.subarray(12, 44));
    try {
      decipher.final();
    } catch {
      wipe(kek);
      throw new KeywardenError('KMS_DENIED', `cannot open local key ${id}: the master key does not match ${this.keyringPath} (or the keyring was altered)`);
    }
    this.keks.set(id, kek);
    return kek;
  }

  private async loadMasterKey(): Promise<Buffer> {
    if (this.masterKey) return this.masterKey;
    const option = this.masterKeyOption;
    if (option !== undefined) {
      this.masterKey = typeof option === 'string' ? parseMasterKey(option, 'masterKey option') : Buffer.from(option);
      if (this.masterKey.length !== 32) throw new KeywardenError('UNSUPPORTED_FORMAT', 'masterKey option must be 32 bytes');
    } else if (this.env[MASTER_KEY_ENV]) {
      this.masterKey = parseMasterKey(this.env[MASTER_KEY_ENV] as string, MASTER_KEY_ENV);
    } else {
      this.masterKey = await loadOrCreateMasterKeyFile(masterKeyPathFor(this.keyringPath));
    }
    return this.masterKey;
  }
}

export function masterKeyPathFor(keyringPath: string): string {
  return path.join(path.dirname(keyringPath), 'master.key');
}

export function createLocalProvider(options?: LocalProviderOptions): LocalProvider {
  return new LocalProvider(options);
}

/** `local://NAME` or `local://NAME#vN`. */
export function parseLocalUri(keyUri: string): { name: string; version?: number } {
  const match = /^local:\/\/([^#/?]+)(?:#v([1-9][0-9]{0,8}))?$/.exec(keyUri);
  if (!match || !KEY_NAME.test(match[1])) {
    throw new KeywardenError('UNKNOWN_KEY', `not a local key URI: "${keyUri.slice(0, 80)}" (expected local://NAME or local://NAME#vN)`);
  }
  return { name: match[1], version: match[2] === undefined ? undefined : Number(match[2]) };
}

function kekAad(name: string, version: number, kid: string): Buffer {
  return Buffer.from(`keywarden-local-kek\0${name}\0${version}\0${kid}`, 'utf8');
}

function wrapAad(name: string, version: number, context: BindingContext): Buffer {
  const entries = Object.keys(context).sort().map((key) => [key, context[key]]);
  return Buffer.from(`keywarden-local-dek\0${name}\0${version}\0${JSON.stringify(entries)}`, 'utf8');
}

export function sealKek(master: Buffer, name: string, version: number, kid: string, kek: Uint8Array): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(kekAad(name, version, kid));
  const sealed = Buffer.concat([iv, cipher.update(kek), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64');
}

function sealNewKek(master: Buffer, name: string, version: number): KekVersionRecord {
  const kek = crypto.randomBytes(32);
  const kid = crypto.randomBytes(8).toString('hex');
  try {
    return { kid, created: new Date().toISOString(), sealed: sealKek(master, name, version, kid, kek) };
  } finally {
    wipe(kek);
  }
}

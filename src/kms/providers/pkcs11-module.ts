import { KeywardenError } from '../errors';
import { loadOptionalPeer } from './optional-peer';
import { PKCS11_SCHEME } from './pkcs11-uri';

export type Pkcs11js = typeof import('pkcs11js');
export type Pkcs11 = import('pkcs11js').PKCS11;
export type Handle = Buffer;

/**
 * A loaded PKCS#11 library, shared per module path across the process.
 * Cryptoki state is per process: a second C_Initialize of the same library
 * fails, and a login on one session logs in every session of the token. So
 * providers share one handle per module and the last `release` finalizes it.
 */
export interface LoadedModule {
  lib: Pkcs11js;
  p11: Pkcs11;
  refs: number;
}

const modules = new Map<string, LoadedModule>();

export function acquireModule(modulePath: string): LoadedModule {
  let loaded = modules.get(modulePath);
  if (!loaded) {
    const lib = loadOptionalPeer<Pkcs11js>('pkcs11js', PKCS11_SCHEME);
    const p11 = new lib.PKCS11();
    try {
      p11.load(modulePath);
    } catch (error) {
      throw new KeywardenError('KMS_UNAVAILABLE', `Cannot load the PKCS#11 module ${modulePath}`, { cause: error });
    }
    try {
      // OS locking: the library must serialise its own state, because the
      // async calls below run on libuv worker threads concurrently.
      p11.C_Initialize({ flags: lib.CKF_OS_LOCKING_OK });
    } catch (error) {
      if ((error as { code?: number }).code !== lib.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        p11.close();
        throw new KeywardenError('KMS_UNAVAILABLE', `C_Initialize failed for ${modulePath}`, { cause: error });
      }
    }
    loaded = { lib, p11, refs: 0 };
    modules.set(modulePath, loaded);
  }
  loaded.refs++;
  return loaded;
}

export function releaseModule(modulePath: string): void {
  const loaded = modules.get(modulePath);
  if (!loaded || --loaded.refs > 0) return;
  modules.delete(modulePath);
  try {
    loaded.p11.C_Finalize();
  } finally {
    loaded.p11.close();
  }
}

/**
 * A bounded pool of sessions on one token. A PKCS#11 session runs one
 * operation at a time (EncryptInit..Encrypt), so concurrent requests each take
 * their own session; beyond `size`, they wait their turn.
 */
export class SessionPool {
  private readonly idle: Handle[] = [];
  private readonly waiters: Array<{ resolve: (session: Handle) => void; reject: (error: unknown) => void }> = [];
  private open = 0;
  private closed = false;

  constructor(
    private readonly p11: Pkcs11,
    private readonly slot: Handle,
    private readonly flags: number,
    private readonly size: number,
  ) {}

  async use<T>(work: (session: Handle) => Promise<T>): Promise<T> {
    const session = await this.acquire();
    let healthy = true;
    try {
      return await work(session);
    } catch (error) {
      healthy = !isSessionFatal(error);
      throw error;
    } finally {
      this.release(session, healthy);
    }
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new KeywardenError('KMS_UNAVAILABLE', 'PKCS#11 provider is closed'));
    for (const session of this.idle.splice(0)) {
      try {
        this.p11.C_CloseSession(session);
      } catch {
        // The token may be gone already; nothing left to free.
      }
    }
  }

  private acquire(): Promise<Handle> {
    if (this.closed) return Promise.reject(new KeywardenError('KMS_UNAVAILABLE', 'PKCS#11 provider is closed'));
    const session = this.idle.pop();
    if (session) return Promise.resolve(session);
    if (this.open < this.size) {
      try {
        return Promise.resolve(this.openSession());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private openSession(): Handle {
    const session = this.p11.C_OpenSession(this.slot, this.flags);
    this.open++;
    return session;
  }

  private release(session: Handle, healthy: boolean): void {
    if (!healthy || this.closed) {
      this.open--;
      try {
        this.p11.C_CloseSession(session);
      } catch {
        // Already invalid.
      }
      // A waiter would otherwise wait for a session that will never come back.
      const waiter = this.waiters.shift();
      if (waiter) {
        try {
          if (this.closed) throw new KeywardenError('KMS_UNAVAILABLE', 'PKCS#11 provider is closed');
          waiter.resolve(this.openSession());
        } catch (error) {
          waiter.reject(error);
        }
      }
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(session);
    else this.idle.push(session);
  }
}

// CKR_SESSION_CLOSED, CKR_SESSION_HANDLE_INVALID, CKR_DEVICE_REMOVED,
// CKR_TOKEN_NOT_PRESENT, CKR_DEVICE_ERROR: this session is unusable.
const SESSION_FATAL = new Set([0xb0, 0xb3, 0x32, 0xe0, 0x30]);

export function isSessionFatal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && SESSION_FATAL.has(code);
}

import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { KeywardenError } from '../errors';

export interface VaultReply {
  status: number;
  /** Parsed JSON body; `{}` when the body was empty or not JSON. */
  body: { data?: Record<string, unknown>; errors?: unknown[] };
}

export interface VaultHttpOptions {
  ca?: string | Buffer;
  requestTimeoutMs: number;
}

const MAX_REPLY_BYTES = 1 << 20;

/**
 * A minimal JSON-over-HTTP(S) client for Vault's API: keep-alive agents, a
 * per-request timeout, caller cancellation, bounded replies. node:http rather
 * than fetch, so a private CA can be given without a global dispatcher.
 */
export class VaultHttp {
  private readonly httpAgent = new HttpAgent({ keepAlive: true });
  private readonly httpsAgent: HttpsAgent;

  constructor(private readonly options: VaultHttpOptions) {
    this.httpsAgent = new HttpsAgent({ keepAlive: true, ca: options.ca });
  }

  /** POSTs `payload` as JSON, or GETs when it is undefined. */
  send(url: URL, headers: Record<string, string>, payload: unknown, signal?: AbortSignal): Promise<VaultReply> {
    const json = payload === undefined ? '' : JSON.stringify(payload);
    const https = url.protocol === 'https:';
    return new Promise<VaultReply>((resolve, reject) => {
      if (signal?.aborted) {
        reject(unavailable(`Vault request to ${url.host} was aborted`, false));
        return;
      }
      const req = (https ? httpsRequest : httpRequest)(url, {
        method: payload === undefined ? 'GET' : 'POST',
        agent: https ? this.httpsAgent : this.httpAgent,
        headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
        timeout: this.options.requestTimeoutMs,
      });
      const onAbort = (): void => {
        req.destroy();
        reject(unavailable(`Vault request to ${url.host} was aborted`, false));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = (): void => signal?.removeEventListener('abort', onAbort);
      req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', (error: NodeJS.ErrnoException) => {
        done();
        reject(unavailable(`Vault at ${url.host} unreachable (${error.code ?? error.message})`, true, error));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_REPLY_BYTES) req.destroy(new Error('Vault reply too large'));
          else chunks.push(chunk);
        });
        res.on('error', (error) => {
          done();
          reject(unavailable(`Vault reply from ${url.host} broke off`, true, error));
        });
        res.on('end', () => {
          done();
          resolve({ status: res.statusCode ?? 0, body: parseBody(Buffer.concat(chunks)) });
        });
        // Destroyed mid-reply (too large, socket reset): settle rather than hang.
        res.on('close', () => {
          done();
          if (!res.complete) reject(unavailable(`Vault reply from ${url.host} broke off`, true));
        });
      });
      req.end(json);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function parseBody(raw: Buffer): VaultReply['body'] {
  if (raw.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as VaultReply['body']) : {};
  } catch {
    return {};
  }
}

function unavailable(message: string, retryable: boolean, cause?: unknown): KeywardenError {
  return new KeywardenError('KMS_UNAVAILABLE', message, { retryable, cause });
}

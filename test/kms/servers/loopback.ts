/**
 * What every in-process KMS test server shares: an HTTP server on 127.0.0.1
 * with a random port, per-operation request counts, and injected faults
 * (a queue of one-shot faults, optionally aimed at one operation, or an outage
 * that lasts until lifted). Subclasses speak one provider's wire protocol.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export abstract class LoopbackServer<Fault extends string> {
  /** Requests per operation, faults included. */
  readonly calls: Record<string, number> = {};
  private readonly faults: Array<{ fault: Fault; operation?: string }> = [];
  private outage: Fault | undefined;
  private server: Server | undefined;

  get port(): number {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('server not started');
    return address.port;
  }

  /** `http://127.0.0.1:PORT` */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      readBody(req).then(
        (body) => this.handle(req, res, body),
        () => req.socket.destroy(),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `count` requests (of `operation`, when given) fail with `fault`. */
  inject(fault: Fault, count = 1, operation?: string): void {
    for (let i = 0; i < count; i++) this.faults.push({ fault, operation });
  }

  /** Every request fails with `fault` until called again with undefined. */
  setOutage(fault: Fault | undefined): void {
    this.outage = fault;
  }

  /** Counts a request of `operation` and returns the fault it must suffer, if any. */
  protected admit(operation: string): Fault | undefined {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    if (this.outage) return this.outage;
    const index = this.faults.findIndex((f) => f.operation === undefined || f.operation === operation);
    return index < 0 ? undefined : this.faults.splice(index, 1)[0]!.fault;
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void | Promise<void>;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(json)), ...headers }).end(json);
}

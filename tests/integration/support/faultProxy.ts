/**
 * A loopback HTTP proxy in front of the real Jaeger whose behaviour a test switches: pass through, hang,
 * stall mid-body, answer 500, truncate the JSON, reset the connection; and `shutdown()` closes it with
 * requests in flight, as when Jaeger stops mid-query. Bounded: every held socket is destroyed on close.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode = 'pass' | 'hang' | 'stall-body' | 'status-500' | 'truncate' | 'reset';

export class FaultProxy {
  mode: FaultMode = 'pass';
  requests = 0;
  private readonly sockets = new Set<Socket>();
  private constructor(
    private readonly server: Server,
    readonly url: string
  ) {}

  static async start(upstream: string): Promise<FaultProxy> {
    let proxy: FaultProxy | undefined;
    const server = createServer((req, res) => {
      proxy!.requests++;
      proxy!.handle(upstream, req.url ?? '/', res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    proxy = new FaultProxy(server, `http://127.0.0.1:${port}`);
    server.on('connection', (s: Socket) => {
      proxy!.sockets.add(s);
      s.on('close', () => proxy!.sockets.delete(s));
    });
    return proxy;
  }

  private async handle(upstream: string, path: string, res: ServerResponse): Promise<void> {
    switch (this.mode) {
      case 'hang':
        return; // never answer; shutdown() destroys the socket
      case 'reset':
        res.socket?.destroy();
        return;
      case 'status-500':
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { httpCode: 500, message: 'storage failure (injected by the test proxy)' } }));
        return;
    }
    const up = await fetch(upstream + path, { signal: AbortSignal.timeout(10_000) });
    const body = await up.text();
    if (this.mode === 'pass') {
      res.writeHead(up.status, { 'content-type': up.headers.get('content-type') ?? 'application/json' });
      res.end(body);
    } else if (this.mode === 'truncate') {
      const cut = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(cut);
    } else {
      // stall-body: promise the whole body, send half, then go silent
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.write(body.slice(0, Math.floor(body.length / 2)));
    }
  }

  /** Stops listening and drops every open connection, answered or not. */
  shutdown(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const s of this.sockets) {
        s.destroy();
      }
    });
  }
}

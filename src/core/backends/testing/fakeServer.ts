import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server for contract tests: it replays fixture bodies in the backends' documented
 * shapes and misbehaves on request (status codes, truncated bodies, stalls), so the real HTTP path
 * through nodeTransport, decoding, cancellation and error messages is exercised. Test-only: nothing
 * in the bundle imports it.
 */
export interface FakeReply {
  readonly status?: number;
  /** A string is sent as is; anything else is JSON-encoded. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Wait this long before sending headers (slow server). */
  readonly delayMs?: number;
  /** Send only this many characters of the body, then close the connection (truncated reply). */
  readonly truncateAt?: number;
}

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
}

export type FakeRoute = FakeReply | ((req: FakeRequest) => FakeReply | undefined);

export interface FakeServer {
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Replace or add the route for an exact path. */
  route(path: string, reply: FakeRoute): void;
  /** Requests whose handler is still running (used to prove cancellation reached the socket). */
  openRequests(): number;
  /** Resolves with the next request to `path` received after this call (call it before sending). */
  nextRequest(path: string): Promise<FakeRequest>;
  /** Resolves once every request has ended on the server's side (sockets closed or answered). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeServer(routes: Record<string, FakeRoute> = {}): Promise<FakeServer> {
  const table = new Map<string, FakeRoute>(Object.entries(routes));
  const requests: FakeRequest[] = [];
  let open = 0;
  const timers = new Set<NodeJS.Timeout>();
  // Waiters are woken by server events, so tests wait for what happens rather than for a time.
  let arrivalWaiters: Array<{ path: string; wake: (r: FakeRequest) => void }> = [];
  let idleWaiters: Array<() => void> = [];
  const wakeIdle = () => {
    if (open === 0) {
      idleWaiters.forEach((wake) => wake());
      idleWaiters = [];
    }
  };

  const server = createServer((req, res) => {
    open++;
    res.on('close', () => {
      open--;
      wakeIdle();
    });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fakeReq: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(fakeReq);
    arrivalWaiters = arrivalWaiters.filter((w) => (w.path === fakeReq.path ? (w.wake(fakeReq), false) : true));
    const route = table.get(url.pathname);
    const reply = typeof route === 'function' ? route(fakeReq) : route;
    respond(res, reply ?? { status: 404, body: '404 page not found\n' }, timers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, reply) => table.set(path, reply),
    openRequests: () => open,
    nextRequest: (path) => new Promise((wake) => arrivalWaiters.push({ path, wake })),
    idle: () => (open === 0 ? Promise.resolve() : new Promise<void>((wake) => idleWaiters.push(wake))),
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(res: ServerResponse, reply: FakeReply, timers: Set<NodeJS.Timeout>): void {
  const send = () => {
    if (res.destroyed) {
      return;
    }
    const body =
      typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
    const contentType = typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    if (reply.truncateAt !== undefined) {
      res.writeHead(reply.status ?? 200, {
        'content-type': contentType,
        'content-length': String(Buffer.byteLength(body)),
        ...reply.headers,
      });
      res.write(body.slice(0, reply.truncateAt));
      res.destroy();
      return;
    }
    res.writeHead(reply.status ?? 200, { 'content-type': contentType, ...reply.headers });
    res.end(body);
  };
  if (reply.delayMs) {
    const t = setTimeout(() => {
      timers.delete(t);
      send();
    }, reply.delayMs);
    timers.add(t);
  } else {
    send();
  }
}

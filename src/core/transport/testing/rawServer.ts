import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback server whose every answer is written by the test, byte by byte if need be: stalls,
 * resets, endless bodies, gzip bombs, redirects. It counts what reached it and which connections
 * are still open, so a test can prove a client stopped reading instead of hanging on. Test-only.
 */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RawServer {
  readonly url: string;
  /** Paths and headers of every request received, in order. */
  readonly requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  /** Connections the client has not closed yet. */
  openConnections(): number;
  close(): Promise<void>;
}

export async function startRawServer(handler: RawHandler): Promise<RawServer> {
  const requests: RawServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '/', headers: req.headers });
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openConnections: () => [...sockets].filter((s) => !s.destroyed).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Resolves once `check` holds, polling on the event loop (no wall-clock sleeps); rejects after `tries` turns. */
export async function eventually(check: () => boolean, tries = 20_000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) {
      return;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}

/** Checks, before anything starts, that every port the stack needs is free on loopback. */
import { createServer } from 'node:net';

export interface PortNeed {
  port: number;
  purpose: string;
}

function portFree(port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

/** Throws one error naming every taken port and what it was for. */
export async function assertPortsFree(needs: readonly PortNeed[], host = '127.0.0.1'): Promise<void> {
  const taken: string[] = [];
  for (const need of needs) {
    const err = await portFree(need.port, host);
    if (err) {
      taken.push(`${host}:${need.port} (${need.purpose}): ${err.code ?? err.message}`);
    }
  }
  if (taken.length > 0) {
    throw new Error(
      `cannot start the stack, ports already in use:\n  ${taken.join('\n  ')}\n` +
        'Another stack may be running: see scripts/stack/stop.sh, or `ss -ltnp` for the owner.'
    );
  }
}

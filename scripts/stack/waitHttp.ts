/** Bounded polling of an HTTP endpoint until it answers as expected. */
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Checked between polls: stop early, with the reason, when the process died. */
  stillRunning?: () => string | undefined;
  accept?: (status: number, body: string) => boolean;
}

export async function waitForHttp(what: string, url: string, opts: WaitOptions): Promise<string> {
  const deadline = Date.now() + opts.timeoutMs;
  const accept = opts.accept ?? ((status) => status === 200);
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const dead = opts.stillRunning?.();
    if (dead) {
      throw new Error(`${what} exited before it became ready: ${dead}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = await res.text();
      if (accept(res.status, body)) {
        return body;
      }
      last = `HTTP ${res.status}: ${body.slice(0, 200)}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(opts.intervalMs ?? 250);
  }
  throw new Error(`${what} not ready at ${url} after ${opts.timeoutMs} ms (last: ${last})`);
}

import { TraceLensError } from '../errors';
import { mapBounded } from './mapBounded';

import { setImmediate } from 'node:timers';

/** Lets every settled promise run its continuations: one turn of the event loop, no timer. */
const settle = () => new Promise((r) => setImmediate(r));

/** A promise the test settles by hand, so the order of completions is the test's. */
function deferred<T>() {
  let resolve: (v: T) => void = () => {};
  let reject: (e: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('mapBounded', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const calls = new Map<number, ReturnType<typeof deferred<number>>>();
    const out = mapBounded([1, 2, 3, 4, 5, 6, 7], 3, (n) => {
      running++;
      peak = Math.max(peak, running);
      const d = deferred<number>();
      calls.set(n, d);
      return d.promise.finally(() => running--);
    });
    await settle();
    expect([...calls.keys()]).toEqual([1, 2, 3]);
    // Finish out of order: a free slot takes the next item at once, and results keep input order.
    for (const n of [3, 1, 4, 2, 7, 6, 5]) {
      calls.get(n)?.resolve(n * 10);
      await settle();
    }
    expect(await out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
    expect([...calls.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('rejects with the first failure and aborts the calls still running', async () => {
    const aborted: number[] = [];
    const failed = new Set<number>();
    const calls = new Map<number, ReturnType<typeof deferred<number>>>();
    const p = mapBounded([1, 2, 3, 4, 5], 2, (n, signal) => {
      const d = deferred<number>();
      calls.set(n, d);
      signal.addEventListener('abort', () => {
        // The signal is shared; only calls still running count as aborted.
        if (!failed.has(n)) {
          aborted.push(n);
          d.reject(new TraceLensError('cancelled', 'aborted'));
        }
      });
      return d.promise;
    });
    await settle();
    failed.add(2);
    calls.get(2)?.reject(new TraceLensError('http', 'boom', { status: 500 }));
    await expect(p).rejects.toMatchObject({ kind: 'http', message: 'boom' });
    expect(aborted).toEqual([1]);
    expect([...calls.keys()]).toEqual([1, 2]);
  });

  it("turns the caller's abort into a cancelled error", async () => {
    const ac = new AbortController();
    const p = mapBounded(
      [1, 2],
      2,
      (_n, signal) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new Error('x')))),
      ac.signal
    );
    ac.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(mapBounded([1], 1, async (n) => n, ac.signal)).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('handles an empty list', async () => {
    expect(await mapBounded([], 4, async (n: number) => n)).toEqual([]);
  });
});

import { TraceLensError } from '../errors';
import { mapBounded } from './mapBounded';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('mapBounded', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(peak).toBe(3);
  });

  it('rejects with the first failure and aborts the calls still running', async () => {
    const aborted: number[] = [];
    const started: number[] = [];
    const p = mapBounded([1, 2, 3, 4, 5], 2, (n, signal) => {
      started.push(n);
      return new Promise<number>((resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted.push(n);
          reject(new TraceLensError('cancelled', 'aborted'));
        });
        if (n === 2) {
          setTimeout(() => reject(new TraceLensError('http', 'boom', { status: 500 })), 5);
        }
      });
    });
    await expect(p).rejects.toMatchObject({ kind: 'http', message: 'boom' });
    expect(aborted).toContain(1);
    expect(started).toEqual([1, 2]);
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

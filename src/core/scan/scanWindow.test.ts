import fc from 'fast-check';

import { TraceLensError } from '../errors';
import type { Trace } from '../model/types';
import { scanWindow } from './scanWindow';
import { FakeSliceBackend, timedTrace } from './testing/fakeSliceBackend';
import type { TimeRange } from './types';

const BASE = 1_700_000_000_000_000_000n;
const at = (offset: number) => BASE + BigInt(offset);

/** Traces with one to four spans each, starting anywhere in [0, span) after BASE. */
function tracesArb(maxTraces: number, span = 10_000) {
  return fc
    .array(fc.array(fc.integer({ min: 0, max: span }), { minLength: 1, maxLength: 4 }), { maxLength: maxTraces })
    .map((list) => list.map((starts, i) => timedTrace(i + 1, starts.map(at))));
}

function windowArb(span = 10_000) {
  return fc
    .tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span }))
    .map(([a, b]) => ({ start: at(Math.min(a, b)), end: at(Math.max(a, b)) }));
}

function ids(traces: readonly Trace[]): string[] {
  return traces.map((t) => t.traceId).sort();
}

async function collect(
  backend: FakeSliceBackend,
  window: TimeRange,
  opts: { sliceLimit: number; maxConcurrency?: number; maxTraces?: number; minSliceNs?: bigint }
) {
  const folded: Trace[] = [];
  const result = await scanWindow({
    window,
    lanes: [backend.lane()],
    ...opts,
    fold: (batch) => folded.push(...batch),
  });
  return { folded, result };
}

describe('scanWindow', () => {
  it('folds every trace in the window exactly once, whatever the limit, unit and concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        tracesArb(120),
        windowArb(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(1n, 7n, 100n),
        fc.integer(),
        async (traces, window, sliceLimit, maxConcurrency, unitNs, seed) => {
          const backend = new FakeSliceBackend(traces, { unitNs, seed });
          const { folded, result } = await collect(backend, window, {
            sliceLimit,
            maxConcurrency,
            minSliceNs: unitNs,
            maxTraces: 1_000_000,
          });
          const expected = ids(backend.tracesIn(window));
          expect(ids(folded)).toEqual(expected);
          expect(result.complete).toBe(true);
          expect(result.tracesScanned).toBe(expected.length);
          expect(result.tracesAtLeast).toBe(expected.length);
          expect(result.covered).toEqual([window]);
          expect(result.why).toBeUndefined();
          expect(result.requests).toBe(backend.calls);
        }
      ),
      { numRuns: 150, seed: 17 }
    );
  });

  it('counts a trace whose spans straddle a cut once', async () => {
    // Every trace has one span at each end of the window, so every cut splits every trace.
    const traces = Array.from({ length: 40 }, (_, i) => timedTrace(i + 1, [at(i), at(10_000 - i)]));
    const backend = new FakeSliceBackend(traces, { seed: 3 });
    const { folded, result } = await collect(backend, { start: at(0), end: at(10_000) }, { sliceLimit: 5 });
    expect(ids(folded)).toEqual(ids(traces));
    expect(result.complete).toBe(true);
    expect(backend.calls).toBeGreaterThan(1);
  });

  it('stops at the budget, folds exactly that many, and says why', async () => {
    await fc.assert(
      fc.asyncProperty(
        tracesArb(100),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        async (traces, budget, sliceLimit) => {
          const window = { start: at(0), end: at(10_000) };
          const backend = new FakeSliceBackend(traces, { seed: 5 });
          const { folded, result } = await collect(backend, window, { sliceLimit, maxTraces: budget });
          const all = backend.tracesIn(window);
          expect(new Set(ids(folded)).size).toBe(folded.length);
          expect(ids(folded).every((id) => all.some((t) => t.traceId === id))).toBe(true);
          if (all.length <= budget) {
            expect(result.complete).toBe(true);
            expect(folded).toHaveLength(all.length);
          } else {
            expect(result.complete).toBe(false);
            expect(result.why?.reason).toBe('budget');
            expect(result.why?.message).toMatch(/budget/);
            expect(result.tracesScanned).toBe(budget);
            expect(folded).toHaveLength(budget);
            expect(result.tracesAtLeast).toBeGreaterThanOrEqual(budget);
            expect(result.tracesAtLeast).toBeLessThanOrEqual(all.length);
          }
        }
      ),
      { numRuns: 100, seed: 23 }
    );
  });

  it('never has more requests in flight than maxConcurrency, and uses that many when there is work', async () => {
    const traces = Array.from({ length: 400 }, (_, i) => timedTrace(i + 1, [at(i * 25)]));
    for (const maxConcurrency of [1, 2, 4]) {
      const backend = new FakeSliceBackend(traces, { seed: 9 });
      const { result } = await collect(backend, { start: at(0), end: at(10_000) }, { sliceLimit: 20, maxConcurrency });
      expect(result.complete).toBe(true);
      expect(backend.maxInFlight).toBe(maxConcurrency);
    }
  });

  it('rejects as cancelled when the caller aborts, folds nothing after it and asks for nothing more', async () => {
    const traces = Array.from({ length: 300 }, (_, i) => timedTrace(i + 1, [at(i * 30)]));
    const backend = new FakeSliceBackend(traces, { seed: 2 });
    const controller = new AbortController();
    let folds = 0;
    let callsAtAbort = 0;
    const run = scanWindow({
      window: { start: at(0), end: at(10_000) },
      lanes: [backend.lane()],
      sliceLimit: 10,
      signal: controller.signal,
      fold: () => {
        folds++;
        if (folds === 3) {
          callsAtAbort = backend.calls;
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ kind: 'cancelled' });
    expect(folds).toBe(3);
    expect(backend.calls).toBe(callsAtAbort);
    expect(backend.aborted.length).toBeGreaterThan(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const backend = new FakeSliceBackend([]);
    const controller = new AbortController();
    controller.abort();
    await expect(
      scanWindow({
        window: { start: at(0), end: at(1) },
        lanes: [backend.lane()],
        signal: controller.signal,
        fold: () => {},
      })
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(backend.calls).toBe(0);
  });

  it('marks a failed slice as not covered and names the error, keeping what other slices gave', async () => {
    const traces = Array.from({ length: 200 }, (_, i) => timedTrace(i + 1, [at(i * 50)]));
    const backend = new FakeSliceBackend(traces, { seed: 4, failWhen: (_slice, call) => call === 3 });
    const { folded, result } = await collect(backend, { start: at(0), end: at(10_000) }, { sliceLimit: 30 });
    expect(result.complete).toBe(false);
    expect(result.why?.reason).toBe('backend-error');
    expect(result.why?.message).toMatch(/1 slice of the window failed: fake backend failed/);
    const failed = backend.requests[2].slice;
    expect(result.covered.some((r) => r.start <= failed.start && r.end >= failed.end)).toBe(false);
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.length).toBeLessThan(200);
    expect(new Set(ids(folded)).size).toBe(folded.length);
  });

  it('stops asking after maxFailures failed slices', async () => {
    const traces = Array.from({ length: 200 }, (_, i) => timedTrace(i + 1, [at(i * 50)]));
    const backend = new FakeSliceBackend(traces, { seed: 4, failWhen: (_slice, call) => call > 1 });
    const { result } = await collect(backend, { start: at(0), end: at(10_000) }, { sliceLimit: 30, maxConcurrency: 1 });
    expect(result.complete).toBe(false);
    expect(result.why?.message).toMatch(/^3 slices of the window failed/);
    expect(backend.calls).toBe(4);
  });

  it('throws the backend error when no slice could be read', async () => {
    const backend = new FakeSliceBackend([timedTrace(1, [at(5)])], { failWhen: () => true });
    await expect(collect(backend, { start: at(0), end: at(10) }, { sliceLimit: 10 })).rejects.toThrow(
      /fake backend failed/
    );
  });

  it('throws what a fold throws, instead of reporting a partial result', async () => {
    const backend = new FakeSliceBackend([timedTrace(1, [at(5)])]);
    const run = scanWindow({
      window: { start: at(0), end: at(10) },
      lanes: [backend.lane()],
      fold: () => {
        throw new TraceLensError('validate', 'the engine rejected the query');
      },
    });
    await expect(run).rejects.toThrow('the engine rejected the query');
  });

  it('asks again with a larger limit when a slice of one time unit is full', async () => {
    // 50 traces in the same second of a backend that counts whole seconds.
    const traces = Array.from({ length: 50 }, (_, i) => timedTrace(i + 1, [BASE + 1_000_000_000n + BigInt(i)]));
    const backend = new FakeSliceBackend(traces, { unitNs: 1_000_000_000n });
    const window = { start: BASE, end: BASE + 3_000_000_000n - 1n };
    const { folded, result } = await collect(backend, window, { sliceLimit: 8, minSliceNs: 1_000_000_000n });
    expect(result.complete).toBe(true);
    expect(folded).toHaveLength(50);
    expect(Math.max(...backend.requests.map((r) => r.limit))).toBeGreaterThan(8);
  });

  it("adds up each answer's requests and keeps its notices once", async () => {
    const traces = Array.from({ length: 100 }, (_, i) => timedTrace(i + 1, [at(i * 100)]));
    const backend = new FakeSliceBackend(traces, { seed: 6 });
    const result = await scanWindow({
      window: { start: at(0), end: at(10_000) },
      lanes: [
        {
          name: '',
          search: async (slice, limit, signal) => ({
            ...(await backend.search(slice, limit, signal)),
            requests: 3,
            notices: [{ severity: 'warning' as const, text: 'some traces were partial' }],
          }),
        },
      ],
      sliceLimit: 30,
      minSliceNs: 1n,
      fold: () => {},
    });
    expect(result.complete).toBe(true);
    expect(result.requests).toBe(3 * backend.calls);
    expect(result.notices).toEqual([{ severity: 'warning', text: 'some traces were partial' }]);
  });

  it("never cuts a lane's slices finer than that lane's own time unit", async () => {
    const traces = Array.from({ length: 60 }, (_, i) => timedTrace(i + 1, [BASE + BigInt(i) * 100_000_000n]));
    const coarse = new FakeSliceBackend(traces, { seed: 1, unitNs: 1_000_000_000n });
    const window = { start: BASE, end: BASE + 6_000_000_000n - 1n };
    const folded: Trace[] = [];
    const result = await scanWindow({
      window,
      lanes: [{ ...coarse.lane('tempo-like'), minSliceNs: 1_000_000_000n }],
      sliceLimit: 4,
      minSliceNs: 1n,
      fold: (batch) => folded.push(...batch),
    });
    expect(result.complete).toBe(true);
    expect(folded).toHaveLength(60);
    expect(coarse.requests.every((r) => r.slice.end - r.slice.start + 1n >= 1_000_000_000n)).toBe(true);
  });

  it('reads every lane and needs all of them for the window to be covered', async () => {
    const a = Array.from({ length: 60 }, (_, i) => timedTrace(i + 1, [at(i * 100)], 'a'));
    const shared = Array.from({ length: 30 }, (_, i) => timedTrace(i + 1, [at(i * 100 + 7)], 'b'));
    const b = [...shared, ...Array.from({ length: 40 }, (_, i) => timedTrace(1000 + i, [at(i * 200)], 'b'))];
    const laneA = new FakeSliceBackend(a, { seed: 1 });
    const laneB = new FakeSliceBackend(b, { seed: 2, failWhen: (_s, call) => call === 2 });
    const folded: Trace[] = [];
    const window = { start: at(0), end: at(10_000) };
    const result = await scanWindow({
      window,
      lanes: [laneA.lane('service a'), laneB.lane('service b')],
      sliceLimit: 10,
      fold: (batch) => folded.push(...batch),
    });
    expect(new Set(ids(folded)).size).toBe(folded.length);
    expect(result.complete).toBe(false);
    expect(result.why?.message).toMatch(/\(service b\)/);
    const ok = await collectLanes([new FakeSliceBackend(a, { seed: 1 }), new FakeSliceBackend(b, { seed: 2 })], window);
    expect(ids(ok.folded)).toEqual([...new Set([...ids(a), ...ids(b)])].sort());
    expect(ok.result.complete).toBe(true);
  });

  it('reports progress as answers are folded, ending where the result ends', async () => {
    const traces = Array.from({ length: 300 }, (_, i) => timedTrace(i + 1, [at(i * 30)]));
    const backend = new FakeSliceBackend(traces, { seed: 8 });
    const seen: number[] = [];
    const result = await scanWindow({
      window: { start: at(0), end: at(10_000) },
      lanes: [backend.lane()],
      sliceLimit: 25,
      fold: () => {},
      onProgress: (p) => {
        expect(p.complete).toBe(false);
        seen.push(p.tracesScanned);
      },
    });
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    expect(seen[seen.length - 1]).toBe(result.tracesScanned);
  });

  it('fetches little twice: 10,000 evenly spread traces cost at most 1.3x their number in traces answered', async () => {
    const traces = Array.from({ length: 10_000 }, (_, i) => timedTrace(i + 1, [at(i), at(i + 3)]));
    const backend = new FakeSliceBackend(traces, { seed: 11, bytesPerTrace: 1 });
    const { result } = await collect(backend, { start: at(0), end: at(10_010) }, { sliceLimit: 500, minSliceNs: 1n });
    expect(result.complete).toBe(true);
    expect(result.bytes / 10_000).toBeLessThanOrEqual(1.3);
  });

  it('fetches little twice when all traffic sits in the newest 2% of the window', async () => {
    const traces = Array.from({ length: 10_000 }, (_, i) => timedTrace(i + 1, [at(490_000 + i)]));
    const backend = new FakeSliceBackend(traces, { seed: 12, bytesPerTrace: 1 });
    const { result } = await collect(backend, { start: at(0), end: at(500_000) }, { sliceLimit: 500, minSliceNs: 1n });
    expect(result.complete).toBe(true);
    expect(result.bytes / 10_000).toBeLessThanOrEqual(1.5);
  });
});

async function collectLanes(backends: FakeSliceBackend[], window: TimeRange) {
  const folded: Trace[] = [];
  const result = await scanWindow({
    window,
    lanes: backends.map((b, i) => b.lane(`lane ${i}`)),
    sliceLimit: 10,
    fold: (batch) => folded.push(...batch),
  });
  return { folded, result };
}

import type { SliceRequest, SliceSearch, WindowScan } from '../backends/types';
import { metricsFetchWindow } from '../engine';
import { DEFAULT_TRACE_START, buildTrace } from '../engine/testing/traceBuilder';
import { TraceLensError } from '../errors';
import type { Trace } from '../model/types';
import type { RootNode } from '../traceql/ast';
import { fetchByScan, fetchTracesByScan, metricsByScan, searchByScan, type ScanSource } from './scanExecutor';
import type { Window } from './types';

const S = 1_000_000_000n;

/** A trace of `service` starting `offsetS` seconds after the default start, with `spans` spans. */
function trace(seq: number, service: string, offsetS: number, spans = 1): Trace {
  const children = Array.from({ length: spans - 1 }, (_, i) => ({ name: `child-${i}` }));
  return buildTrace({
    seq,
    startUnixNano: DEFAULT_TRACE_START + BigInt(offsetS) * S,
    root: { service, name: 'GET /', kind: 'server', children },
  });
}

/** A slice search that answers `traces` (cut to the limit) and records what it was asked. */
function search(label: string, traces: Trace[], bytes: number, asked: SliceRequest[]): SliceSearch {
  return {
    label,
    resolutionNs: 1n,
    search: async (slice) => {
      asked.push(slice);
      const answer = traces.slice(0, slice.limit);
      return { traces: answer, full: answer.length >= slice.limit, bytes, requests: 1, notices: [] };
    },
  };
}

function source(searches: SliceSearch[], depth = 10): ScanSource & { planned: Window[] } {
  const planned: Window[] = [];
  return {
    label: 'Fake',
    searchDepth: depth,
    maxConcurrency: 2,
    planned,
    async planScan(root: RootNode, window: Window): Promise<WindowScan> {
      planned.push(window);
      return {
        root,
        plan: { backend: 'fake', queryKind: 'search', residual: root, window },
        notices: [{ severity: 'info', text: 'planned' }],
        searches,
        bytes: 7,
        requests: 1,
      };
    },
    boundedNotice: (f, matched) => ({ severity: 'warning', text: `bounded: ${f.capped}/${f.searches}, ${matched}` }),
  };
}

const window = { start: DEFAULT_TRACE_START, end: DEFAULT_TRACE_START + 3600n * S };

describe('the shared scan executor', () => {
  it('runs every search over the window at the search depth and merges by trace id, newest first', async () => {
    const asked: SliceRequest[] = [];
    const short = trace(1, 'a', 10, 1);
    const whole = trace(1, 'b', 10, 3); // the same trace id, with more spans
    const src = source([search('a', [short, trace(2, 'a', 20)], 100, asked), search('b', [whole], 50, asked)]);
    const f = await fetchByScan(src, { type: 'Root' } as unknown as RootNode, window);
    expect(asked.map((a) => [a.start, a.end, a.limit])).toEqual([
      [window.start, window.end, 10],
      [window.start, window.end, 10],
    ]);
    expect(f.traces.map((t) => [t.traceId, t.spans.length])).toEqual([
      [trace(2, 'a', 20).traceId, 1],
      [short.traceId, 3],
    ]);
    expect(f).toMatchObject({ bytes: 157, requests: 3, searches: 2, capped: 0, bounded: false, searchDepth: 10 });
    expect(f.notices.map((n) => n.text)).toEqual(['planned']);
  });

  it('says a search that came back full bounds the answer, and cuts the answer at the limit', async () => {
    const asked: SliceRequest[] = [];
    const many = [1, 2, 3].map((i) => trace(i, 'a', i));
    const src = source([search('a', many, 10, asked), search('b', [], 10, asked)], 3);
    const out = await searchByScan(src, '{ resource.service.name = "a" }', { ...window, limit: 2 });
    expect(out.stats).toMatchObject({ tracesFetched: 3, tracesMatched: 3, bounded: true });
    expect(out.response.traces).toHaveLength(2);
    expect(out.notices.map((n) => n.text)).toEqual([
      'planned',
      'bounded: 1/2, 3',
      'Showing 2 of 3 matching traces; raise the limit to see more.',
    ]);
    const fetched = await fetchTracesByScan(src, '{ resource.service.name = "nope" }', window);
    expect(fetched.traces).toEqual([]);
    expect(fetched.notices.map((n) => n.text)).toContain('bounded: 1/2, 0');
  });

  it('refuses a metrics query as a search', async () => {
    const err = await searchByScan(source([]), '{} | rate()', window).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TraceLensError);
    expect((err as TraceLensError).kind).toBe('validate');
  });

  it('fetches metrics over the interval the steps cover, not only the range asked', async () => {
    const src = source([search('a', [trace(1, 'a', 30)], 1, [])]);
    const opts = { start: window.start + 90n * S, end: window.start + 250n * S, step: 60_000_000_000 };
    const out = await metricsByScan(src, '{} | count_over_time()', opts);
    const covered = metricsFetchWindow(opts);
    expect(src.planned[0]).toMatchObject(covered);
    // Unaligned: the first step reaches back before the start asked for.
    expect(covered.start).toBeLessThan(opts.start);
    expect(out.notices.map((n) => n.text).join(' ')).toContain('Metrics computed by TraceLens over 1 traces');
  });
});

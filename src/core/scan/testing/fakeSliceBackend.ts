/**
 * A backend for scanner tests: holds traces in memory and answers slice searches the way Jaeger's
 * and Tempo's searches do: every trace with a span starting in the slice (rounded outwards to the
 * backend's time unit), in an arbitrary order fixed by a seed, cut to the limit.
 */
import { TraceLensError } from '../../errors';
import type { Span, Trace } from '../../model/types';
import { seededRandom } from '../../seededRandom';
import type { ScanLane, SliceAnswer, TimeRange } from '../types';

export interface FakeSliceBackendOptions {
  /** The backend's time unit in ns: slices are widened to whole units (default 1 ns). */
  readonly unitNs?: bigint;
  readonly seed?: number;
  /** Throws for slices this says fail. */
  readonly failWhen?: (slice: TimeRange, call: number) => boolean;
  /** Bytes one trace costs in an answer (default 1,000). */
  readonly bytesPerTrace?: number;
}

/** A minimal span: only what the scanner and dedup read (id and start time). */
export function timedSpan(traceId: string, index: number, start: bigint, service = 'svc'): Span {
  return {
    traceId,
    spanId: (index + 1).toString(16).padStart(16, '0'),
    parentSpanId: '',
    name: 'op',
    kind: 'server',
    statusCode: 'unset',
    statusMessage: '',
    startTimeUnixNano: start,
    durationNanos: 1000,
    attributes: {},
    resource: { serviceName: service, attributes: {} },
    scope: { name: '', version: '', attributes: {} },
    events: [],
    links: [],
    traceState: '',
  };
}

/** A trace whose spans start at the given instants. */
export function timedTrace(n: number, starts: readonly bigint[], service = 'svc'): Trace {
  const traceId = n.toString(16).padStart(32, '0');
  return { traceId, spans: starts.map((s, i) => timedSpan(traceId, i, s, service)), warnings: [] };
}

export class FakeSliceBackend {
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** Every request's slice and limit, in call order. */
  readonly requests: Array<{ slice: TimeRange; limit: number }> = [];
  readonly aborted: TimeRange[] = [];
  private readonly random: () => number;
  /** Resolves pending answers; tests that control timing replace it. */
  gate: () => Promise<void> = () => Promise.resolve();

  constructor(
    private readonly traces: readonly Trace[],
    private readonly opts: FakeSliceBackendOptions = {}
  ) {
    this.random = seededRandom(opts.seed ?? 1);
  }

  /** The traces with a span starting inside `range` (what a complete scan must find). */
  tracesIn(range: TimeRange): Trace[] {
    return this.traces.filter((t) =>
      t.spans.some((s) => s.startTimeUnixNano >= range.start && s.startTimeUnixNano <= range.end)
    );
  }

  lane(name = ''): ScanLane {
    return { name, search: (slice, limit, signal) => this.search(slice, limit, signal) };
  }

  async search(slice: TimeRange, limit: number, signal: AbortSignal): Promise<SliceAnswer> {
    const call = ++this.calls;
    this.requests.push({ slice, limit });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.gate();
      if (signal.aborted) {
        this.aborted.push(slice);
        throw new TraceLensError('cancelled', 'the request was cancelled');
      }
      if (this.opts.failWhen?.(slice, call)) {
        throw new TraceLensError('http', `fake backend failed for slice ${slice.start}..${slice.end}`, { status: 500 });
      }
      const unit = this.opts.unitNs ?? 1n;
      const lo = (slice.start / unit) * unit;
      const hi = ((slice.end + unit) / unit) * unit - 1n;
      const matching = this.tracesIn({ start: lo, end: hi });
      for (let i = matching.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [matching[i], matching[j]] = [matching[j], matching[i]];
      }
      const traces = matching.slice(0, limit);
      return { traces, full: traces.length >= limit, bytes: traces.length * (this.opts.bytesPerTrace ?? 1000) };
    } finally {
      this.inFlight--;
    }
  }
}

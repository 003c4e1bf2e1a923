/**
 * Issue #20's proof on the real Jaeger: spans sent over OTLP/HTTP at chosen instants (exactly on
 * step boundaries, a microsecond either side, and at random), then TraceQL metrics computed by
 * TraceLens through the Jaeger backend. Every sample must equal the count worked out here from the
 * spans as they were sent, by plain code that shares nothing with the engine: a span starting at t
 * belongs to the sample stamped at t rounded up to the step, and a range counts the stamps from its
 * start rounded down to its end rounded up (Tempo 2.9+); an instant counts [start, end].
 *
 * Times are whole microseconds, so they survive any storage that keeps microseconds.
 */
import { createBackend, type Backend } from '../../src/core/backends';
import { seededRandom } from '../../src/core/seededRandom';
import { nodeTransport } from '../../src/core/transport/nodeTransport';
import { waitForTracesSettled } from '../../scripts/stack/jaegerCounts';
import { requireStack } from './support/stackHandle';

const stack = requireStack();
const US = 1_000n;
const MINUTE = 60_000_000_000n;
// A service name of this run only, so spans from earlier runs on a reused stack never count.
const SERVICE = `tm-${process.pid.toString(36)}${Math.floor(Date.now() / 1000).toString(36)}`;
// Twenty days back, on a minute: nothing else lives there.
const W0 = ((BigInt(Date.now()) * 1_000_000n) / MINUTE) * MINUTE - 28_800n * MINUTE;
const KEYS = ['a', 'b', 'c'] as const;

interface Sent {
  readonly traceId: string;
  readonly startNs: bigint;
  readonly k: string;
}

function generate(): Sent[] {
  const random = seededRandom(2020);
  const out: Sent[] = [];
  const add = (startNs: bigint) =>
    out.push({
      traceId: `20${out.length.toString(16).padStart(30, '0')}`,
      startNs,
      k: KEYS[out.length % KEYS.length],
    });
  for (let m = -1n; m <= 11n; m++) {
    const t = W0 + m * MINUTE;
    add(t);
    add(t + US);
    add(t - US);
  }
  for (let i = 0; i < 150; i++) {
    add(W0 - 2n * MINUTE + BigInt(Math.floor(random() * 14 * 60_000_000)) * US);
  }
  return out;
}

const SENT = generate();

/** OTLP/HTTP JSON written here, one single-span trace per sent span. */
function otlpBody(spans: readonly Sent[]): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: SERVICE } }] },
        scopeSpans: [
          {
            scope: { name: 'metrics-ground-truth' },
            spans: spans.map((s) => ({
              traceId: s.traceId,
              spanId: s.traceId.slice(16),
              name: 'tick',
              kind: 2,
              startTimeUnixNano: String(s.startNs),
              endTimeUnixNano: String(s.startNs + 1_000_000n),
              attributes: [{ key: 'k', value: { stringValue: s.k } }],
            })),
          },
        ],
      },
    ],
  });
}

/** Sample stamp → count, per k: the ground truth of a range query, including steps with no span. */
function expectedRange(from: bigint, to: bigint, step: bigint, byK: boolean): Map<string, Map<string, number>> {
  const first = (from / step) * step;
  const last = to % step === 0n ? to : (to / step + 1n) * step;
  const counted = SENT.filter((s) => {
    const stamp = s.startNs % step === 0n ? s.startNs : (s.startNs / step + 1n) * step;
    return stamp >= first && stamp <= last;
  });
  const out = new Map<string, Map<string, number>>();
  for (const s of counted) {
    const key = byK ? s.k : '';
    if (!out.has(key)) {
      const zeros = new Map<string, number>();
      for (let t = first; t <= last; t += step) {
        zeros.set(String(t / 1_000_000n), 0);
      }
      out.set(key, zeros);
    }
    const stamp = s.startNs % step === 0n ? s.startNs : (s.startNs / step + 1n) * step;
    const series = out.get(key)!;
    series.set(String(stamp / 1_000_000n), series.get(String(stamp / 1_000_000n))! + 1);
  }
  return out;
}

let backend: Backend;

beforeAll(async () => {
  const res = await fetch(`${stack.jaeger.otlpHttpUrl}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: otlpBody(SENT),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) {
    throw new Error(`OTLP export answered ${res.status}: ${await res.text()}`);
  }
  const counts = await waitForTracesSettled(stack.jaeger.queryUrl, Number((W0 - 3n * MINUTE) / 1_000_000n), {
    services: [SERVICE],
    minSpans: SENT.length,
    timeoutMs: 90_000,
  });
  if (counts.spans !== SENT.length) {
    throw new Error(`${counts.spans} of ${SENT.length} sent spans are searchable in Jaeger`);
  }
  backend = createBackend({
    kind: 'jaeger',
    transport: nodeTransport(stack.jaeger.queryUrl, { timeoutMs: 30_000 }),
    searchDepth: 10_000,
  });
});

describe('TraceQL metrics over the real Jaeger equal counts from the spans sent', () => {
  const q = `{ resource.service.name = "${SERVICE}" } | count_over_time() by (span.k)`;

  it.each([
    ['an aligned range', W0 + 2n * MINUTE, W0 + 8n * MINUTE],
    ['an unaligned range', W0 + 2n * MINUTE + 17_000_000_000n, W0 + 8n * MINUTE - 3_000_000_000n],
  ])('count_over_time() by (span.k), %s', async (_name, start, end) => {
    const out = await backend.metrics(q, { start, end, step: Number(MINUTE) });
    const actual = new Map(
      out.response.series.map((s) => [
        JSON.stringify(s.labels.find((l) => l.key === 'span.k')?.value ?? null),
        new Map(s.samples.map((x) => [x.timestampMs, x.value])),
      ])
    );
    const expected = expectedRange(start, end, MINUTE, true);
    // Labels as the response writes them: a string AnyValue per key.
    expect(actual).toEqual(new Map([...expected].map(([k, m]) => [JSON.stringify({ stringValue: k }), m])));
    expect(out.stats.bounded).toBe(false);
    // The spans exactly on a boundary and a microsecond either side are all in there.
    const total = [...expected.values()].flatMap((m) => [...m.values()]).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20);
  });

  it('rate() is each count per second of step', async () => {
    const start = W0 + 2n * MINUTE;
    const end = W0 + 8n * MINUTE;
    const out = await backend.metrics(`{ resource.service.name = "${SERVICE}" } | rate()`, {
      start,
      end,
      step: Number(MINUTE),
    });
    const counts = expectedRange(start, end, MINUTE, false).get('')!;
    expect(out.response.series).toHaveLength(1);
    expect(new Map(out.response.series[0].samples.map((x) => [x.timestampMs, x.value]))).toEqual(
      new Map([...counts].map(([t, n]) => [t, n / 60]))
    );
  });

  it('an instant query counts [start, end], both ends included', async () => {
    const start = W0 + 3n * MINUTE;
    const end = W0 + 5n * MINUTE;
    const out = await backend.metricsInstant(`{ resource.service.name = "${SERVICE}" } | count_over_time()`, {
      start,
      end,
    });
    const expected = SENT.filter((s) => s.startNs >= start && s.startNs <= end).length;
    expect(out.response.series.map((s) => s.value)).toEqual([expected]);
    // Spans sit exactly on both ends, so the answer differs from [start, end).
    expect(SENT.some((s) => s.startNs === end)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeTraces, parseJsonBody } from '.';
import { guideTraces } from './testing/guideTraces';
import type { Trace } from './types';

/**
 * Ground truth for the decoders that does not come from our encoders. The fixture files in
 * tests/fixtures/traces are written by the encoders, and the decoders read them back, so a mistake
 * made on both sides (a swapped enum, a wrong id encoding, µs taken for ns) would pass a round trip.
 * Here each file is read by a small reader of its own, written from the wire formats as Jaeger,
 * Tempo and OpenTelemetry document them (docs/reference/protocols.md §3-4) with nothing from
 * src/core/model, and what it reads must be the hand-made guide traces, span by span.
 */

const DIR = join(__dirname, '../../../tests/fixtures/traces');

/** One line per span: the facts every format carries. */
type Facts = string[];

function line(f: {
  trace: string;
  span: string;
  parent: string;
  service: string;
  name: string;
  kind: string;
  status: string;
  startNs: bigint;
  durationNs: bigint;
  httpStatus?: string;
  bytes?: string;
}): string {
  return [
    f.trace,
    f.span,
    `parent=${f.parent}`,
    f.service,
    f.name,
    f.kind,
    f.status,
    `start=${f.startNs}`,
    `dur=${f.durationNs}`,
    `http=${f.httpStatus ?? '-'}`,
    `bytes=${f.bytes ?? '-'}`,
  ].join(' ');
}

/** The guide traces' own facts, straight from the hand-made model. */
function truth(traces: readonly Trace[]): Facts {
  return traces.flatMap((t) =>
    t.spans.map((s) =>
      line({
        trace: t.traceId,
        span: s.spanId,
        parent: s.parentSpanId,
        service: s.resource.serviceName,
        name: s.name,
        kind: s.kind,
        status: s.statusCode,
        startNs: s.startTimeUnixNano,
        durationNs: BigInt(s.durationNanos),
        httpStatus: s.attributes['http.response.status_code']?.toString(),
        bytes: s.attributes['request.bytes']?.toString(),
      })
    )
  );
}

// OTLP's enums by number (the proto, and OTLP/JSON as Jaeger's api_v3 writes them) and by name
// (protobuf JSON as Tempo writes them).
const KIND_BY_NUMBER = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_BY_NUMBER = ['unset', 'ok', 'error'];
const kindOf = (k: unknown) =>
  typeof k === 'number'
    ? KIND_BY_NUMBER[k]
    : String(k ?? 'SPAN_KIND_UNSPECIFIED')
        .replace('SPAN_KIND_', '')
        .toLowerCase();
const statusOf = (c: unknown) =>
  typeof c === 'number'
    ? STATUS_BY_NUMBER[c]
    : String(c ?? 'STATUS_CODE_UNSET')
        .replace('STATUS_CODE_', '')
        .toLowerCase();

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpKeyValue {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number | string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status?: { code?: number | string };
  attributes?: OtlpKeyValue[];
}
interface OtlpResourceSpans {
  resource: { attributes: OtlpKeyValue[] };
  scopeSpans: Array<{ spans: OtlpSpan[] }>;
}

const attr = (list: OtlpKeyValue[] | undefined, key: string): string | undefined => {
  const v = list?.find((a) => a.key === key)?.value;
  return v === undefined ? undefined : String(v.stringValue ?? v.intValue);
};

/** OTLP JSON; `id` turns an id as written into hex. */
function readOtlp(resourceSpans: OtlpResourceSpans[], id: (written: string) => string): Facts {
  return resourceSpans.flatMap((rs) =>
    rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((s) =>
        line({
          trace: id(s.traceId),
          span: id(s.spanId),
          parent: s.parentSpanId ? id(s.parentSpanId) : '',
          service: attr(rs.resource.attributes, 'service.name') ?? '',
          name: s.name,
          kind: kindOf(s.kind),
          status: statusOf(s.status?.code),
          startNs: BigInt(s.startTimeUnixNano),
          durationNs: BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano),
          httpStatus: attr(s.attributes, 'http.response.status_code'),
          bytes: attr(s.attributes, 'request.bytes'),
        })
      )
    )
  );
}

const hex = (written: string) => written;
const base64 = (written: string) => Buffer.from(written, 'base64').toString('hex');

interface JaegerTag {
  key: string;
  type: string;
  value: unknown;
}
interface JaegerTrace {
  traceID: string;
  spans: Array<{
    spanID: string;
    operationName: string;
    references: Array<{ refType: string; spanID: string }>;
    startTime: number;
    duration: number;
    tags: JaegerTag[];
    processID: string;
  }>;
  processes: Record<string, { serviceName: string }>;
}

/** Jaeger's v1 JSON: µs times, kind and status in tags (`span.kind`, `otel.status_code`, `error`). */
function readJaegerV1(traces: JaegerTrace[]): Facts {
  return traces.flatMap((t) =>
    t.spans.map((s) => {
      const tag = (key: string) => s.tags.find((x) => x.key === key)?.value;
      const otelStatus = tag('otel.status_code');
      const status = tag('error') === true || otelStatus === 'ERROR' ? 'error' : otelStatus === 'OK' ? 'ok' : 'unset';
      return line({
        trace: t.traceID.padStart(32, '0'),
        span: s.spanID,
        parent: s.references.find((r) => r.refType === 'CHILD_OF')?.spanID ?? '',
        service: t.processes[s.processID].serviceName,
        name: s.operationName,
        kind: String(tag('span.kind') ?? 'unspecified'),
        status,
        startNs: BigInt(s.startTime) * 1000n,
        durationNs: BigInt(s.duration) * 1000n,
        httpStatus: tag('http.response.status_code')?.toString(),
        bytes: tag('request.bytes')?.toString(),
      });
    })
  );
}

const file = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8'));

const READERS: ReadonlyArray<[string, () => Facts]> = [
  ['guide.jaeger-v1.json', () => readJaegerV1(file('guide.jaeger-v1.json').data)],
  ['guide.jaeger-api-v3.json', () => readOtlp(file('guide.jaeger-api-v3.json').result.resourceSpans, hex)],
  ['guide.otlp.json', () => readOtlp(file('guide.otlp.json').resourceSpans, hex)],
  ['guide.tempo-v1.json', () => readOtlp(file('guide.tempo-v1.json').batches, base64)],
  ['guide.tempo-v2.json', () => readOtlp(file('guide.tempo-v2.json').trace.resourceSpans, base64)],
];

const sorted = (facts: Facts) => [...facts].sort();

describe('trace fixtures read independently of our codecs', () => {
  const expected = sorted(truth(guideTraces()));

  it('has the guide traces: 4 requests, 32 spans', () => {
    expect(expected).toHaveLength(32);
  });

  it.each(READERS)('%s holds exactly the guide traces', (_name, read) => {
    expect(sorted(read())).toEqual(expected);
  });

  it.each(READERS.map(([name]) => [name]))('%s decodes to what the independent reader reads', (name) => {
    const decoded = decodeTraces(parseJsonBody(readFileSync(join(DIR, name), 'utf8'), name));
    expect(sorted(truth(decoded))).toEqual(sorted(READERS.find(([n]) => n === name)![1]()));
  });
});

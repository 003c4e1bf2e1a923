/**
 * Decoding a large search-sized response, and decoding plus evaluating a filter over it, as a ratio
 * against plain JSON.parse of the same bytes in the same run. Goal: the whole pipeline within 2x of
 * JSON.parse. Formats: Tempo trace bodies (base64 ids, enum names), Jaeger api_v3 FindTraces
 * (hex ids, integer enums), Jaeger v1 (µs, processes, tags) and Zipkin v2 (µs, string tags typed on
 * the way in, read by the Zipkin backend's own decoder).
 */
import { searchTraces } from '../src/core/engine';
import { decodeZipkin } from '../src/core/backends/zipkin';
import { decodeTraces, type Trace } from '../src/core/model';
import { parseTraceQL } from '../src/core/traceql';
import { encodeBody, generateTraces, type BenchFormat } from './generator';
import { formatMs, formatRatio, timeInterleaved } from './measure';

const TRACES = 200;
const SPANS_PER_TRACE = 60;
const ROUNDS = 7;
const FORMATS: ReadonlyArray<{ format: BenchFormat; label: string; decode?: (body: unknown) => Trace[] }> = [
  { format: 'tempo-v1', label: 'Tempo {batches}' },
  { format: 'jaeger-api-v3', label: 'Jaeger api_v3' },
  { format: 'jaeger-v1', label: 'Jaeger v1 {data}' },
  { format: 'zipkin-v2', label: 'Zipkin v2 [[span]]', decode: decodeZipkin },
];
/** A typical search filter: one intrinsic, one span attribute, one resource regex. */
const QUERY = '{ status = error && span.http.response.status_code >= 500 && resource.service.name =~ "service-[1-5]" }';

export default async function bench(): Promise<string[]> {
  const parsed = parseTraceQL(QUERY);
  if (!parsed.ok) {
    throw new Error(`bench query does not parse: ${parsed.error.message}`);
  }
  const root = parsed.value;
  const traces = generateTraces({ seed: 7, traces: TRACES, spansPerTrace: SPANS_PER_TRACE });
  const lines = [
    `${TRACES} traces x ${SPANS_PER_TRACE} spans; filter ${QUERY}; median of ${ROUNDS} interleaved rounds`,
  ];
  for (const { format, label, decode: decodeFormat = decodeTraces } of FORMATS) {
    const text = encodeBody(traces, format);
    let matched = 0;
    const [parse, decode, pipeline] = timeInterleaved(
      [
        { name: 'JSON.parse', run: () => JSON.parse(text) },
        { name: 'parse+decode', run: () => decodeFormat(JSON.parse(text)) },
        {
          name: 'parse+decode+search',
          run: () => {
            const r = searchTraces(root, decodeFormat(JSON.parse(text)), { limit: TRACES });
            if (!r.ok) {
              throw r.error;
            }
            matched = r.response.traces.length;
            return r;
          },
        },
      ],
      ROUNDS
    );
    const mb = (text.length / 1e6).toFixed(1);
    const ratio = (t: { medianCpuMs: number; medianMs: number }) =>
      `${formatRatio(t.medianCpuMs / parse.medianCpuMs)} CPU, ${formatRatio(t.medianMs / parse.medianMs)} wall`;
    lines.push(
      `${label} (${mb} MB, ${matched} traces matched): JSON.parse ${formatMs(parse.medianCpuMs)} CPU; ` +
        `+decode ${formatMs(decode.medianCpuMs)} = ${ratio(decode)}; ` +
        `+decode+search ${formatMs(pipeline.medianCpuMs)} = ${ratio(pipeline)} of JSON.parse`
    );
  }
  return lines;
}

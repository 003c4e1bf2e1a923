import { TraceLensError } from '../../errors';
import type { Trace } from '../types';
import { TraceCollector } from './collectTraces';
import { arrayField, describe, fail, isRecord, toMalformed } from './decodeError';
import { detectTraceFormat, FORMAT_NAMES } from './detectTraceFormat';
import { decodeJaegerV1Into } from './jaegerV1';
import { decodeResourceSpansList } from './otlp';

/**
 * Decodes any supported trace body (already JSON-parsed) into the one trace model. Malformed input
 * throws a TraceLensError of kind 'malformed' naming the format and the path of the bad field;
 * recoverable oddities (lost parents, clock skew) become Trace.warnings instead.
 */
export function decodeTraces(body: unknown): Trace[] {
  const format = detectTraceFormat(body);
  if (format === 'unknown') {
    throw new TraceLensError(
      'malformed',
      `not a trace format TraceLens knows: expected Jaeger JSON ({data:[...]}), Jaeger api_v3 ({result:{resourceSpans}}), Tempo ({batches} or {trace:{resourceSpans}}) or OTLP JSON ({resourceSpans}), got ${describeTop(body)}`
    );
  }
  return format === 'jaeger-v1' ? decodeJaegerV1(body) : decodeOtlp(body);
}

export function decodeJaegerV1(body: unknown): Trace[] {
  const collector = new TraceCollector();
  try {
    decodeJaegerV1Into(body, collector);
  } catch (e) {
    toMalformed(e, FORMAT_NAMES['jaeger-v1']);
  }
  return collector.finish();
}

export interface DecodeOptions {
  /**
   * The caller parsed `body` for this call alone and will not read its attribute lists again:
   * the decoder may reuse them as the model's (and the trace frame's) attribute pairs, changing
   * their values in place, instead of copying every attribute. Backend clients set it.
   */
  readonly owned?: boolean;
}

/** Every OTLP JSON envelope: plain, Tempo v1 `batches`, Tempo v2 `trace`, Jaeger api_v3 `result`. */
export function decodeOtlp(body: unknown, options: DecodeOptions = {}): Trace[] {
  const format = detectTraceFormat(body);
  const what = FORMAT_NAMES[format === 'unknown' || format === 'jaeger-v1' ? 'otlp' : format];
  const collector = new TraceCollector();
  try {
    decodeOtlpEnvelope(body, collector, options.owned === true);
  } catch (e) {
    toMalformed(e, what);
  }
  return collector.finish();
}

function decodeOtlpEnvelope(body: unknown, collector: TraceCollector, owned: boolean): void {
  if (!isRecord(body)) {
    fail('', `expected an object, got ${describe(body)}`);
  }
  if ('resourceSpans' in body) {
    decodeResourceSpansList(arrayField(body, 'resourceSpans'), collector, 'resourceSpans', owned);
  } else if ('batches' in body) {
    decodeResourceSpansList(arrayField(body, 'batches'), collector, 'batches', owned);
  } else if ('trace' in body) {
    decodeTempoV2(body, collector, owned);
  } else if ('result' in body) {
    if (!isRecord(body.result)) {
      fail('result', `expected an object, got ${describe(body.result)}`);
    }
    decodeResourceSpansList(arrayField(body.result, 'resourceSpans'), collector, 'result.resourceSpans', owned);
  } else if (isRecord(body.error)) {
    decodeJaegerV3Error(body.error);
  } else {
    fail('', 'expected resourceSpans, batches, trace or result');
  }
}

/** Tempo v2: `{trace:{resourceSpans}, status:"PARTIAL"?}`; an empty `trace` is a trace not found. */
function decodeTempoV2(body: Record<string, unknown>, collector: TraceCollector, owned: boolean): void {
  const trace = body.trace;
  if (trace !== null && trace !== undefined) {
    if (!isRecord(trace)) {
      fail('trace', `expected an object, got ${describe(trace)}`);
    }
    const key = 'resourceSpans' in trace ? 'resourceSpans' : 'batches';
    decodeResourceSpansList(arrayField(trace, key), collector, `trace.${key}`, owned);
  }
  if (body.status === 'PARTIAL') {
    const message =
      typeof body.message === 'string' && body.message !== '' ? body.message : 'the trace may be incomplete';
    collector.markPartial(`Tempo returned a partial trace: ${message}`);
  }
}

/**
 * Jaeger api_v3 answers an empty search with 404 `{error:{httpCode:404,message:"No traces found"}}`:
 * that is an empty result, not a failure. Any other error body is the server's failure.
 */
function decodeJaegerV3Error(error: Record<string, unknown>): void {
  const status = typeof error.httpCode === 'number' ? error.httpCode : undefined;
  if (status === 404) {
    return;
  }
  const message = typeof error.message === 'string' ? error.message : describe(error.message);
  throw new TraceLensError('http', `Jaeger api_v3 error${status ? ` ${status}` : ''}: ${message}`, { status });
}

function describeTop(body: unknown): string {
  if (isRecord(body)) {
    const keys = Object.keys(body).slice(0, 5);
    return keys.length === 0
      ? 'an empty object'
      : `an object with keys ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
  }
  return describe(body);
}

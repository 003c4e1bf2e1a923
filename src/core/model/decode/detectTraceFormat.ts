import { isRecord } from './decodeError';

/**
 * Which wire format a decoded JSON body is in. The trace formats differ only in their envelope (ids
 * and enums are handled per value), so detection looks at top-level keys alone.
 */
export type TraceFormat =
  | 'jaeger-v1' // {data:[trace...]}, [trace...] or {traceID, spans, processes}
  | 'jaeger-api-v3' // {result:{resourceSpans}} or its {error:{httpCode,message}}
  | 'tempo-v1' // {batches:[...]} from /api/traces/{id}
  | 'tempo-v2' // {trace:{resourceSpans}, status?} from /api/v2/traces/{id}
  | 'otlp' // {resourceSpans:[...]}
  | 'unknown';

export function detectTraceFormat(body: unknown): TraceFormat {
  if (Array.isArray(body)) {
    return body.length === 0 || (isRecord(body[0]) && 'spans' in body[0]) ? 'jaeger-v1' : 'unknown';
  }
  if (!isRecord(body)) {
    return 'unknown';
  }
  if ('resourceSpans' in body) {
    return 'otlp';
  }
  if ('batches' in body) {
    return 'tempo-v1';
  }
  if ('trace' in body && (body.trace === null || isRecord(body.trace))) {
    return 'tempo-v2';
  }
  if (('result' in body && isRecord(body.result)) || (isRecord(body.error) && 'httpCode' in body.error)) {
    return 'jaeger-api-v3';
  }
  if ('data' in body || ('spans' in body && ('traceID' in body || 'processes' in body))) {
    return 'jaeger-v1';
  }
  return 'unknown';
}

export const FORMAT_NAMES: Readonly<Record<TraceFormat, string>> = {
  'jaeger-v1': 'Jaeger v1 JSON',
  'jaeger-api-v3': 'Jaeger api_v3 response',
  'tempo-v1': 'Tempo trace (v1, batches)',
  'tempo-v2': 'Tempo trace (v2)',
  otlp: 'OTLP JSON',
  unknown: 'trace JSON',
};

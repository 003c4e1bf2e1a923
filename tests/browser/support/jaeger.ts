import { jaegerUrl } from './environment';

interface JaegerSpan {
  processID: string;
  operationName: string;
  /** Microseconds since the epoch, and microseconds. */
  startTime: number;
  duration: number;
  tags: Array<{ key: string; value: unknown }>;
}

interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

/** Ground truth straight from Jaeger's own API, independent of the data source under test. */
export async function jaegerTrace(traceId: string): Promise<JaegerTrace | undefined> {
  const response = await fetch(`${jaegerUrl}/api/traces/${encodeURIComponent(traceId)}`);
  if (!response.ok) {
    return undefined;
  }
  const body = (await response.json()) as { data?: JaegerTrace[] };
  return body.data?.[0];
}

export function servicesOf(trace: JaegerTrace): Set<string> {
  return new Set(trace.spans.map((span) => trace.processes[span.processID]?.serviceName));
}

/** The trace's first start and last end, in epoch milliseconds. */
export function extentOf(trace: JaegerTrace): { startMs: number; endMs: number } {
  const starts = trace.spans.map((span) => span.startTime);
  const ends = trace.spans.map((span) => span.startTime + span.duration);
  return { startMs: Math.min(...starts) / 1000, endMs: Math.max(...ends) / 1000 };
}

import { zipkinUrl } from './environment';

export interface ZipkinSpan {
  id: string;
  name?: string;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

/** Ground truth straight from Zipkin's own API v2, independent of the data source under test. */
export async function zipkinTrace(traceId: string): Promise<ZipkinSpan[] | undefined> {
  const response = await fetch(`${zipkinUrl}/api/v2/trace/${encodeURIComponent(traceId)}`);
  return response.ok ? ((await response.json()) as ZipkinSpan[]) : undefined;
}

export function zipkinServicesOf(spans: readonly ZipkinSpan[]): Set<string> {
  return new Set(spans.map((span) => span.localEndpoint?.serviceName ?? ''));
}

export interface ZipkinLink {
  parent: string;
  child: string;
  callCount: number;
}

/** Zipkin's own service graph, from its dependency linker: by default for the last hour. */
export async function zipkinDependencies({ endTs = Date.now(), lookback = 3_600_000 } = {}): Promise<ZipkinLink[]> {
  const response = await fetch(`${zipkinUrl}/api/v2/dependencies?endTs=${endTs}&lookback=${lookback}`);
  if (!response.ok) {
    throw new Error(`Zipkin /api/v2/dependencies answered ${response.status}`);
  }
  return (await response.json()) as ZipkinLink[];
}

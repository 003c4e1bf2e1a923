/**
 * The `--output table` form of the graph, latency and sampling reports: the same figures as the
 * JSON, with units in every cell and the completeness sentence on top, so a person at a terminal
 * reads whether the counts are exact before reading the counts.
 */
import { completenessText, type Completeness } from '../../core/scan';
import type { LatencyComparison } from '../../core/analysis/latency';
import { renderTable, type Column } from './table';
import { formatCount, formatMs, formatPercent, formatRate } from './units';

const L = (header: string): Column => ({ header, align: 'left' });
const R = (header: string): Column => ({ header, align: 'right' });

interface RedRow {
  readonly requests: number;
  readonly errors: number;
  readonly requestRate: number | null;
  readonly errorRate: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

const RED_COLUMNS = [R('requests'), R('rate'), R('errors'), R('error %'), R('p50'), R('p95'), R('p99')];

function redCells(r: RedRow): string[] {
  return [
    formatCount(r.requests),
    formatRate(r.requestRate),
    formatCount(r.errors),
    formatPercent(r.errorRate),
    formatMs(r.p50Ms),
    formatMs(r.p95Ms),
    formatMs(r.p99Ms),
  ];
}

/** The completeness sentence, or what stands in for it when the numbers are not from a scan. */
function heading(c: Completeness | undefined, instead: string): string {
  return `${c ? completenessText(c) : instead}\n\n`;
}

export interface GraphTableInput {
  readonly nodes: ReadonlyArray<RedRow & { readonly id: string; readonly kind: string }>;
  readonly edges: ReadonlyArray<RedRow & { readonly source: string; readonly target: string }>;
}

export function graphTable(g: GraphTableInput, c: Completeness | undefined): string {
  const nodes = renderTable(
    [L('service'), L('kind'), ...RED_COLUMNS],
    g.nodes.map((n) => [n.id, n.kind, ...redCells(n)])
  );
  const edges = renderTable(
    [L('caller'), L('callee'), ...RED_COLUMNS],
    g.edges.map((e) => [e.source, e.target, ...redCells(e)])
  );
  return `${heading(c, "The backend's own call counts (no errors or latency).")}${nodes}\n${edges}`;
}

export interface LatencyTableInput {
  readonly total: number;
  readonly outOfRange: number;
  readonly percentiles: ReadonlyArray<{ readonly p: number; readonly overallMs: number | null }>;
  readonly buckets: ReadonlyArray<{ readonly lowerMs: number; readonly upperMs: number; readonly count: number }>;
  readonly comparison?: LatencyComparison;
}

export function latencyTable(r: LatencyTableInput, c: Completeness): string {
  const percentiles = renderTable(
    [L('percentile'), R('duration')],
    r.percentiles.map((p) => [`p${sig(p.p)}`, formatMs(p.overallMs)])
  );
  // The heatmap's rows summed over time: how many durations fell in each bucket.
  const byRow = new Map<string, { lowerMs: number; upperMs: number; count: number }>();
  for (const b of r.buckets) {
    const key = `${b.lowerMs}:${b.upperMs}`;
    const row = byRow.get(key) ?? { lowerMs: b.lowerMs, upperMs: b.upperMs, count: 0 };
    row.count += b.count;
    byRow.set(key, row);
  }
  const rows = [...byRow.values()].sort((a, b) => a.lowerMs - b.lowerMs);
  const buckets = renderTable(
    [R('above'), R('up to'), R('count'), R('share')],
    rows.map((b) => [formatMs(b.lowerMs), formatMs(b.upperMs), formatCount(b.count), formatPercent(b.count / r.total)])
  );
  const summary = `${formatCount(r.total)} durations${
    r.outOfRange > 0 ? `, ${formatCount(r.outOfRange)} outside the window` : ''
  }\n\n`;
  let out = `${heading(c, '')}${summary}${percentiles}\n${buckets}`;
  if (r.comparison) {
    const k = r.comparison;
    out += `\nSelected ${formatCount(k.selected)} against ${formatCount(k.baseline)} others:\n`;
    out += renderTable(
      [L('attribute'), L('value'), R('selected'), R('others'), R('difference'), L('TraceQL')],
      k.attributes.map((a) => [
        a.key,
        String(a.value),
        formatPercent(a.selectedShare),
        formatPercent(a.baselineShare),
        formatPercent(a.difference),
        a.traceql,
      ])
    );
  }
  return out;
}

function sig(x: number): string {
  return String(Number(x.toFixed(3)));
}

export interface SamplingTableInput {
  readonly windowSeconds: number;
  readonly services: ReadonlyArray<{
    readonly service: string;
    readonly operation?: string;
    readonly sampler: string;
    readonly probability: number | null;
    readonly storedTraces: number;
    readonly storedTracesPerSecond: number;
    readonly spansPerTrace: number;
    readonly estimatedRequests: number | null;
    readonly estimatedRequestsInterval: readonly [number, number] | null;
    readonly estimatedRequestsPerSecond: number | null;
    readonly errorRate: number;
  }>;
}

export function samplingTable(r: SamplingTableInput, c: Completeness): string {
  const byOperation = r.services.some((s) => s.operation !== undefined);
  const table = renderTable(
    [
      L('service'),
      ...(byOperation ? [L('operation')] : []),
      L('sampler'),
      R('probability'),
      R('stored traces'),
      R('stored rate'),
      R('spans/trace'),
      R('est. requests'),
      R('95% interval'),
      R('est. rate'),
      R('error %'),
    ],
    r.services.map((s) => [
      s.service,
      ...(byOperation ? [s.operation ?? ''] : []),
      s.sampler,
      s.probability === null ? '-' : formatPercent(s.probability),
      formatCount(s.storedTraces),
      formatRate(s.storedTracesPerSecond),
      formatCount(s.spansPerTrace),
      formatCount(s.estimatedRequests),
      s.estimatedRequestsInterval
        ? `${formatCount(s.estimatedRequestsInterval[0])}–${formatCount(s.estimatedRequestsInterval[1])}`
        : '-',
      formatRate(s.estimatedRequestsPerSecond),
      formatPercent(s.errorRate),
    ])
  );
  return `${heading(c, '')}${table}`;
}

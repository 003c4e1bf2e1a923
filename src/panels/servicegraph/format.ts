/**
 * Short human figures for the edge labels, tooltips, the menu and the table.
 *
 * One graph shows every rate in one unit, picked from its own figures (`pickRateUnit`), and every
 * place that shows a rate gets its text from the same `GraphFormat`: an edge label and the tooltip
 * of that edge then show the same number, rounded the same way, in the same unit.
 */

/** Requests per second or per minute. */
export type RateUnit = 's' | 'min';

const PER_UNIT: Record<RateUnit, number> = { s: 1, min: 60 };

/**
 * The unit in which the graph's typical rate reads as a number of at least 1: per second when at
 * least half of the known non-zero rates are 1/s or more, per minute otherwise. A median rather
 * than the busiest call, so one hot path does not turn every other label into "0.02 req/s".
 */
export function pickRateUnit(perSecond: Iterable<number | null>): RateUnit {
  const known = [...perSecond].filter((r): r is number => r !== null && Number.isFinite(r) && r > 0);
  if (known.length === 0) {
    return 's';
  }
  const fast = known.filter((r) => r >= 1).length;
  return fast * 2 >= known.length ? 's' : 'min';
}

/** A figure with two significant digits below 1, one decimal below 100, none above. */
function figure(v: number): string {
  if (v === 0) {
    return '0';
  }
  if (v >= 100) {
    return v.toFixed(0);
  }
  if (v >= 1) {
    return v.toFixed(1);
  }
  return String(Number(v.toPrecision(2)));
}

export interface GraphFormat {
  readonly unit: RateUnit;
  /** The window was not read completely: every rate is a lower bound and says so. */
  readonly atLeast: boolean;
  /** `12 req/min`, `at least 1.5 req/s`, or a call count when the rate is unknown. */
  rate(perSecond: number | null, requests: number): string;
  /** The same figure for an edge label: `≥` instead of "at least". */
  rateShort(perSecond: number | null, requests: number): string;
}

export function graphFormat(unit: RateUnit, atLeast = false): GraphFormat {
  const body = (perSecond: number | null, requests: number) =>
    perSecond === null ? `${formatCount(requests)} calls` : `${figure(perSecond * PER_UNIT[unit])} req/${unit}`;
  return {
    unit,
    atLeast,
    rate: (perSecond, requests) => `${atLeast ? 'at least ' : ''}${body(perSecond, requests)}`,
    rateShort: (perSecond, requests) => `${atLeast ? '≥ ' : ''}${body(perSecond, requests)}`,
  };
}

/** The format for a graph: its unit from every node's and call's rate. */
export function formatForGraph(
  graph: {
    readonly nodes: ReadonlyArray<{ requestRate: number | null }>;
    readonly edges: ReadonlyArray<{ requestRate: number | null }>;
  },
  atLeast = false
): GraphFormat {
  return graphFormat(pickRateUnit([...graph.nodes, ...graph.edges].map((x) => x.requestRate)), atLeast);
}

export function formatCount(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : String(Math.round(n));
}

export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  return `${pct === 0 ? '0' : pct < 0.1 ? '<0.1' : pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) {
    return '–';
  }
  if (ms >= 1000) {
    return `${(ms / 1000).toFixed(ms >= 10000 ? 0 : 2)} s`;
  }
  if (ms >= 1) {
    return `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
  }
  return `${(ms * 1000).toFixed(0)} µs`;
}

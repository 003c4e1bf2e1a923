import { DEFAULT_SEARCH_DEPTH } from '../../plan';

/**
 * What each backend can run, by version. Jaeger runs no TraceQL at all: only its search parameters.
 * Tempo runs TraceQL natively, but each construct arrived in some release; where a server is older
 * than a construct in the query, the planner finishes the query in the engine instead.
 */

export type TempoFeature =
  | 'traceql-metrics'
  | 'coalesce'
  | 'quantile_over_time'
  | 'histogram_over_time'
  | 'compare'
  | 'event:timeSinceStart'
  | 'exemplars-hint'
  | 'avg_over_time'
  | 'instrumentation-scope'
  | 'sum_over_time'
  | 'topk-bottomk'
  | 'most_recent-hint'
  | 'span:childCount'
  | 'minInt-maxInt'
  | 'metrics-comparison'
  | 'metrics-arithmetic'
  | 'extrapolate-hint'
  // Constructs Tempo parses and runs but answers wrongly (measured on v3.1.0-dev, August 2026):
  // the engine answers them on every version; see docs/tempo-compatibility.md.
  | 'negated-condition'
  | 'time-since-start-comparison'
  | 'compare-counts';

/** [major, minor]; UNRELEASED sorts after every release. */
export type Version = readonly [number, number];
export const UNRELEASED: Version = [Number.MAX_SAFE_INTEGER, 0];

/**
 * Since-versions from Tempo's changelog as summarised in docs/reference/protocols.md §1. `defect`
 * marks what no Tempo answers correctly, and says how it goes wrong.
 */
export const TEMPO_FEATURE_SINCE: Readonly<Record<TempoFeature, { since: Version; label: string; defect?: string }>> = {
  coalesce: { since: [2, 2], label: 'coalesce()' },
  'traceql-metrics': { since: [2, 4], label: 'TraceQL metrics (rate, count/min/max_over_time)' },
  quantile_over_time: { since: [2, 5], label: 'quantile_over_time()' },
  histogram_over_time: { since: [2, 5], label: 'histogram_over_time()' },
  compare: { since: [2, 6], label: 'compare()' },
  'event:timeSinceStart': { since: [2, 6], label: 'event:timeSinceStart' },
  'exemplars-hint': { since: [2, 6], label: 'with(exemplars=...)' },
  avg_over_time: { since: [2, 7], label: 'avg_over_time()' },
  'instrumentation-scope': { since: [2, 7], label: 'instrumentation scope (instrumentation:name, instrumentation.x)' },
  sum_over_time: { since: [2, 8], label: 'sum_over_time()' },
  'topk-bottomk': { since: [2, 8], label: 'topk()/bottomk()' },
  'most_recent-hint': { since: [2, 8], label: 'with(most_recent=true)' },
  'span:childCount': { since: [2, 10], label: 'span:childCount' },
  'minInt-maxInt': { since: [2, 10], label: 'minInt/maxInt' },
  'metrics-comparison': { since: [3, 0], label: 'comparisons on metrics results' },
  'metrics-arithmetic': { since: UNRELEASED, label: 'arithmetic between metrics queries' },
  'extrapolate-hint': { since: UNRELEASED, label: 'with(extrapolate=true)' },
  'negated-condition': {
    since: UNRELEASED,
    label: 'a negated condition such as !(kind = client)',
    defect: 'Tempo answers it with no spans',
  },
  'time-since-start-comparison': {
    since: UNRELEASED,
    label: 'a comparison on event:timeSinceStart',
    defect: 'Tempo answers it with no spans',
  },
  'compare-counts': { since: UNRELEASED, label: 'compare()', defect: 'Tempo counts every span twice' },
};

/** The newest release this table knows; a server that reports no version is assumed to be it. */
export const LATEST_TEMPO_RELEASE: Version = [3, 0];

export interface TempoCapabilitiesForPlan {
  readonly kind: 'tempo';
  /** As reported by /api/status/buildinfo ('' when unknown). */
  readonly version: string;
  /** The version the plan assumes (parsed, or the latest release when unknown). */
  readonly assumed: Version;
  /** True for builds off main (`main-abc123`): every feature, released or not. */
  readonly development: boolean;
  /**
   * Send constructs newer than `assumed` natively anyway, because the server may know them: it is
   * a development build (`v3.1.0-dev`, `main-…`) or reported no version. When Tempo refuses such a
   * query, the executor has the engine finish it instead.
   */
  readonly probe: boolean;
  /** Constructs this server has already refused: never probed again. */
  readonly refused?: ReadonlySet<TempoFeature>;
  /** Traces fetched for engine-side evaluation when the query cannot run natively. */
  readonly searchDepth: number;
}

/**
 * `v3.0.3`, `2.9.0`, `2.10.0-rc.1` → [3,0], [2,9], [2,10]. `v3.1.0-dev` (Tempo main since mid-2026)
 * is a build on the way to a release: at least the newest release this table knows, probing the
 * rest. `main-ad33aa8` → development build (every feature). No version → the latest release, probing.
 */
export function tempoCapabilities(version: string, searchDepth = DEFAULT_SEARCH_DEPTH): TempoCapabilitiesForPlan {
  const v = version.trim();
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(-[0-9A-Za-z.+-]*)?/.exec(v);
  if (m) {
    const parsed: Version = [Number(m[1]), Number(m[2])];
    const dev = /dev/i.test(m[3] ?? '');
    const assumed = dev && !versionAtLeast(parsed, LATEST_TEMPO_RELEASE) ? LATEST_TEMPO_RELEASE : parsed;
    return { kind: 'tempo', version, assumed, development: false, probe: dev, searchDepth };
  }
  const development = /^(main|HEAD|dev)\b/i.test(v);
  return {
    kind: 'tempo',
    version,
    assumed: development ? UNRELEASED : LATEST_TEMPO_RELEASE,
    development,
    probe: true,
    searchDepth,
  };
}

export function versionAtLeast(v: Version, since: Version): boolean {
  return v[0] > since[0] || (v[0] === since[0] && v[1] >= since[1]);
}

export function tempoSupports(caps: TempoCapabilitiesForPlan, feature: TempoFeature): boolean {
  if (TEMPO_FEATURE_SINCE[feature].defect !== undefined) {
    return false;
  }
  return caps.development || versionAtLeast(caps.assumed, TEMPO_FEATURE_SINCE[feature].since);
}

export function formatVersion(v: Version): string {
  return v === UNRELEASED || v[0] === UNRELEASED[0] ? 'an unreleased version' : `${v[0]}.${v[1]}`;
}

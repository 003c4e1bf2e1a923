import { DEFAULT_SEARCH_DEPTH, requiredSpanCandidates, type QueryPlan, type TimeWindow } from '../../plan';
import { isMetricsQuery, type RootNode } from '../../traceql/ast';
import { choosePushdown, type JaegerPushdown } from './pushdown';
import type { JaegerApi } from './types';

export interface JaegerCapabilitiesForPlan {
  readonly kind: 'jaeger';
  /** Which search API the server has (detected); both take the same pushdown. */
  readonly api: JaegerApi;
  /** Most traces one Jaeger search returns (query.searchDepth / limit). */
  readonly searchDepth: number;
}

export interface JaegerPlan extends QueryPlan {
  readonly backend: 'jaeger';
  readonly api: JaegerApi;
  readonly pushdown: JaegerPushdown;
  /** No service condition could be pushed: one search per service, merged. */
  readonly fanOut: boolean;
  readonly searchDepth: number;
}

export function jaegerCapabilities(
  api: JaegerApi = 'v3',
  searchDepth = DEFAULT_SEARCH_DEPTH
): JaegerCapabilitiesForPlan {
  return { kind: 'jaeger', api, searchDepth };
}

/**
 * Jaeger runs no TraceQL: the best same-span condition set becomes its search parameters and the
 * engine evaluates the whole query over what comes back (see requiredSpans.ts for why that is sound).
 */
export function planJaegerQuery(root: RootNode, caps: JaegerCapabilitiesForPlan, window: TimeWindow): JaegerPlan {
  const pushdown = choosePushdown(requiredSpanCandidates(root));
  return {
    backend: 'jaeger',
    api: caps.api,
    queryKind: isMetricsQuery(root) ? 'metrics' : 'search',
    residual: root,
    window,
    pushdown,
    fanOut: pushdown.service === undefined,
    searchDepth: caps.searchDepth,
  };
}

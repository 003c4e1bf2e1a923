import { requiredSpanCandidates } from '../../plan/requiredSpans';
import { isMetricsQuery, type RootNode } from '../../traceql/ast';
import { choosePushdown, type ZipkinPushdown } from './pushdown';

export interface ZipkinPlan {
  readonly backend: 'zipkin';
  readonly queryKind: 'search' | 'metrics';
  /** Always the whole query: pushdown only narrows which traces are fetched. */
  readonly residual: RootNode;
  readonly window: { readonly start: bigint; readonly end: bigint };
  readonly pushdown: ZipkinPushdown;
  /** Most traces one Zipkin search returns (its `limit`). */
  readonly searchDepth: number;
}

/** What Zipkin searches for a query; the engine then evaluates the whole query over the answer. */
export function planZipkinQuery(
  root: RootNode,
  window: { readonly start: bigint; readonly end: bigint },
  searchDepth: number
): ZipkinPlan {
  return {
    backend: 'zipkin',
    queryKind: isMetricsQuery(root) ? 'metrics' : 'search',
    residual: root,
    window,
    pushdown: choosePushdown(requiredSpanCandidates(root)),
    searchDepth,
  };
}

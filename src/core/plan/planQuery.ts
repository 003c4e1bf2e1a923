import { printField } from '../traceql';
import { isMetricsQuery, type RootNode } from '../traceql/ast';
import {
  TEMPO_FEATURE_SINCE,
  formatVersion,
  tempoSupports,
  type BackendCapabilities,
  type JaegerCapabilitiesForPlan,
  type TempoCapabilitiesForPlan,
} from './capabilities';
import { fieldFeatures, queryFeatures } from './features';
import { choosePushdown } from './jaegerPushdown';
import { requiredSpanCandidates, type Candidate } from './requiredSpans';
import type { JaegerPlan, QueryPlan, TempoEnginePlan, TempoNativePlan, TimeWindow } from './types';

/**
 * Splits a parsed query into what the backend runs and what the engine finishes. The residual is
 * always the whole query; the pushdown is chosen so it can only narrow the traces fetched, never
 * drop one the query would return (see requiredSpans.ts for why each operator is sound).
 */
export function planQuery(root: RootNode, caps: BackendCapabilities, window: TimeWindow): QueryPlan {
  return caps.kind === 'jaeger' ? planJaegerQuery(root, caps, window) : planTempoQuery(root, caps, window);
}

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

export function planTempoQuery(
  root: RootNode,
  caps: TempoCapabilitiesForPlan,
  window: TimeWindow
): TempoNativePlan | TempoEnginePlan {
  const queryKind = isMetricsQuery(root) ? 'metrics' : 'search';
  const unsupported = queryFeatures(root)
    .filter((u) => !tempoSupports(caps, u.feature))
    .map((u) => ({
      ...u,
      label: TEMPO_FEATURE_SINCE[u.feature].label,
      since: formatVersion(TEMPO_FEATURE_SINCE[u.feature].since),
    }));
  if (unsupported.length === 0) {
    return { backend: 'tempo', mode: 'native', queryKind, residual: root, window, version: caps.version };
  }
  return {
    backend: 'tempo',
    mode: 'engine',
    queryKind,
    residual: root,
    window,
    version: caps.version,
    unsupported,
    narrowing: tempoNarrowing(requiredSpanCandidates(root), caps),
    searchDepth: caps.searchDepth,
  };
}

/** The candidate with the most conjuncts this Tempo can evaluate, as a `{ a && b }` filter. */
function tempoNarrowing(candidates: readonly Candidate[], caps: TempoCapabilitiesForPlan): string {
  let best: string[] = [];
  for (const c of candidates) {
    const usable = c
      .filter((conj) => fieldFeatures(conj.expr).every((f) => tempoSupports(caps, f)))
      .map((conj) =>
        conj.expr.type === 'FieldBinary' && conj.expr.op === '||' ? `(${printField(conj.expr)})` : printField(conj.expr)
      );
    if (usable.length > best.length) {
      best = usable;
    }
  }
  return best.length ? `{ ${best.join(' && ')} }` : '{}';
}

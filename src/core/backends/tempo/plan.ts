import { requiredSpanCandidates, type Candidate, type QueryPlan, type TimeWindow } from '../../plan';
import { printField } from '../../traceql';
import { isMetricsQuery, type RootNode } from '../../traceql/ast';
import {
  TEMPO_FEATURE_SINCE,
  formatVersion,
  tempoSupports,
  type TempoCapabilitiesForPlan,
  type TempoFeature,
} from './capabilities';
import { fieldFeatures, queryFeatures } from './features';
import { bothNumericTypes, rewriteNumericComparisons } from './numericLiterals';

export interface UnsupportedUse {
  readonly feature: TempoFeature;
  readonly label: string;
  readonly since: string;
  /** Set when no Tempo answers the construct correctly: how it goes wrong. */
  readonly defect?: string;
  readonly from: number;
  readonly to: number;
}

/** Tempo runs the query itself. */
export interface TempoNativePlan extends QueryPlan {
  readonly backend: 'tempo';
  readonly mode: 'native';
  readonly version: string;
  /**
   * Constructs newer than the server's known version, sent anyway because it may run them (a
   * development build, or no version reported). Empty when the version vouches for everything.
   */
  readonly probing: readonly UnsupportedUse[];
  /**
   * The query as Tempo receives it: the user's text, or (`rewritten`) the query with every
   * attribute-number comparison asked in both numeric types (numericLiterals.ts).
   */
  readonly rewritten: RootNode | null;
}

/** Tempo is too old for part of the query: it runs a narrowing search, the engine the rest. */
export interface TempoEnginePlan extends QueryPlan {
  readonly backend: 'tempo';
  readonly mode: 'engine';
  readonly version: string;
  readonly unsupported: readonly UnsupportedUse[];
  /** TraceQL Tempo can run that every answer trace satisfies (`{}` when nothing is pushable). */
  readonly narrowing: string;
  readonly searchDepth: number;
}

export type TempoPlan = TempoNativePlan | TempoEnginePlan;

/**
 * Tempo runs TraceQL natively, but each construct arrived in some release: where the server is
 * older than a construct in the query, Tempo runs a narrowing filter and the engine the rest. A
 * server that may know newer constructs (caps.probe) is asked natively first, unless it already
 * refused one of them.
 */
export function planTempoQuery(root: RootNode, caps: TempoCapabilitiesForPlan, window: TimeWindow): TempoPlan {
  const queryKind = isMetricsQuery(root) ? 'metrics' : 'search';
  const unsupported = queryFeatures(root)
    .filter((u) => !tempoSupports(caps, u.feature))
    .map((u) => ({
      ...u,
      label: TEMPO_FEATURE_SINCE[u.feature].label,
      since: formatVersion(TEMPO_FEATURE_SINCE[u.feature].since),
      ...(TEMPO_FEATURE_SINCE[u.feature].defect !== undefined ? { defect: TEMPO_FEATURE_SINCE[u.feature].defect } : {}),
    }));
  const refused = caps.refused ?? new Set<TempoFeature>();
  const probeable = unsupported.every((u) => u.defect === undefined && !refused.has(u.feature));
  if (unsupported.length === 0 || (caps.probe && probeable)) {
    return {
      backend: 'tempo',
      mode: 'native',
      queryKind,
      residual: root,
      window,
      version: caps.version,
      probing: unsupported,
      rewritten: rewriteNumericComparisons(root),
    };
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
      .map((conj) => bothNumericTypes(conj.expr))
      .map((expr) => (expr.type === 'FieldBinary' && expr.op === '||' ? `(${printField(expr)})` : printField(expr)));
    if (usable.length > best.length) {
      best = usable;
    }
  }
  return best.length ? `{ ${best.join(' && ')} }` : '{}';
}

import { AggregateFn, IntrinsicName, KindLiteral, MetricsFnName, StatusLiteral } from './ast';

/**
 * The vocabulary of TraceQL words, in one place so the parser, validator, printer and highlighter
 * agree on it.
 */

/** Legacy unscoped spellings. Tempo froze this list; new intrinsics exist only in scoped form. */
export const LEGACY_INTRINSICS: Readonly<Record<string, IntrinsicName>> = {
  name: 'span:name',
  duration: 'span:duration',
  status: 'span:status',
  statusMessage: 'span:statusMessage',
  kind: 'span:kind',
  childCount: 'span:childCount',
  traceDuration: 'trace:duration',
  rootName: 'trace:rootName',
  rootServiceName: 'trace:rootService',
  parent: 'parent',
  nestedSetLeft: 'nestedSetLeft',
  nestedSetRight: 'nestedSetRight',
  nestedSetParent: 'nestedSetParent',
};

/** Scoped spellings; `span:nestedSetLeft` and friends are the scoped aliases of the internal ones. */
export const SCOPED_INTRINSICS: Readonly<Record<string, IntrinsicName>> = {
  'span:name': 'span:name',
  'span:duration': 'span:duration',
  'span:status': 'span:status',
  'span:statusMessage': 'span:statusMessage',
  'span:kind': 'span:kind',
  'span:id': 'span:id',
  'span:parentID': 'span:parentID',
  'span:childCount': 'span:childCount',
  'span:nestedSetLeft': 'nestedSetLeft',
  'span:nestedSetRight': 'nestedSetRight',
  'span:nestedSetParent': 'nestedSetParent',
  'trace:duration': 'trace:duration',
  'trace:rootName': 'trace:rootName',
  'trace:rootService': 'trace:rootService',
  'trace:id': 'trace:id',
  'event:name': 'event:name',
  'event:timeSinceStart': 'event:timeSinceStart',
  'link:traceID': 'link:traceID',
  'link:spanID': 'link:spanID',
  'instrumentation:name': 'instrumentation:name',
  'instrumentation:version': 'instrumentation:version',
};

/** How the printer writes each intrinsic when it has no usable source spelling. */
export const CANONICAL_SPELLING: Readonly<Record<IntrinsicName, string>> = {
  'span:name': 'span:name',
  'span:duration': 'span:duration',
  'span:status': 'span:status',
  'span:statusMessage': 'span:statusMessage',
  'span:kind': 'span:kind',
  'span:id': 'span:id',
  'span:parentID': 'span:parentID',
  'span:childCount': 'span:childCount',
  'trace:duration': 'trace:duration',
  'trace:rootName': 'trace:rootName',
  'trace:rootService': 'trace:rootService',
  'trace:id': 'trace:id',
  'event:name': 'event:name',
  'event:timeSinceStart': 'event:timeSinceStart',
  'link:traceID': 'link:traceID',
  'link:spanID': 'link:spanID',
  'instrumentation:name': 'instrumentation:name',
  'instrumentation:version': 'instrumentation:version',
  parent: 'parent',
  nestedSetLeft: 'nestedSetLeft',
  nestedSetRight: 'nestedSetRight',
  nestedSetParent: 'nestedSetParent',
};

export function intrinsicFromSpelling(spelling: string): IntrinsicName | undefined {
  return Object.prototype.hasOwnProperty.call(LEGACY_INTRINSICS, spelling)
    ? LEGACY_INTRINSICS[spelling]
    : Object.prototype.hasOwnProperty.call(SCOPED_INTRINSICS, spelling)
      ? SCOPED_INTRINSICS[spelling]
      : undefined;
}

export const STATUS_WORDS: readonly StatusLiteral[] = ['ok', 'error', 'unset'];
export const KIND_WORDS: readonly KindLiteral[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];
export const AGGREGATES: readonly AggregateFn[] = ['count', 'avg', 'min', 'max', 'sum'];
export const METRICS_FUNCTIONS: readonly MetricsFnName[] = [
  'rate',
  'count_over_time',
  'min_over_time',
  'max_over_time',
  'avg_over_time',
  'sum_over_time',
  'quantile_over_time',
  'histogram_over_time',
  'compare',
];
export const VALUE_WORDS: readonly string[] = [
  'true',
  'false',
  'nil',
  'minInt',
  'maxInt',
  ...STATUS_WORDS,
  ...KIND_WORDS,
];
export const STAGE_WORDS: readonly string[] = ['by', 'coalesce', 'select', 'topk', 'bottomk', 'with'];

export const INT64_MIN = -9223372036854775808n;
export const INT64_MAX = 9223372036854775807n;

/** Hint names Tempo accepts (enum_hints.go); `debug_*` is a family. */
export const SAFE_HINTS: readonly string[] = [
  'sample',
  'trace_sample',
  'span_sample',
  'exemplars',
  'most_recent',
  'extrapolate',
];
export const UNSAFE_HINTS: readonly string[] = [
  'job_size',
  'time_overlap_cutoff',
  'concurrent_blocks',
  'debug',
  'info',
  'skip_ast_transformations',
  'spanonly_fetch',
];

export function isKnownHint(name: string): boolean {
  return SAFE_HINTS.includes(name) || UNSAFE_HINTS.includes(name) || /^debug_[A-Za-z0-9_]+$/.test(name);
}

export function isStatusWord(w: string): w is StatusLiteral {
  return (STATUS_WORDS as readonly string[]).includes(w);
}

export function isKindWord(w: string): w is KindLiteral {
  return (KIND_WORDS as readonly string[]).includes(w);
}

export function isAggregate(w: string): w is AggregateFn {
  return (AGGREGATES as readonly string[]).includes(w);
}

export function isMetricsFunction(w: string): w is MetricsFnName {
  return (METRICS_FUNCTIONS as readonly string[]).includes(w);
}

import { buildTrace, type SpanSpec } from './traceBuilder';
import type { Trace } from '../../model/types';

/**
 * `count` traces one `stepNs` apart from `startNs`, the i-th shaped by `root(i)`: the traffic of a
 * time window, for tests that read a whole window through several searches.
 */
export function tracesOverTime(
  count: number,
  startNs: bigint,
  stepNs: bigint,
  root: (i: number) => SpanSpec,
  firstSeq = 1
): Trace[] {
  return Array.from({ length: count }, (_, i) =>
    buildTrace({ seq: firstSeq + i, startUnixNano: startNs + BigInt(i) * stepNs, root: root(i) })
  );
}

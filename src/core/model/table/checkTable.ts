import type { SpanTable } from './spanTable';

function label(t: SpanTable, i: number): string {
  return `${t.spanId[i]} (${t.resource[i].serviceName || 'unknown service'} ${JSON.stringify(t.name[i])})`;
}

/** Duplicate span ids, parents missing from the trace, and clock skew between hosts. */
export function checkTable(t: SpanTable): string[] {
  const warnings: string[] = [];
  const byId = new Map<string, number>();
  for (let i = 0; i < t.length; i++) {
    const id = t.spanId[i];
    if (byId.has(id)) {
      warnings.push(`duplicate span id ${id}: only the first is used as a parent`);
      continue;
    }
    byId.set(id, i);
  }
  for (let i = 0; i < t.length; i++) {
    const parentId = t.parentSpanId[i];
    if (parentId === '') {
      continue;
    }
    const p = byId.get(parentId);
    if (p === undefined) {
      warnings.push(`span ${label(t, i)} has parent ${parentId}, which is not in the trace`);
      continue;
    }
    const skew = clockSkew(t, p, i);
    if (skew !== null) {
      warnings.push(skew);
    }
  }
  return warnings;
}

/**
 * A span that starts before its parent, on a different service, shows the two hosts' clocks
 * disagree. Only the start is checked: a server span legitimately outlives the client span that
 * called it by the time it takes to flush the response (seen on real Jaeger data from one host),
 * so an end-time check would warn about healthy traces. Same-service children are skipped, since
 * within one process an async child may start whenever it likes.
 */
function clockSkew(t: SpanTable, parent: number, child: number): string | null {
  const early =
    (t.startSeconds[parent] - t.startSeconds[child]) * 1_000_000_000 + (t.startNanos[parent] - t.startNanos[child]);
  if (early <= 0) {
    return null;
  }
  const pr = t.resource[parent];
  const cr = t.resource[child];
  if (pr === cr || pr.serviceName === cr.serviceName) {
    return null;
  }
  return `clock skew: span ${label(t, child)} starts ${early / 1000} µs before its parent ${label(t, parent)}`;
}

import { exploreUrlFor, type TimeRangeRef } from '../../../shared/exploreLinks';
import type { DatasourceRef } from './readFrames';

/**
 * TraceQL and Explore links for what the user clicked. Kept pure so the menu, the tests and the
 * README agree on exactly what is opened.
 */

/** TraceQL string literal: backslashes and quotes escaped as TraceQL's lexer expects. */
export function traceqlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A service as the graph identifies it: its name, and its `service.namespace` when it has one. */
export interface ServiceRef {
  readonly name: string;
  readonly namespace?: string;
}

function serviceCondition(service: string | ServiceRef): string {
  const ref = typeof service === 'string' ? { name: service } : service;
  const name = `resource.service.name=${traceqlString(ref.name)}`;
  return ref.namespace ? `resource.service.namespace=${traceqlString(ref.namespace)} && ${name}` : name;
}

export function traceqlForNode(service: string | ServiceRef): string {
  return `{${serviceCondition(service)}}`;
}

/** Traces where a span of `source` has a descendant span in `target`: the calls along this edge. */
export function traceqlForEdge(source: string | ServiceRef, target: string | ServiceRef): string {
  return `${traceqlForNode(source)} >> ${traceqlForNode(target)}`;
}

/**
 * Calls to an uninstrumented peer exist only as the caller's client spans, so they are found by
 * what those spans say rather than by a callee service.
 */
export function traceqlForPeerEdge(source: string | ServiceRef, peerAttribute: string, peer: string): string {
  return `{${serviceCondition(source)} && span.${peerAttribute}=${traceqlString(peer)}}`;
}

export type { TimeRangeRef };

/** An Explore URL with one pane running `query` against the given data source, in the current org. */
export function exploreUrl(ds: DatasourceRef, query: Record<string, unknown>, range: TimeRangeRef): string {
  return exploreUrlFor(ds, query, range);
}

/** Explore with a TraceQL search. TraceLens and Tempo both read { queryType: 'traceql', query }. */
export function tracesUrl(ds: DatasourceRef, traceql: string, range: TimeRangeRef): string {
  return exploreUrl(ds, { queryType: 'traceql', query: traceql }, range);
}

/** Explore with a logs query for a service; `${service}` in the template is replaced (escaped for a label matcher). */
export function logsUrl(logsDatasourceUid: string, template: string, service: string, range: TimeRangeRef): string {
  const escaped = service.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const expr = template.split('${service}').join(escaped);
  return exploreUrl({ uid: logsDatasourceUid }, { expr }, range);
}

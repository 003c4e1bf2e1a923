import { createDataFrame, FieldType, type DataFrame, type Field } from '@grafana/data';

import {
  EDGE_FIELD_SPECS,
  NODE_FIELD_SPECS,
  serviceGraphToNodeGraphRows,
  type FieldSpec,
  type ServiceGraph,
  type ServiceGraphNode,
} from '../../core/analysis/serviceGraph';
import type { LogsLinkContext } from '../links';
import { LOGS_URL_FIELD, logsUrlOf, rowLogsLinks, type LogsLinkSetup } from './logsLinks';

function fieldsFrom<R extends object>(specs: readonly FieldSpec[], rows: R[]): Field[] {
  return specs.map((spec) => ({
    name: spec.name,
    type: spec.type === 'number' ? FieldType.number : FieldType.string,
    config: {
      ...(spec.unit ? { unit: spec.unit } : {}),
      ...(spec.displayName ? { displayName: spec.displayName } : {}),
      // Grafana's node graph colours arcs from the field's fixed colour.
      ...(spec.name === 'arc__success' ? { color: { mode: 'fixed', fixedColor: 'green' } } : {}),
      ...(spec.name === 'arc__errors' ? { color: { mode: 'fixed', fixedColor: 'red' } } : {}),
    },
    values: rows.map((r) => (r as Record<string, unknown>)[spec.name] ?? null),
  }));
}

/** The data source's trace-to-logs link and the window the graph covers, for per-service logs links. */
export interface NodeLogsLinks {
  readonly setup: LogsLinkSetup;
  readonly window: { readonly startMs: number; readonly endMs: number };
}

/**
 * A service's logs over the graph's window, found by the same tag mappings as its spans' logs
 * (service.name, service.namespace); uninstrumented peers (databases, queues) have none.
 */
function serviceLogsContext(n: ServiceGraphNode, window: NodeLogsLinks['window']): LogsLinkContext {
  const attributes: Record<string, string> =
    n.kind !== 'service'
      ? {}
      : {
          'service.name': n.service ?? n.id,
          ...(n.namespace !== undefined ? { 'service.namespace': n.namespace } : {}),
        };
  return { attributes, startMs: window.startMs, endMs: window.endMs };
}

/**
 * Each service's logs link as a hidden `logsUrl` field of the nodes frame (as the search table
 * does per row) and as a link on `id`, so the TraceLens panel and Grafana's Node Graph both open
 * the logs the data source's trace-to-logs settings point at.
 */
function withLogsLinks(fields: Field[], nodes: readonly ServiceGraphNode[], logs: NodeLogsLinks): Field[] {
  const contexts = nodes.map((n) => serviceLogsContext(n, logs.window));
  const { urls, link } = rowLogsLinks(contexts.map(logsUrlOf(logs.setup)), 'Logs for this service');
  if (!link) {
    return fields;
  }
  return [
    ...fields.map((f) =>
      f.name === 'id' ? { ...f, config: { ...f.config, links: [...(f.config.links ?? []), link] } } : f
    ),
    {
      name: LOGS_URL_FIELD,
      type: FieldType.string,
      config: { custom: { hidden: true } },
      // A peer has no logs of its own here (and Lucene without tags would match every document).
      values: urls.map((u, i) => (nodes[i].kind === 'service' ? u : '')),
    },
  ];
}

/** `nodes` and `edges` frames for Grafana's Node Graph and the TraceLens service-graph panel. */
export function buildNodeGraphFrames(
  graph: ServiceGraph,
  refId?: string,
  self?: { uid: string },
  logs?: NodeLogsLinks
): [DataFrame, DataFrame] {
  const rows = serviceGraphToNodeGraphRows(graph);
  const nodeFields = fieldsFrom(NODE_FIELD_SPECS, rows.nodes);
  // The data source's own uid travels with the frames so the panel's Explore links work even when
  // the panel query names a variable or the mixed data source.
  const meta = {
    preferredVisualisationType: 'nodeGraph' as const,
    custom: {
      source: graph.source,
      ...(graph.nodeFigures !== undefined ? { nodeFigures: graph.nodeFigures } : {}),
      windowSeconds: graph.windowSeconds,
      ...(self ? { datasourceUid: self.uid, datasourceType: 'tracelens-traceql-datasource' } : {}),
    },
  };
  return [
    createDataFrame({
      name: 'nodes',
      refId,
      fields: logs ? withLogsLinks(nodeFields, graph.nodes, logs) : nodeFields,
      meta,
    }),
    createDataFrame({ name: 'edges', refId, fields: fieldsFrom(EDGE_FIELD_SPECS, rows.edges), meta }),
  ];
}

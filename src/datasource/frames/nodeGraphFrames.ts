import { createDataFrame, FieldType, type DataFrame, type Field } from '@grafana/data';

import {
  EDGE_FIELD_SPECS,
  NODE_FIELD_SPECS,
  serviceGraphToNodeGraphRows,
  type FieldSpec,
  type ServiceGraph,
} from '../../core/analysis/serviceGraph';

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

/** `nodes` and `edges` frames for Grafana's Node Graph and the TraceLens service-graph panel. */
export function buildNodeGraphFrames(
  graph: ServiceGraph,
  refId?: string,
  self?: { uid: string }
): [DataFrame, DataFrame] {
  const rows = serviceGraphToNodeGraphRows(graph);
  // The data source's own uid travels with the frames so the panel's Explore links work even when
  // the panel query names a variable or the mixed data source.
  const meta = {
    preferredVisualisationType: 'nodeGraph' as const,
    custom: {
      source: graph.source,
      windowSeconds: graph.windowSeconds,
      ...(self ? { datasourceUid: self.uid, datasourceType: 'tracelens-traceql-datasource' } : {}),
    },
  };
  return [
    createDataFrame({ name: 'nodes', refId, fields: fieldsFrom(NODE_FIELD_SPECS, rows.nodes), meta }),
    createDataFrame({ name: 'edges', refId, fields: fieldsFrom(EDGE_FIELD_SPECS, rows.edges), meta }),
  ];
}

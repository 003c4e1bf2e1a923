import { createDataFrame, DataFrame, FieldType } from '@grafana/data';

import type { FieldSpec, NodeGraphRows } from '../../../core/analysis/serviceGraph';

/**
 * Node-graph frames the way the TraceLens data source builds them from core rows, for panel tests
 * and the sandbox. Kept in the panel (not imported from the data source) because panels meet data
 * sources only through frames.
 */
export function framesFromRows(
  rows: NodeGraphRows,
  nodeSpecs: readonly FieldSpec[],
  edgeSpecs: readonly FieldSpec[],
  datasourceUid?: string
): DataFrame[] {
  const meta = {
    preferredVisualisationType: 'nodeGraph' as const,
    ...(datasourceUid ? { custom: { datasourceUid, datasourceType: 'tracelens-traceql-datasource' } } : {}),
  };
  const build = (name: string, specs: readonly FieldSpec[], list: ReadonlyArray<Record<string, unknown>>) =>
    createDataFrame({
      name,
      meta,
      fields: specs.map((s) => ({
        name: s.name,
        type: s.type === 'number' ? FieldType.number : FieldType.string,
        values: list.map((r) => r[s.name]),
        config: { ...(s.unit ? { unit: s.unit } : {}), ...(s.displayName ? { displayName: s.displayName } : {}) },
      })),
    });
  return [
    build('nodes', nodeSpecs, rows.nodes as unknown as Array<Record<string, unknown>>),
    build('edges', edgeSpecs, rows.edges as unknown as Array<Record<string, unknown>>),
  ];
}

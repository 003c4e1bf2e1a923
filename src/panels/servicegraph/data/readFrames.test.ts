import { createDataFrame, FieldType } from '@grafana/data';

import {
  NODE_FIELD_SPECS,
  EDGE_FIELD_SPECS,
  buildServiceGraph,
  serviceGraphFromDependencies,
  serviceGraphToNodeGraphRows,
} from '../../../core/analysis/serviceGraph';
import { call, traceOf } from '../../../core/analysis/serviceGraph/testing/callTree';
import { readServiceGraphFrames } from './readFrames';
import { framesFromRows } from './testFrames';

describe('readServiceGraphFrames', () => {
  it('reads TraceLens frames back into the same figures', () => {
    const g = serviceGraphFromDependencies(
      [
        { parent: 'web', child: 'api', callCount: 10 },
        { parent: 'api', child: 'db', callCount: 4 },
      ],
      { windowSeconds: 10 }
    );
    const frames = framesFromRows(serviceGraphToNodeGraphRows(g), NODE_FIELD_SPECS, EDGE_FIELD_SPECS, 'ds-1');
    const got = readServiceGraphFrames(frames);
    if (got.kind !== 'graph') {
      throw new Error(got.reason);
    }
    expect(got.datasource).toEqual({ uid: 'ds-1', type: 'tracelens-traceql-datasource' });
    expect(got.graph.edges.map((e) => [e.id, e.requests, e.requestRate])).toEqual([
      ['api->db', 4, 0.4],
      ['web->api', 10, 1],
    ]);
    expect(got.graph.nodes.find((n) => n.id === 'api')).toMatchObject({ kind: 'service', requests: 10 });
  });

  it('reads back the namespace and service name of a namespaced node', () => {
    const g = buildServiceGraph(
      [traceOf(call('web', 10, [call('api', 8, [], { namespace: 'shop' })], { namespace: 'shop' }))],
      {
        windowSeconds: 10,
      }
    );
    const frames = framesFromRows(serviceGraphToNodeGraphRows(g), NODE_FIELD_SPECS, EDGE_FIELD_SPECS, 'ds-1');
    const got = readServiceGraphFrames(frames);
    if (got.kind !== 'graph') {
      throw new Error(got.reason);
    }
    expect(got.graph.nodes.find((n) => n.id === 'shop/api')).toMatchObject({ namespace: 'shop', service: 'api' });
    expect(got.display.get('shop/api')?.title).toBe('shop/api');
  });

  it("reads Tempo's service-graph frames from the standard fields (rate, arcs, latency unit)", () => {
    const nodes = createDataFrame({
      name: 'Nodes',
      meta: { preferredVisualisationType: 'nodeGraph' },
      fields: [
        { name: 'id', type: FieldType.string, values: ['frontend', 'postgres'] },
        { name: 'title', type: FieldType.string, values: ['frontend', 'postgres'] },
        {
          name: 'mainstat',
          type: FieldType.number,
          values: [0.25, 0.01],
          config: { unit: 's', displayName: 'Average response time' },
        },
        {
          name: 'secondarystat',
          type: FieldType.number,
          values: [12, 3],
          config: { unit: 'r/sec', displayName: 'Requests per second' },
        },
        { name: 'arc__success', type: FieldType.number, values: [0.9, 1] },
        { name: 'arc__failed', type: FieldType.number, values: [0.1, 0] },
        { name: 'icon', type: FieldType.string, values: ['', 'database'] },
      ],
    });
    const edges = createDataFrame({
      name: 'Edges',
      meta: { preferredVisualisationType: 'nodeGraph' },
      fields: [
        { name: 'id', type: FieldType.string, values: ['frontend_postgres'] },
        { name: 'source', type: FieldType.string, values: ['frontend'] },
        { name: 'target', type: FieldType.string, values: ['postgres'] },
        {
          name: 'mainstat',
          type: FieldType.number,
          values: [15],
          config: { unit: 'ms', displayName: 'Response time' },
        },
        { name: 'secondarystat', type: FieldType.number, values: [3], config: { displayName: 'Requests per second' } },
      ],
    });
    const got = readServiceGraphFrames([nodes, edges], { uid: 'tempo-1', type: 'tempo' });
    if (got.kind !== 'graph') {
      throw new Error(got.reason);
    }
    expect(got.graph.nodes[0]).toMatchObject({ id: 'frontend', requestRate: 12, errorRate: 0.1, avgMs: 250 });
    expect(got.graph.nodes[1].kind).toBe('database');
    expect(got.graph.edges[0]).toMatchObject({ id: 'frontend_postgres', requestRate: 3, avgMs: 15 });
    expect(got.datasource).toEqual({ uid: 'tempo-1', type: 'tempo' });
  });

  it('adds nodes that only edges mention (Jaeger dependency frames)', () => {
    const edges = createDataFrame({
      name: 'edges',
      fields: [
        { name: 'id', type: FieldType.string, values: ['a->b'] },
        { name: 'source', type: FieldType.string, values: ['a'] },
        { name: 'target', type: FieldType.string, values: ['b'] },
      ],
    });
    const got = readServiceGraphFrames([edges]);
    expect(got.kind === 'graph' && got.graph.nodes.map((n) => n.id)).toEqual(['a', 'b']);
  });

  it('explains why there is nothing to draw', () => {
    expect(readServiceGraphFrames([])).toMatchObject({ kind: 'none' });
    const table = createDataFrame({ fields: [{ name: 'x', type: FieldType.number, values: [1] }] });
    const got = readServiceGraphFrames([table]);
    expect(got.kind === 'none' && got.reason).toMatch(/not a node graph/);
  });
});

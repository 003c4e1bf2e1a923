import { createDataFrame, FieldType, getDefaultTimeRange, LoadingState, PanelData, PanelProps } from '@grafana/data';
import { fireEvent, render, screen, within } from '@testing-library/react';
import React from 'react';

import {
  buildServiceGraph,
  EDGE_FIELD_SPECS,
  NODE_FIELD_SPECS,
  serviceGraphToNodeGraphRows,
} from '../../core/analysis/serviceGraph';
import { call, traceOf } from '../../core/analysis/serviceGraph/testing/callTree';
import { completeOver } from '../../core/scan';
import { COMPLETENESS_BADGE_TEST_ID } from '../../shared/components/CompletenessBadge';
import { BUDGET_REACHED } from '../../shared/frames/testing/completenessFixtures';
import { completenessMeta, withCompleteness } from '../../shared/frames/completeness';
import { framesFromRows } from './data/testFrames';
import { testIds } from './selectors';
import { ServiceGraphPanel } from './ServiceGraphPanel';
import { DEFAULT_OPTIONS, ServiceGraphOptions } from './types';

const client = (service: string, ms: number, children: Parameters<typeof call>[2] = [], extra = {}) =>
  call(service, ms, children, { kind: 'client', ...extra });

// frontend → api-gateway → {auth-service (fails), user-service → postgresql}, plus an unrelated batch → reports
const traces = [true, false].flatMap((authError) => [
  traceOf(
    call('frontend', 100, [
      client('frontend', 90, [
        call('api-gateway', 80, [
          client('api-gateway', 25, [call('auth-service', 20, [], { error: authError })]),
          client('api-gateway', 35, [
            call('user-service', 30, [client('user-service', 10, [], { attrs: { 'db.system': 'postgresql' } })]),
          ]),
        ]),
      ]),
    ])
  ),
  traceOf(call('batch', 5, [client('batch', 4, [call('reports', 3)])])),
]);
const graph = buildServiceGraph(traces, { windowSeconds: 60, detail: 'peers' });
const frames = framesFromRows(serviceGraphToNodeGraphRows(graph), NODE_FIELD_SPECS, EDGE_FIELD_SPECS, 'tl-uid');

function renderPanel(
  data: Partial<PanelData>,
  options: Partial<ServiceGraphOptions> = {},
  size = { width: 900, height: 600 }
) {
  const timeRange = getDefaultTimeRange();
  const props = {
    data: { state: LoadingState.Done, series: [], timeRange, ...data },
    options: { ...DEFAULT_OPTIONS, ...options },
    ...size,
    timeRange,
    timeZone: 'utc',
    id: 1,
    title: 'Service graph',
    transparent: false,
    renderCounter: 0,
    fieldConfig: { defaults: {}, overrides: [] },
    eventBus: {
      publish: jest.fn(),
      subscribe: jest.fn(),
      getStream: jest.fn(),
      removeAllListeners: jest.fn(),
      newScopedBus: jest.fn(),
    },
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    onChangeTimeRange: jest.fn(),
    replaceVariables: (s: string) => s,
  } as unknown as PanelProps<ServiceGraphOptions>;
  return render(<ServiceGraphPanel {...props} />);
}

describe('ServiceGraphPanel', () => {
  it('says inside the panel when its counts are lower bounds, and rates say "at least" (#17)', async () => {
    const [nodes, edges] = frames;
    renderPanel({ series: [withCompleteness(nodes, BUDGET_REACHED), edges] });
    expect(await screen.findByTestId(COMPLETENESS_BADGE_TEST_ID)).toHaveTextContent(
      'lower bound: 20,000 of ≥ 20,153 traces, budget reached'
    );
    expect(screen.getByTestId(testIds.edge('api-gateway->auth-service'))).toHaveAccessibleName(/: at least /);
  });

  it('shows no badge when the counts are complete', async () => {
    const [nodes, edges] = frames;
    renderPanel({
      series: [withCompleteness(nodes, completenessMeta(completeOver({ start: 0n, end: 1n }, 4))), edges],
    });
    expect(await screen.findByTestId(testIds.node('api-gateway'))).toBeInTheDocument();
    expect(screen.queryByTestId(COMPLETENESS_BADGE_TEST_ID)).toBeNull();
    expect(screen.getByTestId(testIds.edge('api-gateway->auth-service'))).not.toHaveAccessibleName(/at least/);
  });

  it('draws every service and call from node-graph frames, with peers by kind', async () => {
    renderPanel({ series: frames });
    expect(await screen.findByTestId(testIds.node('api-gateway'))).toBeInTheDocument();
    expect(screen.getByTestId(testIds.node('postgresql'))).toHaveAttribute('data-kind', 'database');
    expect(screen.getByTestId(testIds.edge('api-gateway->auth-service'))).toHaveAccessibleName(/50% errors/);
    expect(screen.getByTestId(testIds.canvas)).toHaveAccessibleName('Service graph with 7 nodes and 5 calls');
  });

  it('says so when there is no data', () => {
    renderPanel({ series: [] });
    expect(screen.getByTestId(testIds.empty)).toHaveTextContent(/Run a service graph query/);
  });

  it('says it is loading rather than empty while the first answer is on its way', () => {
    renderPanel({ state: LoadingState.Loading, series: [] });
    expect(screen.getByTestId(testIds.empty)).toHaveTextContent('Loading the service graph…');
  });

  it('says so when the graph is empty', () => {
    const empty = framesFromRows({ nodes: [], edges: [] }, NODE_FIELD_SPECS, EDGE_FIELD_SPECS);
    renderPanel({ series: empty });
    expect(screen.getByTestId(testIds.empty)).toHaveTextContent('No calls between services in this time range.');
  });

  it('shows the query error', () => {
    renderPanel({ state: LoadingState.Error, errors: [{ message: 'Jaeger unreachable at http://jaeger:16686' }] });
    expect(screen.getByTestId(testIds.error)).toHaveTextContent('Service graph query failed: Jaeger unreachable');
  });

  it('focuses a service from the search box and dims what is outside its neighbourhood', async () => {
    // Large enough that the whole graph stays in view after focus centres on the service.
    renderPanel({ series: frames }, { focusHops: 1 }, { width: 4000, height: 3000 });
    await screen.findByTestId(testIds.node('batch'));
    fireEvent.change(screen.getByTestId(testIds.search), { target: { value: 'auth-service' } });
    expect(await screen.findByTestId(testIds.clearFocus)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.node('batch'))).toHaveAttribute('data-dimmed', 'true');
    expect(screen.getByTestId(testIds.node('frontend'))).toHaveAttribute('data-dimmed', 'true'); // 2 hops away
    expect(screen.getByTestId(testIds.node('api-gateway'))).toHaveAttribute('data-dimmed', 'false');
    fireEvent.click(screen.getByTestId(testIds.clearFocus));
    expect(screen.getByTestId(testIds.node('batch'))).toHaveAttribute('data-dimmed', 'false');
  });

  it('opens a menu on an edge with the Explore link for its TraceQL on the frames’ data source', async () => {
    renderPanel({ series: frames });
    fireEvent.click(await screen.findByTestId(testIds.edge('frontend->api-gateway')));
    const menu = screen.getByTestId(testIds.menu);
    const link = within(menu).getByRole('menuitem', { name: /Traces for calls frontend → api-gateway/ });
    const href = decodeURIComponent(link.getAttribute('href') ?? '');
    expect(href).toContain(
      '"query":"{resource.service.name=\\"frontend\\"} >> {resource.service.name=\\"api-gateway\\"}"'
    );
    expect(href).toContain('"uid":"tl-uid"');
  });

  it('shows only failing calls when asked', async () => {
    renderPanel({ series: frames }, { showOnlyErrors: true });
    expect(await screen.findByTestId(testIds.node('auth-service'))).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.node('batch'))).not.toBeInTheDocument();
    expect(screen.getByTestId(testIds.banner)).toHaveTextContent(/hidden by the panel filters/);
  });

  it('groups huge graphs on its own and expands a group from its menu', async () => {
    const nodes = createDataFrame({
      name: 'nodes',
      fields: [{ name: 'id', type: FieldType.string, values: ['shop-cart', 'shop-pay', 'web'] }],
    });
    const edges = createDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', type: FieldType.string, values: ['web', 'shop-cart'] },
        { name: 'target', type: FieldType.string, values: ['shop-cart', 'shop-pay'] },
      ],
    });
    renderPanel({ series: [nodes, edges] }, { hugeGraphNodes: 2 });
    fireEvent.click(await screen.findByTestId(testIds.node('group:shop')));
    expect(screen.getByTestId(testIds.banner)).toHaveTextContent(/grouped by name prefix/);
    fireEvent.click(screen.getByRole('menuitem', { name: /Expand group shop/ }));
    expect(await screen.findByTestId(testIds.node('shop-pay'))).toBeInTheDocument();
  });

  it('lists services and calls as tables for screen readers and on request', async () => {
    renderPanel({ series: frames });
    await screen.findByTestId(testIds.node('frontend'));
    const table = screen.getByTestId(testIds.table);
    expect(within(table).getByRole('button', { name: 'api-gateway' })).toBeInTheDocument();
    fireEvent.click(screen.getByTestId(testIds.toggleList));
    expect(screen.queryByTestId(testIds.canvas)).not.toBeInTheDocument();
    expect(within(table).getAllByRole('row').length).toBe(1 + 7 + 1 + 5);
  });
});

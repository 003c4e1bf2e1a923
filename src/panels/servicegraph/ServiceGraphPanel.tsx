import { css } from '@emotion/css';
import { GrafanaTheme2, LoadingState, PanelProps } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import React, { useCallback, useMemo, useState } from 'react';

import { groupKey } from '../../core/analysis/layout';
import { neighbourhood } from '../../core/analysis/serviceGraph';
import { CompletenessBadge } from '../../shared/components/CompletenessBadge';
import { readCompleteness } from '../../shared/frames/completeness';
import { GraphCanvas } from './components/GraphCanvas';
import { GraphTable } from './components/GraphTable';
import type { HitTarget } from './components/HitMap';
import { ItemMenu } from './components/ItemMenu';
import { Legend } from './components/Legend';
import { Toolbar } from './components/Toolbar';
import { menuItems, type MenuItem } from './data/menuItems';
import { readServiceGraphFrames, type DatasourceRef } from './data/readFrames';
import { buildViewModel } from './data/viewModel';
import { formatForGraph } from './format';
import { useGraphLayout, usePalette } from './hooks';
import { buildScene, layoutInputFor, nodeBounds, radiusScale } from './render/scene';
import { fitBounds, zoomAt, type Viewport } from './render/viewport';
import { testIds } from './selectors';
import { DEFAULT_OPTIONS, ServiceGraphOptions } from './types';

const TOOLBAR_HEIGHT = 36;

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ position: 'relative', display: 'flex', flexDirection: 'column' }),
  state: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    padding: theme.spacing(2),
    color: theme.colors.text.secondary,
  }),
  error: css({ color: theme.colors.error.text }),
  completeness: css({
    position: 'absolute',
    top: TOOLBAR_HEIGHT + 4,
    right: theme.spacing(1),
    zIndex: 1,
    maxWidth: '60%',
  }),
  banner: css({
    position: 'absolute',
    left: theme.spacing(1),
    bottom: theme.spacing(1),
    zIndex: 1,
    padding: theme.spacing(0.5, 1),
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
});

function panelError(data: PanelProps['data']): string | undefined {
  if (data.state !== LoadingState.Error) {
    return undefined;
  }
  return data.errors?.[0]?.message ?? data.error?.message ?? 'The query failed.';
}

export function ServiceGraphPanel({ data, width, height, options, timeRange }: PanelProps<ServiceGraphOptions>) {
  const styles = useStyles2(getStyles);
  const palette = usePalette(useTheme2());
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const target = data.request?.targets?.[0]?.datasource;
  const fallbackDs: DatasourceRef | undefined = target?.uid ? { uid: target.uid, type: target.type } : undefined;
  const input = useMemo(
    () => readServiceGraphFrames(data.series, fallbackDs),
    [data.series, fallbackDs?.uid, fallbackDs?.type]
  );
  const completeness = useMemo(() => readCompleteness(data.series), [data.series]);
  // Rates from a window that was not read completely are lower bounds, and say so.
  const atLeast = completeness !== undefined && !completeness.complete;
  // One unit for the whole graph, from all of it: focus and filters do not switch /s to /min.
  const format = useMemo(
    () => formatForGraph(input.kind === 'graph' ? input.graph : { nodes: [], edges: [] }, atLeast),
    [input, atLeast]
  );

  const [focus, setFocus] = useState<string | undefined>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [menu, setMenu] = useState<HitTarget | undefined>();
  const [showList, setShowList] = useState(false);
  const [viewport, setViewport] = useState<Viewport | undefined>();

  const thresholds = useMemo(
    () => ({
      errorWarnPercent: opts.errorWarnPercent,
      errorBadPercent: opts.errorBadPercent,
      latencyWarnMs: opts.latencyWarnMs,
      latencyBadMs: opts.latencyBadMs,
    }),
    [opts.errorWarnPercent, opts.errorBadPercent, opts.latencyWarnMs, opts.latencyBadMs]
  );
  const vm = useMemo(
    () =>
      input.kind === 'graph'
        ? buildViewModel(input.graph, {
            thresholds,
            showOnlyErrors: opts.showOnlyErrors,
            hideHealthy: opts.hideHealthy,
            grouping: opts.grouping,
            expanded,
            hugeGraphNodes: opts.hugeGraphNodes,
            focus,
            focusHops: opts.focusHops,
          })
        : undefined,
    [
      input,
      thresholds,
      opts.showOnlyErrors,
      opts.hideHealthy,
      opts.grouping,
      expanded,
      opts.hugeGraphNodes,
      focus,
      opts.focusHops,
    ]
  );
  const labelOf = useCallback(
    (id: string) => (input.kind === 'graph' ? (input.display.get(id)?.title ?? id) : id).replace(/^group:/, '▸ '),
    [input]
  );
  const radius = useMemo(() => (vm ? radiusScale(vm.graph.nodes, opts.sizeBy) : undefined), [vm, opts.sizeBy]);
  // Layout depends on structure and sizes only, so focus and hover do not trigger a new layout.
  const structureKey = vm
    ? `${vm.graph.nodes.length}:${vm.graph.edges.length}:${opts.sizeBy}:${[...expanded].join(',')}:${opts.grouping}:${opts.showOnlyErrors}:${opts.hideHealthy}`
    : '';
  const layoutInput = useMemo(
    () => (vm && radius ? layoutInputFor(vm.graph.nodes, vm.graph.edges, radius, labelOf) : undefined),
    [structureKey, input]
  );
  const layoutState = useGraphLayout(layoutInput);
  const layout = layoutState.layout;
  const scene = useMemo(
    () =>
      vm && layout && radius
        ? buildScene({
            nodes: vm.graph.nodes,
            edges: vm.graph.edges,
            layout,
            radius,
            labelOf,
            groups: vm.members,
            dimmed: vm.dimmed,
            thresholds,
          })
        : undefined,
    [vm, layout, radius, labelOf, thresholds]
  );

  const graphHeight = Math.max(60, height - TOOLBAR_HEIGHT);
  // Fitted until the user pans or zooms; later refreshes keep their view.
  const shown = viewport ?? (scene ? fitBounds(scene.bounds, width, graphHeight) : undefined);
  const fit = () => scene && setViewport(fitBounds(scene.bounds, width, graphHeight));
  const focusService = (id: string | undefined) => {
    setFocus(id);
    if (!scene || !vm) {
      return;
    }
    // The focused service and its neighbours fill the view; clearing the focus shows everything.
    const groupId = id === undefined ? undefined : [...vm.members].find(([, ids]) => ids.includes(id))?.[0];
    const centre = scene.nodes.find((n) => n.id === id || n.id === groupId)?.id;
    const hood = centre === undefined ? undefined : neighbourhood(vm.graph, centre, opts.focusHops);
    const bounds = hood ? nodeBounds(scene.nodes.filter((n) => hood.distance.has(n.id))) : scene.bounds;
    if (bounds) {
      setViewport(fitBounds(bounds, width, graphHeight));
    }
  };

  const error = panelError(data);
  if (error) {
    return (
      <div
        className={`${styles.state} ${styles.error}`}
        style={{ width, height }}
        data-testid={testIds.error}
        role="alert"
      >
        Service graph query failed: {error}
      </div>
    );
  }
  if (input.kind === 'none' || !vm) {
    // While the first answer is on its way, "no data" would be a false alarm.
    const loading = data.state === LoadingState.Loading && data.series.length === 0;
    return (
      <div className={styles.state} style={{ width, height }} data-testid={testIds.empty}>
        {loading ? 'Loading the service graph…' : input.kind === 'none' ? input.reason : ''}
      </div>
    );
  }
  if (input.graph.nodes.length === 0) {
    return (
      <div className={styles.state} style={{ width, height }} data-testid={testIds.empty}>
        No calls between services in this time range.
      </div>
    );
  }

  const items: MenuItem[] = menu
    ? menuItems(
        {
          graph: vm.graph,
          display: input.display,
          logs: input.logs,
          members: vm.members,
          datasource: input.datasource,
          logsDatasourceUid: opts.logsDatasourceUid,
          logsQuery: opts.logsQuery,
          range: { from: String(timeRange.from.valueOf()), to: String(timeRange.to.valueOf()) },
          groupOfExpanded: (id) => {
            const node = input.graph.nodes.find((n) => n.id === id);
            const by = opts.grouping !== 'none' ? opts.grouping : vm.autoGrouped ? 'prefix' : undefined;
            const key = node && by ? groupKey(node, by) : undefined;
            return key !== undefined && expanded.has(key) ? key : undefined;
          },
        },
        menu
      )
    : [];
  const onAction = (item: Extract<MenuItem, { kind: 'action' }>) => {
    setMenu(undefined);
    if (item.action === 'focus') {
      focusService(item.target);
    } else if (item.action === 'expand') {
      setExpanded(new Set([...expanded, item.target.replace(/^group:/, '')]));
    } else {
      setExpanded(new Set([...expanded].filter((g) => g !== item.target)));
    }
  };

  const banners = [
    vm.autoGrouped
      ? `${input.graph.nodes.length} services: grouped by name prefix to stay readable. Click a group to expand it.`
      : '',
    vm.hiddenNodes > 0 ? `${vm.hiddenNodes} nodes hidden by the panel filters.` : '',
    layoutState.status === 'running' && !layout ? `Laying out ${vm.graph.nodes.length} nodes…` : '',
    layoutState.status === 'error' ? `Layout failed: ${layoutState.message}` : '',
  ].filter((b) => b !== '');

  return (
    <div className={styles.root} style={{ width, height }} data-testid={testIds.panel}>
      <Toolbar
        services={input.graph.nodes.map((n) => n.id)}
        focus={focus}
        onFocus={focusService}
        onFit={fit}
        onZoom={(f) => shown && setViewport(zoomAt(shown, f, width / 2, graphHeight / 2))}
        showList={showList}
        onToggleList={() => setShowList(!showList)}
      />
      {!showList && scene && shown && (
        <GraphCanvas
          scene={scene}
          width={width}
          height={graphHeight}
          viewport={shown}
          onViewportChange={setViewport}
          palette={palette}
          labelMinZoom={opts.labelMinZoom}
          selected={menu?.id}
          onActivate={setMenu}
          format={format}
        />
      )}
      {!showList && <Legend palette={palette} thresholds={thresholds} sizeBy={opts.sizeBy} />}
      <GraphTable graph={vm.graph} visible={showList} height={graphHeight} onFocus={focusService} format={format} />
      {completeness && !completeness.complete && (
        <div className={styles.completeness}>
          <CompletenessBadge meta={completeness} />
        </div>
      )}
      {menu && !showList && (
        <ItemMenu
          title={menu.type === 'node' ? labelOf(menu.id) : menu.id.replace('->', ' → ')}
          items={items}
          x={menu.x}
          y={menu.y + TOOLBAR_HEIGHT}
          width={width}
          height={height}
          onAction={onAction}
          onClose={() => setMenu(undefined)}
        />
      )}
      {banners.length > 0 && (
        <div className={styles.banner} data-testid={testIds.banner} role="status">
          {banners.join(' ')}
        </div>
      )}
    </div>
  );
}

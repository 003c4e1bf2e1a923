/** Test ids, in one place so unit and browser tests agree with the panel. */
export const testIds = {
  panel: 'servicegraph-panel',
  empty: 'servicegraph-empty',
  error: 'servicegraph-error',
  banner: 'servicegraph-banner',
  canvas: 'servicegraph-canvas',
  search: 'servicegraph-search',
  fit: 'servicegraph-fit',
  clearFocus: 'servicegraph-clear-focus',
  toggleList: 'servicegraph-toggle-list',
  table: 'servicegraph-table',
  tooltip: 'servicegraph-tooltip',
  menu: 'servicegraph-menu',
  node: (id: string) => `servicegraph-node-${id}`,
  edge: (id: string) => `servicegraph-edge-${id}`,
} as const;

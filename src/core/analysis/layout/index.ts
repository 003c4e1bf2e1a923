export { layeredLayout } from './layeredLayout';
export { feedbackArcs } from './breakCycles';
export { countCrossings } from './orderLayers';
export type {
  Layout,
  LayoutEdgeInput,
  LayoutInput,
  LayoutNodeInput,
  LayoutOptions,
  LayoutStats,
  Point,
  PositionedNode,
  RoutedEdge,
} from './types';
export {
  groupServiceGraph,
  groupKey,
  groupNodeId,
  groupNameOf,
  type GroupBy,
  type GroupOptions,
  type GroupedGraph,
} from './grouping';

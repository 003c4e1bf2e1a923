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

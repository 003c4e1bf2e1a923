export type {
  NodeKind,
  RedFigures,
  ServiceGraph,
  ServiceGraphEdge,
  ServiceGraphNode,
  ServiceGraphSource,
} from './types';
export { NODE_KINDS, edgeId } from './types';
export { buildServiceGraph, type BuildServiceGraphOptions } from './buildServiceGraph';
export { ServiceGraphFold, serviceIdentity, type ServiceGraphFoldOptions } from './graphFold';
export { serviceGraphFromDependencies, type DependencyLink } from './fromDependencies';
export { serviceGraphFromPromMetrics, histogramQuantile, type PromSample } from './fromPromMetrics';
export { withServerNodeFigures, type ServerNodeFiguresResult } from './serverNodeFigures';
export { neighbourhood, neighbourhoodGraph, type Neighbourhood } from './neighbourhood';
export {
  serviceGraphToNodeGraphRows,
  NODE_FIELD_SPECS,
  EDGE_FIELD_SPECS,
  HEALTH_COLORS,
  type NodeGraphNodeRow,
  type NodeGraphEdgeRow,
  type NodeGraphRows,
  type FieldSpec,
  type RowOptions,
} from './nodeGraphRows';
export { peerOfClientSpan, type PeerRef } from './peers';
export { LatencyAccumulator, type LatencySummary } from './latency';

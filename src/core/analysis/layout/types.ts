/** Input and output of the layered layout. Coordinates are abstract units (the panel's pixels at zoom 1). */

export interface LayoutNodeInput {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdgeInput {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface LayoutInput {
  readonly nodes: readonly LayoutNodeInput[];
  readonly edges: readonly LayoutEdgeInput[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LayoutOptions {
  /** Minimum vertical gap between nodes in a layer (default 24). */
  readonly nodeSep?: number;
  /** Horizontal gap between layers (default 120). */
  readonly rankSep?: number;
  /** Down+up barycentre sweeps; bounded so time stays linear-ish in the graph (default 4). */
  readonly sweeps?: number;
  /** Long edges get bend points per layer; beyond this many the rest are drawn straight (default 40,000). */
  readonly maxDummies?: number;
  /**
   * The layout shown before a data refresh: known nodes and the bends of known edges keep their
   * place and order, and only what is new is fitted in (incremental layout).
   */
  readonly previous?: Layout;
}

export interface PositionedNode {
  readonly id: string;
  /** Centre. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Column from the left; -1 for isolated nodes packed below the graph. */
  readonly layer: number;
}

export interface RoutedEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** Polyline from the source's side to the target's side; empty for a self-loop. */
  readonly points: readonly Point[];
  /** True when the edge was turned to break a cycle: it runs right to left. */
  readonly reversed: boolean;
  readonly selfLoop: boolean;
}

export interface LayoutStats {
  readonly layers: number;
  readonly dummies: number;
  readonly reversedEdges: number;
  readonly crossings: number;
  readonly sweepsRun: number;
}

export interface Layout {
  readonly nodes: readonly PositionedNode[];
  readonly edges: readonly RoutedEdge[];
  /** Bounding box of all nodes and edge points. */
  readonly bounds: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  readonly stats: LayoutStats;
}

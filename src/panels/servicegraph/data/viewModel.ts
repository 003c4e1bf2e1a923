import { groupServiceGraph, type GroupBy } from '../../../core/analysis/layout';
import { neighbourhood, type ServiceGraph } from '../../../core/analysis/serviceGraph';
import type { GroupingMode } from '../types';
import { isHealthy, type Thresholds } from './health';

export interface ViewOptions {
  readonly thresholds: Thresholds;
  readonly showOnlyErrors: boolean;
  readonly hideHealthy: boolean;
  readonly grouping: GroupingMode;
  /** Groups the user expanded by clicking. */
  readonly expanded: ReadonlySet<string>;
  readonly hugeGraphNodes: number;
  readonly focus?: string;
  readonly focusHops: number;
}

export interface ViewModel {
  readonly graph: ServiceGraph;
  /** Collapsed group node id → member ids. */
  readonly members: ReadonlyMap<string, readonly string[]>;
  /** Node and edge ids outside the focus neighbourhood: drawn faintly, still clickable. */
  readonly dimmed: ReadonlySet<string>;
  /** The node actually focused (a group when the focused service is collapsed in one). */
  readonly focusNode?: string;
  /** True when the panel grouped on its own because the graph was too big to read. */
  readonly autoGrouped: boolean;
  /** Nodes left out by "hide healthy" / "show only errors". */
  readonly hiddenNodes: number;
}

/**
 * What to draw, from the whole graph and the panel state: grouping first (so a huge graph becomes
 * readable), then the health filters, then focus, which only dims: users asked to see a service's
 * topology without losing the rest of the map (tempo#5111).
 */
export function buildViewModel(full: ServiceGraph, opts: ViewOptions): ViewModel {
  let graph = full;
  let members: ReadonlyMap<string, readonly string[]> = new Map();
  const autoGrouped = opts.grouping === 'none' && full.nodes.length > opts.hugeGraphNodes;
  const by: GroupBy | undefined = opts.grouping !== 'none' ? opts.grouping : autoGrouped ? 'prefix' : undefined;
  if (by) {
    const grouped = groupServiceGraph(full, { by, expanded: opts.expanded });
    graph = grouped.graph;
    members = grouped.members;
  }

  const before = graph.nodes.length;
  if (opts.showOnlyErrors || opts.hideHealthy) {
    const keepEdge = graph.edges.filter((e) =>
      opts.showOnlyErrors ? e.errors > 0 || e.errorRate > 0 : !isHealthy(e, opts.thresholds)
    );
    const keep = new Set<string>();
    for (const n of graph.nodes) {
      if (opts.showOnlyErrors ? n.errors > 0 || n.errorRate > 0 : !isHealthy(n, opts.thresholds)) {
        keep.add(n.id);
      }
    }
    // A failing call keeps both its ends, so the user sees who calls whom.
    keepEdge.forEach((e) => {
      keep.add(e.source);
      keep.add(e.target);
    });
    graph = {
      ...graph,
      nodes: graph.nodes.filter((n) => keep.has(n.id)),
      edges: keepEdge,
    };
  }

  const dimmed = new Set<string>();
  let focusNode: string | undefined;
  if (opts.focus) {
    focusNode = graph.nodes.some((n) => n.id === opts.focus) ? opts.focus : undefined;
    if (!focusNode) {
      for (const [groupId, ids] of members) {
        if (ids.includes(opts.focus)) {
          focusNode = groupId;
        }
      }
    }
    if (focusNode) {
      const hood = neighbourhood(graph, focusNode, opts.focusHops);
      graph.nodes.forEach((n) => !hood.distance.has(n.id) && dimmed.add(n.id));
      graph.edges.forEach((e) => !hood.edgeIds.has(e.id) && dimmed.add(e.id));
    }
  }
  return { graph, members, dimmed, focusNode, autoGrouped, hiddenNodes: before - graph.nodes.length };
}

import { WaterfallSpan } from './readTraceFrame';

export interface SpanNode {
  span: WaterfallSpan;
  depth: number;
  children: SpanNode[];
}

export interface SpanTree {
  roots: SpanNode[];
  /** Epoch ms of the earliest span start and the latest span end. */
  startMs: number;
  endMs: number;
  /** Services in order of their first span, for stable colours. */
  services: string[];
}

const byStart = (a: SpanNode, b: SpanNode) =>
  a.span.startTime - b.span.startTime || a.span.spanID.localeCompare(b.span.spanID);

/**
 * Parent/child tree by parentSpanID, children in start order. A span whose parent is missing (a
 * partial trace) is a root; spans caught in a parent cycle, which no root reaches, become roots too,
 * so every span in the frame is shown exactly once.
 */
export function buildSpanTree(spans: WaterfallSpan[]): SpanTree {
  const nodes = new Map<string, SpanNode>(spans.map((span) => [span.spanID, { span, depth: 0, children: [] }]));
  const roots: SpanNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.span.parentSpanID ? nodes.get(node.span.parentSpanID) : undefined;
    if (parent && parent !== node) {
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const placed = new Set<SpanNode>();
  const place = (start: SpanNode) => {
    const stack: Array<[SpanNode, number]> = [[start, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (placed.has(node)) {
        continue;
      }
      placed.add(node);
      node.depth = depth;
      node.children.sort(byStart);
      for (const child of node.children) {
        stack.push([child, depth + 1]);
      }
    }
  };
  roots.sort(byStart).forEach(place);
  for (const node of [...nodes.values()].sort(byStart)) {
    if (!placed.has(node)) {
      // In a cycle: detach it from its "parent" so the walk below terminates.
      for (const other of nodes.values()) {
        other.children = other.children.filter((child) => child !== node);
      }
      roots.push(node);
      place(node);
    }
  }
  let startMs = Infinity;
  let endMs = -Infinity;
  const services: string[] = [];
  for (const span of [...spans].sort((a, b) => a.startTime - b.startTime)) {
    startMs = Math.min(startMs, span.startTime);
    endMs = Math.max(endMs, span.startTime + span.duration);
    if (!services.includes(span.serviceName)) {
      services.push(span.serviceName);
    }
  }
  return {
    roots,
    startMs: Number.isFinite(startMs) ? startMs : 0,
    endMs: Number.isFinite(endMs) ? endMs : 0,
    services,
  };
}

/** Rows to draw, depth first, skipping the descendants of collapsed spans. */
export function visibleRows(roots: SpanNode[], collapsed: ReadonlySet<string>): SpanNode[] {
  const rows: SpanNode[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    rows.push(node);
    if (!collapsed.has(node.span.spanID)) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push(node.children[index]);
      }
    }
  }
  return rows;
}

/** Longest root-to-leaf chain, counted in spans. */
export function treeDepth(roots: SpanNode[]): number {
  let depth = 0;
  for (const row of visibleRows(roots, new Set())) {
    depth = Math.max(depth, row.depth + 1);
  }
  return depth;
}

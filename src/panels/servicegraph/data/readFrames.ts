import { DataFrame, Field } from '@grafana/data';

import {
  edgeId,
  NODE_KINDS,
  type NodeKind,
  type ServiceGraph,
  type ServiceGraphEdge,
  type ServiceGraphNode,
} from '../../../core/analysis/serviceGraph';

/**
 * Node-graph frames (from TraceLens or any data source: Tempo's service graph, Jaeger's dependency
 * graph, a hand-written TestData frame) read back into the core's ServiceGraph.
 *
 * TraceLens frames carry raw numbers (requests, errors, requestRate, errorRate, p50Ms/p95Ms/p99Ms,
 * kind). For others the figures are recovered from the standard fields: a mainstat/secondarystat
 * whose unit is reqps/rpm or whose display name mentions requests is the rate; one with a time unit
 * (ms, s, µs, ns) or a name mentioning time/latency/duration is the latency (treated as the mean);
 * the arc__* fields whose name says failed/error/fault give the error rate; icon gives the kind.
 */
export interface DatasourceRef {
  readonly uid: string;
  readonly type?: string;
}

export interface DisplayText {
  readonly title: string;
  readonly subtitle: string;
}

export type GraphInput =
  | {
      readonly kind: 'graph';
      readonly graph: ServiceGraph;
      readonly display: ReadonlyMap<string, DisplayText>;
      /**
       * A service's logs link from the data source's own trace-to-logs settings (the TraceLens
       * data source's hidden `logsUrl` field), by node id; services without one are absent.
       */
      readonly logs: ReadonlyMap<string, string>;
      readonly datasource?: DatasourceRef;
    }
  | { readonly kind: 'none'; readonly reason: string };

const isNodeGraph = (f: DataFrame) => f.meta?.preferredVisualisationType === 'nodeGraph';
const fieldOf = (frame: DataFrame, name: string) =>
  frame.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
const hasField = (frame: DataFrame, name: string) => fieldOf(frame, name) !== undefined;

export function findNodeGraphFrames(series: readonly DataFrame[]): { nodes?: DataFrame; edges?: DataFrame } {
  const candidates = series.filter((f) => isNodeGraph(f) || f.name === 'nodes' || f.name === 'edges');
  const edges = candidates.find((f) => hasField(f, 'source') && hasField(f, 'target'));
  const nodes = candidates.find((f) => f !== edges && hasField(f, 'id') && !hasField(f, 'source'));
  return { nodes, edges };
}

/** Field types are not trusted: some data sources send numbers as strings. */
function num(field: Field | undefined, i: number): number | null {
  if (!field) {
    return null;
  }
  const v = field.values[i];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

function str(field: Field | undefined, i: number): string {
  const v = field?.values[i];
  return v === undefined || v === null ? '' : String(v);
}

const label = (f: Field) => `${f.config.displayName ?? ''} ${f.config.displayNameFromDS ?? ''} ${f.name}`.toLowerCase();

/** Per-second factor of a rate field, or undefined when the field is not a rate. */
function rateFactor(f: Field): number | undefined {
  const unit = f.config.unit ?? '';
  if (unit === 'reqps' || unit === 'rps' || unit === 'ops' || unit === 'wps') {
    return 1;
  }
  if (unit === 'reqpm' || unit === 'rpm' || unit === 'opm') {
    return 1 / 60;
  }
  const l = label(f);
  return /per second|req\/s|requests\/s|rps|rate/.test(l) && !/error|fail/.test(l) ? 1 : undefined;
}

const MS_PER_UNIT: Record<string, number> = { ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1, s: 1000 };

/** Milliseconds per unit of a latency field, or undefined when the field is not a latency. */
function latencyFactor(f: Field): number | undefined {
  const unit = f.config.unit ?? '';
  if (unit in MS_PER_UNIT) {
    return MS_PER_UNIT[unit];
  }
  return /time|latency|duration/.test(label(f)) ? 1 : undefined;
}

interface Figures {
  requests: number;
  errors: number;
  requestRate: number | null;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  avgMs: number | null;
}

function figuresAt(frame: DataFrame, i: number): Figures {
  const stats = [fieldOf(frame, 'mainstat'), fieldOf(frame, 'secondarystat')].filter(
    (f): f is Field => f !== undefined
  );
  const rateField = stats.find((f) => rateFactor(f) !== undefined);
  const latencyField = stats.find((f) => f !== rateField && latencyFactor(f) !== undefined);
  const arcs = frame.fields.filter((f) => f.name.startsWith('arc__'));
  const failedArcs = arcs.filter((f) => /fail|error|fault/.test(f.name.toLowerCase()));
  const arcTotal = arcs.reduce((a, f) => a + (num(f, i) ?? 0), 0);
  const arcFailed = failedArcs.reduce((a, f) => a + (num(f, i) ?? 0), 0);

  const requestRate =
    num(fieldOf(frame, 'requestRate'), i) ??
    (rateField ? (num(rateField, i) ?? 0) * (rateFactor(rateField) ?? 1) : null);
  const errorRate = num(fieldOf(frame, 'errorRate'), i) ?? (arcTotal > 0 ? arcFailed / arcTotal : 0);
  const requests = num(fieldOf(frame, 'requests'), i) ?? num(fieldOf(frame, 'detail__requests'), i) ?? 0;
  const latency = latencyField ? num(latencyField, i) : null;
  return {
    requests,
    errors: num(fieldOf(frame, 'errors'), i) ?? Math.round(requests * errorRate),
    requestRate,
    errorRate: Math.min(1, Math.max(0, errorRate)),
    p50Ms: num(fieldOf(frame, 'p50Ms'), i),
    p95Ms: num(fieldOf(frame, 'p95Ms'), i),
    p99Ms: num(fieldOf(frame, 'p99Ms'), i),
    avgMs: latency !== null && latencyField ? latency * (latencyFactor(latencyField) ?? 1) : null,
  };
}

const ICON_KINDS: Record<string, NodeKind> = {
  database: 'database',
  bolt: 'cache',
  'exchange-alt': 'queue',
  cloud: 'external',
};

function kindAt(frame: DataFrame, i: number): NodeKind {
  const k = str(fieldOf(frame, 'kind'), i) || str(fieldOf(frame, 'detail__kind'), i);
  if ((NODE_KINDS as readonly string[]).includes(k)) {
    return k as NodeKind;
  }
  return ICON_KINDS[str(fieldOf(frame, 'icon'), i)] ?? 'service';
}

function datasourceOf(frames: DataFrame[], fallback?: DatasourceRef): DatasourceRef | undefined {
  for (const f of frames) {
    const custom = f.meta?.custom as { datasourceUid?: unknown; datasourceType?: unknown } | undefined;
    if (typeof custom?.datasourceUid === 'string' && custom.datasourceUid !== '') {
      return {
        uid: custom.datasourceUid,
        type: typeof custom.datasourceType === 'string' ? custom.datasourceType : fallback?.type,
      };
    }
  }
  return fallback;
}

/**
 * @param fallbackDatasource the panel query's data source (data.request.targets[0].datasource),
 * used when the frames do not name theirs in meta.custom.datasourceUid.
 */
export function readServiceGraphFrames(series: readonly DataFrame[], fallbackDatasource?: DatasourceRef): GraphInput {
  const { nodes, edges } = findNodeGraphFrames(series);
  if (!nodes && !edges) {
    return {
      kind: 'none',
      reason:
        series.length === 0
          ? 'No data. Run a service graph query (TraceLens "Service graph", Tempo "Service Graph" or Jaeger "Dependency graph").'
          : 'These frames are not a node graph: expected frames named nodes and edges, or meta.preferredVisualisationType "nodeGraph".',
    };
  }
  const graphNodes = new Map<string, ServiceGraphNode>();
  const display = new Map<string, DisplayText>();
  const logs = new Map<string, string>();
  if (nodes) {
    const id = fieldOf(nodes, 'id');
    for (let i = 0; i < nodes.length; i++) {
      const nodeId = str(id, i);
      if (nodeId === '') {
        continue;
      }
      const namespace = str(fieldOf(nodes, 'namespace'), i);
      const service = str(fieldOf(nodes, 'service'), i);
      graphNodes.set(nodeId, {
        id: nodeId,
        kind: kindAt(nodes, i),
        ...(namespace ? { namespace } : {}),
        ...(service ? { service } : {}),
        ...figuresAt(nodes, i),
      });
      display.set(nodeId, {
        title: str(fieldOf(nodes, 'title'), i) || nodeId,
        subtitle: str(fieldOf(nodes, 'subtitle'), i),
      });
      const logsUrl = str(fieldOf(nodes, 'logsUrl'), i);
      if (logsUrl !== '') {
        logs.set(nodeId, logsUrl);
      }
    }
  }
  const graphEdges: ServiceGraphEdge[] = [];
  if (edges) {
    const source = fieldOf(edges, 'source');
    const target = fieldOf(edges, 'target');
    const ids = fieldOf(edges, 'id');
    for (let i = 0; i < edges.length; i++) {
      const s = str(source, i);
      const t = str(target, i);
      if (s === '' || t === '') {
        continue;
      }
      for (const end of [s, t]) {
        if (!graphNodes.has(end)) {
          // Edges may name nodes the nodes frame lacks (Jaeger dependencies send edges only).
          graphNodes.set(end, {
            id: end,
            kind: 'service',
            requests: 0,
            errors: 0,
            requestRate: null,
            errorRate: 0,
            p50Ms: null,
            p95Ms: null,
            p99Ms: null,
            avgMs: null,
          });
        }
      }
      graphEdges.push({ id: str(ids, i) || edgeId(s, t), source: s, target: t, ...figuresAt(edges, i) });
    }
  }
  return {
    kind: 'graph',
    graph: { nodes: [...graphNodes.values()], edges: graphEdges, windowSeconds: null, source: 'frames' },
    display,
    logs,
    datasource: datasourceOf(
      [nodes, edges].filter((f): f is DataFrame => f !== undefined),
      fallbackDatasource
    ),
  };
}

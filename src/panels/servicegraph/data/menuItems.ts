import type { ServiceGraph } from '../../../core/analysis/serviceGraph';
import { groupNameOf } from '../../../core/analysis/layout';
import {
  logsUrl,
  traceqlForEdge,
  traceqlForNode,
  traceqlForPeerEdge,
  traceqlString,
  tracesUrl,
  type ServiceRef,
  type TimeRangeRef,
} from './links';
import type { DatasourceRef, DisplayText } from './readFrames';

export type MenuItem =
  | { readonly kind: 'link'; readonly label: string; readonly href: string; readonly traceql?: string }
  | {
      readonly kind: 'action';
      readonly label: string;
      readonly action: 'focus' | 'expand' | 'collapse';
      readonly target: string;
    }
  | { readonly kind: 'note'; readonly label: string };

export interface MenuContext {
  readonly graph: ServiceGraph;
  readonly display: ReadonlyMap<string, DisplayText>;
  /** Logs links the data source built from its trace-to-logs settings, by node id. */
  readonly logs: ReadonlyMap<string, string>;
  readonly members: ReadonlyMap<string, readonly string[]>;
  readonly datasource?: DatasourceRef;
  readonly logsDatasourceUid: string;
  readonly logsQuery: string;
  readonly range: TimeRangeRef;
  /** Groups currently expanded (so a member can offer to collapse its group again). */
  readonly groupOfExpanded: (serviceId: string) => string | undefined;
}

/** `db.system=postgresql` → the attribute and value a peer was named by (TraceLens subtitles). */
function peerAttribute(ctx: MenuContext, id: string): { key: string; value: string } | undefined {
  const node = ctx.graph.nodes.find((n) => n.id === id);
  const said = node?.namedBy ?? ctx.display.get(id)?.subtitle ?? '';
  const m = /^([A-Za-z0-9_.]+)=(.+)$/.exec(said);
  return node && node.kind !== 'service' && m ? { key: m[1], value: m[2] } : undefined;
}

/** A node's service name and namespace (namespaced nodes are identified as `namespace/name`). */
function serviceRef(ctx: MenuContext, id: string): ServiceRef {
  const node = ctx.graph.nodes.find((n) => n.id === id);
  return node?.service !== undefined ? { name: node.service, namespace: node.namespace } : { name: id };
}

function tracesLink(ctx: MenuContext, label: string, traceql: string): MenuItem {
  if (!ctx.datasource) {
    return { kind: 'note', label: `${label}: no data source uid in the frames or the panel query` };
  }
  return { kind: 'link', label, href: tracesUrl(ctx.datasource, traceql, ctx.range), traceql };
}

/**
 * A service's logs: the panel's own logs data source when one is chosen (an explicit override),
 * else the link the data source built from its trace-to-logs settings, else a note saying where
 * to set one up.
 */
function logsLink(ctx: MenuContext, nodeId: string): MenuItem {
  const label = `Logs for ${nodeId}`;
  if (ctx.logsDatasourceUid) {
    const service = serviceRef(ctx, nodeId).name;
    return { kind: 'link', label, href: logsUrl(ctx.logsDatasourceUid, ctx.logsQuery, service, ctx.range) };
  }
  const fromDatasource = ctx.logs.get(nodeId);
  if (fromDatasource) {
    return { kind: 'link', label, href: fromDatasource };
  }
  return {
    kind: 'note',
    label: `${label}: no trace-to-logs link on the data source; set one there, or a logs data source in the panel options`,
  };
}

/**
 * The menu for a clicked node or edge. Edge traces use `{a} >> {b}` (a span of b below a span of a:
 * the calls along the edge); calls to an uninstrumented peer are found by the attribute the client
 * span named it with; a collapsed group searches for any of its members.
 */
export function menuItems(ctx: MenuContext, target: { type: 'node' | 'edge'; id: string }): MenuItem[] {
  if (target.type === 'node') {
    const members = ctx.members.get(target.id);
    if (members) {
      const anyOf = `{${members.map((m) => `resource.service.name=${traceqlString(m)}`).join(' || ')}}`;
      return [
        {
          kind: 'action',
          label: `Expand group ${groupNameOf(target.id) ?? target.id} (${members.length})`,
          action: 'expand',
          target: target.id,
        },
        tracesLink(ctx, 'Traces through this group', anyOf),
      ];
    }
    const peer = peerAttribute(ctx, target.id);
    const items: MenuItem[] = [
      tracesLink(
        ctx,
        `Traces through ${target.id}`,
        peer ? `{span.${peer.key}=${traceqlString(peer.value)}}` : traceqlForNode(serviceRef(ctx, target.id))
      ),
    ];
    if (!peer) {
      items.push(logsLink(ctx, target.id));
    }
    items.push({ kind: 'action', label: `Focus on ${target.id}`, action: 'focus', target: target.id });
    const group = ctx.groupOfExpanded(target.id);
    if (group) {
      items.push({ kind: 'action', label: `Collapse group ${group}`, action: 'collapse', target: group });
    }
    return items;
  }
  const edge = ctx.graph.edges.find((e) => e.id === target.id);
  if (!edge) {
    return [];
  }
  const srcMembers = ctx.members.get(edge.source);
  const dstMembers = ctx.members.get(edge.target);
  if (srcMembers || dstMembers) {
    return [{ kind: 'note', label: 'Expand the group to see the traces of a single call' }];
  }
  const peer = peerAttribute(ctx, edge.target);
  const traceql = peer
    ? traceqlForPeerEdge(serviceRef(ctx, edge.source), peer.key, peer.value)
    : traceqlForEdge(serviceRef(ctx, edge.source), serviceRef(ctx, edge.target));
  const items: MenuItem[] = [
    tracesLink(ctx, `Traces for calls ${edge.source} → ${edge.target}`, traceql),
    logsLink(ctx, edge.source),
  ];
  if (!peer) {
    items.push(logsLink(ctx, edge.target));
  }
  return items;
}

import { getAttribute } from '../../model/attributes';
import type { AttributeMap, Span } from '../../model/types';
import type { NodeKind } from './types';

/** An uninstrumented callee as its caller's client span describes it. */
export interface PeerRef {
  readonly id: string;
  readonly kind: NodeKind;
  /** The attribute that gave the name, e.g. `db.system=postgresql`. */
  readonly namedBy: string;
}

/** Caches speak a database protocol but readers think of them apart, so they get their own kind. */
const CACHE_SYSTEMS = new Set(['redis', 'memcached', 'hazelcast', 'ehcache', 'coherence', 'valkey', 'geode']);

function stringAttr(attrs: AttributeMap, key: string): string | undefined {
  const v = getAttribute(attrs, key);
  if (typeof v === 'string' && v.trim() !== '') {
    return v.trim();
  }
  return undefined;
}

function kindFromSystems(attrs: AttributeMap): NodeKind {
  const db = stringAttr(attrs, 'db.system');
  if (db !== undefined) {
    return CACHE_SYSTEMS.has(db.toLowerCase()) ? 'cache' : 'database';
  }
  if (stringAttr(attrs, 'messaging.system') !== undefined) {
    return 'queue';
  }
  return 'external';
}

/**
 * The peer a client or producer span calls, named by what the span says. `peer.service` wins
 * because instrumentors set it on purpose to name the callee; then the system (`db.system`,
 * `messaging.system`), then the address the client dialled (`server.address`, or the older
 * `net.peer.name`). The kind follows the system attributes even when `peer.service` gave the name,
 * so a `peer.service=orders-db` with `db.system=postgresql` is still drawn as a database.
 */
export function peerOfClientSpan(span: Span): PeerRef | undefined {
  if (span.kind !== 'client' && span.kind !== 'producer') {
    return undefined;
  }
  const attrs = span.attributes;
  const kind = kindFromSystems(attrs);
  for (const key of ['peer.service', 'db.system', 'messaging.system', 'server.address', 'net.peer.name']) {
    const v = stringAttr(attrs, key);
    if (v !== undefined) {
      return { id: v, kind, namedBy: `${key}=${v}` };
    }
  }
  return undefined;
}

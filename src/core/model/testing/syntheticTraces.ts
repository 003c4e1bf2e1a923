/**
 * A seeded synthetic trace generator for benchmarks and tests at scale: many services, trees with
 * bounded depth and fan-out, realistic attributes (HTTP, DB, random typed keys), errors and events.
 * The same seed gives the same traces, so runs compare like with like.
 */
import { attributeMapFrom, EMPTY_ATTRIBUTES } from '../attributes';
import { sortSpans } from '../decode/collectTraces';
import type {
  AttributeValue,
  InstrumentationScope,
  Resource,
  Span,
  SpanEvent,
  SpanKind,
  SpanLink,
  Trace,
} from '../types';
import { seededRandom } from '../../seededRandom';

export interface GeneratorOptions {
  readonly seed: number;
  readonly traces: number;
  readonly spansPerTrace: number;
  readonly services: number;
  readonly maxDepth: number;
  readonly maxFanOut: number;
  /** Extra random attributes per span, on top of the HTTP/DB ones. */
  readonly attributesPerSpan: number;
  /**
   * When set, each span gets between attributesPerSpan and this many extra attributes (uniformly),
   * so spans vary in width as real ones do. Unset keeps the count fixed (and the random sequence
   * of older seeds unchanged).
   */
  readonly attributesPerSpanMax?: number;
  /** Probability that a span has status error. */
  readonly errorRate: number;
  /** Probability that a span has an event (errors always get an exception event). */
  readonly eventRate: number;
  /**
   * Probability that a span links to an earlier span of its trace (a batch or retry it follows
   * from; a plain link, which Jaeger shows as FOLLOWS_FROM). 0 (the default) draws nothing.
   */
  readonly linkRate?: number;
  /** Start of the first trace; every trace starts a second after the previous one. */
  readonly startNs?: bigint;
  /** Whole microseconds only, so Jaeger v1 carries the traces without loss. */
  readonly microsecondTimes?: boolean;
}

export const DEFAULT_OPTIONS: GeneratorOptions = {
  seed: 42,
  traces: 100,
  spansPerTrace: 50,
  services: 12,
  maxDepth: 8,
  maxFanOut: 6,
  attributesPerSpan: 4,
  errorRate: 0.05,
  eventRate: 0.1,
  microsecondTimes: true,
};

const ROUTES = ['/users', '/users/{id}', '/orders', '/login', '/cart', '/search', '/health', '/payments'];
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa'];
const SCOPE: InstrumentationScope = {
  name: '@opentelemetry/instrumentation-http',
  version: '0.223.0',
  attributes: EMPTY_ATTRIBUTES,
};

function hex(random: () => number, digits: number): string {
  let s = '';
  for (let i = 0; i < digits; i++) {
    s += ((random() * 16) | 0).toString(16);
  }
  return s;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[(random() * items.length) | 0];
}

interface Node {
  readonly span: Span;
  readonly depth: number;
  children: number;
}

export function generateTraces(options: Partial<GeneratorOptions> = {}): Trace[] {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const random = seededRandom(o.seed);
  const resources: Resource[] = [];
  for (let i = 0; i < o.services; i++) {
    const name = i === 0 ? 'frontend' : `service-${i}`;
    resources.push({
      serviceName: name,
      attributes: attributeMapFrom({
        'service.name': name,
        'service.version': `1.${i}.0`,
        'host.name': `host-${i % 5}`,
        'k8s.namespace.name': 'bench',
      }),
    });
  }
  const traces: Trace[] = [];
  let traceStart = o.startNs ?? 1764070000000000000n;
  for (let t = 0; t < o.traces; t++) {
    traces.push(generateTrace(o, random, resources, traceStart));
    traceStart += 1_000_000_000n;
  }
  return traces;
}

function hasRoom(node: Node, o: GeneratorOptions): boolean {
  return node.depth < o.maxDepth && node.children < o.maxFanOut;
}

function generateTrace(o: GeneratorOptions, random: () => number, resources: Resource[], startNs: bigint): Trace {
  const traceId = hex(random, 32);
  const nodes: Node[] = [];
  const rootDuration = 50_000 + ((random() * 2_000_000) | 0);
  nodes.push({
    span: makeSpan(o, random, traceId, '', resources[0], 'server', startNs, rootDuration * 1000),
    depth: 0,
    children: 0,
  });
  for (let i = 1; i < o.spansPerTrace; i++) {
    // Pick a parent that still has room; after a few misses the root takes the span (it alone may
    // exceed the fan-out), so the trace always reaches its size without breaking the depth bound.
    let parent = nodes[(random() * nodes.length) | 0];
    for (let tries = 0; tries < 8 && !hasRoom(parent, o); tries++) {
      parent = nodes[(random() * nodes.length) | 0];
    }
    if (!hasRoom(parent, o)) {
      parent = nodes[0];
    }
    parent.children++;
    const sameService = random() < 0.4;
    const resource = sameService ? parent.span.resource : resources[1 + ((random() * (resources.length - 1)) | 0)];
    const kind: SpanKind = sameService ? (random() < 0.5 ? 'internal' : 'client') : 'server';
    const parentMicros = Math.floor(parent.span.durationNanos / 1000);
    const offset = Math.floor(random() * parentMicros * 0.3);
    const duration = Math.max(1, Math.floor((parentMicros - offset) * (0.2 + random() * 0.7)));
    const start = parent.span.startTimeUnixNano + BigInt(offset) * 1000n;
    const span = makeSpan(o, random, traceId, parent.span.spanId, resource, kind, start, duration * 1000);
    nodes.push({ span: withLink(o, random, span, nodes), depth: parent.depth + 1, children: 0 });
  }
  const spans = nodes.map((n) => n.span);
  // The decoders' canonical order, so decode(encode(t)) equals t.
  sortSpans(spans);
  return { traceId, spans, warnings: [] };
}

function makeSpan(
  o: GeneratorOptions,
  random: () => number,
  traceId: string,
  parentSpanId: string,
  resource: Resource,
  kind: SpanKind,
  start: bigint,
  durationNanos: number
): Span {
  const error = random() < o.errorRate;
  const route = pick(random, ROUTES);
  const method = pick(random, METHODS);
  const attrs: Record<string, AttributeValue> = {
    'http.request.method': method,
    'http.route': route,
    'http.response.status_code': error ? 500 : 200,
  };
  if (kind === 'client' && random() < 0.3) {
    attrs['db.system'] = 'sqlite';
    attrs['db.statement'] = `SELECT * FROM ${pick(random, WORDS)} WHERE id = ?`;
  }
  const extra =
    o.attributesPerSpanMax === undefined
      ? o.attributesPerSpan
      : o.attributesPerSpan +
        Math.floor(random() * (Math.max(o.attributesPerSpanMax, o.attributesPerSpan) - o.attributesPerSpan + 1));
  for (let i = 0; i < extra; i++) {
    const r = random();
    attrs[`attr.${i}`] =
      r < 0.4 ? pick(random, WORDS) : r < 0.7 ? (random() * 10_000) | 0 : r < 0.9 ? random() * 100 : random() < 0.5;
  }
  const events: SpanEvent[] = [];
  if (error || random() < o.eventRate) {
    events.push({
      name: error ? 'exception' : 'checkpoint',
      timeUnixNano: start + BigInt(Math.floor(durationNanos / 2000)) * 1000n,
      attributes: attributeMapFrom(
        error
          ? { 'exception.type': 'Error', 'exception.message': `failed ${route}` }
          : { 'checkpoint.step': pick(random, WORDS) }
      ),
    });
  }
  return {
    traceId,
    spanId: hex(random, 16),
    parentSpanId,
    name: `${method} ${route}`,
    kind,
    statusCode: error ? 'error' : 'unset',
    statusMessage: error ? 'internal error' : '',
    startTimeUnixNano: o.microsecondTimes ? start : start + BigInt((random() * 1000) | 0),
    durationNanos,
    attributes: attributeMapFrom(attrs),
    resource,
    scope: SCOPE,
    events,
    links: [],
    traceState: '',
  };
}

/** With probability linkRate, the span gains a link to an earlier span of the same trace. */
function withLink(o: GeneratorOptions, random: () => number, span: Span, earlier: readonly Node[]): Span {
  if (!o.linkRate || random() >= o.linkRate) {
    return span;
  }
  const target = earlier[(random() * earlier.length) | 0].span;
  const link: SpanLink = { traceId: target.traceId, spanId: target.spanId, attributes: EMPTY_ATTRIBUTES };
  return { ...span, links: [link] };
}

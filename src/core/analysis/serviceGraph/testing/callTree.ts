/**
 * A few-line way to state a trace as a call tree, for service-graph tests whose expected answers
 * are read straight off the tree. Span ids are sequential per trace, so outputs are stable.
 */
import type { AttributeMap, Span, SpanKind, StatusCode, Trace } from '../../../model/types';

export interface Call {
  readonly service: string;
  readonly kind?: SpanKind;
  readonly ms?: number;
  readonly error?: boolean;
  readonly attrs?: AttributeMap;
  readonly namespace?: string;
  readonly children?: readonly Call[];
}

export function call(service: string, ms: number, children: readonly Call[] = [], extra: Partial<Call> = {}): Call {
  return { service, ms, children, kind: 'server', ...extra };
}

let traceSeq = 0;

export function traceOf(root: Call, opts: { orphanParent?: string } = {}): Trace {
  traceSeq++;
  const traceId = traceSeq.toString(16).padStart(32, '0');
  const spans: Span[] = [];
  const visit = (c: Call, parent: string) => {
    const spanId = (spans.length + 1).toString(16).padStart(16, '0');
    const status: StatusCode = c.error ? 'error' : 'unset';
    spans.push({
      traceId,
      spanId,
      parentSpanId: parent,
      name: `${c.service} op`,
      kind: c.kind ?? 'server',
      statusCode: status,
      statusMessage: '',
      startTimeUnixNano: 1_704_067_200_000_000_000n,
      durationNanos: Math.round((c.ms ?? 1) * 1e6),
      attributes: c.attrs ?? {},
      resource: {
        serviceName: c.service,
        attributes: { 'service.name': c.service, ...(c.namespace ? { 'service.namespace': c.namespace } : {}) },
      },
      scope: { name: '', version: '', attributes: {} },
      events: [],
      links: [],
      traceState: '',
    });
    for (const child of c.children ?? []) {
      visit(child, spanId);
    }
  };
  visit(root, opts.orphanParent ?? '');
  return { traceId, spans, warnings: [] };
}

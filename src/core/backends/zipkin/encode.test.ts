import { attributeMapFrom } from '../../model';
import { buildTrace, ResourceTable } from '../../model/testing/buildTrace';
import { guideTraces } from '../../model/testing/guideTraces';
import type { Trace } from '../../model/types';
import { decodeZipkin } from './decode';
import { encodeZipkinTraces } from './encode';

const viaWire = (body: unknown): unknown => JSON.parse(JSON.stringify(body));

/** Everything Zipkin can hold: µs times, every kind it has, status with messages, typed tags, events. */
function zipkinShapedTrace(): Trace {
  const resources = new ResourceTable({ shop: { 'deployment.environment': 'prod' } });
  const scope = { name: 'shop-lib', version: '1.2.3', attributes: attributeMapFrom({}) };
  return buildTrace(
    {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      startNs: 1764070000123456000n,
      spans: [
        {
          id: '00f067aa0ba902b7',
          service: 'shop',
          name: 'checkout',
          kind: 'server',
          atUs: 0,
          durUs: 1500,
          status: 'error',
          message: 'card declined',
          attrs: { 'http.status_code': 402, ratio: 0.5, cached: false, route: '/checkout' },
          events: [{ name: 'exception', atUs: 100 }],
        },
        {
          id: '00f067aa0ba902b8',
          parent: '00f067aa0ba902b7',
          service: 'shop',
          name: 'charge',
          kind: 'client',
          atUs: 10,
          durUs: 900,
          status: 'ok',
          attrs: { 'peer.service': 'payments', big: 9007199254740993n },
        },
        {
          id: '00f067aa0ba902b9',
          parent: '00f067aa0ba902b8',
          service: 'payments',
          name: 'auth',
          kind: 'internal',
          atUs: 20,
          durUs: 5,
        },
        {
          id: '00f067aa0ba902ba',
          parent: '00f067aa0ba902b7',
          service: 'shop',
          name: 'emit',
          kind: 'producer',
          atUs: 30,
          durUs: 7,
        },
        {
          id: '00f067aa0ba902bb',
          parent: '00f067aa0ba902ba',
          service: 'mailer',
          name: 'recv',
          kind: 'consumer',
          atUs: 40,
          durUs: 9,
        },
      ],
    },
    resources,
    scope
  );
}

/** Flattened resource attributes come back as span attributes: compare what a query can see. */
function visible(traces: Trace[]) {
  return traces.map((t) => ({
    traceId: t.traceId,
    spans: t.spans.map((s) => ({
      ...s,
      resource: s.resource.serviceName,
      attributes: { ...s.attributes },
      scope: `${s.scope.name}@${s.scope.version}`,
    })),
  }));
}

describe('Zipkin v2 encoder', () => {
  it('round-trips everything Zipkin can hold', () => {
    const original = zipkinShapedTrace();
    const back = decodeZipkin(viaWire(encodeZipkinTraces([original])));
    const withFlattened = visible([original]);
    for (const s of withFlattened[0].spans) {
      if (s.resource === 'shop') {
        s.attributes = { 'deployment.environment': 'prod', ...s.attributes };
      }
    }
    expect(visible(back)).toEqual(withFlattened);
  });

  it('writes what OpenTelemetry exporters write: status tags, remote endpoint, no kind for internal', () => {
    const [spans] = encodeZipkinTraces([zipkinShapedTrace()]);
    expect(spans[0].tags).toMatchObject({
      'otel.status_code': 'ERROR',
      error: 'card declined',
      'http.status_code': '402',
    });
    expect(spans[1].remoteEndpoint).toEqual({ serviceName: 'payments' });
    expect(spans[1].tags?.['peer.service']).toBeUndefined();
    expect(spans[2].kind).toBeUndefined();
    expect(spans[0].timestamp).toBe(1764070000123456);
  });

  it('keeps the guide traces query-equivalent apart from what Zipkin cannot hold', () => {
    const guide = guideTraces();
    const back = decodeZipkin(viaWire(encodeZipkinTraces(guide)));
    expect(back.map((t) => t.spans.length)).toEqual(guide.map((t) => t.spans.length));
    for (let i = 0; i < guide.length; i++) {
      expect(back[i].spans.map((s) => [s.spanId, s.parentSpanId, s.statusCode, s.name])).toEqual(
        guide[i].spans.map((s) => [s.spanId, s.parentSpanId, s.statusCode, s.name])
      );
    }
  });
});

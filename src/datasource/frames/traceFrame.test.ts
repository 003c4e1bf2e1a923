import { FieldType, type DataFrame } from '@grafana/data';

import { decodeJaegerV1 } from '../../core/model';
import { TRACE, TRACE_ID } from '../test/fixtures';
import { buildTraceFrame } from './traceFrame';

function values(frame: DataFrame, name: string): unknown[] {
  const f = frame.fields.find((x) => x.name === name);
  if (!f) {
    throw new Error(`no field ${name}`);
  }
  return f.values;
}

describe('buildTraceFrame', () => {
  const frame = buildTraceFrame(TRACE, 'A');

  it('asks for the trace view', () => {
    expect(frame.meta?.preferredVisualisationType).toBe('trace');
    expect(frame.length).toBe(2);
  });

  it('has the TraceSpanRow fields with ms times', () => {
    expect(values(frame, 'traceID')).toEqual([TRACE_ID, TRACE_ID]);
    expect(values(frame, 'parentSpanID')).toEqual([undefined, '563d623c76514f8e']);
    expect(values(frame, 'operationName')).toEqual(['GET /users', 'SELECT users']);
    expect(values(frame, 'serviceName')).toEqual(['api-gateway', 'api-gateway']);
    expect(values(frame, 'startTime')[0]).toBe(1684778327699.392);
    expect(values(frame, 'duration')).toEqual([557, 446.979497]);
    expect(values(frame, 'kind')).toEqual(['server', 'client']);
    expect(values(frame, 'statusCode')).toEqual([0, 2]);
    expect(values(frame, 'statusMessage')).toEqual([undefined, 'deadlock']);
    expect(values(frame, 'instrumentationLibraryName')[0]).toBe('@opentelemetry/instrumentation-http');
    expect(values(frame, 'traceState')).toEqual([undefined, 'ot=th:8']);
  });

  it('keeps tags, events and links as objects, with 64-bit values exact', () => {
    const types = Object.fromEntries(frame.fields.map((f) => [f.name, f.type]));
    expect(types.tags).toBe(FieldType.other);
    expect(types.serviceTags).toBe(FieldType.other);
    expect(values(frame, 'tags')[0]).toEqual([
      { key: 'http.status_code', value: 200 },
      { key: 'big.count', value: '9007199254740993' },
    ]);
    expect(values(frame, 'tags')[1]).toContainEqual({ key: 'tags', value: '["a","b"]' });
    expect(values(frame, 'logs')[1]).toEqual([
      { timestamp: 1684778327800, name: 'exception', fields: [{ key: 'exception.message', value: 'boom' }] },
    ]);
    expect(values(frame, 'references')[1]).toEqual([
      {
        traceID: 'aa'.repeat(16),
        spanID: 'bb'.repeat(8),
        tags: [{ key: 'why', value: 'batch' }],
        refType: 'FOLLOWS_FROM',
      },
    ]);
  });

  it('regression #18: keeps the type of Jaeger references that are not the parent', () => {
    const ref = (refType: string, spanID: string, traceID = 'ab'.repeat(8)) => ({ refType, traceID, spanID });
    const span = (spanID: string, references: unknown[]) => ({
      traceID: 'ab'.repeat(8),
      spanID,
      operationName: 'op',
      references,
      startTime: 1_700_000_000_000_000,
      duration: 5,
      tags: [],
      logs: [],
      processID: 'p1',
    });
    const [trace] = decodeJaegerV1({
      data: [
        {
          traceID: 'ab'.repeat(8),
          spans: [
            span('0000000000000001', []),
            span('0000000000000002', [
              ref('FOLLOWS_FROM', '0000000000000003'),
              ref('CHILD_OF', '0000000000000001'),
              ref('CHILD_OF', '0000000000000009', 'cd'.repeat(16)),
            ]),
            span('0000000000000003', []),
          ],
          processes: { p1: { serviceName: 'svc', tags: [] } },
        },
      ],
    });
    const frame = buildTraceFrame(trace);
    expect(values(frame, 'parentSpanID')[1]).toBe('0000000000000001');
    expect(values(frame, 'references')[1]).toEqual([
      { traceID: '0000000000000000' + 'ab'.repeat(8), spanID: '0000000000000003', tags: [], refType: 'FOLLOWS_FROM' },
      { traceID: 'cd'.repeat(16), spanID: '0000000000000009', tags: [], refType: 'CHILD_OF' },
    ]);
  });

  it('shows decoder warnings on the root span and flags partial traces', () => {
    expect(values(frame, 'warnings')).toEqual([['clock skew adjusted on 1 span'], null]);
    expect(buildTraceFrame({ ...TRACE, partial: true }).meta?.notices?.[0].severity).toBe('warning');
  });
});

import { FieldType, createDataFrame } from '@grafana/data';

import { buildTraceFrame } from '../../../../src/datasource/frames/traceFrame';
import { TRACE } from '../../../../src/datasource/test/fixtures';
import { readTraceFrame } from './readTraceFrame';
import { buildSpanTree, treeDepth, visibleRows } from './spanTree';

const span = (spanID: string, parentSpanID: string | undefined, startTime: number, duration: number) => ({
  spanID,
  parentSpanID,
  startTime,
  duration,
});

function frameOf(rows: Array<ReturnType<typeof span>>) {
  return createDataFrame({
    meta: { preferredVisualisationType: 'trace' },
    fields: [
      { name: 'traceID', type: FieldType.string, values: rows.map(() => 't1') },
      { name: 'spanID', type: FieldType.string, values: rows.map((r) => r.spanID) },
      { name: 'parentSpanID', type: FieldType.string, values: rows.map((r) => r.parentSpanID) },
      { name: 'operationName', type: FieldType.string, values: rows.map((r) => `op-${r.spanID}`) },
      { name: 'serviceName', type: FieldType.string, values: rows.map((r) => `svc-${r.spanID.slice(0, 1)}`) },
      { name: 'startTime', type: FieldType.number, values: rows.map((r) => r.startTime) },
      { name: 'duration', type: FieldType.number, values: rows.map((r) => r.duration) },
    ],
  });
}

describe('readTraceFrame', () => {
  it("reads the data source's own trace frame with no contract problems", () => {
    const read = readTraceFrame(buildTraceFrame(TRACE, 'A'));
    expect(read.problems).toEqual([]);
    expect(read.spans.map((s) => s.operationName)).toEqual(['GET /users', 'SELECT users']);
    const child = read.spans[1];
    expect(child.parentSpanID).toBe(read.spans[0].spanID);
    expect(child.statusCode).toBe(2);
    expect(child.statusMessage).toBe('deadlock');
    expect(child.logs).toEqual([
      { timestamp: 1684778327800, name: 'exception', fields: [{ key: 'exception.message', value: 'boom' }] },
    ]);
    expect(child.references).toEqual([
      { traceID: 'aa'.repeat(16), spanID: 'bb'.repeat(8), tags: [{ key: 'why', value: 'batch' }] },
    ]);
    expect(read.spans[0].warnings).toEqual(['clock skew adjusted on 1 span']);
  });

  it('names a missing field and a field of the wrong type', () => {
    const frame = frameOf([span('a', undefined, 10, 5)]);
    const broken = {
      ...frame,
      fields: frame.fields
        .filter((f) => f.name !== 'serviceName')
        .map((f) => (f.name === 'startTime' ? { ...f, type: FieldType.time } : f)),
    };
    expect(readTraceFrame(broken).problems).toEqual([
      'field serviceName is missing',
      'field startTime has type time; the trace view reads number',
    ]);
  });

  it('reports rows it cannot place instead of guessing', () => {
    const frame = frameOf([span('a', undefined, 10, 5), span('a', undefined, 11, 1), span('b', 'a', NaN, 1)]);
    const read = readTraceFrame(frame);
    expect(read.spans.map((s) => s.spanID)).toEqual(['a']);
    expect(read.problems).toEqual(['row 1: span a appears twice', 'row 2: startTime is not a number of milliseconds']);
  });
});

describe('buildSpanTree', () => {
  it('nests children in start order and shows orphans at the top level', () => {
    const read = readTraceFrame(
      frameOf([span('r', undefined, 0, 100), span('c2', 'r', 50, 10), span('c1', 'r', 10, 10), span('o', 'gone', 5, 1)])
    );
    const tree = buildSpanTree(read.spans);
    const rows = visibleRows(tree.roots, new Set());
    expect(rows.map((r) => `${r.span.spanID}@${r.depth}`)).toEqual(['r@0', 'c1@1', 'c2@1', 'o@0']);
    expect(tree.startMs).toBe(0);
    expect(tree.endMs).toBe(100);
    expect(treeDepth(tree.roots)).toBe(2);
    expect(visibleRows(tree.roots, new Set(['r'])).map((r) => r.span.spanID)).toEqual(['r', 'o']);
  });

  it('shows every span of a parent cycle once', () => {
    const read = readTraceFrame(frameOf([span('a', 'b', 0, 1), span('b', 'a', 1, 1)]));
    const rows = visibleRows(buildSpanTree(read.spans).roots, new Set());
    expect(rows.map((r) => r.span.spanID).sort()).toEqual(['a', 'b']);
  });
});

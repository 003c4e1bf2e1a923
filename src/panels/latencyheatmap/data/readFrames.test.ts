import { DataFrameType, FieldType, createDataFrame } from '@grafana/data';

import { latencySamplesFrame } from '../../../shared/frames/latencyFrames';
import { readHeatmapFrames, unitToNs } from './readFrames';

describe('readHeatmapFrames', () => {
  it('prefers TraceLens latency samples', () => {
    const frame = latencySamplesFrame([{ startMs: 1, durationNs: 2e6, traceId: 't', spanId: 's', attributes: {} }], {
      startMs: 0,
      endMs: 10,
      durationKind: 'span',
      query: '{}',
    });
    const input = readHeatmapFrames([frame]);
    expect(input.kind).toBe('samples');
  });

  it('reads heatmap-cells from any data source, converting the y unit to nanoseconds', () => {
    const frame = createDataFrame({
      meta: { type: DataFrameType.HeatmapCells },
      fields: [
        { name: 'xMax', type: FieldType.time, values: [60_000, 60_000] },
        { name: 'yMin', type: FieldType.number, values: [0.001, 0.002], config: { unit: 's' } },
        { name: 'yMax', type: FieldType.number, values: [0.002, 0.004], config: { unit: 's' } },
        { name: 'count', type: FieldType.number, values: [5, 1] },
      ],
    });
    const input = readHeatmapFrames([frame]);
    expect(input).toEqual({
      kind: 'cells',
      cells: [
        { xMaxMs: 60_000, yMinNs: 1e6, yMaxNs: 2e6, count: 5 },
        { xMaxMs: 60_000, yMinNs: 2e6, yMaxNs: 4e6, count: 1 },
      ],
    });
  });

  it('reads heatmap-rows whose fields are named by their upper bound', () => {
    const frame = createDataFrame({
      meta: { type: DataFrameType.HeatmapRows },
      fields: [
        { name: 'time', type: FieldType.time, values: [1000, 2000] },
        { name: '0.004', type: FieldType.number, values: [0, 3], config: { unit: 's' } },
        { name: '0.002', type: FieldType.number, values: [7, 1], config: { unit: 's' } },
      ],
    });
    const input = readHeatmapFrames([frame]);
    expect(input.kind).toBe('cells');
    if (input.kind === 'cells') {
      expect(input.cells).toContainEqual({ xMaxMs: 1000, yMinNs: 1e6, yMaxNs: 2e6, count: 7 });
      expect(input.cells).toContainEqual({ xMaxMs: 2000, yMinNs: 2e6, yMaxNs: 4e6, count: 3 });
      expect(input.cells).toHaveLength(3);
    }
  });

  it('explains what it needs when frames are of another kind, and says so when nothing matched', () => {
    const other = createDataFrame({ fields: [{ name: 'v', type: FieldType.number, values: [1] }] });
    const input = readHeatmapFrames([other]);
    expect(input.kind).toBe('none');
    expect(readHeatmapFrames([])).toEqual({ kind: 'none', reason: 'No spans matched in this time range.' });
  });

  it('defaults unknown units to seconds', () => {
    expect(unitToNs('ms')).toBe(1e6);
    expect(unitToNs(undefined)).toBe(1e9);
  });
});

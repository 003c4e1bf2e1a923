import fc from 'fast-check';

import { bucketBounds, bucketId } from './buckets';
import { buildLatencyHeatmap, columnRange, rowBounds } from './heatmap';
import { gridFromHeatmap, heatmapFromCells, percentileFromBuckets } from './fromCells';

const columnsOf = (rows: Array<[number, number, string]>) => ({
  length: rows.length,
  startMs: rows.map((r) => r[0]),
  durationNs: rows.map((r) => r[1]),
  traceIds: rows.map((r) => r[2]),
});

describe('buildLatencyHeatmap', () => {
  const data = columnsOf([
    [0, 1_000_000, 'a'], // 1ms in column 0
    [500, 1_048_576, 'b'], // exactly 2^20 ns: bucket 20, column 0
    [999, 1_048_577, 'c'], // just over: bucket 21, column 0
    [1000, 50_000_000, 'd'], // column 1
    [1999, 50_000_000, 'd'], // same trace twice in one cell: one exemplar
    [2500, 3, 'e'], // column 2, tiny
    [3000, 10, 'f'], // at endMs: out of range
    [-1, 10, 'g'], // before start: out of range
  ]);
  const h = buildLatencyHeatmap(data, { startMs: 0, endMs: 3000, stepMs: 1000 });

  it('counts every in-range sample exactly once and reports the rest', () => {
    expect(h.total).toBe(6);
    expect(h.outOfRange).toBe(2);
    const sum = Array.from(h.counts).reduce((a, b) => a + b, 0);
    expect(sum).toBe(6);
    expect(h.columns).toBe(3);
  });

  it('uses exact bucket edges (a power of two closes its bucket)', () => {
    const row20 = h.rows.indexOf(20);
    const row21 = h.rows.indexOf(21);
    expect(h.counts[0 * h.rows.length + row20]).toBe(2); // 1ms and 2^20 ns
    expect(h.counts[0 * h.rows.length + row21]).toBe(1);
    expect(rowBounds(h, row20)).toEqual({ lowerNs: 2 ** 19, upperNs: 2 ** 20 });
  });

  it('has contiguous rows from the smallest to the largest bucket', () => {
    for (let i = 1; i < h.rows.length; i++) {
      expect(h.rows[i]).toBe(h.rows[i - 1] + 1);
    }
    expect(h.rows[0]).toBe(bucketId(3, { resolution: 0 }));
  });

  it('keeps distinct trace ids as exemplars per cell', () => {
    const row = h.rows.indexOf(bucketId(50_000_000, { resolution: 0 }));
    expect(h.exemplars.get(1 * h.rows.length + row)).toEqual(['d']);
  });

  it('computes exact nearest-rank percentiles per column and overall', () => {
    const p50 = h.percentiles.find((p) => p.p === 50)!;
    expect(p50.byColumn[0]).toBe(1_048_576);
    expect(p50.byColumn[1]).toBe(50_000_000);
    expect(p50.byColumn[2]).toBe(3);
    const p99 = h.percentiles.find((p) => p.p === 99)!;
    expect(p99.overall).toBe(50_000_000);
    expect(columnRange(h, 1)).toEqual({ fromMs: 1000, toMs: 2000 });
  });

  it('gives empty columns NaN percentiles and an empty heatmap no rows', () => {
    const empty = buildLatencyHeatmap(columnsOf([]), { startMs: 0, endMs: 100, stepMs: 10 });
    expect(empty.rows).toEqual([]);
    expect(empty.total).toBe(0);
    expect(Number.isNaN(empty.percentiles[0].byColumn[3])).toBe(true);
  });

  it('never loses or double-counts a sample (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -100, max: 1100 }), fc.integer({ min: 0, max: 2 ** 40 })), {
          maxLength: 300,
        }),
        fc.integer({ min: 0, max: 3 }),
        (rows, resolution) => {
          const h2 = buildLatencyHeatmap(columnsOf(rows.map(([t, d], i) => [t, d, `t${i}`])), {
            startMs: 0,
            endMs: 1000,
            stepMs: 70,
            resolution,
          });
          const inRange = rows.filter(([t]) => t >= 0 && t < 1000);
          const sum = Array.from(h2.counts).reduce((a, b) => a + b, 0);
          if (sum !== inRange.length || h2.total + h2.outOfRange !== rows.length) {
            return false;
          }
          // each in-range sample's cell bounds contain it
          return inRange.every(([t, d]) => {
            const b = bucketId(d, { resolution });
            const { lowerNs, upperNs } = bucketBounds(b, { resolution });
            const cell = Math.floor(t / 70) * h2.rows.length + h2.rows.indexOf(b);
            return h2.counts[cell] > 0 && (d < 2 || (d > lowerNs && d <= upperNs));
          });
        }
      )
    );
  });
});

describe('heatmap cells from other data sources', () => {
  it('rebuilds the grid and interpolates percentiles from counts', () => {
    const grid = heatmapFromCells([
      { xMaxMs: 60_000, yMinNs: 1e6, yMaxNs: 2e6, count: 90 },
      { xMaxMs: 60_000, yMinNs: 2e6, yMaxNs: 4e6, count: 10 },
      { xMaxMs: 120_000, yMinNs: 1e6, yMaxNs: 2e6, count: 5 },
    ]);
    expect(grid.columns).toBe(2);
    expect(grid.rowBounds).toHaveLength(2);
    expect(grid.total).toBe(105);
    expect(grid.approximatePercentiles).toBe(true);
    const p50 = grid.percentiles[0].byColumn[0];
    expect(p50).toBeGreaterThan(1e6);
    expect(p50).toBeLessThan(2e6);
    const p99 = grid.percentiles[2].byColumn[0];
    expect(p99).toBeGreaterThan(2e6);
  });

  it('interpolates geometrically inside a bucket', () => {
    expect(percentileFromBuckets([10], [{ lowerNs: 1e6, upperNs: 4e6 }], 50)).toBeCloseTo(2e6);
    expect(Number.isNaN(percentileFromBuckets([0], [{ lowerNs: 1, upperNs: 2 }], 50))).toBe(true);
  });

  it('turns an exact heatmap into the same grid shape', () => {
    const h = buildLatencyHeatmap(columnsOf([[5, 100, 'x']]), { startMs: 0, endMs: 10, stepMs: 10 });
    const grid = gridFromHeatmap(h);
    expect(grid.rowBounds).toEqual([{ lowerNs: 64, upperNs: 128 }]);
    expect(grid.approximatePercentiles).toBe(false);
  });
});

describe('percentiles by selection', () => {
  it('equal nearest rank over sorted values, per column and overall (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 2, max: 1e9 })), {
          minLength: 1,
          maxLength: 200,
        }),
        (rows) => {
          const h = buildLatencyHeatmap(columnsOf(rows.map(([t, d], i) => [t, d, `t${i}`])), {
            startMs: 0,
            endMs: 1000,
            stepMs: 100,
            percentiles: [50, 95, 99],
          });
          const rank = (xs: number[], p: number) => {
            const s = [...xs].sort((a, b) => a - b);
            return s.length ? s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1] : NaN;
          };
          return h.percentiles.every((p) => {
            if (
              p.overall !==
              rank(
                rows.map((r) => r[1]),
                p.p
              )
            ) {
              return false;
            }
            for (let c = 0; c < h.columns; c++) {
              const expected = rank(
                rows.filter((r) => Math.floor(r[0] / 100) === c).map((r) => r[1]),
                p.p
              );
              if (!Object.is(p.byColumn[c], expected)) {
                return false;
              }
            }
            return true;
          });
        }
      )
    );
  });
});

import { FieldType, type DataFrame } from '@grafana/data';

import { NO_METRICS, SEARCH_RESPONSE, TRACE_ID } from '../test/fixtures';
import { buildSearchFrame } from './searchFrame';
import { urlLinkHrefs } from './testing/rowLinkHref';

const self = { uid: 'tl', name: 'TraceLens' };

function field(frame: DataFrame, name: string) {
  const f = frame.fields.find((x) => x.name === name);
  if (!f) {
    throw new Error(`no field ${name}`);
  }
  return f;
}

describe('buildSearchFrame', () => {
  const frame = buildSearchFrame(SEARCH_RESPONSE, { self, refId: 'A' });

  it('is a Traces table with one row per trace', () => {
    expect(frame.name).toBe('Traces');
    expect(frame.length).toBe(2);
    expect(field(frame, 'traceID').values).toEqual([TRACE_ID, 'ab'.repeat(16)]);
    expect(field(frame, 'traceService').values).toEqual(['shop-backend', 'frontend']);
    expect(field(frame, 'traceName').values).toEqual(['update-billing', '']);
    expect(field(frame, 'traceDuration').config.unit).toBe('ms');
    expect(field(frame, 'startTime').type).toBe(FieldType.time);
    expect(field(frame, 'startTime').values[0]).toBeCloseTo(1684778327699.3928, 4);
  });

  it("keeps the exact duration when the engine knows it, and Tempo's whole ms otherwise", () => {
    const [first, second] = SEARCH_RESPONSE.traces;
    const exact = buildSearchFrame(
      { ...SEARCH_RESPONSE, traces: [{ ...first, durationMs: 5332, durationNanos: 5_332_953_000 }, second] },
      { self, refId: 'A' }
    );
    expect(field(exact, 'traceDuration').values).toEqual([5332.953, second.durationMs]);
  });

  it('links the trace id to the trace view query', () => {
    expect(field(frame, 'traceID').config.links?.[0].internal).toMatchObject({
      datasourceUid: 'tl',
      datasourceName: 'TraceLens',
      query: { queryType: 'traceId', query: '${__value.raw}' },
    });
  });

  it('nests one sub-frame per spanset with span links focusing the span', () => {
    const nested = field(frame, 'nested');
    expect(nested.type).toBe(FieldType.nestedFrames);
    const [sub] = nested.values[0] as DataFrame[];
    expect(field(sub, 'traceIdHidden').config.custom).toEqual({ hidden: true });
    expect(field(sub, 'spanID').values).toEqual(['563d623c76514f8e']);
    expect(field(sub, 'spanID').config.links?.[0].internal).toMatchObject({
      query: { queryType: 'traceId', query: '${__data.fields.traceIdHidden}' },
      panelsState: { trace: { spanId: '${__value.raw}' } },
    });
    expect(field(sub, 'status').values).toEqual(['error']);
    expect(field(sub, 'http.status_code')).toMatchObject({ type: FieldType.number, values: [500] });
    expect(field(sub, 'duration')).toMatchObject({ values: [446979497], config: { unit: 'ns' } });
    expect(nested.values[1]).toEqual([]);
  });

  it('adds "Logs for this trace" opening each row in its own time range', () => {
    const withLogs = buildSearchFrame(SEARCH_RESPONSE, {
      self,
      logs: {
        target: { uid: 'loki', type: 'loki', name: 'Loki' },
        options: { spanStartTimeShift: '-5m', spanEndTimeShift: '5m' },
      },
    });
    const links = field(withLogs, 'traceID').config.links ?? [];
    expect(links[1]).toMatchObject({ title: 'Logs for this trace', url: '' });
    // No per-row URL field: each row's URL is built when Grafana asks for that row's link.
    expect(withLogs.fields.map((f) => f.name)).not.toContain('logsUrl');
    const panes = urlLinkHrefs(withLogs, field(withLogs, 'traceID'))['Logs for this trace'].map((url) => {
      expect(url.startsWith('/explore?schemaVersion=1&panes=')).toBe(true);
      return Object.values(JSON.parse(decodeURIComponent(url.split('panes=')[1].split('&')[0])))[0] as {
        datasource: string;
        queries: Array<{ expr: string; datasource: unknown }>;
        range: { from: string; to: string };
      };
    });
    expect(panes.map((p) => p.queries[0].expr)).toEqual([
      `{service_name="shop-backend"} |= "${TRACE_ID}"`,
      `{service_name="frontend"} |= "${'ab'.repeat(16)}"`,
    ]);
    expect(panes[0].queries[0].datasource).toEqual({ type: 'loki', uid: 'loki' });
    // Each trace's own start and end, shifted by -5m / +5m: not one range spanning both rows.
    expect(panes.map((p) => p.range)).toEqual([
      { from: String(1684778327699 - 300_000), to: String(Math.ceil(1684778327699.392724 + 557 + 300_000)) },
      { from: String(1684778000000 - 300_000), to: String(1684778000000 + 12 + 300_000) },
    ]);
  });

  it('keeps the table (empty) when nothing matched, so notices still show', () => {
    const empty = buildSearchFrame({ traces: [], metrics: NO_METRICS }, { self });
    expect(empty.length).toBe(0);
    expect(empty.fields.map((f) => f.name)).toContain('traceID');
  });
});

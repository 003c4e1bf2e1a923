import { loadTraceFiles } from './source';
import type { CliIO } from './types';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', '..', 'tests', 'fixtures');
const io = { readFile: async (f: string) => readFileSync(f, 'utf8') } as unknown as CliIO;

describe('tracelens --traces reads Zipkin v2 JSON files', () => {
  it('decodes a trace file and a search answer through the Zipkin backend module', async () => {
    const traces = await loadTraceFiles(
      [join(FIXTURES, 'zipkin', 'trace.json'), join(FIXTURES, 'zipkin', 'traces.json')],
      io
    );
    const byId = new Map(traces.map((t) => [t.traceId, t]));
    // The same trace in both files is merged span by span.
    expect(byId.get('463ac35c9f6413ad48485a3953bb6124')?.spans).toHaveLength(3);
    expect(byId.get('000000000000000048485a3953bb6124')?.spans.map((s) => s.kind)).toEqual(['producer', 'consumer']);
  });

  it('still reads the other formats', async () => {
    const traces = await loadTraceFiles([join(FIXTURES, 'jaeger', 'v1-search.json')], io);
    expect(traces.length).toBeGreaterThan(0);
  });
});

import fs from 'fs';
import path from 'path';

import { fakeIO } from '../testing';
import { graphCommand } from './graph';

const FIXTURE = path.resolve(__dirname, '../../../tests/fixtures/traces/guide.jaeger-v1.json');
const files = { 'guide.json': fs.readFileSync(FIXTURE, 'utf8') };

interface Report {
  nodes: Array<{ id: string; kind: string; requests: number; errors: number }>;
  edges: Array<{ source: string; target: string; requests: number; errors: number; p50Ms: number | null }>;
}

/**
 * Ground truth straight from the Jaeger JSON, independent of the decoder and the analysis: per
 * (parent service, child service) pair, the child spans whose parent is in another service, and how
 * many of those carry an error tag.
 */
function truth(): Map<string, { requests: number; errors: number }> {
  const doc = JSON.parse(files['guide.json']) as {
    data: Array<{
      processes: Record<string, { serviceName: string }>;
      spans: Array<{
        spanID: string;
        processID: string;
        references?: Array<{ spanID: string; refType: string }>;
        tags?: Array<{ key: string; value: unknown }>;
      }>;
    }>;
  };
  const out = new Map<string, { requests: number; errors: number }>();
  for (const t of doc.data) {
    const svc = new Map(t.spans.map((s) => [s.spanID, t.processes[s.processID].serviceName]));
    for (const s of t.spans) {
      const parent = s.references?.find((r) => r.refType === 'CHILD_OF')?.spanID;
      const from = parent !== undefined ? svc.get(parent) : undefined;
      const to = t.processes[s.processID].serviceName;
      if (from !== undefined && from !== to) {
        const k = `${from}->${to}`;
        const v = out.get(k) ?? { requests: 0, errors: 0 };
        v.requests++;
        v.errors += s.tags?.some((x) => x.key === 'error' && x.value === true) ? 1 : 0;
        out.set(k, v);
      }
    }
  }
  return out;
}

async function run(argv: string[]) {
  const io = fakeIO(files);
  const code = await graphCommand.run(argv, io);
  return { code, io, report: code === 0 ? (JSON.parse(io.out()) as Report) : undefined };
}

describe('tracelens graph', () => {
  it('prints the calls with the same counts as the raw trace file says', async () => {
    const { code, io, report } = await run(['--traces', 'guide.json']);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const got = new Map(
      report!.edges.map((e) => [`${e.source}->${e.target}`, { requests: e.requests, errors: e.errors }])
    );
    expect(got).toEqual(truth());
    for (const e of report!.edges) {
      expect(e.p50Ms).toBeGreaterThan(0);
    }
    expect(report!.nodes.every((n) => n.kind === 'service')).toBe(true);
  });

  it('adds the database named by db.system with --detail peers only when nobody instrumented it', async () => {
    const { report } = await run(['--traces', 'guide.json', '--detail', 'peers', '--compact']);
    // The guide's database is instrumented (its own server spans), so it stays a service, not a peer.
    expect(report!.nodes.find((n) => n.id === 'sqlite')).toBeUndefined();
    expect(report!.nodes.find((n) => n.id === 'database')?.kind).toBe('service');
  });

  it('cuts the graph to a focus neighbourhood', async () => {
    const { report } = await run(['--traces', 'guide.json', '--focus', 'auth-service', '--hops', '1']);
    expect(report!.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['api-gateway->auth-service']);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['--traces', 'guide.json', '--detail', 'everything'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['--traces', 'guide.json', '--focus', 'nope'])).io.err()).toMatch(/no service named "nope"/);
    expect((await run(['--traces', 'guide.json', '--dependencies'])).code).toBe(2);
  });

  it('exits 1 naming the cause when a live backend is unreachable', async () => {
    const { code, io } = await run(['--jaeger', 'http://127.0.0.1:9', '--timeout', '2s']);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/127\.0\.0\.1:9/);
  });
});

import fs from 'fs';
import path from 'path';

import { graphCommand } from '../commands/graph';
import { latencyCommand } from '../commands/latency';
import { samplingCommand } from '../commands/sampling';
import { fakeIO } from '../testing';
import type { CliCommand } from '../types';
import { formatCount, formatMs } from './units';

const GUIDE = fs.readFileSync(path.resolve(__dirname, '../../../tests/fixtures/traces/guide.jaeger-v1.json'), 'utf8');

async function run(command: CliCommand, argv: string[], tty: boolean) {
  const io = { ...fakeIO({ 'guide.json': GUIDE }), stdoutIsTTY: tty };
  // --traces takes every following word, so it goes last.
  const code = await command.run([...argv, '--traces', 'guide.json'], io);
  return { code, out: io.out(), err: io.err() };
}

/** The start column of every cell of a header, so rows can be checked against it. */
function rightEdges(header: string): number[] {
  return [...header.matchAll(/\S+( \S+)*/g)].map((m) => (m.index ?? 0) + m[0].length);
}

// Regression #19: graph, latency and sampling printed JSON only, even to a person at a terminal.
describe('--output', () => {
  it.each([
    ['graph', graphCommand, [] as string[]],
    ['latency', latencyCommand, ['{ }']],
    ['sampling', samplingCommand, []],
  ])('%s prints a table at a terminal and JSON to a pipe or with --output json', async (_n, command, argv) => {
    const table = await run(command, argv, true);
    expect(table.code).toBe(0);
    expect(() => JSON.parse(table.out)).toThrow();
    expect(table.out).toMatch(/^Complete: every trace in the window was read/);
    const piped = await run(command, argv, false);
    expect(JSON.parse(piped.out)).toMatchObject({ complete: true });
    const asked = await run(command, [...argv, '--output', 'json'], true);
    expect(asked.out).toBe(piped.out);
    const tableFromPipe = await run(command, [...argv, '--output', 'table'], false);
    expect(tableFromPipe.out).toBe(table.out);
  });

  it('refuses an unknown format, naming it', async () => {
    const r = await run(graphCommand, ['--output', 'xml'], true);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--output must be table or json, got "xml"');
  });

  it('graph: one aligned row per service with the JSON figures and their units', async () => {
    const json = JSON.parse((await run(graphCommand, [], false)).out) as {
      nodes: Array<{ id: string; requests: number; p99Ms: number | null }>;
    };
    const lines = (await run(graphCommand, [], true)).out.split('\n');
    const header = lines.findIndex((l) => l.startsWith('service'));
    const edges = rightEdges(lines[header]);
    for (const [i, n] of json.nodes.entries()) {
      const row = lines[header + 1 + i];
      expect(row.startsWith(`${n.id} `)).toBe(true);
      expect(row).toContain(` ${formatCount(n.requests)} `);
      expect(row.endsWith(formatMs(n.p99Ms))).toBe(true);
      // Right-aligned numeric columns: each cell ends where its header ends.
      for (const e of edges.slice(2)) {
        expect(row[e - 1]).not.toBe(' ');
        expect(row[e] ?? ' ').toBe(' ');
      }
    }
  });

  it('latency: percentiles with units and bucket counts that add up to the total', async () => {
    const json = JSON.parse((await run(latencyCommand, ['{ }'], false)).out) as {
      total: number;
      percentiles: Array<{ p: number; overallMs: number }>;
    };
    const out = (await run(latencyCommand, ['{ }'], true)).out;
    for (const p of json.percentiles) {
      expect(out).toMatch(new RegExp(`^p${p.p} +${formatMs(p.overallMs).replace('.', '\\.')}$`, 'm'));
    }
    const counts = [...out.matchAll(/^ *\S+ \S+ +\S+ \S+ +([\d,]+) +[\d.]+%$/gm)].map((m) =>
      Number(m[1].replace(/,/g, ''))
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(json.total);
  });

  it('sampling: one row per service with sampler and stored traces', async () => {
    const json = JSON.parse((await run(samplingCommand, [], false)).out) as {
      services: Array<{ service: string; sampler: string; storedTraces: number }>;
    };
    const out = (await run(samplingCommand, [], true)).out;
    for (const s of json.services) {
      expect(out).toMatch(new RegExp(`^${s.service} +${s.sampler} .* ${formatCount(s.storedTraces)} `, 'm'));
    }
  });
});

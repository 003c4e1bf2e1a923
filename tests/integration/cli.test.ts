/**
 * (b, CLI) `tracelens query '<q>' --jaeger URL` against the real Jaeger: the JSON it prints must give the
 * ground-truth answer; a bad query exits 2; an unreachable or silent Jaeger exits 1 with the cause on
 * stderr, within a bounded time. One query per construct family keeps the process count small.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

import { diffAnswers } from './support/groundTruth';
import { FaultProxy } from './support/faultProxy';
import { QUERY_CASES, type QueryCase } from './support/queryCases';
import { answerFromSearch, type SearchLike } from './support/searchAnswers';
import { TraceSnapshot } from './support/snapshot';
import { requireStack } from './support/stackHandle';

const ROOT = resolve(__dirname, '..', '..');
const stack = requireStack();
const sinceMs = Date.now() - 6 * 3600_000;
const untilMs = Date.now() + 60_000;
let snap: TraceSnapshot;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function tracelens(args: string[], timeoutMs = 90_000): Promise<CliRun> {
  const started = Date.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/tracelens.js'), ...args],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        done({ code, stdout, stderr, ms: Date.now() - started });
      }
    );
  });
}

const CLI_QUERIES = [
  '{ resource.service.name = "user-service" }',
  '{ status = error && resource.service.name = "frontend" }',
  '{ resource.service.name = "database" && name !~ "POST.*" }',
  '{ duration > 200ms }',
  '{ resource.service.name = "user-service" && span.user.count = nil }',
  '{ resource.service.name = "api-gateway" } >> { span.db.system = "sqlite" }',
  '{ resource.service.name = "user-service" && kind = server } &>> { span.db.system = "sqlite" }',
  '{ resource.service.name = "database" } | min(duration) < 2ms',
  '{ status = error } | by(resource.service.name)',
  '{ span.db.system = "sqlite" } | select(span.db.statement, resource.service.name)',
];
const cases: QueryCase[] = CLI_QUERIES.map((q) => {
  const c = QUERY_CASES.find((x) => x.query === q);
  if (!c) {
    throw new Error(`CLI query ${q} is not among the ground-truth cases`);
  }
  return c;
});

beforeAll(async () => {
  snap = await TraceSnapshot.take(stack.jaeger.queryUrl, sinceMs);
});

describe('tracelens query --jaeger against the real Jaeger', () => {
  it.each(cases.map((c) => [c.query, c] as const))('%s', async (query, c) => {
    const run = await tracelens([
      'query',
      query,
      '--jaeger',
      stack.jaeger.queryUrl,
      ...['--start', String(sinceMs), '--end', String(untilMs)],
      ...['--limit', '100000', '--spss', '100000', '--search-depth', '10000', '--compact'],
    ]);
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const actual = answerFromSearch(JSON.parse(run.stdout) as SearchLike);
    await snap.include(actual.keys());
    expect(diffAnswers(snap.expected(c), actual)).toEqual([]);
  });

  it('exits 2 with the position of the problem for a bad query', async () => {
    const run = await tracelens(['query', '{ span.x = }', '--jaeger', stack.jaeger.queryUrl]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/column/);
  });

  it('exits 1 naming the address when Jaeger is unreachable', async () => {
    const proxy = await FaultProxy.start(stack.jaeger.queryUrl);
    await proxy.shutdown(); // a port that was just ours and now refuses connections
    const run = await tracelens(['query', '{ }', '--jaeger', proxy.url, '--timeout', '5s'], 30_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(proxy.url.replace('http://', ''));
    expect(run.ms).toBeLessThan(25_000);
  });

  it('exits 1 with a timeout when Jaeger never answers, without hanging', async () => {
    const proxy = await FaultProxy.start(stack.jaeger.queryUrl);
    proxy.mode = 'hang';
    try {
      const run = await tracelens(
        ['query', '{ resource.service.name = "database" }', '--jaeger', proxy.url, '--timeout', '1s'],
        30_000
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/1000 ms|1s/);
      expect(run.ms).toBeLessThan(25_000);
    } finally {
      await proxy.shutdown();
    }
  });
});

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The real launcher in a child process: the same path as `npx tracelens` after `npm ci` (tsx loads
 * the TypeScript entry, no build step), checking stdout, stderr and exit codes.
 */
const BIN = resolve(__dirname, '../../bin/tracelens.js');

function tracelens(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/tracelens.js', () => {
  it('parses a valid query: AST JSON on stdout, exit 0', () => {
    const r = tracelens('parse', '{ resource.service.name = "api-gateway" } >> { status = error }');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ast = JSON.parse(r.stdout);
    expect(ast.type).toBe('Root');
  });

  it('rejects an invalid query with line:column and a caret on stderr, exit 2', () => {
    const r = tracelens('parse', '{ duration > }');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/line 1, column 14: /);
    expect(r.stderr).toContain('{ duration > }\n');
    expect(r.stderr).toMatch(/\n {13}\^/);
  });

  it('prints help and exits 0; an unknown command exits 2', () => {
    const help = tracelens('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('parse');
    const unknown = tracelens('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('is executable with a node shebang', () => {
    const r = spawnSync(BIN, ['help', 'parse'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: tracelens parse');
  });
});

describe('bin/tracelens.js over the trace fixtures', () => {
  const fixture = (name: string) => resolve(__dirname, '../../tests/fixtures/traces', name);

  it('answers a search the same from a Jaeger file and a Tempo file', () => {
    const query = '{ resource.service.name = "database" && status = error }';
    const jaeger = tracelens('query', query, '--traces', fixture('guide.jaeger-v1.json'));
    const tempo = tracelens('query', query, '--traces', fixture('guide.tempo-v2.json'));
    expect(jaeger.code).toBe(0);
    expect(tempo.code).toBe(0);
    const answer = JSON.parse(jaeger.stdout);
    expect(answer.traces.map((t: { traceID: string }) => t.traceID)).toEqual(['e3b0c44298fc1c149afbf4c8996fb924']);
    expect(JSON.parse(tempo.stdout)).toEqual(answer);
  });

  it('lists every registered command in --help', () => {
    const help = tracelens('--help');
    for (const name of ['parse', 'explain', 'query', 'graph', 'latency', 'sampling']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });
});

/**
 * @jest-environment node
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The CLI as a user installs it: `npm pack` of the built dist-cli/ package, then `npm install -g`
 * of that tarball into an empty prefix, then the installed `tracelens` run from an empty folder.
 * Nothing from this checkout is reachable there (no node_modules, no tsx, no sources), so a
 * dependency left out of the bundle, or a bin that still needs TypeScript, fails here.
 */
const ROOT = resolve(__dirname, '../..');
const PACKAGE = join(ROOT, 'dist-cli');
const FIXTURE = join(ROOT, 'tests/fixtures/traces/guide.jaeger-v1.json');

jest.setTimeout(120_000);

let scratch: string;
let bin: string;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // A bare environment: only what finds node and npm, nothing pointing back into the checkout.
  const env = { PATH: process.env.PATH ?? '', HOME: scratch, npm_config_cache: join(scratch, 'npm-cache') };
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
}

function npm(args: string[], cwd: string): string {
  const r = run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd);
  if (r.status !== 0) {
    throw new Error(`npm ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return r.stdout;
}

beforeAll(() => {
  if (!existsSync(join(PACKAGE, 'tracelens.js'))) {
    throw new Error('dist-cli/ is not built: run `npm run build` (it builds the CLI after the plugins)');
  }
  scratch = mkdtempSync(join(tmpdir(), 'tracelens-pack-'));
  const packed = JSON.parse(npm(['pack', PACKAGE, '--json', '--pack-destination', scratch], scratch)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  expect(packed[0].files.map((f) => f.path).sort()).toEqual(['LICENSE', 'package.json', 'tracelens.js']);
  const prefix = join(scratch, 'prefix');
  // --offline: the package has no dependencies, so installing it must not need the registry.
  npm(['install', '-g', '--offline', '--prefix', prefix, join(scratch, packed[0].filename)], scratch);
  bin = join(prefix, 'bin', 'tracelens');
});

afterAll(() => {
  if (scratch) {
    rmSync(scratch, { recursive: true, force: true });
  }
});

describe('the packed and installed tracelens', () => {
  it('is an executable on the prefix’s bin path', () => {
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('parses a query: AST JSON on stdout, exit 0', () => {
    const r = run(bin, ['parse', '{ resource.service.name = "api-gateway" } >> { status = error }'], scratch);
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout).type).toBe('Root');
  });

  it('reports a query error with its position, exit 2', () => {
    const r = run(bin, ['parse', '{ duration > }'], scratch);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/line 1, column 14: /);
  });

  it('runs the engine over a trace file (the bundled core, re2js included)', () => {
    const r = run(
      bin,
      ['query', '{ resource.service.name =~ "data.*" && status = error }', '--traces', FIXTURE],
      scratch
    );
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout) as { traces: Array<{ traceID: string }> };
    expect(answer.traces.map((t) => t.traceID)).toEqual(['e3b0c44298fc1c149afbf4c8996fb924']);
  });
});

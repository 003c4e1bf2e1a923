/**
 * A private Jaeger and set of demo services on their own ports and state directory, for the sampling
 * ground-truth test and the overhead benchmark. The shared stack (scripts/stack) pins Jaeger to its
 * default ports and may be in use by other tests at any moment, so these runs never touch it: every
 * port here is derived from a caller-chosen base, and only processes started here are ever stopped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { assertPortsFree } from '../../scripts/stack/ports';
import { processAlive, spawnDetached, stopGroup } from '../../scripts/stack/processes';
import { waitForHttp } from '../../scripts/stack/waitHttp';
import { type DemoConfig, SERVICE_NAMES, type ServiceName, type ServiceSettings } from '../services/config';

const ROOT = resolve(__dirname, '../..');
const HOST = '127.0.0.1';
const JAEGER_VERSION = 'v1.76.0';

export interface OwnPorts {
  query: number;
  queryGrpc: number;
  otlpGrpc: number;
  otlpHttp: number;
  sampling: number;
  samplingGrpc: number;
  health: number;
  services: Record<ServiceName, number>;
}

/** Twelve consecutive ports from `base`: seven for Jaeger, five for the services. */
export function portsFrom(base: number): OwnPorts {
  const services = {} as Record<ServiceName, number>;
  SERVICE_NAMES.forEach((n, i) => (services[n] = base + 7 + i));
  return {
    query: base,
    queryGrpc: base + 1,
    otlpGrpc: base + 2,
    otlpHttp: base + 3,
    sampling: base + 4,
    samplingGrpc: base + 5,
    health: base + 6,
    services,
  };
}

/** The cached Jaeger build, without building it (that takes minutes): undefined when absent. */
export function locateJaegerBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir =
    env.TRACELENS_JAEGER_DIR ??
    join(env.TRACELENS_CACHE ?? join(homedir(), '.cache', 'tracelens'), `jaeger-${JAEGER_VERSION}`);
  const bin = join(dir, 'jaeger');
  return existsSync(bin) ? bin : undefined;
}

/** scripts/jaeger/jaeger-config.yaml with each default port swapped for ours; fails if one is missing. */
export function jaegerConfigFor(template: string, ports: OwnPorts): string {
  const swaps: Array<[number, number]> = [
    [16686, ports.query],
    [16685, ports.queryGrpc],
    [4317, ports.otlpGrpc],
    [4318, ports.otlpHttp],
    [5778, ports.sampling],
    [5779, ports.samplingGrpc],
    [13133, ports.health],
  ];
  let out = template;
  for (const [from, to] of swaps) {
    const needle = `${HOST}:${from}`;
    if (!out.includes(needle)) {
      throw new Error(`jaeger-config.yaml no longer binds ${needle}; update demo/sampling/ownStack.ts`);
    }
    out = out.split(needle).join(`${HOST}:${to}`);
  }
  return out;
}

export interface OwnJaeger {
  pid: number;
  queryUrl: string;
  samplingUrl: string;
  otlpHttpUrl: string;
  log: string;
  strategiesFile: string;
}

export interface ServiceProcess {
  name: ServiceName;
  pid: number;
  url: string;
}

const started = new Set<number>();
let exitHookInstalled = false;

/** If the test runner or bench dies without its cleanup, still take our process groups down. */
function track(pid: number): void {
  started.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const p of started) {
        try {
          process.kill(-p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    });
  }
}

export async function stopProcess(pid: number): Promise<void> {
  await stopGroup(pid);
  started.delete(pid);
}

function tail(file: string, lines = 12): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startOwnJaeger(o: {
  binary: string;
  dir: string;
  ports: OwnPorts;
  /** Jaeger's file-strategies JSON (protocols.md §4.3). */
  strategies: unknown;
}): Promise<OwnJaeger> {
  const { ports } = o;
  await assertPortsFree([
    { port: ports.query, purpose: 'own Jaeger query' },
    { port: ports.queryGrpc, purpose: 'own Jaeger query gRPC' },
    { port: ports.otlpGrpc, purpose: 'own Jaeger OTLP gRPC' },
    { port: ports.otlpHttp, purpose: 'own Jaeger OTLP HTTP' },
    { port: ports.sampling, purpose: 'own Jaeger sampling' },
    { port: ports.samplingGrpc, purpose: 'own Jaeger sampling gRPC' },
    { port: ports.health, purpose: 'own Jaeger health' },
    ...SERVICE_NAMES.map((n) => ({ port: ports.services[n], purpose: `own demo ${n}` })),
  ]);
  mkdirSync(join(o.dir, 'logs'), { recursive: true });
  const config = join(o.dir, 'jaeger-config.yaml');
  writeFileSync(config, jaegerConfigFor(readFileSync(join(ROOT, 'scripts/jaeger/jaeger-config.yaml'), 'utf8'), ports));
  const strategiesFile = join(o.dir, 'sampling-strategies.json');
  writeFileSync(strategiesFile, JSON.stringify(o.strategies, null, 2));
  const log = join(o.dir, 'logs', 'jaeger.out');
  const pid = spawnDetached({
    command: o.binary,
    args: ['--config', `file:${config}`],
    log,
    env: { ...process.env, TRACELENS_SAMPLING_FILE: strategiesFile },
  });
  track(pid);
  const jaeger: OwnJaeger = {
    pid,
    log,
    strategiesFile,
    queryUrl: `http://${HOST}:${ports.query}`,
    samplingUrl: `http://${HOST}:${ports.sampling}`,
    otlpHttpUrl: `http://${HOST}:${ports.otlpHttp}`,
  };
  const stillRunning = () => (processAlive(pid) ? undefined : `see ${log}:\n${tail(log)}`);
  try {
    await waitForHttp('own Jaeger health', `http://${HOST}:${ports.health}/status`, {
      timeoutMs: 30_000,
      stillRunning,
    });
    await waitForHttp('own Jaeger query', `${jaeger.queryUrl}/api/v3/services`, { timeoutMs: 30_000, stillRunning });
    await waitForHttp('own Jaeger sampling', `${jaeger.samplingUrl}/sampling?service=frontend`, {
      timeoutMs: 30_000,
      stillRunning,
    });
  } catch (e) {
    await stopProcess(pid);
    throw e;
  }
  return jaeger;
}

export interface ServicesOptions {
  dir: string;
  ports: OwnPorts;
  jaeger: Pick<OwnJaeger, 'otlpHttpUrl' | 'samplingUrl'>;
  /** TRACELENS_SAMPLER for every service (demo/sampling/samplerChoice.ts). */
  sampler: string;
  /** Applied to every service over demo-config.json (e.g. no latency or errors for the benchmark). */
  settings?: Partial<Omit<ServiceSettings, 'port'>>;
  seedUsers?: number;
}

/** Starts the five demo services and waits until each answers /health (its sampler is ready). */
export async function startOwnServices(o: ServicesOptions): Promise<ServiceProcess[]> {
  const services: Partial<DemoConfig['services']> = {};
  for (const name of SERVICE_NAMES) {
    services[name] = { ...o.settings, port: o.ports.services[name] } as ServiceSettings;
  }
  const override = {
    otlpHttpUrl: o.jaeger.otlpHttpUrl,
    samplingUrl: o.jaeger.samplingUrl,
    samplingPollMs: 1000,
    ...(o.seedUsers !== undefined ? { seedUsers: o.seedUsers } : {}),
    services,
  };
  mkdirSync(join(o.dir, 'logs'), { recursive: true });
  const configFile = join(o.dir, 'demo-config.json');
  writeFileSync(configFile, JSON.stringify(override, null, 2));

  const procs: ServiceProcess[] = [];
  try {
    for (const name of SERVICE_NAMES) {
      const log = join(o.dir, 'logs', `${name}.out`);
      const pid = spawnDetached({
        command: process.execPath,
        args: ['--import', 'tsx', 'demo/services/main.ts', name],
        log,
        cwd: ROOT,
        env: {
          ...process.env,
          TRACELENS_STATE_DIR: o.dir,
          TRACELENS_DEMO_CONFIG: configFile,
          TRACELENS_SAMPLER: o.sampler,
        },
      });
      track(pid);
      procs.push({ name, pid, url: `http://${HOST}:${o.ports.services[name]}` });
    }
    // Five tsx processes compile at once on a small shared machine: allow a generous start time.
    await Promise.all(
      procs.map((p) => {
        const log = join(o.dir, 'logs', `${p.name}.out`);
        return waitForHttp(`own demo ${p.name}`, `${p.url}/health`, {
          timeoutMs: 120_000,
          intervalMs: 500,
          stillRunning: () => (processAlive(p.pid) ? undefined : `see ${log}:\n${tail(log)}`),
        });
      })
    );
  } catch (e) {
    await stopServices(procs);
    throw e;
  }
  return procs;
}

export async function stopServices(procs: readonly ServiceProcess[]): Promise<void> {
  await Promise.all(procs.map((p) => stopProcess(p.pid)));
}

/** Builds nothing: says why a run must be skipped when the binary is not cached. */
export function jaegerUnavailableReason(): string {
  return (
    `no cached Jaeger binary (looked in $TRACELENS_JAEGER_DIR or ~/.cache/tracelens/jaeger-${JAEGER_VERSION}); ` +
    'build it once with `bash scripts/jaeger/build-jaeger.sh`'
  );
}

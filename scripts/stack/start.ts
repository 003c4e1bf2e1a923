/**
 * Starts the TraceLens stack on loopback: the real Jaeger v2 (memory storage, remote sampling from a
 * strategies file), the real Zipkin server (in-memory storage), the five instrumented demo services
 * (exporting to both), and HotROD (Jaeger only); optionally drives bounded traffic and waits until its
 * traces are in Jaeger and Zipkin. Writes the state file stop.ts and the tests read.
 *
 *   scripts/stack/start.sh [--traffic N] [--hotrod-traffic N] [--no-hotrod] [--no-zipkin]
 *                          [--strategies FILE] [--seed N]
 *
 * If the state file names a running stack, it is reused (and traffic, if asked for, is driven into it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { loadDemoConfig, SERVICE_NAMES, serviceUrl } from '../../demo/services/config';
import { driveHotrod } from '../../demo/hotrodTraffic';
import { defaultTrafficOptions, driveDemoTraffic } from '../../demo/traffic';
import { waitForTracesSettled } from './jaegerCounts';
import { waitForZipkinSettled } from './zipkinCounts';
import { assertPortsFree, type PortNeed } from './ports';
import { groupAlive, processAlive, spawnDetached, stopGroup } from './processes';
import {
  allProcesses,
  type ManagedProcess,
  readState,
  removeState,
  stateDirFromEnv,
  stateFile,
  type StackState,
  writeState,
} from './stackState';
import { waitForHttp } from './waitHttp';

const ROOT = resolve(__dirname, '../..');
const HOST = '127.0.0.1';

export const JAEGER_PORTS: PortNeed[] = [
  { port: 16686, purpose: 'Jaeger query HTTP (UI, /api, /api/v3)' },
  { port: 16685, purpose: 'Jaeger query gRPC' },
  { port: 4317, purpose: 'Jaeger OTLP gRPC' },
  { port: 4318, purpose: 'Jaeger OTLP HTTP' },
  { port: 5778, purpose: 'Jaeger remote sampling HTTP' },
  { port: 5779, purpose: 'Jaeger remote sampling gRPC' },
  { port: 13133, purpose: 'Jaeger health check' },
];
/**
 * Zipkin's API and UI. Jaeger's all-in-one layout also has a Zipkin receiver on 9411; our Jaeger config
 * (scripts/jaeger/jaeger-config.yaml) leaves it out, so the port is Zipkin's alone.
 */
export const ZIPKIN_PORTS: PortNeed[] = [{ port: 9411, purpose: 'Zipkin API and UI' }];
/**
 * Tag keys Zipkin indexes for /api/v2/autocompleteKeys and /autocompleteValues (it indexes none unless
 * told); the demo services set all of them.
 */
export const ZIPKIN_AUTOCOMPLETE_KEYS = ['http.method', 'http.route', 'db.system', 'peer.service', 'otel.status_code'];
export const HOTROD_PORTS = { frontend: 18090, customer: 18091, driver: 18092, route: 18093 } as const;
/** The service names HotROD reports (it starts separate tracer providers for its fake mysql and redis). */
export const HOTROD_SERVICES = ['frontend', 'customer', 'mysql', 'driver', 'redis-manual', 'route'];

interface StartOptions {
  traffic: number;
  hotrodTraffic: number | undefined;
  hotrod: boolean;
  zipkin: boolean;
  strategies: string;
  seed: number;
}

function parseArgs(argv: string[]): StartOptions {
  const o: StartOptions = {
    traffic: 0,
    hotrodTraffic: undefined,
    hotrod: true,
    zipkin: true,
    strategies: join(ROOT, 'scripts/jaeger/sampling-strategies.json'),
    seed: 1,
  };
  const count = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0 || n > 100_000) {
      throw new Error(`${flag} needs a whole number between 0 and 100000, got ${v ?? 'nothing'}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--traffic':
        o.traffic = count('--traffic', argv[++i]);
        break;
      case '--hotrod-traffic':
        o.hotrodTraffic = count('--hotrod-traffic', argv[++i]);
        break;
      case '--no-hotrod':
        o.hotrod = false;
        break;
      case '--no-zipkin':
        o.zipkin = false;
        break;
      case '--strategies':
        o.strategies = resolve(argv[++i] ?? '');
        break;
      case '--seed':
        o.seed = count('--seed', argv[++i]);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}; see the header of scripts/stack/start.ts`);
    }
  }
  if (!existsSync(o.strategies)) {
    throw new Error(`sampling strategies file ${o.strategies} does not exist`);
  }
  JSON.parse(readFileSync(o.strategies, 'utf8')); // fail here, with the file named, rather than inside Jaeger
  return o;
}

function locateJaeger(): { jaeger: string; hotrod: string } {
  const fromEnv = process.env.TRACELENS_JAEGER_DIR;
  let dir = fromEnv;
  if (!dir) {
    process.stderr.write('locating the Jaeger build (scripts/jaeger/build-jaeger.sh; ~5 min if not cached)...\n');
    const out = execFileSync('bash', [join(ROOT, 'scripts/jaeger/build-jaeger.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    dir = out.trim().split('\n').pop() ?? '';
  }
  const jaeger = join(dir, 'jaeger');
  const hotrod = join(dir, 'hotrod');
  for (const bin of [jaeger, hotrod]) {
    if (!existsSync(bin)) {
      throw new Error(`expected the built binary ${bin}; check scripts/jaeger/build-jaeger.sh output`);
    }
  }
  return { jaeger, hotrod };
}

/** The Zipkin server jar, fetched into the cache and checksum-verified by scripts/zipkin/fetch-zipkin.sh. */
function locateZipkin(): string {
  const fromEnv = process.env.TRACELENS_ZIPKIN_JAR;
  const jar =
    fromEnv ||
    execFileSync('bash', [join(ROOT, 'scripts/zipkin/fetch-zipkin.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop() ||
    '';
  if (!existsSync(jar)) {
    throw new Error(`expected the Zipkin server jar at ${jar}; check scripts/zipkin/fetch-zipkin.sh output`);
  }
  return jar;
}

/** The last lines of a log, to put the cause into a start-up error. */
function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function deadReason(p: ManagedProcess): () => string | undefined {
  return () => (processAlive(p.pid) ? undefined : `see ${p.log}:\n${tail(p.log)}`);
}

async function startStack(o: StartOptions, dir: string): Promise<StackState> {
  const config = loadDemoConfig();
  const { jaeger, hotrod } = locateJaeger();
  const zipkinJar = o.zipkin ? locateZipkin() : '';
  const servicePorts = SERVICE_NAMES.map((n) => ({ port: config.services[n].port, purpose: `demo service ${n}` }));
  const hotrodPorts = o.hotrod
    ? Object.entries(HOTROD_PORTS).map(([n, port]) => ({ port, purpose: `HotROD ${n}` }))
    : [];
  await assertPortsFree([...JAEGER_PORTS, ...(o.zipkin ? ZIPKIN_PORTS : []), ...servicePorts, ...hotrodPorts]);

  mkdirSync(join(dir, 'logs'), { recursive: true });
  const jaegerConfig = join(ROOT, 'scripts/jaeger/jaeger-config.yaml');
  const jaegerProc: ManagedProcess = {
    name: 'jaeger',
    command: [jaeger, '--config', `file:${jaegerConfig}`],
    log: join(dir, 'logs', 'jaeger.out'),
    pid: 0,
  };
  const state: StackState = {
    version: 1,
    startedAt: new Date().toISOString(),
    stateDir: dir,
    jaeger: {
      ...jaegerProc,
      binary: jaeger,
      config: jaegerConfig,
      strategiesFile: o.strategies,
      queryUrl: `http://${HOST}:16686`,
      otlpHttpUrl: `http://${HOST}:4318`,
      otlpGrpcEndpoint: `${HOST}:4317`,
      samplingUrl: `http://${HOST}:5778`,
      healthUrl: `http://${HOST}:13133/status`,
    },
    services: [],
    hotrod: null,
    traffic: [],
  };
  const cleanup = async () => {
    for (const p of allProcesses(state).reverse()) {
      if (p.pid > 0) {
        await stopGroup(p.pid);
      }
    }
    removeState(dir);
  };
  const onSignal = () => {
    process.stderr.write('interrupted: stopping what was started\n');
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    state.jaeger.pid = spawnDetached({
      command: jaeger,
      args: jaegerProc.command.slice(1),
      log: jaegerProc.log,
      env: { ...process.env, TRACELENS_SAMPLING_FILE: o.strategies },
    });
    writeState(state);
    if (o.zipkin) {
      // Started before waiting on Jaeger: the JVM takes 10-30 s on a busy 2-core machine.
      state.zipkin = startZipkin(zipkinJar, dir);
      writeState(state);
    }
    await waitHttp('Jaeger health', state.jaeger.healthUrl, 30_000, deadReason(state.jaeger));
    await waitHttp('Jaeger query', `${state.jaeger.queryUrl}/api/v3/services`, 30_000, deadReason(state.jaeger));
    await waitHttp(
      'Jaeger sampling',
      `${state.jaeger.samplingUrl}/sampling?service=frontend`,
      30_000,
      deadReason(state.jaeger)
    );

    if (state.zipkin) {
      await waitHttp('Zipkin', `${state.zipkin.url}/health`, 180_000, deadReason(state.zipkin));
    }

    for (const name of SERVICE_NAMES) {
      const args = ['--import', 'tsx', 'demo/services/main.ts', name];
      const log = join(dir, 'logs', `${name}.out`);
      const pid = spawnDetached({
        command: process.execPath,
        args,
        log,
        cwd: ROOT,
        env: {
          ...process.env,
          TRACELENS_STATE_DIR: dir,
          // demo/services/telemetry.ts exports to Zipkin too when this is set.
          TRACELENS_ZIPKIN_URL: state.zipkin?.url ?? '',
        },
      });
      state.services.push({
        name,
        pid,
        command: [process.execPath, ...args],
        log,
        port: config.services[name].port,
        url: serviceUrl(config, name),
        appLog: join(dir, 'logs', `${name}.log`),
      });
      writeState(state);
    }
    // Several tsx processes compile at once on a small shared machine: allow a generous start time.
    await Promise.all(
      state.services.map((s) => waitHttp(`demo service ${s.name}`, `${s.url}/health`, 120_000, deadReason(s)))
    );

    if (o.hotrod) {
      const args = [
        'all',
        ...['--frontend-service-hostname', HOST, '-f', String(HOTROD_PORTS.frontend)],
        ...['--customer-service-hostname', HOST, '-c', String(HOTROD_PORTS.customer)],
        ...['--driver-service-hostname', HOST, '-d', String(HOTROD_PORTS.driver)],
        ...['--route-service-hostname', HOST, '-r', String(HOTROD_PORTS.route)],
        ...['-j', state.jaeger.queryUrl],
      ];
      const log = join(dir, 'logs', 'hotrod.out');
      const pid = spawnDetached({
        command: hotrod,
        args,
        log,
        env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: state.jaeger.otlpHttpUrl },
      });
      state.hotrod = {
        name: 'hotrod',
        pid,
        command: [hotrod, ...args],
        log,
        url: `http://${HOST}:${HOTROD_PORTS.frontend}`,
        services: HOTROD_SERVICES,
      };
      writeState(state);
      await waitHttp('HotROD', `${state.hotrod.url}/config`, 30_000, deadReason(state.hotrod));
    }
    return state;
  } catch (e) {
    await cleanup();
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/**
 * Zipkin 3.5.1 with in-memory storage, its one HTTP port bound to loopback (by default Armeria binds
 * every interface) and the tag keys autocomplete should index.
 */
function startZipkin(jar: string, dir: string): NonNullable<StackState['zipkin']> {
  const port = ZIPKIN_PORTS[0].port;
  const args = [
    '-Xms64m',
    '-Xmx768m',
    '-jar',
    jar,
    `--armeria.ports[0].port=${port}`,
    `--armeria.ports[0].ip=${HOST}`,
    '--armeria.ports[0].protocols[0]=http',
  ];
  const log = join(dir, 'logs', 'zipkin.out');
  const pid = spawnDetached({
    command: 'java',
    args,
    log,
    env: { ...process.env, STORAGE_TYPE: 'mem', AUTOCOMPLETE_KEYS: ZIPKIN_AUTOCOMPLETE_KEYS.join(',') },
  });
  return { name: 'zipkin', pid, command: ['java', ...args], log, jar, url: `http://${HOST}:${port}` };
}

async function waitHttp(what: string, url: string, timeoutMs: number, stillRunning: () => string | undefined) {
  await waitForHttp(what, url, { timeoutMs, stillRunning });
}

export async function driveTraffic(state: StackState, demoRequests: number, hotrodRequests: number, seed: number) {
  const since = Date.now() - 1000;
  const demo = defaultTrafficOptions();
  const summaries = [];
  if (demoRequests > 0) {
    summaries.push(await driveDemoTraffic({ ...demo, requests: demoRequests, seed }));
  }
  if (hotrodRequests > 0 && state.hotrod) {
    summaries.push(
      await driveHotrod(
        state.hotrod.url,
        hotrodRequests,
        { concurrency: 2, timeoutMs: 15_000, maxDurationMs: 120_000 },
        seed
      )
    );
  }
  const landed = await waitForTracesSettled(state.jaeger.queryUrl, since, { timeoutMs: 60_000 });
  const inZipkin = state.zipkin ? await waitForZipkinSettled(state.zipkin.url, since, { timeoutMs: 60_000 }) : null;
  return { summaries, landed, inZipkin };
}

function runningState(dir: string): StackState | undefined {
  const state = readState(dir);
  if (!state) {
    return undefined;
  }
  const procs = allProcesses(state);
  const alive = procs.filter((p) => p.pid > 0 && groupAlive(p.pid));
  if (alive.length === procs.length) {
    return state;
  }
  if (alive.length > 0) {
    throw new Error(
      `the stack in ${stateFile(dir)} is partly running (${alive.map((p) => p.name).join(', ')} alive, ` +
        `${procs
          .filter((p) => !alive.includes(p))
          .map((p) => p.name)
          .join(', ')} gone); run scripts/stack/stop.sh first`
    );
  }
  removeState(dir); // every process is gone: a stale file from a crashed run
  return undefined;
}

function printUrls(state: StackState): void {
  const lines = [
    `Jaeger UI and query API  ${state.jaeger.queryUrl}  (api_v3 at /api/v3)`,
    `OTLP                     ${state.jaeger.otlpHttpUrl} (HTTP), ${state.jaeger.otlpGrpcEndpoint} (gRPC)`,
    `Remote sampling          ${state.jaeger.samplingUrl}/sampling?service=<name>`,
    `Health                   ${state.jaeger.healthUrl}`,
    ...state.services.map((s) => `${s.name.padEnd(25)}${s.url}   log ${s.appLog}`),
    ...(state.zipkin ? [`Zipkin UI and API v2     ${state.zipkin.url}  (api at /api/v2)`] : []),
    ...(state.hotrod ? [`HotROD                   ${state.hotrod.url}`] : []),
    `State file               ${stateFile(state.stateDir)}`,
    `Stop with                scripts/stack/stop.sh`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dir = stateDirFromEnv();
  let state = runningState(dir);
  if (state) {
    process.stdout.write(
      `stack already running (started ${state.startedAt}); reusing it (start options other than traffic are ignored)\n`
    );
  } else {
    state = await startStack(o, dir);
    process.stdout.write('stack started\n');
  }
  const hotrodRequests = o.hotrodTraffic ?? (o.traffic > 0 ? Math.min(20, Math.max(4, Math.ceil(o.traffic / 10))) : 0);
  if (o.traffic > 0 || hotrodRequests > 0) {
    const { summaries, landed, inZipkin } = await driveTraffic(state, o.traffic, hotrodRequests, o.seed);
    state.traffic.push(...summaries);
    writeState(state);
    process.stdout.write(JSON.stringify({ traffic: summaries, inJaeger: landed, inZipkin }, null, 2) + '\n');
  }
  printUrls(state);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`stack start failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

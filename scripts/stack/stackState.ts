/**
 * The stack's state file: which processes scripts/stack/start.ts started, on which ports, and where their
 * logs are. stop.ts, the integration tests' global setup, benchmarks and other tools read it; it is the
 * only contract between them. Default /tmp/tracelens-stack/state.json, moved with TRACELENS_STATE_DIR.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManagedProcess {
  name: string;
  /** Also the process group id: every process is started as a group leader so stop kills its children. */
  pid: number;
  command: string[];
  log: string;
}

export interface DemoServiceEntry extends ManagedProcess {
  port: number;
  url: string;
  /** JSON-lines application log with trace_id/span_id. */
  appLog: string;
}

export interface StackState {
  version: 1;
  startedAt: string;
  stateDir: string;
  jaeger: ManagedProcess & {
    binary: string;
    config: string;
    strategiesFile: string;
    queryUrl: string;
    otlpHttpUrl: string;
    otlpGrpcEndpoint: string;
    samplingUrl: string;
    healthUrl: string;
  };
  services: DemoServiceEntry[];
  hotrod: (ManagedProcess & { url: string; services: string[] }) | null;
  /** The real Zipkin server the demo services also export to (null with --no-zipkin). */
  zipkin?: (ManagedProcess & { jar: string; url: string }) | null;
  /** Summaries of traffic driven by start.ts (--traffic), newest last. */
  traffic: unknown[];
}

export function stateDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRACELENS_STATE_DIR || '/tmp/tracelens-stack';
}

export function stateFile(dir: string = stateDirFromEnv()): string {
  return join(dir, 'state.json');
}

export function readState(dir: string = stateDirFromEnv()): StackState | undefined {
  const file = stateFile(dir);
  if (!existsSync(file)) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as StackState;
    if (parsed.version !== 1) {
      throw new Error(`unknown state version ${String(parsed.version)}`);
    }
    return parsed;
  } catch (e) {
    throw new Error(`stack state file ${file} is unreadable (${(e as Error).message}); remove it after checking ps`);
  }
}

/** Written atomically (rename), so a reader never sees half a file. */
export function writeState(state: StackState): void {
  mkdirSync(state.stateDir, { recursive: true });
  const file = stateFile(state.stateDir);
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2) + '\n');
  renameSync(`${file}.tmp`, file);
}

export function removeState(dir: string): void {
  rmSync(stateFile(dir), { force: true });
}

export function allProcesses(state: StackState): ManagedProcess[] {
  return [
    state.jaeger,
    ...(state.zipkin ? [state.zipkin] : []),
    ...state.services,
    ...(state.hotrod ? [state.hotrod] : []),
  ];
}

/**
 * Every backend TraceLens speaks to. Adding one is a folder under core/backends (see
 * CONTRIBUTING.md, "Adding a backend") and one line in BACKENDS; its name then works as the
 * `backend` provisioning option, as `--<name> URL` in the CLI, and in `createBackend`.
 */
import { TraceLensError } from '../errors';
import { DEFAULT_MAX_CONCURRENCY, DEFAULT_SEARCH_DEPTH } from '../query/common';
import { jaeger } from './jaeger';
import { tempo } from './tempo';
import { zipkin } from './zipkin';
import type { Backend, BackendConfig, BackendModule } from './types';

export const BACKENDS = [jaeger, tempo, zipkin] as const;

/** A registered backend's name: `jaeger`, `tempo`, ... */
export type BackendKind = (typeof BACKENDS)[number]['kind'];

export const BACKEND_KINDS: readonly BackendKind[] = BACKENDS.map((b) => b.kind);

/** The backend of a data source whose settings name none (provisioned before the option existed). */
export const DEFAULT_BACKEND: BackendKind = 'jaeger';

export function isBackendKind(kind: unknown): kind is BackendKind {
  return typeof kind === 'string' && (BACKEND_KINDS as readonly string[]).includes(kind);
}

/** The module registered under `kind`; an unknown name is an 'input' error listing the known ones. */
export function backendModule(kind: string): BackendModule {
  const found = BACKENDS.find((b) => b.kind === kind);
  if (!found) {
    throw new TraceLensError(
      'input',
      `unknown backend kind ${JSON.stringify(kind)}: expected one of ${BACKEND_KINDS.join(', ')}`
    );
  }
  return found;
}

function positive(n: number | undefined, fallback: number, what: string): number {
  if (n === undefined) {
    return fallback;
  }
  if (!Number.isFinite(n) || n < 1) {
    throw new TraceLensError('input', `${what} must be a positive number, got ${n}`);
  }
  return Math.floor(n);
}

/** The one entry point shells use: a backend that answers TraceQL, whichever server it is. */
export function createBackend(config: BackendConfig): Backend {
  const module = backendModule(config.kind);
  return module.create({
    transport: config.transport,
    samplingTransport: config.samplingTransport,
    searchDepth: positive(config.searchDepth, DEFAULT_SEARCH_DEPTH, 'searchDepth'),
    maxConcurrency: positive(config.maxConcurrency, DEFAULT_MAX_CONCURRENCY, 'maxConcurrency'),
  });
}

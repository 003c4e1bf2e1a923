import { TraceLensError } from '../errors';
import { DEFAULT_MAX_CONCURRENCY, DEFAULT_SEARCH_DEPTH } from './common';
import { JaegerBackend } from './jaegerBackend';
import { TempoBackend } from './tempoBackend';
import type { Backend, BackendConfig } from './types';

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
  const searchDepth = positive(config.searchDepth, DEFAULT_SEARCH_DEPTH, 'searchDepth');
  const maxConcurrency = positive(config.maxConcurrency, DEFAULT_MAX_CONCURRENCY, 'maxConcurrency');
  switch (config.kind) {
    case 'jaeger':
      return new JaegerBackend(config.transport, {
        samplingTransport: config.samplingTransport,
        searchDepth,
        maxConcurrency,
      });
    case 'tempo':
      return new TempoBackend(config.transport, { searchDepth, maxConcurrency });
    default:
      throw new TraceLensError('input', `unknown backend kind ${JSON.stringify((config as { kind: unknown }).kind)}`);
  }
}

import type { Trace } from '../../model/types';
import { ServiceGraphFold } from './graphFold';
import type { ServiceGraph } from './types';

export interface BuildServiceGraphOptions {
  /** Seconds the traces cover; request rates are requests / windowSeconds. */
  readonly windowSeconds: number;
  /** 'peers' adds databases, caches, queues and external peers named by client spans. */
  readonly detail?: 'services' | 'peers';
}

/** The service graph of traces already in hand (see ServiceGraphFold for what counts). */
export function buildServiceGraph(traces: Iterable<Trace>, opts: BuildServiceGraphOptions): ServiceGraph {
  const fold = new ServiceGraphFold({ detail: opts.detail });
  for (const trace of traces) {
    fold.add(trace);
  }
  return fold.graph(opts.windowSeconds > 0 ? opts.windowSeconds : null);
}

import type { Backend } from '../../backends';
import type { Notice, Window } from '../../query';
import type { Completeness } from '../../scan';
import { ServiceGraphFold, type ServiceGraph } from '../serviceGraph';
import { scanMatching, type RunProgress, type WindowRunOptions } from './scanMatching';

export interface GraphRun {
  readonly graph: ServiceGraph;
  readonly completeness: Completeness;
  readonly notices: readonly Notice[];
}

export interface GraphRunOptions extends WindowRunOptions {
  /** TraceQL choosing the traces the graph is built from (default `{}`: every trace). */
  readonly query?: string;
  readonly detail?: 'services' | 'peers';
  readonly onProgress?: (p: RunProgress<ServiceGraph>) => void;
}

/**
 * The service graph of every trace in the window that the query matches, folded as the window is
 * read (see scanMatching); rates are over the whole window, so with an incomplete scan they are
 * lower bounds, and `completeness` says so.
 */
export async function runServiceGraph(
  backend: Pick<Backend, 'scan'>,
  window: Window,
  opts: GraphRunOptions = {}
): Promise<GraphRun> {
  const fold = new ServiceGraphFold({ detail: opts.detail });
  const windowSeconds = Number(window.end - window.start) / 1e9;
  const progress = opts.onProgress;
  const run = await scanMatching(
    backend,
    opts.query ?? '{}',
    window,
    opts,
    (trace) => fold.add(trace),
    progress ? (completeness) => progress({ completeness, snapshot: () => fold.graph(windowSeconds) }) : undefined
  );
  return { graph: fold.graph(windowSeconds), completeness: run.completeness, notices: run.notices };
}

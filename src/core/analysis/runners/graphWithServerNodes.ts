import { errorMessage } from '../../errors';
import type { Notice, Window } from '../../query';
import { withServerNodeFigures, type ServiceGraph } from '../serviceGraph';
import { runServiceGraph, type GraphRun, type GraphRunOptions } from './graph';
import { serviceMetricsFromServer, type MetricsBackend, type ServiceMetricsRun } from './serviceMetrics';

type ServerAnswer = { readonly run: ServiceMetricsRun | undefined } | { readonly error: unknown };

/** `{}` or nothing: the graph of every trace, which is what the server's aggregates describe. */
function everyTrace(query: string | undefined): boolean {
  const q = (query ?? '').replace(/\s+/g, '');
  return q === '' || q === '{}';
}

/**
 * The service graph, with the service nodes' figures taken from the backend's own TraceQL metrics
 * when it runs them over every span (Tempo): request rate, errors and p50/p95/p99 of each
 * service's server spans in the window, exact whatever the trace budget. Calls between services
 * (the edges) can only come from traces, so the window is still scanned for them; both are asked
 * at once. A TraceQL filter narrows the traces but not the server's aggregates, so a filtered graph,
 * or a backend without TraceQL metrics, is the scan's alone. When the server cannot answer over
 * every span, answers in part or fails, the node figures stay the traces' and a notice says why.
 */
export async function runServiceGraphWithServerNodes(
  backend: MetricsBackend,
  window: Window,
  opts: GraphRunOptions = {}
): Promise<GraphRun> {
  if (!backend.features.traceqlMetrics || !everyTrace(opts.query)) {
    return runServiceGraph(backend, window, opts);
  }
  let usable: ServiceMetricsRun | undefined;
  const asked: Promise<ServerAnswer> = serviceMetricsFromServer(backend, window).then(
    (run) => {
      if (run?.completeness.complete) {
        usable = run;
      }
      return { run };
    },
    (error: unknown) => ({ error })
  );
  const overlay = (g: ServiceGraph): ServiceGraph => (usable ? withServerNodeFigures(g, usable.metrics).graph : g);
  const progress = opts.onProgress;
  const scanned = await runServiceGraph(backend, window, {
    ...opts,
    // Partial graphs carry the server's node figures as soon as they are in.
    onProgress: progress ? (p) => progress({ ...p, snapshot: () => overlay(p.snapshot()) }) : undefined,
  });
  const answer = await asked;
  const label = backend.label;
  const fallback = 'so node figures are from the traces read';
  let note: Notice;
  let graph = scanned.graph;
  if ('error' in answer) {
    note = {
      severity: 'warning',
      text: `${label}'s TraceQL metrics failed (${errorMessage(answer.error)}), ${fallback}.`,
    };
  } else if (answer.run === undefined) {
    note = { severity: 'info', text: `${label} could not run TraceQL metrics over every span itself, ${fallback}.` };
  } else if (usable === undefined) {
    const why = answer.run.completeness.why?.message ?? `${label} answered in part`;
    note = { severity: 'warning', text: `${why}, ${fallback}.` };
  } else {
    const merged = withServerNodeFigures(scanned.graph, usable.metrics);
    graph = merged.graph;
    const rest =
      merged.fromTraces.length > 0
        ? ` ${merged.fromTraces.join(', ')}: no server spans in that answer, so from the traces read.`
        : '';
    note = {
      severity: 'info',
      text:
        `Service nodes: requests, errors and p50/p95/p99 of their server spans, from ${label}'s TraceQL metrics ` +
        `over every span in the window (exact); calls between services from the traces read.${rest}`,
    };
  }
  return { graph, completeness: scanned.completeness, notices: [note, ...scanned.notices] };
}

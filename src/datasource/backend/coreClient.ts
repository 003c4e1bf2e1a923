import { buildServiceGraph } from '../../core/analysis/serviceGraph';
import { sampleFromSpan, sampleFromTrace, type LatencySample } from '../../core/analysis/latency';
import { evaluateTrace } from '../../core/engine';
import { TraceLensError } from '../../core/errors';
import { createBackend } from '../../core/query';
import type { Backend, Window } from '../../core/query/types';
import type { Trace } from '../../core/model/types';
import { parseTraceQL } from '../language/traceql';
import { samplingOver } from './sampling';
import type { CallOptions, ClientConfig, LatencyRequest, TimeWindow, TraceLensClient } from './types';

/**
 * The data source's client over the core's Backend. This is the only file that knows the core's
 * signatures (nanosecond bigint windows, signal placement), so a core change is fixed here.
 */
export function createCoreClient(config: ClientConfig): TraceLensClient {
  const backend = createBackend({
    kind: config.kind,
    transport: config.transport,
    samplingTransport: config.samplingTransport,
    searchDepth: config.searchDepth,
    maxConcurrency: config.maxConcurrency,
  });
  return clientOver(backend, {
    strategiesConfigured: config.samplingTransport !== undefined,
    maxConcurrency: config.maxConcurrency ?? 4,
  });
}

function toWindow(w: TimeWindow, options?: CallOptions): Window {
  return {
    start: BigInt(Math.floor(w.startMs)) * 1_000_000n,
    end: BigInt(Math.ceil(w.endMs)) * 1_000_000n,
    signal: options?.signal,
  };
}

function unique(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort();
}

/** Exported for tests, which wrap a core Backend built over a fake transport. */
export function clientOver(
  backend: Backend,
  opts: { strategiesConfigured: boolean; maxConcurrency: number }
): TraceLensClient {
  return {
    async detect(options) {
      const h = await backend.detect(options?.signal);
      return { kind: h.kind, api: h.api, version: h.version || undefined, message: h.message };
    },
    async search(request, options) {
      const { response, notices } = await backend.search(request.query, {
        ...toWindow(request.window, options),
        limit: request.limit,
        spss: request.spss,
      });
      return { response, notices };
    },
    getTrace(traceId, _window, options) {
      return backend.getTrace(traceId, options?.signal);
    },
    async services(options) {
      return unique(await backend.services(options?.signal));
    },
    async operations(service, options) {
      return unique((await backend.operations(service, options?.signal)).map((o) => o.name));
    },
    async tags(_request, options) {
      const scopes = await backend.tags(options?.signal);
      return scopes.map((s) => ({ name: s.name, tags: s.tags }));
    },
    async tagValues(tag, request, options) {
      return unique((await backend.tagValues(tag, request.query, options?.signal)).map((v) => v.value));
    },
    async metrics(request, options) {
      const window = toWindow(request.window, options);
      if (request.instant) {
        const r = await backend.metricsInstant(request.query, window);
        return { series: r.response.series, notices: r.notices };
      }
      const r = await backend.metrics(request.query, {
        ...window,
        step: (request.stepSeconds ?? 60) * 1e9,
        exemplars: request.exemplars,
      });
      return { series: r.response.series, notices: r.notices };
    },
    async explain(query, window) {
      return (await backend.explain(query, toWindow(window))).text;
    },
    async serviceGraph(request, options) {
      const fetched = await backend.fetchTraces(request.query ?? '{}', toWindow(request.window, options));
      const windowSeconds = Math.max(1, (request.window.endMs - request.window.startMs) / 1000);
      return {
        graph: buildServiceGraph(fetched.traces, { windowSeconds, detail: request.detail }),
        notices: fetched.notices,
      };
    },
    async latency(request, options) {
      const fetched = await backend.fetchTraces(request.query, toWindow(request.window, options));
      return { samples: latencySamples(request, fetched.traces), notices: fetched.notices };
    },
    sampling(request, options) {
      return samplingOver(
        backend,
        request,
        toWindow(request.window, options),
        opts.strategiesConfigured,
        opts.maxConcurrency
      );
    },
  };
}

/**
 * Span latency plots the spans the query matched (not every span of a matching trace); trace
 * latency plots one sample per matching trace. The engine decides which spans matched.
 */
function latencySamples(request: LatencyRequest, traces: readonly Trace[]): LatencySample[] {
  if (request.durationKind === 'trace') {
    return traces.map(sampleFromTrace).filter((s): s is LatencySample => s !== undefined);
  }
  const parsed = parseTraceQL(request.query);
  if (!parsed.ok) {
    throw new TraceLensError(
      'parse',
      `${parsed.error.message} at line ${parsed.error.line}, column ${parsed.error.column}`
    );
  }
  const samples: LatencySample[] = [];
  for (const trace of traces) {
    const outcome = evaluateTrace(parsed.value, trace);
    if (!outcome.ok) {
      throw outcome.error;
    }
    const seen = new Set<string>();
    for (const set of outcome.spansets) {
      for (const span of set.spans) {
        if (!seen.has(span.spanId)) {
          seen.add(span.spanId);
          samples.push(sampleFromSpan(span));
        }
      }
    }
  }
  return samples;
}

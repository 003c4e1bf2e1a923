import { runLatency, runSampling, runServiceGraphWithServerNodes } from '../../core/analysis/runners';
import { serviceGraphFromDependencies } from '../../core/analysis/serviceGraph';
import { createBackend, type Backend } from '../../core/backends';
import { differencesText } from '../../core/plan';
import { parseQuery } from '../../core/query';
import type { Window } from '../../core/query/types';
import type { CallOptions, ClientConfig, TimeWindow, TraceLensClient } from './types';

/**
 * The data source's client over the core's Backend. This is the only file that knows the core's
 * signatures (nanosecond bigint windows, signal placement), so a core change is fixed here.
 */
export function createCoreClient(config: ClientConfig): TraceLensClient {
  let backend: Backend;
  try {
    backend = createBackend({
      kind: config.kind,
      transport: config.transport,
      samplingTransport: config.samplingTransport,
      searchDepth: config.searchDepth,
      maxConcurrency: config.maxConcurrency,
    });
  } catch (err) {
    // Settings this build cannot use (a backend it does not know, a limit below 1) must not stop
    // the data source from loading: every query and the health check then say what is wrong.
    return failingClient(err);
  }
  return clientOver(backend, {
    strategiesConfigured: config.samplingTransport !== undefined,
    maxConcurrency: config.maxConcurrency ?? 4,
    maxTraces: config.maxTraces,
  });
}

/** A client whose every call rejects with `err`. */
export function failingClient(err: unknown): TraceLensClient {
  const fail = () => Promise.reject(err);
  return {
    detect: fail,
    search: fail,
    getTrace: fail,
    services: fail,
    operations: fail,
    tags: fail,
    tagValues: fail,
    metrics: fail,
    explain: fail,
    serviceGraph: fail,
    dependencyGraph: fail,
    latency: fail,
    sampling: fail,
  };
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
  opts: { strategiesConfigured: boolean; maxConcurrency: number; maxTraces?: number }
): TraceLensClient {
  const scan = { maxConcurrency: opts.maxConcurrency, maxTraces: opts.maxTraces };
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
      const explained = await backend.explain(query, toWindow(window));
      return explained.text + differencesText(parseQuery(query));
    },
    async serviceGraph(request, options) {
      const window = toWindow(request.window, options);
      const progress = options?.onProgress;
      // Tempo's own aggregates give exact node figures; edges still come from the traces.
      const run = await runServiceGraphWithServerNodes(backend, window, {
        ...scan,
        query: request.query ?? '{}',
        detail: request.detail,
        onProgress: progress
          ? (p) => progress({ graph: p.snapshot(), notices: [], completeness: p.completeness })
          : undefined,
      });
      return { graph: run.graph, notices: run.notices, completeness: run.completeness };
    },
    async dependencyGraph(request, options) {
      const window = toWindow(request.window, options);
      const links = await backend.dependencies(window);
      const graph = serviceGraphFromDependencies(links, { windowSeconds: Number(window.end - window.start) / 1e9 });
      const text =
        `Calls counted by ${backend.label} itself (its dependencies API) over every trace it stored in the range; ` +
        'it gives no errors or latency.';
      return { graph, notices: [{ severity: 'info', text }] };
    },
    async latency(request, options) {
      const progress = options?.onProgress;
      const run = await runLatency(backend, request.query, toWindow(request.window, options), request.durationKind, {
        ...scan,
        onProgress: progress
          ? (p) => progress({ samples: p.snapshot(), notices: [], completeness: p.completeness })
          : undefined,
      });
      return { samples: run.samples, notices: run.notices, completeness: run.completeness };
    },
    async sampling(request, options) {
      const run = await runSampling(backend, toWindow(request.window, options), {
        ...scan,
        query: request.query,
        byOperation: request.byOperation,
        useStrategies: opts.strategiesConfigured,
      });
      return { rows: run.rows, notices: run.notices, sources: run.sources, completeness: run.completeness };
    },
  };
}

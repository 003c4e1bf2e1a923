import { estimateSampling, type JaegerStrategy, type ServiceSampling } from '../../core/analysis/sampling';
import type { SamplingStrategy } from '../../core/backends';
import { errorMessage } from '../../core/errors';
import { mapBounded, type Backend, type Window } from '../../core/query';
import type { BackendNotice, SamplingRequest, SamplingResult } from './types';

/** The remote-sampling answer in the shape the sampling analysis reads (Jaeger's own JSON). */
export function toJaegerStrategy(s: SamplingStrategy): JaegerStrategy {
  return {
    strategyType: s.strategyType,
    probabilisticSampling: s.samplingRate !== undefined ? { samplingRate: s.samplingRate } : undefined,
    rateLimitingSampling: s.maxTracesPerSecond !== undefined ? { maxTracesPerSecond: s.maxTracesPerSecond } : undefined,
    operationSampling:
      s.operations.length > 0
        ? {
            defaultSamplingProbability: s.samplingRate,
            perOperationStrategies: s.operations.map((o) => ({
              operation: o.operation,
              probabilisticSampling: { samplingRate: o.samplingRate },
            })),
          }
        : undefined,
  };
}

/**
 * What sampling keeps and costs: traces in the window, plus Jaeger's configured strategies when a
 * sampling URL is set. A strategy that cannot be read is a visible notice, not a silent gap: the
 * analysis then says the sampler is unknown rather than guessing.
 */
export async function samplingOver(
  backend: Backend,
  request: SamplingRequest,
  window: Window,
  strategiesConfigured: boolean,
  maxConcurrency: number
): Promise<SamplingResult> {
  const fetched = await backend.fetchTraces(request.query, window);
  const notices: BackendNotice[] = [...fetched.notices];
  const strategies = new Map<string, JaegerStrategy>();
  const sources: string[] = [];
  if (strategiesConfigured && backend.kind === 'jaeger') {
    const services = [...new Set(fetched.traces.flatMap((t) => t.spans.map((s) => s.resource.serviceName)))].sort();
    const answers = await mapBounded(
      services,
      maxConcurrency,
      (service, signal) =>
        backend.samplingStrategy(service, signal).then(
          (s) => ({ service, strategy: s, error: undefined }),
          (e: unknown) => ({ service, strategy: undefined, error: errorMessage(e) })
        ),
      window.signal
    );
    for (const a of answers) {
      if (a.strategy) {
        strategies.set(a.service, toJaegerStrategy(a.strategy));
      } else {
        notices.push({ severity: 'warning', text: `Could not read the sampling strategy of ${a.service}: ${a.error}` });
      }
    }
    sources.push("Jaeger's remote-sampling endpoint");
  }
  const windowSeconds = Math.max(1, Number(window.end - window.start) / 1e9);
  const rows: ServiceSampling[] = estimateSampling({
    traces: fetched.traces,
    windowSeconds,
    bytesFetched: fetched.stats.bytesFetched,
    strategies,
    byOperation: request.byOperation,
  });
  return { rows, notices, sources };
}

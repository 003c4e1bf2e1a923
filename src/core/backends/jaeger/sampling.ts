import { TraceLensError } from '../../errors';
import { call, httpError, isRecord, malformed, parseJson, type Endpoint } from '../http';
import { buildPath } from '../paths';
import { JAEGER_SAMPLING_PATHS } from './paths';
import type { Transport } from '../transport';
import type { SamplingStrategy } from './types';

const EP: Endpoint = { backend: 'Jaeger', name: '/sampling' };

/**
 * The strategy Jaeger's remote-sampling endpoint (port 5778) hands to SDKs for `service`. It lives on
 * its own port, hence its own transport.
 */
export async function fetchSamplingStrategy(
  transport: Transport,
  service: string,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {}
): Promise<SamplingStrategy> {
  if (service.trim() === '') {
    throw new TraceLensError('input', 'a sampling strategy needs a service name');
  }
  const res = await call(transport, EP, {
    method: 'GET',
    path: buildPath(JAEGER_SAMPLING_PATHS, '/sampling'),
    query: { service },
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
  });
  if (res.status < 200 || res.status >= 300) {
    throw httpError(EP, res);
  }
  return parseStrategy(service, parseJson(EP, res.body, res.headers['content-type']));
}

function parseStrategy(service: string, json: unknown): SamplingStrategy {
  if (!isRecord(json)) {
    throw malformed(EP, 'expected an object');
  }
  const type = json.strategyType ?? 'PROBABILISTIC';
  if (type !== 'PROBABILISTIC' && type !== 'RATE_LIMITING' && type !== 0 && type !== 1) {
    throw malformed(EP, `unknown strategyType ${JSON.stringify(type)}`);
  }
  const strategyType = type === 'RATE_LIMITING' || type === 1 ? 'RATE_LIMITING' : 'PROBABILISTIC';
  const prob = isRecord(json.probabilisticSampling) ? num(json.probabilisticSampling.samplingRate) : undefined;
  const rate = isRecord(json.rateLimitingSampling) ? num(json.rateLimitingSampling.maxTracesPerSecond) : undefined;
  const opSampling = isRecord(json.operationSampling) ? json.operationSampling : undefined;
  const perOp = opSampling && Array.isArray(opSampling.perOperationStrategies) ? opSampling.perOperationStrategies : [];
  const operations = perOp.map((o) => {
    if (!isRecord(o) || typeof o.operation !== 'string' || !isRecord(o.probabilisticSampling)) {
      throw malformed(EP, 'a per-operation strategy without operation and probabilisticSampling');
    }
    return { operation: o.operation, samplingRate: num(o.probabilisticSampling.samplingRate) ?? 0 };
  });
  return {
    service,
    strategyType,
    samplingRate: opSampling ? (num(opSampling.defaultSamplingProbability) ?? prob) : prob,
    maxTracesPerSecond: rate,
    operations,
    defaultLowerBoundTracesPerSecond: opSampling ? num(opSampling.defaultLowerBoundTracesPerSecond) : undefined,
  };
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

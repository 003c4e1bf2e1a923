/**
 * Which sampler a demo service runs, from TRACELENS_SAMPLER, so the overhead benchmark and the sampling
 * ground-truth test can run the same services untraced or at a known probability:
 *   unset or `jaeger-remote`  the Jaeger remote sampler against Jaeger's strategies (the stack's default)
 *   `consistent:<p>`          ConsistentProbabilitySampler at p in (0, 1], writing `ot=th:` into tracestate
 *   `off`                     no tracer provider, exporter or instrumentation at all
 */
import type { SamplingStatus } from '../services/samplingAdapter';

export type SamplerChoice =
  | { readonly kind: 'jaeger-remote' }
  | { readonly kind: 'consistent'; readonly probability: number }
  | { readonly kind: 'off' };

export const SAMPLER_ENV = 'TRACELENS_SAMPLER';

export function parseSamplerChoice(text: string | undefined): SamplerChoice {
  const value = (text ?? '').trim();
  if (value === '' || value === 'jaeger-remote') {
    return { kind: 'jaeger-remote' };
  }
  if (value === 'off') {
    return { kind: 'off' };
  }
  const m = /^consistent:(.+)$/.exec(value);
  if (m) {
    const p = Number(m[1]);
    if (!(Number.isFinite(p) && p > 0 && p <= 1)) {
      throw new Error(`${SAMPLER_ENV}=${value}: the probability must be a number in (0, 1]`);
    }
    return { kind: 'consistent', probability: p };
  }
  // A typo must not silently fall back to another sampler: the benchmark would measure the wrong thing.
  throw new Error(`${SAMPLER_ENV}=${value} is not one of: jaeger-remote, consistent:<p>, off`);
}

export function samplerChoiceFromEnv(env: NodeJS.ProcessEnv = process.env): SamplerChoice {
  return parseSamplerChoice(env[SAMPLER_ENV]);
}

/**
 * What /health reports for a sampler fixed at start-up. serviceApp.ts says "ready" once `relayed > 0`
 * (the remote sampler has its strategy); a fixed sampler has had its setting from the start.
 */
export function fixedSamplingStatus(choice: Exclude<SamplerChoice, { kind: 'jaeger-remote' }>): SamplingStatus {
  return choice.kind === 'off'
    ? { relayed: 1, strategyType: 'OFF', probability: 0 }
    : { relayed: 1, strategyType: 'CONSISTENT_PROBABILITY', probability: choice.probability };
}

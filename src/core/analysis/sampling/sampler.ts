import type { AttributeValue, Span } from '../../model/types';
import { WholeDouble } from '../../model/wholeDouble';
import { probabilityFromTraceState } from './tracestate';

/** Where a trace's sampling probability came from (the CLI's and panel's `sampler` field). */
export type SamplerKind = 'tracestate' | 'jaeger-tags' | 'strategy' | 'rate-limited' | 'unknown';

export interface SamplerInfo {
  readonly kind: SamplerKind;
  /** Probability this trace was kept with; null when it cannot honestly be known. */
  readonly probability: number | null;
  /** Human-readable source, e.g. "tracestate ot=th:fd70a" or "sampler.type=probabilistic". */
  readonly detail: string;
}

/** Jaeger's remote-sampling strategy for one service (GET :5778/sampling?service=), §4.3. */
export interface JaegerStrategy {
  readonly strategyType?: 'PROBABILISTIC' | 'RATE_LIMITING' | string;
  readonly probabilisticSampling?: { readonly samplingRate?: number };
  readonly rateLimitingSampling?: { readonly maxTracesPerSecond?: number };
  readonly operationSampling?: {
    readonly defaultSamplingProbability?: number;
    readonly perOperationStrategies?: ReadonlyArray<{
      readonly operation: string;
      readonly probabilisticSampling?: { readonly samplingRate?: number };
    }>;
  };
}

function attr(span: Span, key: string): AttributeValue | undefined {
  return span.attributes[key] ?? span.resource.attributes[key];
}

function num(v: AttributeValue | undefined): number | undefined {
  if (typeof v === 'number') {
    return v;
  }
  if (v instanceof WholeDouble) {
    return v.value;
  }
  if (typeof v === 'bigint') {
    return Number(v);
  }
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) {
    return Number(v);
  }
  return undefined;
}

/** Jaeger client tags (`sampler.type`/`sampler.param`, or the `jaeger.`-prefixed form), §5.1. */
function fromJaegerTags(span: Span): SamplerInfo | undefined {
  for (const prefix of ['sampler.', 'jaeger.sampler.']) {
    const type = attr(span, `${prefix}type`);
    if (typeof type !== 'string') {
      continue;
    }
    const param = num(attr(span, `${prefix}param`));
    const detail = `${prefix}type=${type}${param !== undefined ? ` ${prefix}param=${param}` : ''}`;
    switch (type) {
      case 'probabilistic':
        return param !== undefined && param > 0 && param <= 1
          ? { kind: 'jaeger-tags', probability: param, detail }
          : { kind: 'unknown', probability: null, detail: `${detail} (not a probability)` };
      case 'const':
        return param === 1 || param === undefined
          ? { kind: 'jaeger-tags', probability: 1, detail }
          : { kind: 'unknown', probability: null, detail };
      case 'ratelimiting':
      case 'lowerbound':
        return { kind: 'rate-limited', probability: null, detail };
      default:
        return { kind: 'unknown', probability: null, detail };
    }
  }
  return undefined;
}

/** Honeycomb-style `SampleRate` (keep 1 in N). */
function fromSampleRate(span: Span): SamplerInfo | undefined {
  const n = num(attr(span, 'SampleRate') ?? attr(span, 'sample.rate') ?? attr(span, 'sampleRate'));
  return n !== undefined && n >= 1 ? { kind: 'jaeger-tags', probability: 1 / n, detail: `SampleRate=${n}` } : undefined;
}

/** The probability Jaeger's strategy gives a root span of this operation. */
export function strategyProbability(strategy: JaegerStrategy, operation: string): SamplerInfo {
  const perOp = strategy.operationSampling?.perOperationStrategies?.find((o) => o.operation === operation);
  const opRate = perOp?.probabilisticSampling?.samplingRate;
  if (opRate !== undefined) {
    return { kind: 'strategy', probability: opRate, detail: `Jaeger strategy for operation "${operation}": ${opRate}` };
  }
  if (strategy.strategyType === 'RATE_LIMITING') {
    const tps = strategy.rateLimitingSampling?.maxTracesPerSecond;
    return {
      kind: 'rate-limited',
      probability: null,
      detail: `Jaeger strategy: rate limited to ${tps ?? '?'} traces/s`,
    };
  }
  const rate = strategy.operationSampling?.defaultSamplingProbability ?? strategy.probabilisticSampling?.samplingRate;
  if (rate !== undefined && rate > 0 && rate <= 1) {
    return { kind: 'strategy', probability: rate, detail: `Jaeger strategy: probabilistic ${rate}` };
  }
  return { kind: 'unknown', probability: null, detail: 'Jaeger strategy without a probability' };
}

/**
 * What a root span says about the sampler that kept its trace: the exact tracestate threshold first,
 * then Jaeger client tags or a SampleRate attribute. 'silent' when it says nothing usable (with why,
 * when a tracestate threshold was there but unreadable): then only a strategy can say.
 */
export function evidenceOfRoot(
  root: Span
): { readonly kind: 'said'; readonly info: SamplerInfo } | { readonly kind: 'silent'; readonly invalid?: string } {
  const fromState = probabilityFromTraceState(root.traceState);
  if (typeof fromState === 'number') {
    return {
      kind: 'said',
      info: { kind: 'tracestate', probability: fromState, detail: `tracestate ${root.traceState}` },
    };
  }
  const tags = fromJaegerTags(root) ?? fromSampleRate(root);
  if (tags) {
    return { kind: 'said', info: tags };
  }
  return { kind: 'silent', invalid: fromState !== undefined ? fromState.invalid : undefined };
}

/**
 * The sampler that decided to keep a trace, read from its root span (evidenceOfRoot), then the
 * strategy Jaeger serves for the service (the SDK asked Jaeger for it), else unknown. Never a guess.
 */
export function samplerOfRoot(root: Span, strategy?: JaegerStrategy): SamplerInfo {
  const evidence = evidenceOfRoot(root);
  if (evidence.kind === 'said') {
    return evidence.info;
  }
  if (strategy) {
    return strategyProbability(strategy, root.name);
  }
  return {
    kind: 'unknown',
    probability: null,
    detail: evidence.invalid ?? 'no tracestate threshold, sampler tags or strategy',
  };
}

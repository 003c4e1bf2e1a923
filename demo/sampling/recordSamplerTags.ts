/**
 * Jaeger's own SDKs write `sampler.type` and `sampler.param` on every root span they keep, so whoever
 * reads the stored trace knows the probability it was kept with. OpenTelemetry's Jaeger remote sampler
 * writes nothing, which leaves the sampling panel one way to learn a demo service's rate: the strategy
 * Jaeger serves for its name. HotROD also reports a `frontend` and keeps every trace (its Go SDK runs
 * the default always-on sampler and records nothing either), so a strategy for "frontend" cannot be
 * told apart between the two, and neither gets an estimate. This wrapper puts the Jaeger SDKs' tags
 * back: each demo service then says its own rate, whoever shares its name.
 */
import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import { type Sampler, SamplingDecision, type SamplingResult } from '@opentelemetry/sdk-trace-base';

/**
 * The probability the remote sampler applies to a root span named `spanName`, read from its
 * description (the package exposes no other way): `TraceIdRatioBased{p}` for a probabilistic strategy,
 * the operation's own entry or the default in a `PerOperationSampler{…}`. Undefined when the
 * description holds neither (the initial always-off sampler, a strategy type it does not support):
 * then nothing is recorded, rather than a guess.
 */
export function remoteSamplerProbability(description: string, spanName: string): number | undefined {
  const ratio = (text: string | undefined) => {
    const m = text === undefined ? null : /^TraceIdRatioBased\{([0-9.eE+-]+)\}/.exec(text);
    const p = m ? Number(m[1]) : NaN;
    return Number.isFinite(p) && p > 0 && p <= 1 ? p : undefined;
  };
  const at = description.indexOf('sampler=ParentBased{root=');
  if (at < 0) {
    return undefined;
  }
  const root = description.slice(at + 'sampler=ParentBased{root='.length);
  if (!root.startsWith('PerOperationSampler{')) {
    return ratio(root);
  }
  const perOperation = root.indexOf('perOperationSamplers={');
  if (perOperation >= 0) {
    const entry = root.indexOf(`${spanName}=TraceIdRatioBased{`, perOperation);
    // The operation's name must start an entry (after `{` or `,`), not end another one.
    if (entry > 0 && (root[entry - 1] === '{' || root[entry - 1] === ',')) {
      return ratio(root.slice(entry + spanName.length + 1));
    }
  }
  const fallback = root.indexOf('default=');
  return fallback >= 0 ? ratio(root.slice(fallback + 'default='.length)) : undefined;
}

/** Decides as `inner` does; on a kept span, adds the Jaeger SDKs' sampler tags for the probability used. */
export class RecordSamplerTags implements Sampler {
  constructor(private readonly inner: Sampler) {}

  shouldSample(
    context: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[]
  ): SamplingResult {
    // Read in the same synchronous turn as the decision: the remote sampler swaps strategies only in
    // its poller's callback, so the probability recorded is the one this decision used.
    const p = remoteSamplerProbability(this.inner.toString(), spanName);
    const result = this.inner.shouldSample(context, traceId, spanName, spanKind, attributes, links);
    if (result.decision !== SamplingDecision.RECORD_AND_SAMPLED || p === undefined) {
      return result;
    }
    return { ...result, attributes: { ...result.attributes, 'sampler.type': 'probabilistic', 'sampler.param': p } };
  }

  toString(): string {
    return `RecordSamplerTags{${this.inner.toString()}}`;
  }
}

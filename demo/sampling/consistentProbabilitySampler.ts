/**
 * OpenTelemetry consistent probability sampling (docs/reference/protocols.md §5.2), written here because
 * @opentelemetry/sampler-composite is not installed. A root span is kept when its randomness R is at least
 * the rejection threshold T for probability p, and a kept root carries `ot=th:<T as hex>` in tracestate, so
 * anyone reading the stored trace (the sampling panel, Tempo's span multiplier) knows its exact weight 1/p.
 * Child spans follow their parent's decision and keep its tracestate, so a whole trace shares one `th`.
 *
 * R is an explicit `rv` in the inbound tracestate when there is one, else the low 56 bits of the trace id:
 * the SDK's RandomIdGenerator makes every trace id bit random (what W3C Level 2 calls a random trace id).
 */
import {
  type Context,
  createTraceState,
  isSpanContextValid,
  trace,
  TraceFlags,
  type TraceState,
} from '@opentelemetry/api';
import { type Sampler, SamplingDecision, type SamplingResult } from '@opentelemetry/sdk-trace-base';

import { parseThreshold, thresholdForProbability } from '../../src/core/analysis/sampling/tracestate';

const RANDOMNESS_HEX_DIGITS = 14;
const RANDOMNESS_PATTERN = /^[0-9a-f]{14}$/;

/** The `ot` entry's sub-keys in order (`th:c;rv:…` → [['th','c'],['rv','…']]); malformed parts are dropped. */
export function otSubKeys(traceState: TraceState | undefined): Array<[string, string]> {
  const value = traceState?.get('ot');
  if (!value) {
    return [];
  }
  const keys: Array<[string, string]> = [];
  for (const part of value.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) {
      keys.push([part.slice(0, colon), part.slice(colon + 1)]);
    }
  }
  return keys;
}

/** The 56-bit randomness of a trace: explicit `rv` wins, else the trace id's low 56 bits. */
export function randomnessOf(traceId: string, traceState: TraceState | undefined): bigint {
  const rv = otSubKeys(traceState).find(([k]) => k === 'rv')?.[1];
  if (rv !== undefined && RANDOMNESS_PATTERN.test(rv)) {
    return BigInt(`0x${rv}`);
  }
  // An invalid rv is ignored (the spec's "treat as missing"), rather than sampling on garbage.
  return BigInt(`0x${traceId.slice(-RANDOMNESS_HEX_DIGITS)}`);
}

/**
 * The tracestate with `ot`'s `th` set to `threshold` (or removed when undefined). Other `ot` sub-keys
 * (`rv`, future ones) and other vendors' entries are kept; `ot` moves to the front as W3C asks of a
 * modified entry.
 */
export function withThreshold(traceState: TraceState | undefined, threshold: string | undefined): TraceState {
  const base = traceState ?? createTraceState();
  const rest = otSubKeys(base).filter(([k]) => k !== 'th');
  const parts = threshold === undefined ? rest : [['th', threshold] as [string, string], ...rest];
  if (parts.length === 0) {
    return base.unset('ot');
  }
  return base.set('ot', parts.map(([k, v]) => `${k}:${v}`).join(';'));
}

export class ConsistentProbabilitySampler implements Sampler {
  readonly probability: number;
  /** Exactly what is written into `th`; the decision uses the same (parsed) value, so they cannot disagree. */
  readonly thresholdHex: string;
  private readonly threshold: bigint;

  constructor(probability: number) {
    this.thresholdHex = thresholdForProbability(probability); // throws a RangeError outside (0, 1]
    const parsed = parseThreshold(this.thresholdHex);
    if (!parsed.ok) {
      throw new Error(`internal: threshold ${this.thresholdHex} for p=${probability} does not parse: ${parsed.reason}`);
    }
    this.probability = probability;
    this.threshold = parsed.threshold;
  }

  shouldSample(context: Context, traceId: string): SamplingResult {
    const parent = trace.getSpanContext(context);
    if (parent && isSpanContextValid(parent)) {
      // Parent-based: the root decided for the whole trace, and its tracestate already says with what p.
      const sampled = (parent.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;
      return {
        decision: sampled ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
        traceState: parent.traceState,
      };
    }
    return this.decideRoot(traceId, parent?.traceState);
  }

  /** The root decision: keep when R >= T; a kept span carries our `th`, a dropped one none (spec). */
  decideRoot(traceId: string, inbound: TraceState | undefined): SamplingResult {
    const keep = randomnessOf(traceId, inbound) >= this.threshold;
    return keep
      ? { decision: SamplingDecision.RECORD_AND_SAMPLED, traceState: withThreshold(inbound, this.thresholdHex) }
      : { decision: SamplingDecision.NOT_RECORD, traceState: withThreshold(inbound, undefined) };
  }

  toString(): string {
    return `ConsistentProbabilitySampler{p=${this.probability}, th=${this.thresholdHex}}`;
  }
}

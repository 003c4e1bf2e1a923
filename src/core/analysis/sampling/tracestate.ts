/**
 * OpenTelemetry consistent probability sampling (tracestate `ot=th:…`), see
 * docs/reference/protocols.md §5.2: th is a 56-bit rejection threshold T written as up to 14 hex
 * digits with trailing zeros removed; a span is kept when R >= T, so p = (2^56 − T) / 2^56 and the
 * adjusted count is 1/p. `th:0` means p = 1. No `th` means the probability is unknown.
 */

const MAX_HEX_DIGITS = 14;
const TWO_56 = 2 ** 56;

export type ThresholdResult =
  | { readonly ok: true; readonly threshold: bigint; readonly probability: number }
  | { readonly ok: false; readonly reason: string };

/** Parses the hex of a `th` value ("0", "8", "c", "fd70a", ...). */
export function parseThreshold(hex: string): ThresholdResult {
  if (hex.length === 0 || hex.length > MAX_HEX_DIGITS || !/^[0-9a-f]+$/.test(hex)) {
    return { ok: false, reason: `invalid sampling threshold "th:${hex}": expected 1 to 14 lowercase hex digits` };
  }
  // Trailing zeros were removed when it was written: pad back to 14 digits (56 bits).
  const threshold = BigInt(`0x${hex.padEnd(MAX_HEX_DIGITS, '0')}`);
  const probability = Number((1n << 56n) - threshold) / TWO_56;
  return { ok: true, threshold, probability };
}

/** The `ot` vendor entry's sub-keys, e.g. `th:fd70a;rv:00112233445566`. */
export function otEntry(tracestate: string): Map<string, string> | undefined {
  for (const member of tracestate.split(',')) {
    const eq = member.indexOf('=');
    if (eq > 0 && member.slice(0, eq).trim() === 'ot') {
      const values = new Map<string, string>();
      for (const part of member
        .slice(eq + 1)
        .trim()
        .split(';')) {
        const colon = part.indexOf(':');
        if (colon > 0) {
          values.set(part.slice(0, colon), part.slice(colon + 1));
        }
      }
      return values;
    }
  }
  return undefined;
}

/**
 * Sampling probability recorded in a span's tracestate: a number in (0, 1], `undefined` when the
 * tracestate carries no threshold, or an error reason when it carries an invalid one.
 */
export function probabilityFromTraceState(tracestate: string): number | undefined | { readonly invalid: string } {
  const th = otEntry(tracestate)?.get('th');
  if (th === undefined) {
    return undefined;
  }
  const parsed = parseThreshold(th);
  return parsed.ok ? parsed.probability : { invalid: parsed.reason };
}

/** Inverse, for writing tracestate: the threshold hex for probability p (rounded to 56 bits). */
export function thresholdForProbability(p: number): string {
  if (!(p > 0 && p <= 1)) {
    throw new RangeError(`sampling probability must be in (0, 1], got ${p}`);
  }
  const t = BigInt(Math.round((1 - p) * TWO_56));
  if (t === 0n) {
    return '0';
  }
  return t.toString(16).padStart(MAX_HEX_DIGITS, '0').replace(/0+$/, '');
}

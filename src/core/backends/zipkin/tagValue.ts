import { type AttributeValue, WholeDouble, doubleAttribute } from '../../model';

/**
 * Zipkin tag values are always strings, yet users write `span.http.status_code >= 500` as they would
 * over OTLP. A tag value is given a type only when it is the canonical text of one, so a value that
 * merely looks numeric to a lenient parser stays the string it is:
 *
 *   - boolean: exactly `true` or `false` (not `True`, not `1`);
 *   - integer: an optional `-`, then `0` or a digit string without leading zeros (`-0`, `+1`, `007`
 *     and `1_000` are not); within 2^53 it becomes a number, past that up to the int64 range a
 *     bigint (as the other decoders keep int64 exact), beyond int64 it stays a string;
 *   - float: an integer part as above, then a fraction (`.` and at least one digit) and/or an
 *     exponent (`e` or `E`, an optional sign, digits), whose value is finite (`1.5`, `-0.25`, `2.0`,
 *     `1e-9`, `6.02E23`); `.5`, `1.`, `NaN`, `Infinity` and `1e400` stay strings.
 *
 * Everything else, including values with surrounding spaces, is a string.
 */
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const FLOAT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function typedTagValue(text: string): AttributeValue {
  if (text === 'true') {
    return true;
  }
  if (text === 'false') {
    return false;
  }
  const first = text.charCodeAt(0);
  // Fast exit for the common case: a tag value that does not start like a number.
  if (!(first === 45 /* - */ || (first >= 48 && first <= 57))) {
    return text;
  }
  if (INTEGER.test(text)) {
    if (text === '-0') {
      return text;
    }
    const n = Number(text);
    if (Number.isSafeInteger(n)) {
      return n;
    }
    const big = BigInt(text);
    return big >= INT64_MIN && big <= INT64_MAX ? big : text;
  }
  if (FLOAT.test(text)) {
    // Written with a point or an exponent, it is a double even when whole (`2.0`, `1e3`).
    const n = Number(text);
    return Number.isFinite(n) ? doubleAttribute(n) : text;
  }
  return text;
}

/** The inverse for the encoder: the text a typed value is written as, so it decodes to itself. */
export function tagText(v: AttributeValue): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      return String(v);
    default:
      if (v instanceof WholeDouble) {
        // With a point, so it decodes back to a double.
        return v.value.toFixed(1);
      }
      // Zipkin has no arrays or maps: they travel as JSON text, as OpenTelemetry's exporter writes them.
      return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  }
}

/**
 * A double as Go writes it with strconv.FormatFloat(v, 'g', -1, 64), which is how Tempo turns a
 * float label value into text. The digits are the fewest that read back as the same double (what
 * JavaScript's own conversions pick too); the layout is Go's, not JavaScript's: plain decimal while
 * the decimal exponent is between -4 and 5, otherwise one digit, the rest after a point, then `e`,
 * the exponent's sign and at least two exponent digits (`1e+06`, `1.234567e+06`, `1e-05`, where
 * JavaScript writes `1000000` and `0.00001`). Negative zero keeps its sign; infinities are `+Inf`
 * and `-Inf`, and not-a-number `NaN`.
 */
export function formatGoFloat(v: number): string {
  if (Number.isNaN(v)) {
    return 'NaN';
  }
  if (!Number.isFinite(v)) {
    return v > 0 ? '+Inf' : '-Inf';
  }
  if (v === 0) {
    return Object.is(v, -0) ? '-0' : '0';
  }
  // toExponential() with no argument gives the shortest round-trip digits: "-1.234567e+6".
  const [mantissa, exponent] = v.toExponential().split('e');
  const exp = Number(exponent);
  if (exp >= -4 && exp < 6) {
    // In this range JavaScript's own text is plain decimal with the same digits.
    return String(v);
  }
  const digits = String(Math.abs(exp)).padStart(2, '0');
  return `${mantissa}e${exp < 0 ? '-' : '+'}${digits}`;
}

/**
 * A float label value as Tempo prints it in a series' Prometheus-style labels: Go's text, with `.0`
 * added when that text has neither a point nor an exponent, so the double 2.0 reads `2.0` and
 * stays a different series from the int 2. The rule looks only at the text, so infinities and
 * not-a-number get the suffix too (`+Inf.0`, `NaN.0`), as they do in Tempo.
 */
export function floatLabelText(v: number): string {
  const text = formatGoFloat(v);
  return /[e.]/.test(text) ? text : `${text}.0`;
}

/**
 * A double attribute whose value is a whole number (OTLP `doubleValue: 2`, a Jaeger `float64` tag
 * of 2, a Zipkin tag written `2.0`).
 *
 * Why it is kept apart from an int: a JavaScript number cannot say whether 2 was sent as an int or
 * as a double, and TraceQL answers differ by type. Tempo computes `span.x / 4` as 0.5 for a double
 * 2.0 and as 0 for an int 2, sums doubles to a double, and prints such values as `doubleValue`.
 * Only whole doubles need the wrapper: a double with a fraction, NaN or an infinity is never taken
 * for an int, so it stays a plain number and the common paths allocate nothing.
 *
 * `valueOf`, `toString` and `toJSON` give the number, so code that only needs a number or text
 * (string templates, `Number(v)`, `JSON.stringify`) reads it as one without knowing the wrapper.
 */
export class WholeDouble {
  constructor(readonly value: number) {}

  valueOf(): number {
    return this.value;
  }

  toString(): string {
    return String(this.value);
  }

  toJSON(): number {
    return this.value;
  }
}

/** A decoded double as the model keeps it: whole numbers wrapped, everything else as is. */
export function doubleAttribute(n: number): number | WholeDouble {
  return Number.isInteger(n) ? new WholeDouble(n) : n;
}

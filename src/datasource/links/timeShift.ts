const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/y;

/**
 * A span time shift as the trace-to-logs settings store it: '', '0', '5s', '-1m', '1h30m'.
 * Returns milliseconds, or undefined when the text is not a shift (the editor shows that).
 */
export function parseTimeShift(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  if (t === '' || t === '0') {
    return 0;
  }
  let sign = 1;
  let i = 0;
  if (t[0] === '-' || t[0] === '+') {
    sign = t[0] === '-' ? -1 : 1;
    i = 1;
  }
  let total = 0;
  let parts = 0;
  while (i < t.length) {
    PART.lastIndex = i;
    const m = PART.exec(t);
    if (!m) {
      return undefined;
    }
    total += parseFloat(m[1]) * UNIT_MS[m[2]];
    i = PART.lastIndex;
    parts++;
  }
  return parts > 0 ? sign * total : undefined;
}

import { isDateTime, type DataFrame } from '@grafana/data';

/**
 * A data frame as JSON text that keeps what JSON alone would blur: `undefined` (kept as a marker,
 * not dropped or turned into null), NaN and infinities, bigints, dates (as epoch ms), and nested
 * frames. Two frames serialize to the same text only if they are equal field for field and value
 * for value, which is what the golden comparison needs.
 */
export function serializeFrames(frames: readonly DataFrame[]): string {
  return `${JSON.stringify(frames, replacer, 1)}\n`;
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  // JSON.stringify has already called toJSON (moment's gives an ISO string); read the raw value.
  const raw = this !== null && typeof this === 'object' ? (this as Record<string, unknown>)[key] : value;
  if (raw === undefined) {
    return '$undefined';
  }
  if (typeof raw === 'number' && !Number.isFinite(raw)) {
    return `$number:${raw}`;
  }
  if (typeof raw === 'bigint') {
    return `$bigint:${raw}`;
  }
  if (isDateTime(raw)) {
    return `$date:${raw.valueOf()}`;
  }
  return value;
}

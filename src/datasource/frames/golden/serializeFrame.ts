import { isDateTime, type DataFrame, type Field } from '@grafana/data';

import { urlLinkHrefs } from '../testing/rowLinkHref';

/**
 * A data frame as JSON text that keeps what JSON alone would blur: `undefined` (kept as a marker,
 * not dropped or turned into null), NaN and infinities, bigints, dates (as epoch ms), and nested
 * frames. Two frames serialize to the same text only if they are equal field for field and value
 * for value, which is what the golden comparison needs. A field with URL links also lists, per link,
 * the href each row opens (`rowHrefs`), so the links a user clicks are compared whether a frame
 * carries them as per-row values or builds them when asked.
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
  if (isFrame(raw)) {
    return { ...raw, fields: raw.fields.map((field) => withRowHrefs(raw, field)) };
  }
  return value;
}

function isFrame(v: unknown): v is DataFrame {
  return v !== null && typeof v === 'object' && Array.isArray((v as DataFrame).fields) && 'length' in v;
}

function withRowHrefs(frame: DataFrame, field: Field): Field | (Field & { rowHrefs: Record<string, string[]> }) {
  const hrefs = urlLinkHrefs(frame, field);
  return Object.keys(hrefs).length > 0 ? { ...field, rowHrefs: hrefs } : field;
}

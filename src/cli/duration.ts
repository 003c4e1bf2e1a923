import { TraceLensError } from '../core/errors';

/** Go-style duration units, as Tempo and Jaeger write them. */
const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
  w: 604800e9,
};

/** `1h30m`, `15s`, `500ms` → nanoseconds. Zero is allowed here; callers that need a span use positiveDuration. */
export function durationFlag(name: string, raw: string): number {
  const parts = raw.trim().match(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g);
  if (!parts || parts.join('') !== raw.trim()) {
    throw new TraceLensError('input', `--${name} must be a duration like 15s, 5m or 1h30m, got ${JSON.stringify(raw)}`);
  }
  return parts.reduce((sum, p) => {
    const m = /^(\d+(?:\.\d+)?)(.+)$/.exec(p) as RegExpExecArray;
    return sum + Number(m[1]) * UNITS[m[2]];
  }, 0);
}

/** A duration that must be longer than zero (a window, a step): `0s` is a usage error, not an empty answer. */
export function positiveDuration(name: string, raw: string): number {
  const ns = durationFlag(name, raw);
  if (!(ns >= 1)) {
    throw new TraceLensError('input', `--${name} must be longer than zero, got ${JSON.stringify(raw)}`);
  }
  return ns;
}

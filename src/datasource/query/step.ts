import { rangeUtil } from '@grafana/data';

/**
 * The metrics step in seconds: the query's own step when set ('30s', '1m'), else Grafana's
 * interval for the panel, never below one second (Tempo's smallest useful step).
 */
export function stepSeconds(step: string | undefined, intervalMs: number | undefined): number {
  const text = (step ?? '').trim();
  if (text !== '') {
    const ms = rangeUtil.intervalToMs(text);
    if (!Number.isFinite(ms) || ms <= 0) {
      throw new Error(`step "${text}" is not a duration such as 30s or 1m`);
    }
    return Math.max(1, Math.round(ms / 1000));
  }
  return Math.max(1, Math.round((intervalMs ?? 60_000) / 1000));
}

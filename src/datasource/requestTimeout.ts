import type { TraceLensOptions } from './types';

const DEFAULT_SECONDS = 30;

function positive(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

/**
 * The per-request timeout, in milliseconds. `jsonData.timeout` is Grafana's standard key: its data
 * proxy gives up after the same time, so the browser and the proxy agree on when a call failed.
 * `timeoutSeconds` is what TraceLens stored before, still read for settings saved then. A cleared
 * field arrives as NaN or null from the editor; anything not a positive number means the default,
 * as it does for Grafana's proxy.
 */
export function requestTimeoutMs(json: Pick<TraceLensOptions, 'timeout' | 'timeoutSeconds'>): number {
  const seconds = positive(json.timeout)
    ? json.timeout
    : positive(json.timeoutSeconds)
      ? json.timeoutSeconds
      : DEFAULT_SECONDS;
  return seconds * 1000;
}

/**
 * Short human figures for tooltips, the menu and the table. `atLeast` when the window was not read
 * completely: the figure is then a lower bound and says so.
 */
export function formatRate(perSecond: number | null, requests: number, atLeast = false): string {
  const prefix = atLeast ? 'at least ' : '';
  if (perSecond === null) {
    return `${prefix}${formatCount(requests)} calls`;
  }
  if (perSecond >= 1) {
    return `${prefix}${perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1)} req/s`;
  }
  return `${prefix}${(perSecond * 60).toFixed(perSecond * 60 >= 10 ? 0 : 1)} req/min`;
}

export function formatCount(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : String(Math.round(n));
}

export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  return `${pct === 0 ? '0' : pct < 0.1 ? '<0.1' : pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) {
    return '–';
  }
  if (ms >= 1000) {
    return `${(ms / 1000).toFixed(ms >= 10000 ? 0 : 2)} s`;
  }
  if (ms >= 1) {
    return `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
  }
  return `${(ms * 1000).toFixed(0)} µs`;
}

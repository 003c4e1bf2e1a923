import type { Notice } from '../../query/types';

export function tempoFallbackNotice(
  version: string,
  labels: readonly string[],
  narrowing: string,
  traces: number
): Notice {
  return {
    severity: 'info',
    text:
      `Tempo ${version || '(version unknown)'} does not support ${labels.join(', ')}; ` +
      `Tempo ran ${narrowing} and TraceLens finished the query over ${traces} fetched traces.`,
  };
}

export function tempoBoundedNotice(searchDepth: number): Notice {
  return {
    severity: 'warning',
    text: `Tempo returned ${searchDepth} traces, the fetch limit: more traces may match. Shorten the time range or raise the search depth.`,
  };
}

export function partialNotice(what: string, message: string | undefined): Notice {
  return { severity: 'warning', text: `Tempo returned a partial ${what}${message ? `: ${message}` : ''}.` };
}

export function tempoRefusedNotice(version: string, labels: readonly string[], why: string): Notice {
  return {
    severity: 'info',
    text:
      `Tempo ${version || '(version unknown)'} refused ${labels.join(', ')} when asked natively (${why}); ` +
      'TraceLens finished the query instead, and will not ask this server again.',
  };
}

export function spssClampedNotice(asked: number, allowed: number): Notice {
  return {
    severity: 'info',
    text: `Tempo allows at most ${allowed} spans per spanset (its max_spans_per_span_set); showing ${allowed} instead of ${asked}.`,
  };
}

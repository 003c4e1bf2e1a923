/**
 * Asking Tempo natively: which refusals mean "this Tempo does not know the construct" (so the
 * engine may finish the query), the spans-per-spanset limit Tempo enforces rather than clamps, and
 * Tempo's own metrics answers.
 */
import { TraceLensError } from '../../errors';
import { stats } from '../../query/common';
import type { Notice, SearchOptions } from '../../query/types';
import type { RequestMeter } from '../http';
import type { TempoClient } from './client';
import { partialNotice, spssClampedNotice } from './notices';
import type { SearchResponse } from './types';

/** Tempo's answer (HTTP 400) to a query its parser or validator does not know. */
const UNKNOWN_CONSTRUCT =
  /parse error|syntax error|not (yet )?supported|unsupported|unknown|invalid traceql|compiling query/i;
/** Tempo's answer when spss is above its max_spans_per_span_set. */
const SPSS_LIMIT = /spans per span ?set exceeds (\d+)/i;

export function refusedAsUnknown(e: unknown): boolean {
  return (
    e instanceof TraceLensError && e.status === 400 && UNKNOWN_CONSTRUCT.test(e.message) && !SPSS_LIMIT.test(e.message)
  );
}

function spssLimit(e: unknown): number | null {
  const m = e instanceof TraceLensError && e.status === 400 ? SPSS_LIMIT.exec(e.message) : null;
  return m ? Number(m[1]) : null;
}

/** The server's max_spans_per_span_set, learnt from its first refusal and kept for later searches. */
export class SpssLimit {
  private max?: number;

  /**
   * A native search with spss kept within the server's max_spans_per_span_set: Tempo refuses a
   * larger spss (HTTP 400) rather than clamping it, so the limit it names is remembered, the search
   * asked again with it, and a notice says so.
   */
  async search(
    client: TempoClient,
    q: string,
    opts: SearchOptions,
    limit: number
  ): Promise<{ response: SearchResponse; notices: Notice[] }> {
    const asked = opts.spss;
    const within = (n: number | undefined) => (n !== undefined && this.max !== undefined ? Math.min(n, this.max) : n);
    const run = (spss: number | undefined) =>
      client.search({ q, start: opts.start, end: opts.end, limit, spss }, opts.signal);
    let spss = within(asked);
    let response: SearchResponse;
    try {
      response = await run(spss);
    } catch (e) {
      const max = spssLimit(e);
      if (max === null || max <= 0) {
        throw e;
      }
      this.max = max;
      spss = within(asked);
      response = await run(spss);
    }
    const notices: Notice[] =
      asked !== undefined && spss !== undefined && spss < asked ? [spssClampedNotice(asked, spss)] : [];
    return { response, notices };
  }
}

/** Tempo's own metrics answer, with a notice when Tempo says it is partial. */
export function nativeMetricsOutcome<R extends { readonly status?: string; readonly message?: string }>(
  response: R,
  meter: RequestMeter
): { response: R; notices: Notice[]; stats: ReturnType<typeof stats> } {
  const notices = response.status === 'PARTIAL' ? [partialNotice('metrics result', response.message)] : [];
  return { response, notices, stats: stats({ bytesFetched: meter.bytes, requests: meter.requests }) };
}

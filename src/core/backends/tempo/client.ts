import { TraceLensError } from '../../errors';
import { decodeOtlp, type Trace } from '../../model';
import { withPartial } from '../../model/table';
import { call, decodeFrom, httpError, isRecord, parseJson, serverMessage, type Endpoint } from '../http';
import { buildPath, type PathParams } from '../paths';
import { TEMPO_PATHS, type TempoPathTemplate } from './paths';
import type { HttpRequest, HttpResponse, Transport } from '../transport';
import {
  parseQueryInstant,
  parseQueryRange,
  parseSearchResponse,
  parseTagValues,
  parseTagsV1,
  parseTagsV2,
} from './responses';
import type {
  QueryInstantResponse,
  QueryRangeResponse,
  SearchResponse,
  TagScope,
  TagValue,
  TempoBuildInfo,
  TempoDetection,
  TempoSearchParams,
} from './types';

export interface TempoClientOptions {
  readonly timeoutMs?: number;
}

const NS_PER_S = 1_000_000_000n;

/** Seconds for Tempo's start/end, widened outwards so the window never shrinks. */
export function toSeconds(ns: bigint, round: 'down' | 'up'): string {
  const q = ns / NS_PER_S;
  const r = ns % NS_PER_S;
  return (round === 'up' && r > 0n ? q + 1n : round === 'down' && r < 0n ? q - 1n : q).toString();
}

/** Tempo's HTTP API: search, traces by id (v2 then v1), tags (v2 then v1), TraceQL metrics, build info. */
export class TempoClient {
  constructor(
    private readonly transport: Transport,
    private readonly opts: TempoClientOptions = {}
  ) {}

  /** `/api/status/buildinfo`; null where the server has no such endpoint (older Tempo). */
  async buildInfo(signal?: AbortSignal): Promise<TempoBuildInfo | null> {
    const ep = this.ep('/api/status/buildinfo');
    const res = await this.get('/api/status/buildinfo', {}, {}, signal);
    if (res.status === 404) {
      return null;
    }
    const json = this.okJson(ep, res);
    if (!isRecord(json) || (typeof json.version !== 'string' && typeof json.revision !== 'string')) {
      throw notTempo(ep.name);
    }
    return { version: typeof json.version === 'string' ? json.version : '', revision: String(json.revision ?? '') };
  }

  /** What the server is: Tempo with a version, or an error saying why not. */
  async detect(signal?: AbortSignal): Promise<TempoDetection> {
    const info = await this.buildInfo(signal);
    if (info) {
      return { version: info.version, message: `Tempo ${info.version || '(version not reported)'}` };
    }
    const echo = await this.get('/api/echo', {}, {}, signal);
    if (echo.status === 200 && echo.body.trim() === 'echo') {
      return { version: '', message: 'Tempo (version unknown: /api/status/buildinfo is missing)' };
    }
    if (echo.status >= 500) {
      throw httpError(this.ep('/api/echo'), echo);
    }
    throw notTempo('/api/status/buildinfo and /api/echo');
  }

  async search(params: TempoSearchParams, signal?: AbortSignal): Promise<SearchResponse> {
    const ep = this.ep('/api/search');
    const res = await this.get(
      '/api/search',
      {},
      {
        q: params.q,
        start: params.start !== undefined ? toSeconds(params.start, 'down') : undefined,
        end: params.end !== undefined ? toSeconds(params.end, 'up') : undefined,
        limit: params.limit !== undefined ? String(params.limit) : undefined,
        spss: params.spss !== undefined ? String(params.spss) : undefined,
      },
      signal
    );
    return parseSearchResponse(ep, this.okJson(ep, res));
  }

  /**
   * A trace by id: `/api/v2/traces/{id}`, falling back to `/api/traces/{id}` on 404 (servers before
   * the v2 endpoint). A PARTIAL answer is flagged on the trace.
   */
  async getTrace(id: string, window?: { start: bigint; end: bigint }, signal?: AbortSignal): Promise<Trace> {
    const query = window ? { start: toSeconds(window.start, 'down'), end: toSeconds(window.end, 'up') } : {};
    const v2 = await this.get('/api/v2/traces/{id}', { id }, query, signal);
    if (v2.status !== 404) {
      return this.decodeTrace(this.ep('/api/v2/traces/{id}'), v2, id);
    }
    const v1 = await this.get('/api/traces/{id}', { id }, query, signal);
    if (v1.status === 404) {
      throw new TraceLensError('http', `trace ${id} was not found in Tempo (${serverMessage(v1.body) || '404'})`, {
        status: 404,
      });
    }
    return this.decodeTrace(this.ep('/api/traces/{id}'), v1, id);
  }

  /** Tag names by scope (`/api/v2/search/tags`), or one unscoped list from the v1 endpoint. */
  async tags(opts: { scope?: string; q?: string; window?: { start: bigint; end: bigint } } = {}, signal?: AbortSignal) {
    const query = {
      scope: opts.scope,
      q: opts.q,
      ...(opts.window ? { start: toSeconds(opts.window.start, 'down'), end: toSeconds(opts.window.end, 'up') } : {}),
    };
    const v2 = await this.get('/api/v2/search/tags', {}, query, signal);
    if (v2.status !== 404) {
      const ep = this.ep('/api/v2/search/tags');
      return parseTagsV2(ep, this.okJson(ep, v2));
    }
    const ep = this.ep('/api/search/tags');
    const v1 = await this.get('/api/search/tags', {}, { ...query, q: undefined }, signal);
    return parseTagsV1(ep, this.okJson(ep, v1)) satisfies TagScope[];
  }

  /**
   * Values of a tag. `tag` is a TraceQL identifier (`resource.service.name`, `.http.method`,
   * `span:name`); `q` narrows by the query typed so far. The v1 fallback takes bare names.
   */
  async tagValues(tag: string, q?: string, signal?: AbortSignal): Promise<TagValue[]> {
    const v2 = await this.get('/api/v2/search/tag/{tag}/values', { tag }, { q }, signal);
    if (v2.status !== 404) {
      const ep = this.ep('/api/v2/search/tag/{tag}/values');
      return parseTagValues(ep, this.okJson(ep, v2));
    }
    const bare = tag.replace(/^(resource|span|event|link|instrumentation)?\./, '');
    const ep = this.ep('/api/search/tag/{tag}/values');
    const v1 = await this.get('/api/search/tag/{tag}/values', { tag: bare }, {}, signal);
    return parseTagValues(ep, this.okJson(ep, v1));
  }

  async queryRange(
    params: { q: string; start: bigint; end: bigint; step?: string; exemplars?: number },
    signal?: AbortSignal
  ): Promise<QueryRangeResponse> {
    const ep = this.ep('/api/metrics/query_range');
    const res = await this.get(
      '/api/metrics/query_range',
      {},
      {
        q: params.q,
        start: params.start.toString(),
        end: params.end.toString(),
        step: params.step,
        exemplars: params.exemplars !== undefined ? String(params.exemplars) : undefined,
      },
      signal
    );
    return parseQueryRange(ep, this.okJson(ep, res));
  }

  async queryInstant(
    params: { q: string; start: bigint; end: bigint },
    signal?: AbortSignal
  ): Promise<QueryInstantResponse> {
    const ep = this.ep('/api/metrics/query');
    const res = await this.get(
      '/api/metrics/query',
      {},
      { q: params.q, start: params.start.toString(), end: params.end.toString() },
      signal
    );
    return parseQueryInstant(ep, this.okJson(ep, res));
  }

  private decodeTrace(ep: Endpoint, res: HttpResponse, id: string): Trace {
    const json = this.okJson(ep, res);
    // The body was parsed for this call alone, so the decoder may reuse its attribute lists.
    const traces = decodeFrom(ep, () => decodeOtlp(json, { owned: true }));
    if (traces.length === 0) {
      throw new TraceLensError('http', `trace ${id} was not found in Tempo (empty answer)`, { status: 404 });
    }
    const partial = isRecord(json) && json.status === 'PARTIAL';
    const trace = traces[0];
    // The decoder marks `{trace, status: PARTIAL}` itself (with the same warning); this catches a
    // PARTIAL status on any other envelope without showing the warning twice.
    if (!partial || trace.partial) {
      return trace;
    }
    const why = isRecord(json) && typeof json.message === 'string' ? `: ${json.message}` : '';
    return withPartial(trace, `Tempo returned a partial trace${why}`);
  }

  private okJson(ep: Endpoint, res: HttpResponse): unknown {
    if (res.status < 200 || res.status >= 300) {
      throw httpError(ep, res);
    }
    return parseJson(ep, res.body, res.headers['content-type']);
  }

  private get(
    template: TempoPathTemplate,
    params: PathParams,
    query: HttpRequest['query'],
    signal?: AbortSignal
  ): Promise<HttpResponse> {
    const path = buildPath(TEMPO_PATHS, template, params);
    return call(this.transport, this.ep(template), {
      method: 'GET',
      path,
      query,
      signal,
      timeoutMs: this.opts.timeoutMs,
    });
  }

  private ep(name: string): Endpoint {
    return { backend: 'Tempo', name };
  }
}

function notTempo(what: string): TraceLensError {
  return new TraceLensError(
    'unsupported',
    `the server answers but is not Tempo: ${what} did not answer as Tempo does (check the URL points at Tempo's HTTP port, e.g. 3200)`
  );
}

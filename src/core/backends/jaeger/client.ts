import { TraceLensError } from '../../errors';
import { decodeJaegerV1, decodeOtlp, type Trace } from '../../model';
import { call, decodeFrom, httpError, isRecord, malformed, parseJson, serverMessage, type Endpoint } from '../http';
import { buildPath, type PathParams } from '../paths';
import { JAEGER_PATHS, type JaegerPathTemplate } from './paths';
import type { HttpRequest, HttpResponse, Transport } from '../transport';
import { goDurationMicros, rfc3339Nano, unixMicros, unixMillis } from './params';
import type {
  DependencyLink,
  JaegerCapabilities,
  JaegerDetection,
  JaegerOperation,
  JaegerSearchParams,
  JaegerTraceSummary,
} from './types';

export interface JaegerClientOptions {
  readonly timeoutMs?: number;
}

/**
 * Jaeger's query APIs: api_v3 first (the only search API left on Jaeger main), the v1 JSON API as a
 * fallback for older servers. Which one a server has is probed once and remembered.
 */
export class JaegerClient {
  /** Shared by clients made with withTransport, so a server is probed once. */
  private state: {
    detected?: Promise<JaegerDetection>;
    summaries: boolean | 'unknown';
    serviceless?: Promise<boolean>;
  } = { summaries: 'unknown' };

  constructor(
    private readonly transport: Transport,
    private readonly opts: JaegerClientOptions = {}
  ) {}

  /** The same server (and what is known about it) through another transport, e.g. a metered one. */
  withTransport(transport: Transport): JaegerClient {
    const c = new JaegerClient(transport, this.opts);
    c.state = this.state;
    return c;
  }

  private get detected(): Promise<JaegerDetection> | undefined {
    return this.state.detected;
  }

  private set detected(p: Promise<JaegerDetection> | undefined) {
    this.state.detected = p;
  }

  private get summaries(): boolean | 'unknown' {
    return this.state.summaries;
  }

  private set summaries(v: boolean | 'unknown') {
    this.state.summaries = v;
  }

  /** Probes `/api/v3/services`, then `/api/services`; says what the server is and which API it has. */
  detect(signal?: AbortSignal): Promise<JaegerDetection> {
    const p = this.probe(signal);
    this.detected = p;
    // A failed probe is not cached: the next call tries again (the server may come up).
    p.catch(() => {
      if (this.detected === p) {
        this.detected = undefined;
      }
    });
    return p;
  }

  async capabilities(signal?: AbortSignal): Promise<JaegerCapabilities> {
    const d = await (this.detected ?? this.detect(signal));
    return { api: d.api, traceSummaries: this.summaries };
  }

  async services(signal?: AbortSignal): Promise<string[]> {
    const { api } = await this.capabilities(signal);
    return api === 'v3' ? this.servicesV3(signal) : this.servicesV1(signal);
  }

  async operations(service: string, signal?: AbortSignal): Promise<JaegerOperation[]> {
    const { api } = await this.capabilities(signal);
    if (api === 'v3') {
      const ep = this.ep('/api/v3/operations');
      const json = await this.getJson('/api/v3/operations', {}, { service }, signal);
      const ops = isRecord(json) ? (json.operations ?? []) : undefined;
      if (!Array.isArray(ops)) {
        throw malformed(ep, 'expected {operations:[...]}');
      }
      return ops.map((o) => {
        if (!isRecord(o) || typeof o.name !== 'string') {
          throw malformed(ep, 'an operation without a name');
        }
        return { name: o.name, spanKind: typeof o.spanKind === 'string' ? o.spanKind : '' };
      });
    }
    const names = await this.dataArray('/api/services/{service}/operations', { service }, {}, signal);
    return names.map((n) => {
      if (typeof n !== 'string') {
        throw malformed(this.ep('/api/services/{service}/operations'), 'expected a list of operation names');
      }
      return { name: n, spanKind: '' };
    });
  }

  /**
   * Whether the server searches traces without a service name. api_v3 on Jaeger v2's memory store
   * does (found by running it); v1 never does, and storage backends that need a service answer an
   * error. Probed once with a one-trace search and remembered; a failed probe is not remembered.
   */
  searchesWithoutService(signal?: AbortSignal): Promise<boolean> {
    if (this.state.serviceless) {
      return this.state.serviceless;
    }
    const p = (async () => {
      const { api } = await this.capabilities(signal);
      if (api !== 'v3') {
        return false;
      }
      const now = BigInt(Date.now()) * 1_000_000n;
      const res = await this.get(
        '/api/v3/traces',
        {},
        v3SearchQuery({ start: now - 60_000_000_000n, end: now, searchDepth: 1 }),
        signal
      );
      return (res.status >= 200 && res.status < 300) || (res.status === 404 && /no traces found/i.test(res.body));
    })();
    this.state.serviceless = p;
    p.catch(() => {
      if (this.state.serviceless === p) {
        this.state.serviceless = undefined;
      }
    });
    return p;
  }

  /** Full traces matching the search; an empty answer (api_v3's 404 "No traces found") is []. */
  async findTraces(params: JaegerSearchParams, signal?: AbortSignal): Promise<Trace[]> {
    const { api } = await this.capabilities(signal);
    if (api === 'v3') {
      const ep = this.ep('/api/v3/traces');
      const res = await this.get('/api/v3/traces', {}, v3SearchQuery(params), signal);
      if (res.status === 404 && /no traces found/i.test(res.body)) {
        return [];
      }
      const json = this.okJson(ep, res);
      return decodeFrom(ep, () => decodeOtlp(json, { owned: true }));
    }
    const ep = this.ep('/api/traces');
    const res = await this.get('/api/traces', {}, v1SearchQuery(params), signal);
    const json = this.okJson(ep, res);
    if (isRecord(json) && (json.data === null || json.data === undefined) && !json.errors) {
      return [];
    }
    return decodeFrom(ep, () => decodeJaegerV1(json));
  }

  /** One trace by id; a trace the server does not have is an 'http' 404 error saying so. */
  async getTrace(id: string, signal?: AbortSignal): Promise<Trace> {
    const { api } = await this.capabilities(signal);
    const template = api === 'v3' ? '/api/v3/traces/{id}' : '/api/traces/{id}';
    const ep = this.ep(template);
    const res = await this.get(template, { id }, {}, signal);
    if (res.status === 404) {
      throw new TraceLensError('http', `trace ${id} was not found in Jaeger (${serverMessage(res.body) || '404'})`, {
        status: 404,
      });
    }
    const json = this.okJson(ep, res);
    // The body was parsed for this call alone, so the decoder may reuse its attribute lists.
    const traces = decodeFrom(ep, () => (api === 'v3' ? decodeOtlp(json, { owned: true }) : decodeJaegerV1(json)));
    if (traces.length === 0) {
      throw new TraceLensError('http', `trace ${id} was not found in Jaeger (empty answer)`, { status: 404 });
    }
    return traces[0];
  }

  /** Service call counts from `/api/dependencies` (Jaeger's own aggregation). */
  async dependencies(end: bigint, lookbackNs: bigint, signal?: AbortSignal): Promise<DependencyLink[]> {
    const ep = this.ep('/api/dependencies');
    const data = await this.dataArray(
      '/api/dependencies',
      {},
      { endTs: unixMillis(end), lookback: unixMillis(lookbackNs) },
      signal
    );
    return data.map((d) => {
      if (!isRecord(d) || typeof d.parent !== 'string' || typeof d.child !== 'string') {
        throw malformed(ep, 'a dependency without parent and child');
      }
      return { parent: d.parent, child: d.child, callCount: Number(d.callCount ?? 0) };
    });
  }

  /**
   * Per-trace summaries without the spans (Jaeger 2.19+). Resolves to null where the server has no
   * such endpoint, and remembers that.
   */
  async traceSummaries(params: JaegerSearchParams, signal?: AbortSignal): Promise<JaegerTraceSummary[] | null> {
    const { api } = await this.capabilities(signal);
    if (api !== 'v3' || this.summaries === false) {
      return null;
    }
    const ep = this.ep('/api/v3/trace-summaries');
    const res = await this.get('/api/v3/trace-summaries', {}, v3SearchQuery(params), signal);
    if (res.status === 404 && !/no traces found/i.test(res.body)) {
      this.summaries = false;
      return null;
    }
    this.summaries = true;
    if (res.status === 404) {
      return [];
    }
    const json = this.okJson(ep, res);
    const list = isRecord(json) ? (json.summaries ?? []) : undefined;
    if (!Array.isArray(list)) {
      throw malformed(ep, 'expected {summaries:[...]}');
    }
    return list.map((s) => toSummary(ep, s));
  }

  private async probe(signal?: AbortSignal): Promise<JaegerDetection> {
    const v3 = await this.get('/api/v3/services', {}, {}, signal);
    if (v3.status >= 200 && v3.status < 300) {
      const services = parseServicesV3(this.ep('/api/v3/services'), v3, true);
      return { api: 'v3', serviceCount: services.length, message: `Jaeger api_v3, ${services.length} services` };
    }
    if (v3.status !== 404 && v3.status !== 405) {
      throw httpError(this.ep('/api/v3/services'), v3);
    }
    const v1 = await this.get('/api/services', {}, {}, signal);
    if (v1.status === 404) {
      throw new TraceLensError(
        'unsupported',
        'the server answers but is not Jaeger: neither /api/v3/services nor /api/services exists (404)',
        { status: 404 }
      );
    }
    const ep = this.ep('/api/services');
    const json = this.okJson(ep, v1, true);
    if (!isRecord(json) || !('data' in json) || !(json.data === null || Array.isArray(json.data))) {
      throw notJaeger(ep);
    }
    const n = Array.isArray(json.data) ? json.data.length : 0;
    return { api: 'v1', serviceCount: n, message: `Jaeger v1 JSON API (no api_v3), ${n} services` };
  }

  private async servicesV3(signal?: AbortSignal): Promise<string[]> {
    const res = await this.get('/api/v3/services', {}, {}, signal);
    return parseServicesV3(this.ep('/api/v3/services'), res, false);
  }

  private async servicesV1(signal?: AbortSignal): Promise<string[]> {
    const data = await this.dataArray('/api/services', {}, {}, signal);
    if (!data.every((s): s is string => typeof s === 'string')) {
      throw malformed(this.ep('/api/services'), 'expected a list of service names');
    }
    return data;
  }

  private async dataArray(
    template: JaegerPathTemplate,
    params: PathParams,
    query: HttpRequest['query'],
    signal?: AbortSignal
  ): Promise<unknown[]> {
    const ep = this.ep(template);
    const json = await this.getJson(template, params, query, signal);
    if (!isRecord(json) || !(json.data === null || Array.isArray(json.data))) {
      throw malformed(ep, 'expected {data:[...]}');
    }
    return json.data ?? [];
  }

  private async getJson(
    template: JaegerPathTemplate,
    params: PathParams,
    query: HttpRequest['query'],
    signal?: AbortSignal
  ): Promise<unknown> {
    return this.okJson(this.ep(template), await this.get(template, params, query, signal));
  }

  private okJson(ep: Endpoint, res: HttpResponse, probing = false): unknown {
    if (res.status < 200 || res.status >= 300) {
      throw httpError(ep, res);
    }
    if (probing && !looksLikeJson(res)) {
      throw notJaeger(ep);
    }
    return parseJson(ep, res.body, res.headers['content-type']);
  }

  private get(
    template: JaegerPathTemplate,
    params: PathParams,
    query: HttpRequest['query'],
    signal?: AbortSignal
  ): Promise<HttpResponse> {
    const path = buildPath(JAEGER_PATHS, template, params);
    return call(this.transport, this.ep(template), {
      method: 'GET',
      path,
      query,
      signal,
      timeoutMs: this.opts.timeoutMs,
    });
  }

  private ep(name: string): Endpoint {
    return { backend: 'Jaeger', name };
  }
}

function v3SearchQuery(p: JaegerSearchParams): Record<string, string | undefined> {
  const attrs = p.attributes && Object.keys(p.attributes).length ? JSON.stringify(p.attributes) : undefined;
  return {
    'query.service_name': p.service,
    'query.operation_name': p.operation,
    'query.start_time_min': rfc3339Nano(p.start),
    'query.start_time_max': rfc3339Nano(p.end),
    'query.duration_min': p.durationMinNs !== undefined ? goDurationMicros(p.durationMinNs, 'down') : undefined,
    'query.duration_max': p.durationMaxNs !== undefined ? goDurationMicros(p.durationMaxNs, 'up') : undefined,
    'query.num_traces': String(p.searchDepth),
    'query.attributes': attrs,
  };
}

function v1SearchQuery(p: JaegerSearchParams): Record<string, string | undefined> {
  const attrs = p.attributes && Object.keys(p.attributes).length ? JSON.stringify(p.attributes) : undefined;
  return {
    service: p.service,
    operation: p.operation,
    tags: attrs,
    minDuration: p.durationMinNs !== undefined ? goDurationMicros(p.durationMinNs, 'down') : undefined,
    maxDuration: p.durationMaxNs !== undefined ? goDurationMicros(p.durationMaxNs, 'up') : undefined,
    limit: String(p.searchDepth),
    start: unixMicros(p.start, 'down'),
    end: unixMicros(p.end, 'up'),
  };
}

function parseServicesV3(ep: Endpoint, res: HttpResponse, probing: boolean): string[] {
  if (res.status < 200 || res.status >= 300) {
    throw httpError(ep, res);
  }
  if (probing && !looksLikeJson(res)) {
    throw notJaeger(ep);
  }
  const json = parseJson(ep, res.body, res.headers['content-type']);
  // Protobuf JSON leaves an empty list out, so `{}` is a server with no services yet.
  const list = isRecord(json) ? (json.services ?? (Object.keys(json).length === 0 ? [] : undefined)) : undefined;
  if (!Array.isArray(list) || !list.every((s): s is string => typeof s === 'string')) {
    throw probing ? notJaeger(ep) : malformed(ep, 'expected {services:[...]}');
  }
  return list;
}

function looksLikeJson(res: HttpResponse): boolean {
  const t = res.body.trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

function notJaeger(ep: Endpoint): TraceLensError {
  return new TraceLensError(
    'unsupported',
    `the server answers but is not Jaeger: ${ep.name} did not return Jaeger's JSON (check the URL points at Jaeger's query service, port 16686)`
  );
}

function toSummary(ep: Endpoint, s: unknown): JaegerTraceSummary {
  if (!isRecord(s) || typeof s.traceId !== 'string') {
    throw malformed(ep, 'a summary without traceId');
  }
  const big = (v: unknown) => {
    try {
      return BigInt(typeof v === 'string' || typeof v === 'number' ? v : 0);
    } catch {
      throw malformed(ep, `a summary time that is not an integer: ${String(v)}`);
    }
  };
  return {
    traceId: s.traceId.toLowerCase(),
    rootServiceName: typeof s.rootServiceName === 'string' ? s.rootServiceName : '',
    rootOperationName: typeof s.rootOperationName === 'string' ? s.rootOperationName : '',
    startTimeUnixNano: big(s.minStartTimeUnixNano),
    endTimeUnixNano: big(s.maxEndTimeUnixNano),
    spanCount: Number(s.spanCount ?? 0),
    errorSpanCount: Number(s.errorSpanCount ?? 0),
  };
}

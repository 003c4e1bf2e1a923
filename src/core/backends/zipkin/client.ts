import { TraceLensError } from '../../errors';
import type { Trace } from '../../model/types';
import { call, decodeFrom, httpError, malformed, parseJson, serverMessage, type Endpoint } from '../http';
import { buildPath, traceIdForPath, type PathParams } from '../paths';
import type { HttpRequest, HttpResponse, Transport } from '../transport';
import { decodeZipkin } from './decode';
import type { ZipkinDependencyLink } from './types';
import { ZIPKIN_PATHS, type ZipkinPathTemplate } from './paths';
import { zipkinWindow } from './window';

export interface ZipkinClientOptions {
  readonly timeoutMs?: number;
}

/** `GET /api/v2/traces` parameters, already in Zipkin's terms (see pushdown.ts for the mapping). */
export interface ZipkinSearchParams {
  readonly serviceName?: string;
  readonly spanName?: string;
  /** `key=value` (tag equality) or `key` (tag key or annotation value present); joined with ` and `. */
  readonly annotationQuery?: readonly string[];
  readonly minDurationUs?: number;
  /** Only sent with minDurationUs: Zipkin refuses a maximum alone. */
  readonly maxDurationUs?: number;
  /** Nanoseconds since the epoch: widened to Zipkin's whole-millisecond endTs and lookback. */
  readonly start: bigint;
  readonly end: bigint;
  readonly limit: number;
}

/** Zipkin's read API v2. Every path comes from the allow-list; every user value is encoded. */
export class ZipkinClient {
  constructor(
    private readonly transport: Transport,
    private readonly opts: ZipkinClientOptions = {}
  ) {}

  /** The same server through another transport (a metered one). */
  withTransport(transport: Transport): ZipkinClient {
    return new ZipkinClient(transport, this.opts);
  }

  /** `/api/v2/services`, also the probe: a server that answers it with a list of names is Zipkin. */
  async detect(signal?: AbortSignal): Promise<{ serviceCount: number; message: string }> {
    const ep = this.ep('/api/v2/services');
    const res = await this.get('/api/v2/services', {}, {}, signal);
    if (res.status === 404) {
      throw new TraceLensError(
        'unsupported',
        'the server answers but is not Zipkin: /api/v2/services does not exist (404); check the URL points at Zipkin (port 9411)',
        { status: 404 }
      );
    }
    if (res.status < 200 || res.status >= 300) {
      throw httpError(ep, res);
    }
    if (!res.body.trimStart().startsWith('[')) {
      throw new TraceLensError(
        'unsupported',
        'the server answers but is not Zipkin: /api/v2/services did not return a JSON list (check the URL points at Zipkin, port 9411)'
      );
    }
    const n = stringList(ep, parseJson(ep, res.body)).length;
    return { serviceCount: n, message: `Zipkin API v2, ${n} services` };
  }

  services(signal?: AbortSignal): Promise<string[]> {
    return this.strings('/api/v2/services', {}, signal);
  }

  /** Span names recorded for a service (lower-cased, as Zipkin stores them). */
  spanNames(service: string, signal?: AbortSignal): Promise<string[]> {
    return this.strings('/api/v2/spans', { serviceName: service }, signal);
  }

  remoteServices(service: string, signal?: AbortSignal): Promise<string[]> {
    return this.strings('/api/v2/remoteServices', { serviceName: service }, signal);
  }

  /** Tag keys the server indexes for autocompletion (none unless it was started with AUTOCOMPLETE_KEYS). */
  autocompleteKeys(signal?: AbortSignal): Promise<string[]> {
    return this.strings('/api/v2/autocompleteKeys', {}, signal);
  }

  autocompleteValues(key: string, signal?: AbortSignal): Promise<string[]> {
    return this.strings('/api/v2/autocompleteValues', { key }, signal);
  }

  /** Whole traces matching the search, newest first, at most `limit` of them. */
  async findTraces(p: ZipkinSearchParams, signal?: AbortSignal): Promise<Trace[]> {
    const ep = this.ep('/api/v2/traces');
    const res = await this.get('/api/v2/traces', searchQuery(p), {}, signal);
    return decodeFrom(ep, () => decodeZipkin(this.okJson(ep, res)));
  }

  /** One trace by id; a trace Zipkin does not have is an 'http' 404 error saying so. */
  async getTrace(id: string, signal?: AbortSignal): Promise<Trace> {
    const ep = this.ep('/api/v2/trace/{id}');
    const res = await this.get('/api/v2/trace/{id}', {}, { id: zipkinTraceId(id) }, signal);
    if (res.status === 404) {
      throw new TraceLensError('http', `trace ${id} was not found in Zipkin (${serverMessage(res.body) || '404'})`, {
        status: 404,
      });
    }
    const traces = decodeFrom(ep, () => decodeZipkin(this.okJson(ep, res)));
    if (traces.length === 0) {
      throw new TraceLensError('http', `trace ${id} was not found in Zipkin (empty answer)`, { status: 404 });
    }
    return traces[0];
  }

  /** Zipkin's own service-call aggregation over traces whose root started in the window. */
  async dependencies(start: bigint, end: bigint, signal?: AbortSignal): Promise<ZipkinDependencyLink[]> {
    const ep = this.ep('/api/v2/dependencies');
    const w = zipkinWindow(start, end);
    const res = await this.get(
      '/api/v2/dependencies',
      { endTs: String(w.endTs), lookback: String(w.lookback) },
      {},
      signal
    );
    const json = this.okJson(ep, res);
    if (!Array.isArray(json)) {
      throw malformed(ep, 'expected a list of links');
    }
    return json.map((d: unknown) => {
      const link = d as Partial<ZipkinDependencyLink> | null;
      if (
        link === null ||
        typeof link !== 'object' ||
        typeof link.parent !== 'string' ||
        typeof link.child !== 'string'
      ) {
        throw malformed(ep, 'a dependency link without parent and child');
      }
      return {
        parent: link.parent,
        child: link.child,
        callCount: Number(link.callCount ?? 0),
        errorCount: Number(link.errorCount ?? 0),
      };
    });
  }

  private async strings(template: ZipkinPathTemplate, query: HttpRequest['query'], signal?: AbortSignal) {
    const ep = this.ep(template);
    return stringList(ep, this.okJson(ep, await this.get(template, query, {}, signal)));
  }

  private okJson(ep: Endpoint, res: HttpResponse): unknown {
    if (res.status < 200 || res.status >= 300) {
      throw httpError(ep, res);
    }
    return parseJson(ep, res.body);
  }

  private get(
    template: ZipkinPathTemplate,
    query: HttpRequest['query'],
    params: PathParams,
    signal?: AbortSignal
  ): Promise<HttpResponse> {
    return call(this.transport, this.ep(template), {
      method: 'GET',
      path: buildPath(ZIPKIN_PATHS, template, params),
      query,
      signal,
      timeoutMs: this.opts.timeoutMs,
    });
  }

  private ep(name: string): Endpoint {
    return { backend: 'Zipkin', name };
  }
}

function stringList(ep: Endpoint, json: unknown): string[] {
  if (!Array.isArray(json) || !json.every((s): s is string => typeof s === 'string')) {
    throw malformed(ep, 'expected a list of names');
  }
  return json;
}

/** Zipkin takes 16 or 32 hex digits: shorter ids are padded to 16, longer ones to 32. */
export function zipkinTraceId(raw: string): string {
  const hex = traceIdForPath(raw);
  return hex.length <= 16 ? hex.padStart(16, '0') : hex.padStart(32, '0');
}

function searchQuery(p: ZipkinSearchParams): Record<string, string | undefined> {
  const w = zipkinWindow(p.start, p.end);
  const min = p.minDurationUs;
  return {
    serviceName: p.serviceName,
    spanName: p.spanName,
    annotationQuery: p.annotationQuery && p.annotationQuery.length > 0 ? p.annotationQuery.join(' and ') : undefined,
    minDuration: min !== undefined ? String(min) : undefined,
    maxDuration: min !== undefined && p.maxDurationUs !== undefined ? String(p.maxDurationUs) : undefined,
    endTs: String(w.endTs),
    lookback: String(w.lookback),
    limit: String(p.limit),
  };
}

/**
 * The small HTTP framework every demo service shares: route matching, the configured latency and error
 * rate, baggage-driven faults, error recording on the server span, a JSON log line per request, and a
 * /health answer that says ready only once the remote sampler has its strategy.
 */
import {
  context,
  INVALID_SPAN_CONTEXT,
  propagation,
  SpanStatusCode,
  trace,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import type { ServiceName, ServiceSettings } from './config';
import { HttpError, InjectedFault } from './httpErrors';
import type { Logger } from './logger';
import type { SamplingStatus } from './samplingAdapter';

export interface RouteContext {
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** The server span created by the HTTP instrumentation. */
  span: Span;
}

export interface RouteResult {
  status?: number;
  body: unknown;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Path template with `:name` segments; also the span's http.route. */
  template: string;
  handler(ctx: RouteContext): Promise<RouteResult>;
}

export interface ServiceDeps {
  name: ServiceName;
  host: string;
  settings: ServiceSettings;
  tracer: Tracer;
  logger: Logger;
  sampling(): SamplingStatus;
  routes: Route[];
  random?: () => number;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  keys: string[];
}

const MAX_BODY_BYTES = 64 * 1024;

function compile(route: Route): CompiledRoute {
  const keys: string[] = [];
  const source = route.template
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        keys.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}$`), keys };
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string
): { route: Route; params: Record<string, string> } | undefined {
  for (const r of routes.map(compile)) {
    const m = r.method === method ? r.pattern.exec(path) : null;
    if (m) {
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      return { route: r, params };
    }
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function startService(deps: ServiceDeps): Promise<Server> {
  const random = deps.random ?? Math.random;
  const { name, settings, logger } = deps;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${deps.host}`);
    if (url.pathname === '/health') {
      const sampling = deps.sampling();
      send(res, sampling.relayed > 0 ? 200 : 503, { service: name, ready: sampling.relayed > 0, sampling });
      return;
    }
    const started = performance.now();
    const span = trace.getActiveSpan() ?? trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
    const found = matchRoute(deps.routes, req.method ?? 'GET', url.pathname);
    let status = 500;
    try {
      if (!found) {
        throw new HttpError(404, `no route ${req.method} ${url.pathname} in ${name}`);
      }
      span.updateName(`${found.route.method} ${found.route.template}`);
      span.setAttribute('http.route', found.route.template);
      const bag = propagation.getBaggage(context.active());
      const requestId = bag?.getEntry('request.id')?.value;
      if (requestId) {
        span.setAttribute('request.id', requestId);
      }
      await sleep(settings.latencyMs + random() * settings.jitterMs);
      if (bag?.getEntry('demo.fail')?.value === name) {
        throw new InjectedFault(`${name}: failure requested by baggage demo.fail`);
      }
      if (random() < settings.errorRate) {
        throw new InjectedFault(`${name}: injected failure (errorRate ${settings.errorRate})`);
      }
      const body = await readBody(req);
      const result = await found.route.handler({ url, params: found.params, headers: req.headers, body, span });
      status = result.status ?? 200;
      send(res, status, result.body);
    } catch (e) {
      status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      // 4xx is the caller's problem: per OTel HTTP conventions a server span stays unset for it.
      if (status >= 500) {
        span.recordException(e instanceof Error ? e : new Error(message));
        span.setStatus({ code: SpanStatusCode.ERROR, message });
      }
      send(res, status, { error: message, service: name });
    } finally {
      logger.log(status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info', 'request handled', {
        method: req.method,
        path: url.pathname,
        route: found?.route.template ?? null,
        status,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
      });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      logger.log('error', 'unhandled failure', { error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) {
        send(res, 500, { error: 'internal error', service: name });
      }
    });
  });
  return new Promise<Server>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new Error(
          e.code === 'EADDRINUSE'
            ? `${name}: port ${settings.port} on ${deps.host} is already in use`
            : `${name}: cannot listen on ${deps.host}:${settings.port}: ${e.message}`
        )
      )
    );
    server.listen(settings.port, deps.host, () => resolve(server));
  });
}

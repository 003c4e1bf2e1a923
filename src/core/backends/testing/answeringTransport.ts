import { byteLength } from '../http';
import type { BackendKind } from '../registry';
import type { HttpRequest, HttpResponse, Transport } from '../transport';

/** Which server answers: Jaeger with its v1 JSON API only, Jaeger with api_v3, or Tempo. */
export type AnsweringApi = 'jaeger-v1' | 'jaeger-api-v3' | 'tempo';

/**
 * The registered backend that speaks each API, so callers building a client for this transport
 * never choose the backend from the API's name themselves (a third API would silently get
 * someone else's backend).
 */
export const ANSWERING_BACKEND: Readonly<Record<AnsweringApi, BackendKind>> = {
  'jaeger-v1': 'jaeger',
  'jaeger-api-v3': 'jaeger',
  tempo: 'tempo',
};

const SERVICES = Array.from({ length: 20 }, (_v, i) => (i === 0 ? 'frontend' : `service-${i}`));

function answer(status: number, body: string, bytes?: number): HttpResponse {
  return { status, statusText: status === 200 ? 'OK' : 'Not Found', headers: {}, body, bytes };
}

function route(api: AnsweringApi, path: string, body: string, bytes: number): HttpResponse {
  switch (api) {
    case 'jaeger-api-v3':
      if (path === '/api/v3/services') {
        return answer(200, JSON.stringify({ services: SERVICES }));
      }
      return path.startsWith('/api/v3/traces') ? answer(200, body, bytes) : answer(404, '404 page not found');
    case 'jaeger-v1':
      if (path === '/api/v3/services') {
        return answer(404, '404 page not found');
      }
      if (path === '/api/services') {
        return answer(200, JSON.stringify({ data: SERVICES }));
      }
      return path.startsWith('/api/traces') ? answer(200, body, bytes) : answer(404, '404 page not found');
    case 'tempo':
      if (path === '/api/status/buildinfo') {
        return answer(200, JSON.stringify({ version: '2.9.0', revision: 'test' }));
      }
      if (path === '/api/search' || path.startsWith('/api/traces/') || path.startsWith('/api/v2/traces/')) {
        return answer(200, body, bytes);
      }
      return answer(404, '404 page not found');
  }
}

/**
 * An in-memory transport for benches and tests of the path after the network: it answers the
 * capability probes as the named server does (service list, build info) and every search or
 * trace request with `body`. Nothing is checked about the request beyond its path.
 */
export function answeringTransport(api: AnsweringApi, body: string): Transport {
  // Both real transports report the size of what they received; so does this one.
  const bytes = byteLength(body);
  return (request: HttpRequest) => Promise.resolve(route(api, request.path, body, bytes));
}

/**
 * `api-gateway`: authenticates every request with auth-service, then forwards it to user-service, so each
 * trace has the guide's fan-out (auth-service and user-service under the gateway).
 */
import { serviceUrl } from './config';
import { callService, downstreamMessage, type DownstreamAnswer } from './downstream';
import { HttpError } from './httpErrors';
import type { RouteContext, RouteResult } from './serviceApp';
import type { ServiceModule } from './serviceModule';

/** Downstream 5xx becomes our 502 (a failure here too); 4xx passes through unchanged. */
function relay(service: string, a: DownstreamAnswer): RouteResult {
  if (a.status >= 500) {
    throw new HttpError(502, `${service}: ${downstreamMessage(a)}`);
  }
  return { status: a.status, body: a.body };
}

const service: ServiceModule = ({ config }) => {
  const authUrl = serviceUrl(config, 'auth-service');
  const usersUrl = serviceUrl(config, 'user-service');

  async function forward(ctx: RouteContext, path: string): Promise<RouteResult> {
    const authorization = String(ctx.headers.authorization ?? '');
    const auth = await callService('auth-service', authUrl, '/verify', { headers: { authorization } });
    if (auth.status !== 200) {
      ctx.span.addEvent('auth.denied', { 'http.response.status_code': auth.status });
      return relay('auth-service', auth);
    }
    ctx.span.addEvent('auth.ok');
    const userId = (auth.body as { userId?: number }).userId;
    if (userId !== undefined) {
      ctx.span.setAttribute('enduser.id', String(userId));
    }
    return relay('user-service', await callService('user-service', usersUrl, path + ctx.url.search));
  }

  return {
    routes: [
      { method: 'GET', template: '/users', handler: (ctx) => forward(ctx, '/users') },
      { method: 'GET', template: '/users/search', handler: (ctx) => forward(ctx, '/users/search') },
      {
        method: 'GET',
        template: '/users/:id',
        handler: (ctx) => forward(ctx, `/users/${encodeURIComponent(ctx.params.id)}`),
      },
    ],
  };
};

export default service;

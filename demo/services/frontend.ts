/**
 * `frontend`: the edge of the guide's request path. It starts the baggage every downstream service
 * sees (request.id) and calls the api-gateway.
 */
import { context, propagation } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';

import { serviceUrl } from './config';
import { callService, downstreamMessage } from './downstream';
import { HttpError } from './httpErrors';
import type { RouteContext, RouteResult } from './serviceApp';
import type { ServiceModule } from './serviceModule';

const service: ServiceModule = ({ config }) => {
  const gatewayUrl = serviceUrl(config, 'api-gateway');

  async function page(ctx: RouteContext, path: string, pageName: string): Promise<RouteResult> {
    const requestId = randomUUID();
    ctx.span.setAttribute('request.id', requestId);
    ctx.span.setAttribute('app.page', pageName);
    const bag = (propagation.getBaggage(context.active()) ?? propagation.createBaggage()).setEntry('request.id', {
      value: requestId,
    });
    const a = await context.with(propagation.setBaggage(context.active(), bag), () =>
      callService('api-gateway', gatewayUrl, path + ctx.url.search, {
        headers: { authorization: String(ctx.headers.authorization ?? '') },
      })
    );
    if (a.status >= 500) {
      throw new HttpError(502, `api-gateway: ${downstreamMessage(a)}`);
    }
    ctx.span.addEvent('page.rendered', { 'app.page': pageName });
    return { status: a.status, body: a.body };
  }

  return {
    routes: [
      { method: 'GET', template: '/api/users', handler: (ctx) => page(ctx, '/users', 'user-list') },
      { method: 'GET', template: '/api/users/search', handler: (ctx) => page(ctx, '/users/search', 'user-search') },
      {
        method: 'GET',
        template: '/api/users/:id',
        handler: (ctx) => page(ctx, `/users/${encodeURIComponent(ctx.params.id)}`, 'user-detail'),
      },
    ],
  };
};

export default service;

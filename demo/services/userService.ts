/**
 * `user-service`: the guide's `get_users` with `user.count`, plus lookup and the slow search, each backed
 * by the `database` service.
 */
import { SpanStatusCode, type Span, type Tracer } from '@opentelemetry/api';

import { serviceUrl } from './config';
import { callService, downstreamMessage } from './downstream';
import { HttpError } from './httpErrors';
import type { ServiceModule } from './serviceModule';
import type { QueryName, UserRow } from './db/usersDb';

async function inSpan<T>(tracer: Tracer, name: string, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, async (span) => {
    try {
      return await fn(span);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      if (!(e instanceof HttpError) || e.status >= 500) {
        span.recordException(err);
        span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
      }
      throw e;
    } finally {
      span.end();
    }
  });
}

const service: ServiceModule = ({ config, tracer }) => {
  const dbUrl = serviceUrl(config, 'database');

  async function query(name: QueryName, params: Array<string | number>): Promise<UserRow[]> {
    const a = await callService('database', dbUrl, '/query', { method: 'POST', body: { name, params } });
    if (a.status !== 200) {
      throw new HttpError(a.status >= 500 ? 502 : a.status, `database: ${downstreamMessage(a)}`);
    }
    return (a.body as { rows: UserRow[] }).rows;
  }

  return {
    routes: [
      {
        method: 'GET',
        template: '/users',
        handler: ({ url }) =>
          inSpan(tracer, 'get_users', async (span) => {
            const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 20) || 20, 1), 200);
            span.setAttribute('user.filter', 'all');
            const users = await query('listUsers', [limit]);
            span.setAttribute('user.count', users.length);
            span.addEvent('users.loaded', { 'user.count': users.length });
            return { body: { users } };
          }),
      },
      {
        method: 'GET',
        template: '/users/search',
        handler: ({ url }) =>
          inSpan(tracer, 'search_users', async (span) => {
            const q = (url.searchParams.get('q') ?? '').slice(0, 64);
            if (!q) {
              throw new HttpError(400, 'search needs a non-empty q parameter');
            }
            span.setAttribute('user.filter', q);
            const users = await query('searchUsers', [q, q]);
            span.setAttribute('user.count', users.length);
            span.addEvent('search.completed', { 'user.count': users.length });
            return { body: { users } };
          }),
      },
      {
        method: 'GET',
        template: '/users/:id',
        handler: ({ params }) =>
          inSpan(tracer, 'get_user', async (span) => {
            const id = Number(params.id);
            if (!Number.isInteger(id) || id <= 0) {
              throw new HttpError(400, `user id must be a positive integer, got ${params.id}`);
            }
            span.setAttribute('user.id', id);
            const [user] = await query('getUser', [id]);
            if (!user) {
              span.addEvent('user.not_found', { 'user.id': id });
              throw new HttpError(404, `user ${id} not found`);
            }
            span.setAttribute('user.count', 1);
            span.setAttribute('user.tier', user.tier);
            return { body: { user } };
          }),
      },
    ],
  };
};

export default service;

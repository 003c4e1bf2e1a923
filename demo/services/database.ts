/**
 * `database`: owns the SQLite file and runs named queries for user-service. Each query is a CLIENT span
 * with the database semantic conventions (db.system=sqlite, db.statement, db.name, db.operation), the
 * attributes the tracing guide filters on.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { HttpError } from './httpErrors';
import { isQueryName, QUERIES, UsersDb } from './db/usersDb';
import type { ServiceModule } from './serviceModule';

const service: ServiceModule = ({ config, tracer, stateDir }) => {
  const file = join(stateDir, 'demo-users.sqlite');
  const db = new UsersDb(file, config.seedUsers);
  const slowMs = config.services.database.slowMs;
  return {
    close: () => db.close(),
    routes: [
      {
        method: 'POST',
        template: '/query',
        async handler({ body }) {
          const req = (body ?? {}) as { name?: unknown; params?: unknown };
          const name = req.name;
          if (!isQueryName(name)) {
            throw new HttpError(
              400,
              `unknown query ${JSON.stringify(name)}; known: ${Object.keys(QUERIES).join(', ')}`
            );
          }
          const params = Array.isArray(req.params) ? (req.params as Array<string | number>) : [];
          const q = QUERIES[name];
          return tracer.startActiveSpan(
            `${q.operation} ${q.table}`,
            {
              kind: SpanKind.CLIENT,
              attributes: {
                'db.system': 'sqlite',
                'db.name': 'users',
                'db.statement': q.sql,
                'db.operation': q.operation,
                'db.sql.table': q.table,
                'server.address': file,
              },
            },
            async (span) => {
              try {
                if (name === 'searchUsers' && slowMs > 0) {
                  // The scan below is really slow on a large table; the extra wait stands for lock
                  // contention, so the slow path is slow enough to find with a duration filter.
                  span.addEvent('lock.wait', { 'lock.wait_ms': slowMs });
                  await sleep(slowMs);
                }
                const rows = db.run(name, params);
                span.setAttribute('db.rows_returned', rows.length);
                return { body: { rows } };
              } catch (e) {
                const err = e instanceof Error ? e : new Error(String(e));
                span.recordException(err);
                span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
                throw new HttpError(e instanceof HttpError ? e.status : 500, `sqlite: ${err.message}`);
              } finally {
                span.end();
              }
            }
          );
        },
      },
    ],
  };
};

export default service;

/**
 * `auth-service`: verifies the demo bearer tokens. Tokens are `demo-<user id>-<tier>`; anything else is
 * rejected with 401 and a `token.rejected` event, the expected failure the traffic generator provokes.
 */
import type { ServiceModule } from './serviceModule';

const TOKEN = /^Bearer demo-(\d+)-(free|pro|enterprise)$/;

const service: ServiceModule = ({ tracer }) => ({
  routes: [
    {
      method: 'GET',
      template: '/verify',
      handler: async ({ headers }) =>
        tracer.startActiveSpan('verify_token', (span) => {
          try {
            span.setAttribute('auth.scheme', 'bearer');
            const m = TOKEN.exec(String(headers.authorization ?? ''));
            if (!m) {
              span.setAttribute('auth.result', 'rejected');
              span.addEvent('token.rejected', { reason: headers.authorization ? 'malformed token' : 'no token' });
              return { status: 401, body: { error: 'invalid or missing bearer token' } };
            }
            span.setAttribute('auth.result', 'ok');
            span.setAttribute('enduser.id', m[1]);
            span.addEvent('token.verified');
            return { body: { userId: Number(m[1]), tier: m[2] } };
          } finally {
            span.end();
          }
        }),
    },
  ],
});

export default service;

/**
 * What the demo traffic generator sends: a reproducible mix over the frontend's routes, a fraction that
 * fails in known ways (bad token → 401, unknown user → 404, a failure requested through W3C baggage in
 * user-service or the database → 5xx with exceptions), a fraction on the slow search, and a fraction that
 * calls the api-gateway directly, so two services start traces under their own sampling probabilities.
 */
import { seededRandom } from '../src/core/seededRandom';
import type { PlannedRequest } from './runBounded';

export interface DemoPlanOptions {
  frontendUrl: string;
  gatewayUrl: string;
  requests: number;
  /** Fraction in [0, 1] of requests built to fail. */
  errorFraction: number;
  /** Fraction in [0, 1] of requests on the slow search route. */
  slowFraction: number;
  /** Fraction in [0, 1] of requests sent to the api-gateway instead of the frontend. */
  gatewayFraction: number;
  seed: number;
  /** Ids up to this exist in the database. */
  knownUsers: number;
}

const SEARCH_TERMS = ['ada', 'turing', 'hopper', 'knuth', 'lamport', 'perlman'];
const TIERS = ['free', 'pro', 'enterprise'];

export function planDemoTraffic(o: DemoPlanOptions): PlannedRequest[] {
  for (const [k, v] of Object.entries({
    errorFraction: o.errorFraction,
    slowFraction: o.slowFraction,
    gatewayFraction: o.gatewayFraction,
  })) {
    if (!(v >= 0 && v <= 1)) {
      throw new Error(`${k} must be in [0, 1], got ${v}`);
    }
  }
  if (o.errorFraction + o.slowFraction + o.gatewayFraction > 1) {
    throw new Error('errorFraction + slowFraction + gatewayFraction must not exceed 1');
  }
  if (!Number.isInteger(o.requests) || o.requests < 0) {
    throw new Error(`requests must be a non-negative integer, got ${o.requests}`);
  }
  const rnd = seededRandom(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const userId = () => 1 + Math.floor(rnd() * Math.min(o.knownUsers, 5000));
  const token = () => ({ authorization: `Bearer demo-${userId()}-${pick(TIERS)}` });

  const plan: PlannedRequest[] = [];
  for (let i = 0; i < o.requests; i++) {
    const r = rnd();
    if (r < o.errorFraction) {
      const which = Math.floor(rnd() * 4);
      if (which === 0) {
        plan.push({
          label: 'error: bad token',
          url: `${o.frontendUrl}/api/users?limit=5`,
          headers: { authorization: 'Bearer nope' },
        });
      } else if (which === 1) {
        plan.push({ label: 'error: unknown user', url: `${o.frontendUrl}/api/users/${900000 + i}`, headers: token() });
      } else {
        const failIn = which === 2 ? 'user-service' : 'database';
        plan.push({
          label: `error: ${failIn} fails`,
          url: `${o.frontendUrl}/api/users/${userId()}`,
          headers: { ...token(), baggage: `demo.fail=${failIn}` },
        });
      }
    } else if (r < o.errorFraction + o.slowFraction) {
      plan.push({
        label: 'search (slow)',
        url: `${o.frontendUrl}/api/users/search?q=${pick(SEARCH_TERMS)}`,
        headers: token(),
      });
    } else if (r < o.errorFraction + o.slowFraction + o.gatewayFraction) {
      plan.push({
        label: 'gateway: list users',
        url: `${o.gatewayUrl}/users?limit=${1 + Math.floor(rnd() * 10)}`,
        headers: token(),
      });
    } else if (rnd() < 0.5) {
      plan.push({
        label: 'list users',
        url: `${o.frontendUrl}/api/users?limit=${1 + Math.floor(rnd() * 30)}`,
        headers: token(),
      });
    } else {
      plan.push({ label: 'get user', url: `${o.frontendUrl}/api/users/${userId()}`, headers: token() });
    }
  }
  return plan;
}

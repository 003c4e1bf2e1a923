/**
 * Routes for a loopback server that searches like Jaeger v2's api_v3 on its memory store (as found
 * by running it): a trace matches when one of its spans (of the service, if one is named) starts
 * within [start_time_min, start_time_max], both ends included; at most query.num_traces come back,
 * in no particular order; no match is a 404 "No traces found". For tests of whole-window scans
 * through the real HTTP path without a Jaeger process.
 */
import { encodeJaegerApiV3 } from '../../model/encode/encodeTraces';
import type { Trace } from '../../model/types';
import { seededRandom } from '../../seededRandom';
import type { FakeRoute } from './fakeServer';

function rfc3339ToNs(s: string): bigint {
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(s);
  if (!m) {
    throw new Error(`not RFC3339: ${s}`);
  }
  return BigInt(Date.parse(`${m[1]}Z`)) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

export function fakeJaegerSearchRoutes(traces: readonly Trace[], seed = 1): Record<string, FakeRoute> {
  const random = seededRandom(seed);
  const services = [...new Set(traces.flatMap((t) => t.spans.map((s) => s.resource.serviceName)))].sort();
  return {
    '/api/v3/services': { body: { services } },
    '/api/v3/traces': (req) => {
      const min = req.query.get('query.start_time_min');
      const max = req.query.get('query.start_time_max');
      if (!min || !max) {
        return { status: 400, body: { error: { httpCode: 400, message: 'start time min and max are required' } } };
      }
      const lo = rfc3339ToNs(min);
      const hi = rfc3339ToNs(max);
      const service = req.query.get('query.service_name') ?? '';
      const limit = Number(req.query.get('query.num_traces') ?? '100');
      const found = traces.filter((t) =>
        t.spans.some(
          (s) =>
            s.startTimeUnixNano >= lo &&
            s.startTimeUnixNano <= hi &&
            (service === '' || s.resource.serviceName === service)
        )
      );
      for (let i = found.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [found[i], found[j]] = [found[j], found[i]];
      }
      const page = found.slice(0, limit);
      if (page.length === 0) {
        return { status: 404, body: { error: { httpCode: 404, message: 'No traces found' } } };
      }
      return { body: encodeJaegerApiV3(page) };
    },
  };
}

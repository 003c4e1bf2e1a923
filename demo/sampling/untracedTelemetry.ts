/**
 * The service's telemetry with tracing switched off (TRACELENS_SAMPLER=off): no provider, exporter,
 * propagator or HTTP instrumentation is registered, so the process runs as if it had never been
 * instrumented. That is the baseline the overhead benchmark compares against. Without a propagator,
 * baggage (and so baggage-requested faults) does not cross services in this mode.
 */
import { trace } from '@opentelemetry/api';

import type { ServiceName } from '../services/config';
import type { Telemetry } from '../services/telemetry';
import { fixedSamplingStatus } from './samplerChoice';

export function untracedTelemetry(service: ServiceName): Telemetry {
  return {
    // With no global provider registered this is the API's no-op tracer: spans cost one object each.
    tracer: trace.getTracer(`tracelens-demo/${service}`, '1.0.0'),
    sampling: () => fixedSamplingStatus({ kind: 'off' }),
    shutdown: async () => undefined,
  };
}

/**
 * One tracer provider per service process: OTLP/HTTP to Jaeger (and Zipkin v2 JSON to Zipkin when
 * TRACELENS_ZIPKIN_URL is set, so both backends hold the same spans), W3C trace context and baggage, the Jaeger
 * remote sampler (behind a parent-based sampler, so downstream services follow the caller's decision) and
 * auto-instrumented HTTP. Must run before the service code loads `node:http`, hence main.ts imports the
 * service module only after calling this.
 */
import { propagation, trace, type Tracer } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { JaegerRemoteSampler } from '@opentelemetry/sampler-jaeger-remote';
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestOptions } from 'node:http';

import { ConsistentProbabilitySampler } from '../sampling/consistentProbabilitySampler';
import { RecordSamplerTags } from '../sampling/recordSamplerTags';
import { fixedSamplingStatus, samplerChoiceFromEnv } from '../sampling/samplerChoice';
import { untracedTelemetry } from '../sampling/untracedTelemetry';
import { type DemoConfig, SERVICE_NAMES, type ServiceName } from './config';
import { startSamplingAdapter, type SamplingStatus } from './samplingAdapter';

export interface Telemetry {
  tracer: Tracer;
  sampling(): SamplingStatus;
  shutdown(): Promise<void>;
}

export async function startTelemetry(service: ServiceName, config: DemoConfig): Promise<Telemetry> {
  // TRACELENS_SAMPLER (demo/sampling/samplerChoice.ts) lets the overhead benchmark and the sampling ground
  // truth run these services untraced or at a fixed consistent probability; unset keeps the remote sampler.
  const choice = samplerChoiceFromEnv();
  if (choice.kind === 'off') {
    return untracedTelemetry(service);
  }
  const adapter = await startSamplingAdapter(config.samplingUrl);
  const adapterPort = Number(new URL(adapter.url).port);

  // The remote sampler is only built when used: it polls Jaeger every second, which would add CPU to the
  // benchmark's consistent-sampler modes that the untraced baseline does not have.
  const sampler =
    choice.kind === 'consistent'
      ? new ConsistentProbabilitySampler(choice.probability)
      : new ParentBasedSampler({
          // Roots say the probability they were kept with, as Jaeger's SDKs do (see recordSamplerTags.ts).
          root: new RecordSamplerTags(
            new JaegerRemoteSampler({
              endpoint: adapter.url,
              serviceName: service,
              poolingInterval: config.samplingPollMs,
              // Until the first strategy arrives nothing is sampled: a trace kept then would carry an unknown
              // probability, which the sampling panel could not weigh honestly.
              initialSampler: new AlwaysOffSampler(),
            })
          ),
        });

  const provider = new NodeTracerProvider({
    // defaultResource adds telemetry.sdk.* (language nodejs), which also tells our spans from HotROD's (go).
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: service,
        [ATTR_SERVICE_VERSION]: '1.0.0',
        // HotROD also reports a "frontend"; the namespace and SDK language tell the two apart.
        'service.namespace': 'tracelens-demo',
        'service.instance.id': randomUUID(),
        'deployment.environment.name': 'demo',
      })
    ),
    sampler,
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.otlpHttpUrl}/v1/traces`, timeoutMillis: 5000 }), {
        scheduledDelayMillis: 500,
      }),
      ...zipkinProcessors(process.env.TRACELENS_ZIPKIN_URL),
    ],
  });
  provider.register({
    propagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  });

  // Emit both the stable HTTP attributes (http.response.status_code) and the legacy ones
  // (http.status_code) the tracing guide's queries use; the instrumentation reads this when constructed.
  process.env.OTEL_SEMCONV_STABILITY_OPT_IN ??= 'http/dup';
  const peerByPort = new Map<number, ServiceName>(SERVICE_NAMES.map((n) => [config.services[n].port, n]));
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) =>
          req.url === '/health' || req.socket.localPort === adapterPort,
        startOutgoingSpanHook: (opts: RequestOptions) => {
          const peer = peerByPort.get(Number(opts.port));
          return peer ? { 'peer.service': peer } : {};
        },
      }),
    ],
  });

  return {
    tracer: trace.getTracer(`tracelens-demo/${service}`, '1.0.0'),
    sampling: () => (choice.kind === 'consistent' ? fixedSamplingStatus(choice) : adapter.status()),
    async shutdown() {
      unregister();
      await provider.shutdown();
      await adapter.close();
      propagation.disable();
    },
  };
}

/**
 * The same spans to Zipkin, through OpenTelemetry's own Zipkin exporter (status as `otel.status_code`
 * and `error` tags, events as annotations, resource attributes flattened into tags): a second batch
 * processor, so each backend gets every sampled span whatever the other does.
 */
function zipkinProcessors(zipkinUrl: string | undefined): SpanProcessor[] {
  if (!zipkinUrl) {
    return [];
  }
  const exporter = new ZipkinExporter({ url: `${zipkinUrl}/api/v2/spans` });
  return [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 500 })];
}

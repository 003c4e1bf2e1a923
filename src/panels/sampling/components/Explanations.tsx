import { Collapse } from '@grafana/ui';
import React, { useState } from 'react';

/** Where each number comes from, in the panel itself: estimates people act on must be explainable. */
export function Explanations({
  cpuMicrosPerSpan,
  cpuMicrosPerRequest,
}: {
  cpuMicrosPerSpan: number;
  cpuMicrosPerRequest: number;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Collapse label="Where these numbers come from" isOpen={open} onToggle={() => setOpen(!open)} collapsible>
      <ul>
        <li>
          <strong>Sampler and configured rate</strong>: read from each root span, in this order: the OpenTelemetry
          tracestate threshold (<code>ot=th:…</code>, exact), <code>sampler.type</code>/<code>sampler.param</code> tags
          (also with a <code>jaeger.</code> prefix) or a <code>SampleRate</code> attribute, then the strategy Jaeger
          serves for the service. Head sampling decides at the root, so each trace counts for its root service.
        </li>
        <li>
          <strong>Estimated real requests</strong>: every stored trace stands for 1/p requests; their sum estimates the
          traffic, with a 95% interval from the variance Σ(1−p)/p². Rate-limited and unknown samplers get no estimate.
        </li>
        <li>
          <strong>Which deployment</strong>: a service is its <code>service.namespace</code> and{' '}
          <code>service.name</code>. Jaeger serves strategies by name only, so a strategy is used only when one
          deployment of that name is in the time range; two deployments sharing a name never borrow each other&apos;s
          rate.
        </li>
        <li>
          <strong>Error rate</strong>: requests whose callee span failed (for a root service, its root span has error
          status), weighted by 1/p: the same definition as the service graph&apos;s.
        </li>
        <li>
          <strong>Every trace in the time range</strong> is read, up to the data source&apos;s trace budget; when the
          range holds more, a badge says the counts are lower bounds.
        </li>
        <li>
          <strong>Effective rate</strong>: stored traces ÷ estimated requests (the harmonic mean of the probabilities).
        </li>
        <li>
          <strong>CPU</strong>: stored spans per second × {cpuMicrosPerSpan} µs per span (measured for the OpenTelemetry
          JS SDK by this project&apos;s overhead benchmark; change it in the panel options), as a share of one core.
        </li>
        <li>
          <strong>Storage</strong>: spans per second × bytes per span (measured from the backend&apos;s response sizes)
          × 86,400.
        </li>
        <li>
          <strong>p99 error</strong>: the p99 rests on the ~1% of kept traces above it; with n kept traces an hour its
          relative error is about 1/√(0.01·n). Above ±50% (fewer than four kept traces an hour above the p99) the table
          says &quot;too few traces to estimate&quot; instead of a number.
        </li>
        <li>
          <strong>Units</strong>: rates are per second, minute, hour or day, whichever keeps the number at one or more;
          estimated requests and their 95% interval are counts over the whole time range.
        </li>
      </ul>
    </Collapse>
  );
}

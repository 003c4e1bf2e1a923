import { InlineField, InlineSwitch, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import React from 'react';

import { isMetricsText } from '../language/traceql';
import { labels } from '../labels';
import { selectors } from '../selectors';
import type { TraceLensQuery } from '../types';

const L = labels.query;

interface Props {
  query: TraceLensQuery;
  onChange: (query: TraceLensQuery) => void;
  /** The backend counts service calls itself (Jaeger's /api/dependencies). */
  dependencies?: boolean;
}

/** '' clears the option (the data source default applies); other text must be a positive integer. */
function toCount(text: string): number | undefined | null {
  const t = text.trim();
  if (t === '') {
    return undefined;
  }
  return /^\d+$/.test(t) && Number(t) > 0 ? Number(t) : null;
}

function CountField({
  label,
  tooltip,
  value,
  testId,
  onChange,
}: {
  label: string;
  tooltip: string;
  value?: number;
  testId: string;
  onChange: (v?: number) => void;
}) {
  const [text, setText] = React.useState(value === undefined ? '' : String(value));
  const parsed = toCount(text);
  return (
    <InlineField label={label} tooltip={tooltip} invalid={parsed === null} error="Enter a whole number above 0">
      <Input
        data-testid={testId}
        aria-label={label}
        width={10}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => parsed !== null && onChange(parsed)}
      />
    </InlineField>
  );
}

/** Search options (limit, spans per spanset) or metrics options (step, range/instant), per query. */
export function OptionsRow({ query, onChange, dependencies = false }: Props) {
  const type = query.queryType ?? 'traceql';
  // A metrics query typed in the TraceQL tab runs as metrics, so it takes the metrics options.
  const metrics = type === 'metrics' || (type === 'traceql' && isMetricsText(query.query ?? ''));
  return (
    <Stack direction="row" gap={1} wrap="wrap">
      {type === 'traceql' && !metrics && (
        <>
          <CountField
            label={L.limit}
            tooltip={L.limitTooltip}
            value={query.limit}
            testId={selectors.query.limit}
            onChange={(limit) => onChange({ ...query, limit })}
          />
          <CountField
            label={L.spss}
            tooltip={L.spssTooltip}
            value={query.spss}
            testId={selectors.query.spss}
            onChange={(spss) => onChange({ ...query, spss })}
          />
        </>
      )}
      {metrics && (
        <>
          <InlineField label={L.metricsType}>
            <RadioButtonGroup
              options={[
                { label: L.range, value: 'range' as const },
                { label: L.instant, value: 'instant' as const },
              ]}
              value={query.metricsQueryType ?? 'range'}
              onChange={(metricsQueryType) => onChange({ ...query, metricsQueryType })}
            />
          </InlineField>
          {query.metricsQueryType !== 'instant' && (
            <InlineField label={L.step} tooltip={L.stepTooltip}>
              <Input
                data-testid={selectors.query.step}
                aria-label={L.step}
                width={10}
                placeholder={L.stepPlaceholder}
                defaultValue={query.step ?? ''}
                onBlur={(e) => onChange({ ...query, step: e.currentTarget.value.trim() || undefined })}
              />
            </InlineField>
          )}
        </>
      )}
      {type === 'serviceGraph' && (dependencies || query.serviceGraphCalls === 'dependencies') && (
        <InlineField label={L.calls} tooltip={L.callsTooltip}>
          <RadioButtonGroup
            options={[
              { label: L.callsTraces, value: 'traces' as const },
              { label: L.callsDependencies, value: 'dependencies' as const },
            ]}
            value={query.serviceGraphCalls ?? 'traces'}
            onChange={(serviceGraphCalls) => onChange({ ...query, serviceGraphCalls })}
          />
        </InlineField>
      )}
      {type === 'serviceGraph' && query.serviceGraphCalls !== 'dependencies' && (
        <InlineField label={L.detail}>
          <RadioButtonGroup
            options={[
              { label: L.detailServices, value: 'services' as const },
              { label: L.detailPeers, value: 'peers' as const },
            ]}
            value={query.serviceGraphDetail ?? 'services'}
            onChange={(serviceGraphDetail) => onChange({ ...query, serviceGraphDetail })}
          />
        </InlineField>
      )}
      {type === 'sampling' && (
        <InlineField label={L.byOperation}>
          <InlineSwitch
            aria-label={L.byOperation}
            value={query.samplingByOperation ?? false}
            onChange={(e) => onChange({ ...query, samplingByOperation: e.currentTarget.checked })}
          />
        </InlineField>
      )}
      {type === 'latency' && (
        <InlineField label={L.durationKind}>
          <RadioButtonGroup
            options={[
              { label: L.span, value: 'span' as const },
              { label: L.trace, value: 'trace' as const },
            ]}
            value={query.latencyDuration ?? 'span'}
            onChange={(latencyDuration) => onChange({ ...query, latencyDuration })}
          />
        </InlineField>
      )}
    </Stack>
  );
}

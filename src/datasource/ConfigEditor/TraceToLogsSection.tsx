import { DataSourcePicker, getDataSourceSrv } from '@grafana/runtime';
import { Field, Input, InlineField, InlineSwitch, RadioButtonGroup, TextArea } from '@grafana/ui';
import React from 'react';

import { labels } from '../labels';
import { LOGS_DATASOURCE_TYPES, parseTimeShift } from '../links';
import { selectors } from '../selectors';
import type { TraceToLogsOptionsV2 } from '../types';
import { updateTraceToLogs } from './options';
import { TagMappings } from './TagMappings';
import type { SectionProps } from './types';

const L = labels.config.logs;

type FilterMode = NonNullable<TraceToLogsOptionsV2['lokiFilterMode']>;

const FILTER_MODES: Array<{ label: string; value: FilterMode }> = [
  { label: L.lineFilter, value: 'line' },
  { label: L.structuredMetadata, value: 'structuredMetadata' },
];

function ShiftField({
  label,
  value,
  testId,
  onChange,
}: {
  label: string;
  value?: string;
  testId: string;
  onChange: (v: string) => void;
}) {
  const invalid = parseTimeShift(value) === undefined;
  return (
    <Field
      label={label}
      description={L.shiftDescription}
      invalid={invalid}
      error={invalid ? L.invalidShift : undefined}
    >
      <Input
        data-testid={testId}
        aria-label={label}
        width={20}
        placeholder="0"
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </Field>
  );
}

/**
 * Writes `jsonData.tracesToLogsV2`, the shape Grafana's own trace view reads, so span → logs links
 * appear there too. Our own shape-compatible editor: Grafana's is AGPL.
 */
export function TraceToLogsSection({ options, onOptionsChange }: SectionProps) {
  const t = options.jsonData.tracesToLogsV2 ?? {};
  const update = (patch: Partial<TraceToLogsOptionsV2>) => onOptionsChange(updateTraceToLogs(options, patch));
  const isLoki =
    t.datasourceUid !== undefined && getDataSourceSrv().getInstanceSettings(t.datasourceUid)?.type === 'loki';
  return (
    <>
      <Field label={L.datasource}>
        <DataSourcePicker
          type={[...LOGS_DATASOURCE_TYPES]}
          current={t.datasourceUid ?? null}
          noDefault
          width={40}
          placeholder={L.datasourcePlaceholder}
          onChange={(ds) => update({ datasourceUid: ds.uid })}
          onClear={() => update({ datasourceUid: undefined })}
        />
      </Field>
      <Field label={L.tags} description={L.tagsDescription}>
        <TagMappings tags={t.tags ?? []} onChange={(tags) => update({ tags })} />
      </Field>
      <ShiftField
        label={L.startShift}
        value={t.spanStartTimeShift}
        testId={selectors.config.logsStartShift}
        onChange={(v) => update({ spanStartTimeShift: v })}
      />
      <ShiftField
        label={L.endShift}
        value={t.spanEndTimeShift}
        testId={selectors.config.logsEndShift}
        onChange={(v) => update({ spanEndTimeShift: v })}
      />
      <InlineField label={L.filterByTraceId} labelWidth={26}>
        <InlineSwitch
          data-testid={selectors.config.logsFilterTraceId}
          aria-label={L.filterByTraceId}
          value={t.filterByTraceID ?? false}
          onChange={(e) => update({ filterByTraceID: e.currentTarget.checked })}
        />
      </InlineField>
      <InlineField label={L.filterBySpanId} labelWidth={26}>
        <InlineSwitch
          data-testid={selectors.config.logsFilterSpanId}
          aria-label={L.filterBySpanId}
          value={t.filterBySpanID ?? false}
          onChange={(e) => update({ filterBySpanID: e.currentTarget.checked })}
        />
      </InlineField>
      {isLoki && (
        <Field label={L.lokiFilterMode} description={L.lokiFilterModeDescription}>
          <RadioButtonGroup<FilterMode>
            options={FILTER_MODES}
            value={t.lokiFilterMode ?? 'line'}
            onChange={(v) => update({ lokiFilterMode: v })}
          />
        </Field>
      )}
      <InlineField label={L.customQuery} labelWidth={26}>
        <InlineSwitch
          data-testid={selectors.config.logsCustomQuery}
          aria-label={L.customQuery}
          value={t.customQuery ?? false}
          onChange={(e) => update({ customQuery: e.currentTarget.checked })}
        />
      </InlineField>
      {t.customQuery && (
        <Field label={L.query} description={L.queryDescription}>
          <TextArea
            data-testid={selectors.config.logsQuery}
            rows={3}
            value={t.query ?? ''}
            onChange={(e) => update({ query: e.currentTarget.value })}
          />
        </Field>
      )}
    </>
  );
}

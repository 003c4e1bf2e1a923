import { Button, Field, IconButton, Input, RadioButtonGroup, Select, Stack } from '@grafana/ui';
import React, { useEffect, useState } from 'react';

import { labels } from '../../labels';
import { selectors } from '../../selectors';
import {
  FILTER_OPERATORS,
  inferValueType,
  isDuration,
  type AttributeFilter,
  type BuilderModel,
  type FilterOperator,
  type MaxDurationOp,
  type MinDurationOp,
  type StatusChoice,
} from './model';

const L = labels.builder;

const STATUS: Array<{ label: string; value: StatusChoice }> = [
  { label: L.any, value: '' },
  { label: 'ok', value: 'ok' },
  { label: 'error', value: 'error' },
  { label: 'unset', value: 'unset' },
];

interface Props {
  model: BuilderModel;
  onChange: (model: BuilderModel) => void;
  loadServices: () => Promise<string[]>;
  loadOperations: (service: string) => Promise<string[]>;
}

function useOptions(load: (() => Promise<string[]>) | undefined, key: string) {
  const [loaded, setLoaded] = useState<{ key: string; options: Array<{ label: string; value: string }> }>({
    key: '',
    options: [],
  });
  useEffect(() => {
    if (!load) {
      return;
    }
    let live = true;
    // A failed lookup leaves the list empty; the field still accepts typed values.
    load().then(
      (xs) => live && setLoaded({ key, options: xs.map((x) => ({ label: x, value: x })) }),
      () => live && setLoaded({ key, options: [] })
    );
    return () => {
      live = false;
    };
    // The loader is a new function each render; `key` says when its answer changes.
  }, [key]);
  return load && loaded.key === key ? loaded.options : [];
}

function FilterRow({
  filter,
  onChange,
  onRemove,
}: {
  filter: AttributeFilter;
  onChange: (f: AttributeFilter) => void;
  onRemove: () => void;
}) {
  const valueless = filter.op === 'exists' || filter.op === 'missing';
  return (
    <Stack direction="row" gap={1} alignItems="center">
      <Input
        data-testid={selectors.builder.filterKey}
        aria-label={L.attribute}
        placeholder="span.http.route"
        width={30}
        value={filter.key}
        onChange={(e) => onChange({ ...filter, key: e.currentTarget.value })}
      />
      <div data-testid={selectors.builder.filterOp}>
        <Select<FilterOperator>
          aria-label={L.operator}
          width={16}
          options={[...FILTER_OPERATORS]}
          value={filter.op}
          onChange={(v) => v.value && onChange({ ...filter, op: v.value, type: inferValueType(filter.value, v.value) })}
        />
      </div>
      {!valueless && (
        <Input
          data-testid={selectors.builder.filterValue}
          aria-label={L.value}
          width={30}
          value={filter.value}
          onChange={(e) =>
            onChange({
              ...filter,
              value: e.currentTarget.value,
              type: inferValueType(e.currentTarget.value, filter.op),
            })
          }
        />
      )}
      <IconButton name="trash-alt" tooltip={L.removeFilter} onClick={onRemove} />
    </Stack>
  );
}

const MIN_OPS: ReadonlyArray<{ label: string; value: MinDurationOp }> = [
  { label: '>', value: '>' },
  { label: '>=', value: '>=' },
];
const MAX_OPS: ReadonlyArray<{ label: string; value: MaxDurationOp }> = [
  { label: '<', value: '<' },
  { label: '<=', value: '<=' },
];

/** One duration bound: strict or inclusive, then the duration as TraceQL writes it. */
function DurationBound<Op extends string>({
  label,
  testId,
  opTestId,
  ops,
  op,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  opTestId: string;
  ops: ReadonlyArray<{ label: string; value: Op }>;
  op: Op;
  value: string;
  onChange: (value: string, op: Op) => void;
}) {
  const error = value.trim() === '' || isDuration(value) ? undefined : L.durationError;
  return (
    <Field label={label} invalid={!!error} error={error}>
      <Stack direction="row" gap={0.5} alignItems="center">
        <div data-testid={opTestId}>
          <RadioButtonGroup<Op> size="sm" options={[...ops]} value={op} onChange={(next) => onChange(value, next)} />
        </div>
        <Input
          data-testid={testId}
          aria-label={label}
          width={16}
          placeholder={L.durationPlaceholder}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value, op)}
        />
      </Stack>
    </Field>
  );
}

/** The search form: each change writes TraceQL through `toTraceQL` in the parent. */
export function BuilderEditor({ model, onChange, loadServices, loadOperations }: Props) {
  const services = useOptions(loadServices, 'services');
  const operations = useOptions(model.service ? () => loadOperations(model.service) : undefined, model.service);
  const set = (patch: Partial<BuilderModel>) => onChange({ ...model, ...patch });
  return (
    <Stack direction="column" gap={1}>
      <Stack direction="row" gap={2} wrap="wrap">
        <Field label={L.service}>
          <div data-testid={selectors.builder.service}>
            <Select
              width={30}
              isClearable
              allowCustomValue
              options={services}
              value={model.service || null}
              onChange={(v) => set({ service: v?.value ?? '', spanName: '' })}
            />
          </div>
        </Field>
        <Field label={L.spanName}>
          <div data-testid={selectors.builder.spanName}>
            <Select
              width={30}
              isClearable
              allowCustomValue
              options={operations}
              value={model.spanName || null}
              onChange={(v) => set({ spanName: v?.value ?? '' })}
            />
          </div>
        </Field>
        <Field label={L.status}>
          <div data-testid={selectors.builder.status}>
            <RadioButtonGroup<StatusChoice>
              options={STATUS}
              value={model.status}
              onChange={(v) => set({ status: v })}
            />
          </div>
        </Field>
      </Stack>
      <Stack direction="row" gap={2}>
        <DurationBound
          label={L.minDuration}
          testId={selectors.builder.minDuration}
          opTestId={selectors.builder.minDurationOp}
          ops={MIN_OPS}
          op={model.minDurationOp}
          value={model.minDuration}
          onChange={(minDuration, minDurationOp) => set({ minDuration, minDurationOp })}
        />
        <DurationBound
          label={L.maxDuration}
          testId={selectors.builder.maxDuration}
          opTestId={selectors.builder.maxDurationOp}
          ops={MAX_OPS}
          op={model.maxDurationOp}
          value={model.maxDuration}
          onChange={(maxDuration, maxDurationOp) => set({ maxDuration, maxDurationOp })}
        />
      </Stack>
      <Field label={L.attributes}>
        <Stack direction="column" gap={1}>
          {model.filters.map((f, i) => (
            <FilterRow
              key={i}
              filter={f}
              onChange={(nf) => set({ filters: model.filters.map((x, j) => (j === i ? nf : x)) })}
              onRemove={() => set({ filters: model.filters.filter((_x, j) => j !== i) })}
            />
          ))}
          <div>
            <Button
              data-testid={selectors.builder.addFilter}
              variant="secondary"
              size="sm"
              icon="plus"
              onClick={() => set({ filters: [...model.filters, { key: '', op: '=', value: '', type: 'string' }] })}
            >
              {L.addFilter}
            </Button>
          </div>
        </Stack>
      </Field>
    </Stack>
  );
}

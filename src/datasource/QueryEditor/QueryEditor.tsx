import type { QueryEditorProps } from '@grafana/data';
import { Alert, Button, InlineField, InlineSwitch, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import React, { useCallback, useMemo, useState } from 'react';

import type { TraceLensDataSource } from '../datasource';
import { labels } from '../labels';
import { selectors } from '../selectors';
import type { TraceLensOptions, TraceLensQuery, TraceLensQueryType } from '../types';
import { BuilderEditor } from './builder/BuilderEditor';
import { fromTraceQL } from './builder/fromTraceQL';
import { EMPTY_MODEL, type BuilderModel } from './builder/model';
import { toTraceQL } from './builder/toTraceQL';
import { createCompletionSource } from './completionSource';
import { ExplainPanel } from './ExplainPanel';
import { OptionsRow } from './OptionsRow';
import { TraceQLField } from './TraceQLField';

type Props = QueryEditorProps<TraceLensDataSource, TraceLensQuery, TraceLensOptions>;

const L = labels.query;

export const EDITOR_QUERY_TYPES: ReadonlyArray<{ label: string; value: TraceLensQueryType }> = [
  { label: L.types.traceql, value: 'traceql' },
  { label: L.types.traceId, value: 'traceId' },
  { label: L.types.serviceGraph, value: 'serviceGraph' },
  { label: L.types.latency, value: 'latency' },
  { label: L.types.sampling, value: 'sampling' },
  { label: L.types.metrics, value: 'metrics' },
];

type Mode = NonNullable<TraceLensQuery['editorMode']>;

export function QueryEditor({ datasource, query, onChange, onRunQuery, range }: Props) {
  const type = query.queryType ?? 'traceql';
  const text = query.query ?? '';
  const window = useMemo(
    () => (range ? { startMs: range.from.valueOf(), endMs: range.to.valueOf() } : undefined),
    [range]
  );
  const completionSource = useMemo(() => createCompletionSource(datasource, window), [datasource, window]);
  const [showExplain, setShowExplain] = useState(false);
  const explain = useCallback(
    (q: string) => {
      const interpolated = datasource.applyTemplateVariables({ refId: query.refId, query: q }, {}).query ?? q;
      const w = window ?? { startMs: Date.now() - 3_600_000, endMs: Date.now() };
      return datasource.client.explain(interpolated, w);
    },
    [datasource, query.refId, window]
  );

  const setText = (q: string) => onChange({ ...query, query: q });
  const codeField = (
    <TraceQLField value={text} onChange={setText} onRunQuery={onRunQuery} completionSource={completionSource} />
  );

  return (
    <Stack direction="column" gap={1}>
      <div data-testid={selectors.query.type}>
        <RadioButtonGroup<TraceLensQueryType>
          options={[...EDITOR_QUERY_TYPES]}
          value={type}
          onChange={(queryType) => {
            // A trace id and TraceQL are different things: carrying one over as the other only
            // produces an error.
            const keepText = (queryType === 'traceId') === (type === 'traceId');
            onChange({ ...query, queryType, query: keepText ? query.query : '' });
            onRunQuery();
          }}
        />
      </div>
      {type === 'traceId' ? (
        <InlineField label={L.traceIdLabel} grow>
          <Input
            data-testid={selectors.query.traceId}
            placeholder={L.traceIdPlaceholder}
            defaultValue={text}
            onBlur={(e) => setText(e.currentTarget.value.trim())}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                setText(e.currentTarget.value.trim());
                onRunQuery();
              }
            }}
          />
        </InlineField>
      ) : type === 'traceql' ? (
        <SearchEditor query={query} onChange={onChange} codeField={codeField} datasource={datasource} />
      ) : (
        codeField
      )}
      {type !== 'traceId' && (
        <Stack direction="row" gap={2} alignItems="center">
          <OptionsRow query={query} onChange={onChange} dependencies={datasource.hasDependencies} />
          <InlineField label={L.explain}>
            <InlineSwitch
              data-testid={selectors.query.explainToggle}
              aria-label={L.explain}
              value={showExplain}
              onChange={(e) => setShowExplain(e.currentTarget.checked)}
            />
          </InlineField>
        </Stack>
      )}
      {showExplain && type !== 'traceId' && <ExplainPanel query={text} explain={explain} />}
    </Stack>
  );
}

interface SearchEditorProps {
  query: TraceLensQuery;
  onChange: (q: TraceLensQuery) => void;
  codeField: React.ReactNode;
  datasource: TraceLensDataSource;
}

/** TraceQL search: code or builder; the builder writes TraceQL and reads simple queries back. */
function SearchEditor({ query, onChange, codeField, datasource }: SearchEditorProps) {
  const mode: Mode = query.editorMode ?? 'code';
  const text = query.query ?? '';
  const parsed = useMemo(() => fromTraceQL(text), [text]);
  const notices = useMemo(() => datasource.queryNotices(text), [datasource, text]);
  // What the builder last wrote: rows still being filled in (no key yet) write nothing to the
  // query, so the form shows its own state while the query is the text it produced.
  const [local, setLocal] = useState<{ text: string; model: BuilderModel } | undefined>(undefined);
  const shown = local && local.text === text ? local.model : parsed;
  const onModel = (model: BuilderModel) => {
    const written = toTraceQL(model);
    setLocal({ text: written, model });
    onChange({ ...query, query: written });
  };
  return (
    <Stack direction="column" gap={1}>
      <div data-testid={selectors.query.mode}>
        <RadioButtonGroup<Mode>
          size="sm"
          options={[
            { label: labels.query.mode.code, value: 'code' },
            { label: labels.query.mode.builder, value: 'builder' },
          ]}
          value={mode}
          onChange={(editorMode) => onChange({ ...query, editorMode })}
        />
      </div>
      {notices.map((n) => (
        <Alert key={n} severity="warning" title={n} data-testid={selectors.query.backendNotice} />
      ))}
      {mode === 'code' && codeField}
      {mode === 'builder' && !shown && (
        <Alert severity="info" title={labels.builder.notRepresentable} data-testid={selectors.builder.notRepresentable}>
          <Button size="sm" variant="secondary" onClick={() => onModel({ ...EMPTY_MODEL, filters: [] })}>
            {labels.builder.startOver}
          </Button>
        </Alert>
      )}
      {mode === 'builder' && shown && (
        <BuilderEditor
          model={shown}
          onChange={onModel}
          loadServices={() => datasource.client.services()}
          loadOperations={(service) => datasource.client.operations(service)}
        />
      )}
    </Stack>
  );
}

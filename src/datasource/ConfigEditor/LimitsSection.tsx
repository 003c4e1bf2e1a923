import { Field, Input } from '@grafana/ui';
import React, { useState } from 'react';

import { labels } from '../labels';
import { selectors } from '../selectors';
import type { TraceLensOptions } from '../types';
import { parseLimit, setJsonData } from './options';
import type { SectionProps } from './types';

const L = labels.config.limits;

type LimitKey = 'searchDepth' | 'maxConcurrency' | 'maxTraces';

function LimitField({
  options,
  onOptionsChange,
  name,
  label,
  description,
  testId,
}: SectionProps & {
  name: LimitKey;
  label: string;
  description: string;
  testId: string;
}) {
  const stored: TraceLensOptions[LimitKey] = options.jsonData[name];
  const [text, setText] = useState(stored === undefined ? '' : String(stored));
  const parsed = parseLimit(text);
  return (
    <Field label={label} description={description} invalid={!parsed.ok} error={parsed.ok ? undefined : parsed.message}>
      <Input
        data-testid={testId}
        aria-label={label}
        width={20}
        value={text}
        inputMode="numeric"
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={() => parsed.ok && onOptionsChange(setJsonData(options, name, parsed.value))}
      />
    </Field>
  );
}

/** Every backend reads all three (the timeout is Grafana's own, in the advanced HTTP settings): engine-side evaluation fetches up to the search depth everywhere. */
export function LimitsSection(props: SectionProps) {
  return (
    <>
      <LimitField
        {...props}
        name="searchDepth"
        label={L.searchDepth}
        description={L.searchDepthDescription}
        testId={selectors.config.searchDepth}
      />
      <LimitField
        {...props}
        name="maxConcurrency"
        label={L.maxConcurrency}
        description={L.maxConcurrencyDescription}
        testId={selectors.config.maxConcurrency}
      />
      <LimitField
        {...props}
        name="maxTraces"
        label={L.maxTraces}
        description={L.maxTracesDescription}
        testId={selectors.config.maxTraces}
      />
    </>
  );
}

import { Field, RadioButtonGroup } from '@grafana/ui';
import React from 'react';

import { labels } from '../labels';
import { selectors } from '../selectors';
import type { BackendKind } from '../types';
import { setBackend } from './options';
import type { SectionProps } from './types';

const OPTIONS: Array<{ label: string; value: BackendKind }> = [
  { label: labels.config.backend.jaeger, value: 'jaeger' },
  { label: labels.config.backend.tempo, value: 'tempo' },
];

export function BackendSection({ options, onOptionsChange }: SectionProps) {
  return (
    <Field label={labels.config.backend.label} description={labels.config.backend.description}>
      <div data-testid={selectors.config.backend}>
        <RadioButtonGroup<BackendKind>
          options={OPTIONS}
          value={options.jsonData.backend ?? 'jaeger'}
          onChange={(v) => onOptionsChange(setBackend(options, v))}
        />
      </div>
    </Field>
  );
}

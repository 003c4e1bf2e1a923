import { Field, RadioButtonGroup } from '@grafana/ui';
import React from 'react';

import { BACKENDS, DEFAULT_BACKEND } from '../../core/backends';
import { labels } from '../labels';
import { selectors } from '../selectors';
import type { BackendKind } from '../types';
import { setBackend } from './options';
import type { SectionProps } from './types';

/** One choice per registered backend, named as the registry names it. */
const OPTIONS: Array<{ label: string; value: BackendKind }> = BACKENDS.map((b) => ({ label: b.label, value: b.kind }));

export function BackendSection({ options, onOptionsChange }: SectionProps) {
  return (
    <Field label={labels.config.backend.label} description={labels.config.backend.description}>
      <div data-testid={selectors.config.backend}>
        <RadioButtonGroup<BackendKind>
          options={OPTIONS}
          value={options.jsonData.backend ?? DEFAULT_BACKEND}
          onChange={(v) => onOptionsChange(setBackend(options, v))}
        />
      </div>
    </Field>
  );
}

import { Field, Input } from '@grafana/ui';
import React from 'react';

import { labels } from '../../../labels';
import { selectors } from '../../../selectors';
import { setJsonData } from '../../options';
import type { SectionProps } from '../../types';

const L = labels.config.sampling;

/** Jaeger only: the remote-sampling endpoint, forwarded by the `tracelens-sampling` proxy route. */
export function SamplingSection({ options, onOptionsChange }: SectionProps) {
  return (
    <Field label={L.url} description={L.description}>
      <Input
        data-testid={selectors.config.samplingUrl}
        aria-label={L.url}
        width={40}
        placeholder={L.placeholder}
        value={options.jsonData.samplingUrl ?? ''}
        onChange={(e) =>
          onOptionsChange(setJsonData(options, 'samplingUrl', e.currentTarget.value.trim() || undefined))
        }
      />
    </Field>
  );
}

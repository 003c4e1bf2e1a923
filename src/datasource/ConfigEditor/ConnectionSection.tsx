import { ConnectionSettings } from '@grafana/plugin-ui';
import { Alert } from '@grafana/ui';
import React from 'react';

import { BACKENDS, DEFAULT_BACKEND } from '../../core/backends';
import { labels } from '../labels';
import { selectors } from '../selectors';
import type { SectionProps } from './types';

const L = labels.config.connection;

/** The backend's URL, with its usual address as the example, and a plain warning while it is empty. */
export function ConnectionSection({ options, onOptionsChange }: SectionProps) {
  const kind = options.jsonData.backend ?? DEFAULT_BACKEND;
  const known = BACKENDS.find((b) => b.kind === kind);
  // A backend this build does not know (settings from a newer version) gets the default's example.
  const example = (known ?? BACKENDS.find((b) => b.kind === DEFAULT_BACKEND))?.defaultUrl ?? '';
  return (
    <>
      <ConnectionSettings
        config={options}
        onChange={onOptionsChange}
        description={L.description}
        urlLabel={L.urlLabel}
        urlPlaceholder={example}
      />
      {(options.url ?? '').trim() === '' && (
        <Alert data-testid={selectors.config.noUrl} severity="warning" title={L.noUrlTitle}>
          {L.noUrl(known?.label ?? kind, example)}
        </Alert>
      )}
    </>
  );
}

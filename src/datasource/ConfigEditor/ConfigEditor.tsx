import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DataSourceHttpSettings, Divider } from '@grafana/ui';
import React from 'react';

import { BACKENDS, DEFAULT_BACKEND, isBackendKind } from '../../core/backends';
import { labels } from '../labels';
import type { TraceLensOptions, TraceLensSecureOptions } from '../types';
import { AuthSection } from './AuthSection';
import { BACKEND_SECTIONS } from './backends';
import { BackendSection } from './BackendSection';
import { LimitsSection } from './LimitsSection';
import { Section } from './Section';
import { TraceToLogsSection } from './TraceToLogsSection';

type Props = DataSourcePluginOptionsEditorProps<TraceLensOptions, TraceLensSecureOptions>;

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const backend: string = options.jsonData.backend ?? DEFAULT_BACKEND;
  // A backend this build does not know (settings from a newer version) gets the shared sections only.
  const own = isBackendKind(backend) ? BACKEND_SECTIONS[backend] : [];
  const section = { options, onOptionsChange };
  return (
    <>
      <Section title={labels.config.backend.title}>
        <BackendSection {...section} />
      </Section>
      <DataSourceHttpSettings
        defaultUrl={BACKENDS.find((b) => b.kind === backend)?.defaultUrl ?? ''}
        dataSourceConfig={options}
        onChange={onOptionsChange}
        showAccessOptions={false}
        secureSocksDSProxyEnabled={false}
      />
      <Section title={labels.config.auth.title}>
        <AuthSection {...section} />
      </Section>
      <Divider />
      <Section title={labels.config.limits.title}>
        <LimitsSection {...section} />
      </Section>
      {own.map(({ title, description, Component }) => (
        <Section key={title} title={title} description={description}>
          <Component {...section} />
        </Section>
      ))}
      <Divider />
      <Section title={labels.config.logs.title} description={labels.config.logs.description}>
        <TraceToLogsSection {...section} />
      </Section>
    </>
  );
}

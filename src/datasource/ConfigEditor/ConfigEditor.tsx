import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { DataSourceHttpSettings, Divider } from '@grafana/ui';
import React from 'react';

import { labels } from '../labels';
import type { TraceLensOptions, TraceLensSecureOptions } from '../types';
import { AuthSection } from './AuthSection';
import { BackendSection } from './BackendSection';
import { LimitsSection } from './LimitsSection';
import { DEFAULT_URLS } from './options';
import { SamplingSection } from './SamplingSection';
import { Section } from './Section';
import { ServiceGraphSection } from './ServiceGraphSection';
import { TraceToLogsSection } from './TraceToLogsSection';

type Props = DataSourcePluginOptionsEditorProps<TraceLensOptions, TraceLensSecureOptions>;

export function ConfigEditor({ options, onOptionsChange }: Props) {
  const backend = options.jsonData.backend ?? 'jaeger';
  const section = { options, onOptionsChange };
  return (
    <>
      <Section title={labels.config.backend.title}>
        <BackendSection {...section} />
      </Section>
      <DataSourceHttpSettings
        defaultUrl={DEFAULT_URLS[backend]}
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
      {backend === 'jaeger' ? (
        <Section title={labels.config.sampling.title}>
          <SamplingSection {...section} />
        </Section>
      ) : (
        <Section title={labels.config.serviceGraph.title}>
          <ServiceGraphSection {...section} />
        </Section>
      )}
      <Divider />
      <Section title={labels.config.logs.title} description={labels.config.logs.description}>
        <TraceToLogsSection {...section} />
      </Section>
    </>
  );
}

import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { AdvancedHttpSettings, ConfigSection } from '@grafana/plugin-ui';
import { Divider } from '@grafana/ui';
import React, { useEffect } from 'react';

import { DEFAULT_BACKEND, isBackendKind } from '../../core/backends';
import { labels } from '../labels';
import type { TraceLensOptions, TraceLensSecureOptions } from '../types';
import { AuthSection } from './AuthSection';
import { BACKEND_SECTIONS } from './backends';
import { BackendSection } from './BackendSection';
import { ConnectionSection } from './ConnectionSection';
import { LimitsSection } from './LimitsSection';
import { normalizeTimeout } from './options';
import { Section } from './Section';
import { TraceToLogsSection } from './TraceToLogsSection';

type Props = DataSourcePluginOptionsEditorProps<TraceLensOptions, TraceLensSecureOptions>;

/**
 * Sections in the order Grafana's own data sources use: what and where (backend, connection), who
 * (one authentication section with TLS and custom headers), then tuning, then links.
 */
export function ConfigEditor({ options, onOptionsChange }: Props) {
  const backend: string = options.jsonData.backend ?? DEFAULT_BACKEND;
  // A backend this build does not know (settings from a newer version) gets the shared sections only.
  const own = isBackendKind(backend) ? BACKEND_SECTIONS[backend] : [];
  const section = { options, onOptionsChange };

  // One timeout: an earlier version's moves to the field shown, and a cleared field is removed.
  useEffect(() => {
    const migrated = normalizeTimeout(options);
    if (migrated !== options) {
      onOptionsChange(migrated);
    }
  }, [options, onOptionsChange]);

  return (
    <>
      <Section title={labels.config.backend.title}>
        <BackendSection {...section} />
      </Section>
      <ConnectionSection {...section} />
      <Divider />
      <AuthSection {...section} />
      <Divider />
      <ConfigSection
        title={labels.config.advanced.title}
        description={labels.config.advanced.description}
        isCollapsible
        isInitiallyOpen
      >
        <AdvancedHttpSettings config={options} onChange={onOptionsChange} />
        <Section title={labels.config.limits.title}>
          <LimitsSection {...section} />
        </Section>
      </ConfigSection>
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

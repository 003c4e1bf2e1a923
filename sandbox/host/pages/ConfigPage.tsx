import { css } from '@emotion/css';
import {
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePlugin,
  DataSourceSettings,
  GrafanaTheme2,
  PluginMeta,
} from '@grafana/data';
import { FetchError, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, ErrorBoundaryAlert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import React, { useEffect, useState } from 'react';

import { importDataSourcePlugin } from '../amd/importPlugin';
import { SandboxServices } from '../runtime/installServices';

interface Props {
  uid?: string;
  services: SandboxServices;
}

interface SaveResponse {
  datasource: DataSourceSettings;
  message: string;
  instanceSettings: DataSourceInstanceSettings;
}

type TestResult = { status: 'success' | 'error'; message: string };

function messageOf(error: unknown): string {
  const fetchError = error as Partial<FetchError<{ message?: string }>>;
  return fetchError?.data?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The data source settings page: the plugin's ConfigEditor over settings from the API, "Save & test"
 * PUTs them like Grafana (secrets go up once and come back only as secureJsonFields flags), then
 * runs the data source's own testDatasource().
 */
export function ConfigPage({ uid, services }: Props) {
  const styles = useStyles2(getStyles);
  const target = uid ?? services.dataSourceSrv.getList({ pluginId: 'tracelens-traceql-datasource' })[0]?.uid;
  const [options, setOptions] = useState<DataSourceSettings>();
  const [plugin, setPlugin] = useState<DataSourcePlugin<DataSourceApi>>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<DataSourceSettings>();
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestResult>();
  // A Grafana core data source (Loki): the sandbox has no code for it, so its settings are shown as stored.
  const [coreType, setCoreType] = useState<string>();

  useEffect(() => {
    if (!target) {
      return;
    }
    getBackendSrv()
      .get<DataSourceSettings>(`/api/datasources/uid/${encodeURIComponent(target)}`)
      .then(async (settings) => {
        const meta = services.dataSourceSrv.getInstanceSettings(settings.uid)?.meta;
        setOptions(settings);
        setSaved(settings);
        if (meta?.module?.startsWith('core:')) {
          setCoreType(meta.name ?? settings.type);
          return;
        }
        setPlugin(await importDataSourcePlugin(meta ?? ({ id: settings.type } as PluginMeta)));
      })
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, [target, services.dataSourceSrv]);

  const saveAndTest = async () => {
    if (!options) {
      return;
    }
    setSaving(true);
    setTest(undefined);
    try {
      const response = await getBackendSrv().put<SaveResponse>(
        `/api/datasources/uid/${encodeURIComponent(options.uid)}`,
        options
      );
      setOptions(response.datasource);
      setSaved(response.datasource);
      services.dataSourceSrv.replaceInstanceSettings(response.instanceSettings);
      const datasource = await services.dataSourceSrv.get(options.uid);
      const result = await datasource.testDatasource();
      setTest({ status: result.status === 'success' ? 'success' : 'error', message: result.message });
    } catch (reason) {
      setTest({ status: 'error', message: messageOf(reason) });
    } finally {
      setSaving(false);
    }
  };

  if (error || !target) {
    return (
      <Alert severity="error" title="Settings could not be loaded">
        {error ?? 'No TraceLens data source is provisioned'}
      </Alert>
    );
  }
  if (!options || (!plugin && !coreType)) {
    return <LoadingPlaceholder text="Loading data source settings…" />;
  }
  const ConfigEditor = plugin?.components.ConfigEditor;
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>{options.name}</h1>
      <p className={styles.subtitle}>
        Type: {plugin?.meta.name ?? coreType ?? options.type} · uid <code>{options.uid}</code>
      </p>
      {coreType ? (
        <Alert severity="info" title={`${options.name} is not in the sandbox`} data-testid="unavailable-datasource">
          {options.name} is a data source of Grafana&apos;s built-in {coreType} type. The sandbox loads only the
          TraceLens plugins built into dist/ and runs no {coreType} server, so it has no settings editor or health check
          here; in Grafana (npm run server) this page is Grafana&apos;s own. Below are the settings as provisioned,
          which TraceLens links (&quot;Logs for this trace&quot;) point at.
        </Alert>
      ) : ConfigEditor ? (
        <ErrorBoundaryAlert>
          <div data-testid="config-editor">
            <ConfigEditor options={options} onOptionsChange={setOptions} />
          </div>
        </ErrorBoundaryAlert>
      ) : (
        <Alert severity="warning" title="This plugin has no config editor" />
      )}
      {!coreType && (
        <div className={styles.actions}>
          <Button onClick={saveAndTest} disabled={saving} data-testid="save-and-test">
            {saving ? 'Saving…' : 'Save & test'}
          </Button>
        </div>
      )}
      {test && (
        <Alert
          severity={test.status}
          title={test.status === 'success' ? 'Data source is working' : 'Test failed'}
          data-testid="test-result"
        >
          {test.message}
        </Alert>
      )}
      {saved && (
        <section aria-labelledby="stored-heading" className={styles.stored} data-testid="stored-settings">
          <h2 id="stored-heading">Stored settings (version {saved.version})</h2>
          <div className={styles.split}>
            <div>
              <h3>jsonData (readable by every viewer)</h3>
              <pre tabIndex={0} aria-label="Stored jsonData" data-testid="stored-jsondata">
                {JSON.stringify(saved.jsonData, null, 2)}
              </pre>
            </div>
            <div>
              <h3>secureJsonData (write-only)</h3>
              <ul data-testid="stored-secure-fields">
                {Object.entries(saved.secureJsonFields ?? {}).filter(([, set]) => set).length === 0 && (
                  <li>No secrets stored</li>
                )}
                {Object.entries(saved.secureJsonFields ?? {})
                  .filter(([, set]) => set)
                  .map(([key]) => (
                    <li key={key}>
                      <code>{key}</code>: configured (value never sent to the browser)
                    </li>
                  ))}
              </ul>
            </div>
          </div>
        </section>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), maxWidth: 1100 }),
  title: css({ fontSize: theme.typography.h3.fontSize, margin: 0 }),
  subtitle: css({ color: theme.colors.text.secondary, margin: 0 }),
  actions: css({ display: 'flex', gap: theme.spacing(1) }),
  stored: css({ borderTop: `1px solid ${theme.colors.border.weak}`, paddingTop: theme.spacing(2) }),
  split: css({ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: theme.spacing(2) }),
});

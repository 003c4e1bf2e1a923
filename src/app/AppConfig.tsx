import { AppPluginMeta, PluginConfigPageProps } from '@grafana/data';
import { getBackendSrv, getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, Combobox, Field, Stack } from '@grafana/ui';
import React, { useMemo, useState } from 'react';
import { lastValueFrom } from 'rxjs';

import type { AppSettings } from './types';

export type AppConfigProps = PluginConfigPageProps<AppPluginMeta<AppSettings>>;

/** Lets an admin pick which TraceLens data source the overview page uses. */
export function AppConfig({ plugin }: AppConfigProps) {
  const { enabled, pinned, jsonData } = plugin.meta;
  const [uid, setUid] = useState<string | undefined>(jsonData?.defaultDatasourceUid);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const options = useMemo(
    () =>
      getDataSourceSrv()
        .getList({ type: 'tracelens-traceql-datasource' })
        .map((d) => ({ label: d.name, value: d.uid })),
    []
  );

  const save = async () => {
    setError(undefined);
    setSaved(false);
    try {
      await lastValueFrom(
        getBackendSrv().fetch({
          url: `/api/plugins/${encodeURIComponent(plugin.meta.id)}/settings`,
          method: 'POST',
          data: { enabled, pinned, jsonData: { ...jsonData, defaultDatasourceUid: uid } },
        })
      );
      setSaved(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Saving the settings failed');
    }
  };

  return (
    <Stack direction="column" gap={2}>
      <Field label="Default data source" description="The TraceLens data source the overview page opens queries in.">
        <Combobox
          options={options}
          value={uid ?? null}
          onChange={(option) => setUid(option?.value)}
          isClearable
          placeholder={options.length ? 'Choose a data source' : 'No TraceLens data source yet'}
          width={40}
        />
      </Field>
      {error && <Alert title="Could not save">{error}</Alert>}
      {saved && <Alert severity="success" title="Saved" />}
      <div>
        <Button onClick={save}>Save settings</Button>
      </div>
    </Stack>
  );
}

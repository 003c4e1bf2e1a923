import { DataSourcePicker } from '@grafana/runtime';
import { Field } from '@grafana/ui';
import React from 'react';

import { labels } from '../../../labels';
import { setJsonData } from '../../options';
import type { SectionProps } from '../../types';

const L = labels.config.serviceGraph;

/** Tempo only: the Prometheus data source with the metrics-generator's service-graph metrics. */
export function ServiceGraphSection({ options, onOptionsChange }: SectionProps) {
  return (
    <Field label={L.datasource} description={L.description}>
      <DataSourcePicker
        pluginId="prometheus"
        current={options.jsonData.serviceMapDatasourceUid ?? null}
        noDefault
        width={40}
        placeholder={L.placeholder}
        onChange={(ds) => onOptionsChange(setJsonData(options, 'serviceMapDatasourceUid', ds.uid))}
        onClear={() => onOptionsChange(setJsonData(options, 'serviceMapDatasourceUid', undefined))}
      />
    </Field>
  );
}

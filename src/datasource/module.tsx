import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './ConfigEditor/ConfigEditor';
import { TraceLensDataSource } from './datasource';
import { QueryEditor } from './QueryEditor/QueryEditor';
import type { TraceLensOptions, TraceLensQuery } from './types';

export const plugin = new DataSourcePlugin<TraceLensDataSource, TraceLensQuery, TraceLensOptions>(TraceLensDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);

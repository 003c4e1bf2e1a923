import { DataSourcePlugin, type QueryEditorProps } from '@grafana/data';
import { ErrorBoundaryAlert } from '@grafana/ui';
import React from 'react';

import { ConfigEditor } from './ConfigEditor/ConfigEditor';
import { TraceLensDataSource } from './datasource';
import { QueryEditor } from './QueryEditor/QueryEditor';
import type { TraceLensOptions, TraceLensQuery } from './types';

/** A failing editor shows an alert in its row instead of breaking the whole panel editor. */
function SafeQueryEditor(props: QueryEditorProps<TraceLensDataSource, TraceLensQuery, TraceLensOptions>) {
  return (
    <ErrorBoundaryAlert>
      <QueryEditor {...props} />
    </ErrorBoundaryAlert>
  );
}

export const plugin = new DataSourcePlugin<TraceLensDataSource, TraceLensQuery, TraceLensOptions>(TraceLensDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(SafeQueryEditor);

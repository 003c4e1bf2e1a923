import { render, screen } from '@testing-library/react';
import { DataSourcePlugin, type QueryEditorProps } from '@grafana/data';
import React from 'react';

import { ConfigEditor } from './ConfigEditor/ConfigEditor';
import { TraceLensDataSource } from './datasource';
import { plugin } from './module';
import type { TraceLensOptions, TraceLensQuery } from './types';

type Props = QueryEditorProps<TraceLensDataSource, TraceLensQuery, TraceLensOptions>;

// The real editor needs Monaco and a data source; a stand-in shows whether the plugin renders it,
// with which props, and what happens when it throws.
const editor = { fail: false, received: undefined as Props | undefined };
jest.mock('./QueryEditor/QueryEditor', () => ({
  QueryEditor: (props: Props) => {
    editor.received = props;
    if (editor.fail) {
      throw new Error('editor exploded');
    }
    return <div data-testid="tracelens-query-editor">{props.query.query}</div>;
  },
}));

const props = {
  datasource: {} as TraceLensDataSource,
  query: { refId: 'A', queryType: 'traceql', query: '{ status = error }' },
  onChange: jest.fn(),
  onRunQuery: jest.fn(),
} as unknown as Props;

describe('the data source module', () => {
  beforeEach(() => {
    editor.fail = false;
    editor.received = undefined;
  });

  it('exports a DataSourcePlugin of the TraceLens data source with its config editor', () => {
    expect(plugin).toBeInstanceOf(DataSourcePlugin);
    expect(plugin.DataSourceClass).toBe(TraceLensDataSource);
    expect(plugin.components.ConfigEditor).toBe(ConfigEditor);
  });

  it('renders the query editor with the props Grafana passes', () => {
    const QueryEditor = plugin.components.QueryEditor as React.ComponentType<Props>;
    render(<QueryEditor {...props} />);
    expect(screen.getByTestId('tracelens-query-editor').textContent).toBe('{ status = error }');
    expect(editor.received).toMatchObject({ query: props.query, onChange: props.onChange });
  });

  it('shows an alert in place of a query editor that throws, instead of breaking the panel editor', () => {
    editor.fail = true;
    const QueryEditor = plugin.components.QueryEditor as React.ComponentType<Props>;
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    render(<QueryEditor {...props} />);
    quiet.mockRestore();
    expect(screen.queryByTestId('tracelens-query-editor')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('editor exploded');
  });
});

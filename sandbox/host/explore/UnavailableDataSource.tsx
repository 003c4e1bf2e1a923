import { css } from '@emotion/css';
import { DataQuery, DataSourceInstanceSettings, GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import React from 'react';

interface Props {
  settings: DataSourceInstanceSettings;
  queries: DataQuery[];
}

/**
 * A link (say "Logs for this trace") opened a data source the sandbox cannot load, a Grafana core
 * one such as Loki. Say so, and show the query the link carried, which is what Grafana would run.
 */
export function UnavailableDataSource({ settings, queries }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <Alert severity="info" title={`${settings.name} is not in the sandbox`} data-testid="unavailable-datasource">
      <p>
        {settings.name} is a Grafana {settings.type} data source. The sandbox loads only the plugins built into dist/
        and runs no logs backend, so this link cannot open here. In Grafana (npm run server) it opens {settings.name}{' '}
        with {queries.length === 1 ? 'this query' : 'these queries'}:
      </p>
      {queries.map((query) => (
        <pre key={query.refId} className={styles.query} data-testid="unavailable-datasource-query">
          {JSON.stringify(query, null, 2)}
        </pre>
      ))}
    </Alert>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  query: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-wrap',
    margin: theme.spacing(1, 0, 0),
  }),
});

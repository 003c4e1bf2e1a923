import { css } from '@emotion/css';
import { AppRootProps, GrafanaTheme2 } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { Card, LinkButton, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import React, { useMemo } from 'react';

import { DEFAULT_BACKEND } from '../core/backends';
import { GUIDE_EXAMPLES } from './examples';
import { exploreUrl } from '../shared/exploreLinks';
import type { AppSettings } from './types';

const DATASOURCE_TYPE = 'tracelens-traceql-datasource';

function backendOf(jsonData: object | undefined): string {
  const backend = (jsonData as { backend?: unknown } | undefined)?.backend;
  return typeof backend === 'string' ? backend : DEFAULT_BACKEND;
}

/**
 * The app's landing page: which TraceLens data sources exist, the guide's queries one click away in
 * Explore, and the dashboard. The work itself happens in the nested data source and panels.
 */
export function App(props: AppRootProps<AppSettings>) {
  const styles = useStyles2(getStyles);
  const datasources = useMemo(() => getDataSourceSrv().getList({ type: DATASOURCE_TYPE }), []);
  const preferred = props.meta.jsonData?.defaultDatasourceUid;
  const target = datasources.find((d) => d.uid === preferred) ?? datasources[0];

  return (
    <div className={styles.page}>
      <Stack direction="column" gap={2}>
        <Text element="h1">TraceLens</Text>
        <Text color="secondary">
          TraceQL over Jaeger, Tempo and Zipkin, a service dependency graph with request, error and latency figures, a
          latency heatmap you can click into, and what sampling keeps and costs.
        </Text>
        <section aria-labelledby="tl-datasources">
          <Text element="h2" id="tl-datasources">
            Data sources
          </Text>
          {datasources.length === 0 ? (
            <Text color="secondary">
              No TraceLens data source yet. Add one under Connections, or provision it (see the README).
            </Text>
          ) : (
            <ul className={styles.list}>
              {datasources.map((ds) => (
                <li key={ds.uid}>
                  <TextLink href={`/connections/datasources/edit/${encodeURIComponent(ds.uid)}`}>{ds.name}</TextLink>{' '}
                  <Text color="secondary">({backendOf(ds.jsonData)})</Text>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="tl-examples">
          <Text element="h2" id="tl-examples">
            Start from the tracing guide
          </Text>
          <div className={styles.grid}>
            {GUIDE_EXAMPLES.map((example) => (
              <Card key={example.title}>
                <Card.Heading>{example.title}</Card.Heading>
                <Card.Description>
                  {example.description}
                  <code className={styles.code}>{example.query}</code>
                </Card.Description>
                {target && (
                  <Card.Actions>
                    <LinkButton
                      size="sm"
                      icon="compass"
                      href={exploreUrl(target.uid, { refId: 'A', queryType: 'traceql', query: example.query })}
                    >
                      Run in Explore
                    </LinkButton>
                  </Card.Actions>
                )}
              </Card>
            ))}
          </div>
        </section>
      </Stack>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ padding: theme.spacing(2), maxWidth: 1200 }),
  list: css({ listStyle: 'none', padding: 0, margin: theme.spacing(1, 0) }),
  grid: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    gap: theme.spacing(2),
    marginTop: theme.spacing(1),
  }),
  code: css({
    display: 'block',
    marginTop: theme.spacing(1),
    fontFamily: theme.typography.fontFamilyMonospace,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
  }),
});

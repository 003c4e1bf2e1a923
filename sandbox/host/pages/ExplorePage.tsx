import { css } from '@emotion/css';
import {
  CoreApp,
  DataQuery,
  DataSourceApi,
  DataSourceInstanceSettings,
  GrafanaTheme2,
  LoadingState,
  PanelData,
  TimeRange,
  rangeUtil,
} from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { Alert, Button, ErrorBoundaryAlert, RadioButtonGroup, TimeRangePicker, useStyles2 } from '@grafana/ui';
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Subscription } from 'rxjs';

import { findBuiltPlugin } from '../amd/importPlugin';
import { FrameTable } from '../components/FrameTable';
import { FrameNotices } from '../components/FrameNotices';
import { TracePane } from '../explore/TracePane';
import { UnavailableDataSource } from '../explore/UnavailableDataSource';
import { TraceList, summarizeTraces } from '../explore/TraceList';
import { exploreUrl, parseExploreUrl } from '../explore/exploreUrlState';
import { SandboxServices } from '../runtime/installServices';
import { runQueries } from '../runtime/runQueries';
import { sandboxGlobals } from '../sandboxGlobals';
import { useLocation } from '../useLocation';

interface Props {
  services: SandboxServices;
}

function pluginDataSources(services: SandboxServices): DataSourceInstanceSettings[] {
  return services.dataSourceSrv.getList({ filter: (ds) => findBuiltPlugin(ds.meta.id)?.type === 'datasource' });
}

/**
 * An Explore-like page: the plugin's own query editor, Run, the search results table, a trace list,
 * and the trace frame as JSON when a trace is opened. State lives in the URL in Grafana's
 * `panes` format, so links from panels land here with their query.
 */
export function ExplorePage({ services }: Props) {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const pane = useMemo(() => parseExploreUrl(location.search), [location.search]);
  const dataSources = pluginDataSources(services);
  const dsSettings = services.dataSourceSrv.getInstanceSettings(pane?.datasource) ?? dataSources[0];
  // A link may open a data source whose plugin is not built here (Loki, from "Logs for this trace").
  const loadable = dsSettings !== undefined && findBuiltPlugin(dsSettings.meta.id)?.type === 'datasource';
  const withoutUrl = new Set(sandboxGlobals().dataSourcesWithoutUrl ?? []);

  const [loaded, setLoaded] = useState<{ uid: string; api?: DataSourceApi; error?: string }>();
  const datasource = loaded && loaded.uid === dsSettings?.uid ? loaded.api : undefined;
  const loadError = loaded && loaded.uid === dsSettings?.uid ? loaded.error : undefined;
  const [query, setQueryState] = useState<DataQuery>(pane?.queries[0] ?? { refId: 'A' });
  // The newest query, read by run(): editors call onChange(q) and then onRunQuery() in one event,
  // before React re-renders, and Grafana runs what onChange just stored (its store is synchronous).
  // Running the closure's `query` instead reran the old query and wrote it back to the URL.
  const latestQuery = useRef(query);
  const setQuery = useCallback((update: DataQuery | ((current: DataQuery) => DataQuery)) => {
    const next = typeof update === 'function' ? update(latestQuery.current) : update;
    latestQuery.current = next;
    setQueryState(next);
  }, []);
  useEffect(() => {
    latestQuery.current = query;
  }, [query]);
  const [range, setRange] = useState<TimeRange>(
    rangeUtil.convertRawToRange(pane?.range ?? { from: 'now-1h', to: 'now' })
  );
  const [seenPane, setSeenPane] = useState(pane);
  const [data, setData] = useState<PanelData>();
  const [trace, setTrace] = useState<{ id: string; data: PanelData }>();
  const runningQuery = useRef<Subscription>();
  const runningTrace = useRef<Subscription>();
  // The URL search this page has already run, so writing our own state to the URL does not rerun.
  const autoRan = useRef<string>();

  // A link from elsewhere (a panel, the URL bar) replaces the query and range (adjusting state
  // during render, React's pattern for state that follows a prop).
  if (pane !== seenPane) {
    setSeenPane(pane);
    if (pane?.queries[0]) {
      setQueryState(pane.queries[0]);
      setRange(rangeUtil.convertRawToRange(pane.range));
    }
  }

  useEffect(() => {
    if (!dsSettings || !loadable) {
      return;
    }
    let cancelled = false;
    services.dataSourceSrv
      .get(dsSettings.uid)
      .then((api) => {
        if (!cancelled) {
          setLoaded({ uid: dsSettings.uid, api });
          setQuery((current) => ({
            ...(api.getDefaultQuery?.(CoreApp.Explore) ?? {}),
            ...current,
            datasource: api.getRef(),
          }));
        }
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          setLoaded({ uid: dsSettings.uid, error: error instanceof Error ? error.message : String(error) });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [dsSettings, loadable, services.dataSourceSrv, setQuery]);

  const run = useCallback(
    (target: DataQuery = latestQuery.current) => {
      if (!datasource) {
        return;
      }
      runningQuery.current?.unsubscribe();
      setTrace(undefined);
      const url = exploreUrl({ datasource: datasource.uid, queries: [target], range: range.raw });
      autoRan.current = url.slice(url.indexOf('?'));
      locationService.replace(url);
      runningQuery.current = runQueries({
        datasource,
        targets: [{ ...target, datasource: datasource.getRef() }],
        range,
        app: CoreApp.Explore,
        requestId: 'explore_left',
        maxDataPoints: 1000,
      }).subscribe(setData);
    },
    [datasource, range]
  );

  // Opening a link with a query runs it, as Grafana's Explore does on load.
  useEffect(() => {
    if (datasource && pane?.queries[0] && autoRan.current !== location.search) {
      autoRan.current = location.search;
      run(pane.queries[0]);
    }
  }, [datasource, pane, location.search, run]);

  useEffect(
    () => () => {
      runningQuery.current?.unsubscribe();
      runningTrace.current?.unsubscribe();
    },
    []
  );

  const openTrace = (traceId: string) => {
    if (!datasource) {
      return;
    }
    runningTrace.current?.unsubscribe();
    runningTrace.current = runQueries({
      datasource,
      targets: [{ refId: 'trace', queryType: 'traceId', query: traceId, datasource: datasource.getRef() } as DataQuery],
      range,
      app: CoreApp.Explore,
      requestId: 'explore_trace',
      maxDataPoints: 1000,
    }).subscribe((traceData) => setTrace({ id: traceId, data: traceData }));
  };

  const QueryEditor = datasource?.components?.QueryEditor;
  const searchFrame = data?.series.find((frame) => frame.name === 'Traces');
  const traceFrame = data?.series.find((frame) => frame.meta?.preferredVisualisationType === 'trace');
  const otherFrames =
    data?.series.filter((frame) => frame !== searchFrame && frame !== traceFrame && frame.length > 0) ?? [];
  // A trace-ID query (typed, or from a panel's "open trace" link) shows the trace view's input.
  const shownTrace =
    trace ??
    (traceFrame && data
      ? { id: String(traceFrame.fields.find((f) => f.name === 'traceID')?.values[0] ?? ''), data }
      : undefined);
  const traces = searchFrame ? summarizeTraces(searchFrame) : [];
  const loading = data?.state === LoadingState.Loading;

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Explore</h1>
      <div className={styles.toolbar} data-sandbox-chrome="explore-toolbar">
        <div role="group" aria-label="Data source">
          <RadioButtonGroup
            options={dataSources.map((ds) =>
              withoutUrl.has(ds.uid)
                ? { label: `${ds.name} (no URL)`, value: ds.uid, description: `${ds.name} has no URL configured` }
                : { label: ds.name, value: ds.uid }
            )}
            value={dsSettings?.uid}
            onChange={(uid) => locationService.push(exploreUrl({ datasource: uid, queries: [], range: range.raw }))}
          />
        </div>
        <div data-sandbox-chrome="time-range-picker">
          <TimeRangePicker
            value={range}
            timeZone="utc"
            onChange={setRange}
            onChangeTimeZone={() => {}}
            onMoveBackward={() => setRange(rangeUtil.convertRawToRange(range.raw))}
            onMoveForward={() => setRange(rangeUtil.convertRawToRange(range.raw))}
            onZoom={() => setRange(rangeUtil.convertRawToRange(range.raw))}
          />
        </div>
        {loading ? (
          <Button variant="secondary" icon="times" onClick={() => runningQuery.current?.unsubscribe()}>
            Cancel
          </Button>
        ) : (
          <Button icon="sync" onClick={() => run()} disabled={!datasource} data-testid="run-query">
            Run query
          </Button>
        )}
      </div>

      {loadError && (
        <Alert severity="error" title="The data source plugin could not be loaded">
          {loadError}
        </Alert>
      )}
      {!dsSettings && <Alert severity="warning" title="No TraceLens data source is provisioned" />}
      {dsSettings && !loadable && <UnavailableDataSource settings={dsSettings} queries={pane?.queries ?? []} />}
      {dsSettings && loadable && withoutUrl.has(dsSettings.uid) && (
        <Alert severity="info" title={`${dsSettings.name} has no URL configured`} data-testid="datasource-without-url">
          Its queries fail until it points at a backend. The sandbox runs Jaeger only; set the URL on the Data source
          settings page, or the variable its provisioning file reads (TEMPO_URL for the provisioned Tempo) before npm
          start.
        </Alert>
      )}

      {datasource && QueryEditor && (
        <ErrorBoundaryAlert>
          <div className={styles.editor} data-testid="query-editor">
            <QueryEditor
              datasource={datasource}
              query={query}
              onChange={setQuery}
              onRunQuery={() => run()}
              app={CoreApp.Explore}
              data={data}
              range={range}
              queries={[query]}
            />
          </div>
        </ErrorBoundaryAlert>
      )}

      {data?.errors?.map((error, index) => (
        <Alert key={index} severity="error" title="Query error" data-testid="query-error">
          <pre className={styles.errorText}>{error.message}</pre>
        </Alert>
      ))}

      {data && shownTrace?.data !== data && <FrameNotices frames={data.series} />}
      {searchFrame && (
        <section aria-labelledby="results-heading" className={styles.section}>
          <h2 id="results-heading">Search results</h2>
          <FrameTable frame={searchFrame} height={300} label="Search results table" />
        </section>
      )}
      {otherFrames.map((frame, index) => (
        <section key={index} aria-label={frame.name ?? `Frame ${index + 1}`} className={styles.section}>
          <h2>{frame.name ?? `Frame ${index + 1}`}</h2>
          <FrameTable frame={frame} height={260} label={frame.name ?? `Frame ${index + 1}`} />
        </section>
      ))}
      {data?.state === LoadingState.Done && !data.errors && data.series.every((frame) => frame.length === 0) && (
        <Alert severity="info" title="No data">
          The query matched nothing in this time range.
        </Alert>
      )}
      {searchFrame && <TraceList traces={traces} openTraceId={trace?.id} onOpen={openTrace} />}
      {shownTrace && <TracePane traceId={shownTrace.id} data={shownTrace.data} />}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  title: css({ fontSize: theme.typography.h3.fontSize, margin: 0 }),
  toolbar: css({ display: 'flex', gap: theme.spacing(2), alignItems: 'center', flexWrap: 'wrap' }),
  editor: css({
    border: `1px solid ${theme.colors.border.weak}`,
    padding: theme.spacing(1),
    background: theme.colors.background.primary,
  }),
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  errorText: css({ whiteSpace: 'pre-wrap', margin: 0, fontFamily: theme.typography.fontFamilyMonospace }),
});

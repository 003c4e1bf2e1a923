import { css } from '@emotion/css';
import {
  AbsoluteTimeRange,
  EventBusSrv,
  GrafanaTheme2,
  TimeRange,
  dateTime,
  makeTimeRange,
  rangeUtil,
} from '@grafana/data';
import { getBackendSrv, locationService } from '@grafana/runtime';
import { Alert, LoadingPlaceholder, TimeRangePicker, ToolbarButton, useStyles2 } from '@grafana/ui';
import React, { useEffect, useLayoutEffect, useMemo, useState } from 'react';

import { PanelView } from '../dashboard/PanelView';
import {
  DashboardSearchHit,
  GRID_CELL_HEIGHT,
  GRID_CELL_MARGIN,
  GRID_COLUMNS,
  SavedDashboard,
} from '../dashboard/dashboardModel';
import { DashboardVariable, resolveVariables, variableParam } from '../dashboard/variables';
import { SandboxServices } from '../runtime/installServices';
import { useLocation } from '../useLocation';

interface Props {
  uid?: string;
  services: SandboxServices;
}

/** ?from=&to= in the URL win over the dashboard's saved range, as in Grafana. */
function rangeFromUrl(search: string, dashboard: SavedDashboard): TimeRange {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  const toValue = (value: string) => (/^\d+$/.test(value) ? dateTime(Number(value)) : value);
  if (from && to) {
    return rangeUtil.convertRawToRange({ from: toValue(from), to: toValue(to) });
  }
  return rangeUtil.convertRawToRange(dashboard.time ?? { from: 'now-1h', to: 'now' });
}

/**
 * Renders a provisioned dashboard on Grafana's 24-column grid, each panel through its real plugin
 * with live data from the data source. Panels changing the time range (drag-zoom, brushing)
 * update the URL and rerun every panel, as in Grafana.
 */
export function DashboardPage({ uid, services }: Props) {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const [dashboard, setDashboard] = useState<SavedDashboard>();
  const [error, setError] = useState<string>();
  const [refreshKey, setRefreshKey] = useState(0);
  const eventBus = useMemo(() => new EventBusSrv(), []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const target = uid ?? (await getBackendSrv().get<DashboardSearchHit[]>('/api/search'))[0]?.uid;
      if (!target) {
        throw new Error('No dashboard is provisioned (provisioning/dashboards/*.json)');
      }
      const { dashboard: saved } = await getBackendSrv().get<{ dashboard: SavedDashboard }>(
        `/api/dashboards/uid/${encodeURIComponent(target)}`
      );
      if (!cancelled) {
        setDashboard(saved);
      }
    })().catch((reason: unknown) => {
      const message =
        reason instanceof Error
          ? reason.message
          : ((reason as { data?: { message?: string } })?.data?.message ?? String(reason));
      if (!cancelled) {
        setError(message);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [uid]);

  const variables = useMemo(
    () =>
      dashboard
        ? resolveVariables(dashboard.templating?.list ?? [], location.search, services.dataSourceSrv.getList())
        : [],
    [dashboard, location.search, services.dataSourceSrv]
  );
  // A layout effect runs before the panels' (passive) query effects of the same render, so a
  // changed var-datasource is in the template service before any panel asks for its data source.
  useLayoutEffect(() => services.templateSrv.setVariables(variables), [variables, services.templateSrv]);
  const variableValues = useMemo(
    () => JSON.stringify(variables.map((variable) => variable.current.value)),
    [variables]
  );

  const range = useMemo(
    () => (dashboard ? rangeFromUrl(location.search, dashboard) : undefined),
    // refreshKey re-evaluates relative ranges ("now-1h") on refresh.
    [dashboard, location.search, refreshKey]
  );
  useEffect(() => {
    if (range) {
      services.templateSrv.updateTimeRange(range);
    }
  }, [range, services.templateSrv]);

  const setRange = (next: TimeRange) => {
    const raw = next.raw;
    const encode = (value: typeof raw.from) => (typeof value === 'string' ? value : String(value.valueOf()));
    locationService.partial({ from: encode(raw.from), to: encode(raw.to) });
  };
  const onChangeTimeRange = ({ from, to }: AbsoluteTimeRange) => setRange(makeTimeRange(dateTime(from), dateTime(to)));

  if (error) {
    return (
      <Alert severity="error" title="Dashboard could not be loaded">
        {error}
      </Alert>
    );
  }
  if (!dashboard || !range) {
    return <LoadingPlaceholder text="Loading dashboard…" />;
  }
  return (
    <div className={styles.page}>
      <div className={styles.toolbar}>
        <h1 className={styles.title}>{dashboard.title}</h1>
        {variables
          .filter((variable) => variable.type === 'datasource' && variable.hide !== 2)
          .map((variable) => (
            <VariablePicker key={variable.name} variable={variable} />
          ))}
        <div data-sandbox-chrome="time-range-picker">
          <TimeRangePicker
            value={range}
            timeZone="utc"
            onChange={setRange}
            onChangeTimeZone={() => {}}
            onMoveBackward={() => setRefreshKey((key) => key + 1)}
            onMoveForward={() => setRefreshKey((key) => key + 1)}
            onZoom={() => setRefreshKey((key) => key + 1)}
          />
        </div>
        {/* Not RefreshPicker: its run button has no accessible name (only a hover tooltip). */}
        <ToolbarButton
          icon="sync"
          aria-label="Refresh dashboard"
          tooltip="Refresh dashboard"
          onClick={() => setRefreshKey((key) => key + 1)}
        />
      </div>
      <div className={styles.grid}>
        {dashboard.panels.map((panel) => (
          <div
            key={panel.id}
            style={{
              gridColumn: `${panel.gridPos.x + 1} / span ${panel.gridPos.w}`,
              gridRow: `${panel.gridPos.y + 1} / span ${panel.gridPos.h}`,
              minWidth: 0,
            }}
          >
            <PanelView
              panel={panel}
              range={range}
              eventBus={eventBus}
              services={services}
              variableValues={variableValues}
              onChangeTimeRange={onChangeTimeRange}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

/** A data source variable's picker; choosing writes var-<name> to the URL, as Grafana does. */
function VariablePicker({ variable }: { variable: DashboardVariable }) {
  const styles = useStyles2(getStyles);
  const id = `variable-${variable.name}`;
  return (
    <div className={styles.variable} data-sandbox-chrome="variable-picker">
      <label htmlFor={id}>{variable.label ?? variable.name}</label>
      <select
        id={id}
        className={styles.select}
        value={String(variable.current.value)}
        onChange={(event) => locationService.partial({ [variableParam(variable.name)]: event.target.value })}
      >
        {variable.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  variable: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  select: css({
    height: theme.spacing(4),
    padding: theme.spacing(0, 1),
    color: theme.colors.text.primary,
    background: theme.components.input.background,
    border: `1px solid ${theme.components.input.borderColor}`,
    borderRadius: theme.shape.radius.default,
  }),
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  toolbar: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(2) }),
  title: css({ fontSize: theme.typography.h3.fontSize, margin: 0, flex: 1 }),
  grid: css({
    display: 'grid',
    gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
    gridAutoRows: GRID_CELL_HEIGHT,
    gap: GRID_CELL_MARGIN,
  }),
});

import {
  CoreApp,
  EventBus,
  FieldConfigSource,
  InterpolateFunction,
  LoadingState,
  PanelData,
  PanelPlugin,
  PluginMeta,
  TimeRange,
  AbsoluteTimeRange,
  getPanelOptionsWithDefaults,
  useFieldOverrides,
} from '@grafana/data';
import { config } from '@grafana/runtime';
import { ErrorBoundaryAlert, PanelChrome, PanelContextProvider } from '@grafana/ui';
import React, { useCallback, useEffect, useMemo, useState } from 'react';

import { importPanelPlugin } from '../amd/importPlugin';
import { PanelNoticeIcons } from '../components/FrameNotices';
import { useElementWidth } from '../components/useElementWidth';
import { SandboxServices } from '../runtime/installServices';
import { runQueries } from '../runtime/runQueries';
import { CorePanelStandIn, isCorePanel } from './CorePanelStandIn';
import { SavedPanel, panelPixelHeight } from './dashboardModel';

interface Props {
  panel: SavedPanel;
  range: TimeRange;
  eventBus: EventBus;
  services: SandboxServices;
  /** The dashboard variables' values: panels query again when one changes, as in Grafana. */
  variableValues: string;
  onChangeTimeRange: (range: AbsoluteTimeRange) => void;
}

const EMPTY_FIELD_CONFIG: FieldConfigSource = { defaults: {}, overrides: [] };

function usePanelPlugin(type: string): { plugin?: PanelPlugin; error?: string } {
  // Boot data lists panel plugins as PanelPluginMeta; the loader needs the PluginMeta part.
  const meta = config.panels[type] as unknown as PluginMeta | undefined;
  const [state, setState] = useState<{ plugin?: PanelPlugin; error?: string }>({});
  useEffect(() => {
    if (isCorePanel(type) || !meta) {
      return;
    }
    importPanelPlugin(type, meta)
      .then((plugin) => setState({ plugin }))
      .catch((error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }));
  }, [type, meta]);
  if (!isCorePanel(type) && !meta) {
    return { error: `Panel plugin ${type} is not built (run npm run build once it lands)` };
  }
  return state;
}

function usePanelData(
  panel: SavedPanel,
  range: TimeRange,
  services: SandboxServices,
  variableValues: string
): PanelData | undefined {
  const [data, setData] = useState<PanelData>();
  useEffect(() => {
    const targets = panel.targets ?? [];
    if (targets.length === 0) {
      return;
    }
    let subscription: { unsubscribe: () => void } | undefined;
    let cancelled = false;
    services.dataSourceSrv
      .get(panel.datasource ?? targets[0].datasource)
      .then((datasource) => {
        if (cancelled) {
          return;
        }
        subscription = runQueries({
          datasource,
          targets: targets.map((target) => ({ ...target, datasource: datasource.getRef() })),
          range,
          app: CoreApp.Dashboard,
          requestId: `panel-${panel.id}`,
          maxDataPoints: panel.maxDataPoints ?? 1000,
        }).subscribe(setData);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        setData({ state: LoadingState.Error, series: [], timeRange: range, error: { message }, errors: [{ message }] });
      });
    return () => {
      cancelled = true;
      subscription?.unsubscribe();
    };
  }, [panel, range, services.dataSourceSrv, variableValues]);
  return data;
}

/**
 * One dashboard panel rendered as Grafana does: PanelChrome around the plugin's component, with
 * options and field config defaulted from the plugin, field overrides applied to the data, and the
 * dashboard's time range, event bus and variable interpolation passed in PanelProps.
 */
export function PanelView({ panel, range, eventBus, services, variableValues, onChangeTimeRange }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const height = panelPixelHeight(panel);
  const { plugin, error: pluginError } = usePanelPlugin(panel.type);
  const data = usePanelData(panel, range, services, variableValues);
  const defaults = useMemo(
    () =>
      plugin
        ? getPanelOptionsWithDefaults({
            plugin,
            currentOptions: panel.options ?? {},
            currentFieldConfig: panel.fieldConfig ?? EMPTY_FIELD_CONFIG,
            isAfterPluginChange: false,
          })
        : undefined,
    [plugin, panel]
  );
  // A panel may change its own options (onOptionsChange); those win over the saved ones.
  const [changedOptions, setOptions] = useState<Record<string, unknown>>();
  const [changedFieldConfig, setFieldConfig] = useState<FieldConfigSource>();
  const options = changedOptions ?? defaults?.options;
  const fieldConfig = changedFieldConfig ?? defaults?.fieldConfig ?? panel.fieldConfig ?? EMPTY_FIELD_CONFIG;

  const replaceVariables = useCallback<InterpolateFunction>(
    (value, scopedVars, format) => services.templateSrv.replace(value, scopedVars, format),
    [services.templateSrv]
  );
  const processed = useFieldOverrides(plugin, fieldConfig, data, 'utc', config.theme2, replaceVariables);
  const panelData = processed ?? data;
  const error = pluginError ?? panelData?.errors?.[0]?.message ?? panelData?.error?.message;
  const PanelComponent = plugin?.panel;

  return (
    <div
      ref={ref}
      data-testid={`panel-${panel.id}`}
      data-panel-type={panel.type}
      // State and error as attributes, so tests wait for Done and name the error when a panel fails.
      data-panel-state={panelData?.state ?? (plugin || isCorePanel(panel.type) ? 'NotStarted' : 'LoadingPlugin')}
      data-panel-error={error ?? ''}
      style={{ height }}
    >
      {width > 0 && (
        <PanelChrome
          title={panel.title}
          description={panel.description}
          width={width}
          height={height}
          loadingState={panelData?.state}
          statusMessage={error}
          titleItems={panelData && <PanelNoticeIcons frames={panelData.series} />}
          hoverHeader={false}
        >
          {(innerWidth, innerHeight) => (
            <ErrorBoundaryAlert>
              <PanelContextProvider value={{ eventsScope: 'dashboard', eventBus }}>
                {isCorePanel(panel.type) && panelData && (
                  <CorePanelStandIn
                    type={panel.type}
                    data={panelData}
                    width={innerWidth}
                    height={innerHeight}
                    range={range}
                  />
                )}
                {PanelComponent && options && panelData && (
                  <PanelComponent
                    id={panel.id}
                    data={panelData}
                    timeRange={panelData.timeRange ?? range}
                    timeZone="utc"
                    options={options}
                    transparent={panel.transparent ?? false}
                    width={innerWidth}
                    height={innerHeight}
                    fieldConfig={fieldConfig}
                    renderCounter={0}
                    title={panel.title ?? ''}
                    eventBus={eventBus}
                    onOptionsChange={setOptions}
                    onFieldConfigChange={setFieldConfig}
                    replaceVariables={replaceVariables}
                    onChangeTimeRange={onChangeTimeRange}
                  />
                )}
              </PanelContextProvider>
            </ErrorBoundaryAlert>
          )}
        </PanelChrome>
      )}
    </div>
  );
}

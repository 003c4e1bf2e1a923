import { PanelPlugin } from '@grafana/data';

import { ServiceGraphPanel } from './ServiceGraphPanel';
import { DEFAULT_OPTIONS, ServiceGraphOptions } from './types';

/** The one error-rate definition TraceLens uses, in the graph and in the sampling panel. */
const ERROR_RATE_HELP =
  'Error rate = calls whose callee span failed (error status) ÷ calls. The sampling panel uses the same definition.';

export const plugin = new PanelPlugin<ServiceGraphOptions>(ServiceGraphPanel).setPanelOptions((builder) =>
  builder
    .addNumberInput({
      path: 'errorWarnPercent',
      name: 'Error rate: warning from (%)',
      description: ERROR_RATE_HELP,
      category: ['Thresholds'],
      defaultValue: DEFAULT_OPTIONS.errorWarnPercent,
      settings: { min: 0, max: 100 },
    })
    .addNumberInput({
      path: 'errorBadPercent',
      name: 'Error rate: failing from (%)',
      description: ERROR_RATE_HELP,
      category: ['Thresholds'],
      defaultValue: DEFAULT_OPTIONS.errorBadPercent,
      settings: { min: 0, max: 100 },
    })
    .addNumberInput({
      path: 'latencyWarnMs',
      name: 'p95 latency: warning from (ms)',
      category: ['Thresholds'],
      defaultValue: DEFAULT_OPTIONS.latencyWarnMs,
      settings: { min: 0 },
    })
    .addNumberInput({
      path: 'latencyBadMs',
      name: 'p95 latency: failing from (ms)',
      category: ['Thresholds'],
      defaultValue: DEFAULT_OPTIONS.latencyBadMs,
      settings: { min: 0 },
    })
    .addRadio({
      path: 'sizeBy',
      name: 'Node size by',
      category: ['Display'],
      defaultValue: DEFAULT_OPTIONS.sizeBy,
      settings: {
        options: [
          { value: 'requestRate', label: 'Request rate' },
          { value: 'errorRate', label: 'Error rate' },
          { value: 'p95Ms', label: 'p95 latency' },
          { value: 'none', label: 'Same size' },
        ],
      },
    })
    .addBooleanSwitch({
      path: 'showOnlyErrors',
      name: 'Show only errors',
      description: 'Only calls with errors and the services at either end.',
      category: ['Filters'],
      defaultValue: DEFAULT_OPTIONS.showOnlyErrors,
    })
    .addBooleanSwitch({
      path: 'hideHealthy',
      name: 'Hide healthy',
      description: 'Hide services and calls under both thresholds.',
      category: ['Filters'],
      defaultValue: DEFAULT_OPTIONS.hideHealthy,
    })
    .addRadio({
      path: 'grouping',
      name: 'Group services',
      description: 'Collapse services into groups; click a group to expand it.',
      category: ['Grouping and focus'],
      defaultValue: DEFAULT_OPTIONS.grouping,
      settings: {
        options: [
          { value: 'none', label: 'Off' },
          { value: 'namespace', label: 'By service.namespace' },
          { value: 'prefix', label: 'By name prefix' },
        ],
      },
    })
    .addNumberInput({
      path: 'hugeGraphNodes',
      name: 'Group automatically above (nodes)',
      category: ['Grouping and focus'],
      defaultValue: DEFAULT_OPTIONS.hugeGraphNodes,
      settings: { min: 10, integer: true },
    })
    .addNumberInput({
      path: 'focusHops',
      name: 'Focus: hops out',
      description: 'Callers and callees this many calls away from the focused service stay bright.',
      category: ['Grouping and focus'],
      defaultValue: DEFAULT_OPTIONS.focusHops,
      settings: { min: 1, max: 10, integer: true },
    })
    .addSliderInput({
      path: 'labelMinZoom',
      name: 'Hide labels below zoom',
      category: ['Display'],
      defaultValue: DEFAULT_OPTIONS.labelMinZoom,
      settings: { min: 0, max: 1.5, step: 0.05 },
    })
    .addTextInput({
      path: 'logsDatasourceUid',
      name: 'Logs data source uid',
      description: 'For the "Logs for <service>" links (Loki or a data source that takes an expr).',
      category: ['Links'],
      defaultValue: DEFAULT_OPTIONS.logsDatasourceUid,
    })
    .addTextInput({
      path: 'logsQuery',
      name: 'Logs query',
      description: '${service} is replaced by the service name.',
      category: ['Links'],
      defaultValue: DEFAULT_OPTIONS.logsQuery,
    })
);

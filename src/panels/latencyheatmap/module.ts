import { PanelPlugin } from '@grafana/data';

import { LatencyHeatmapPanel } from './LatencyHeatmapPanel';
import { DEFAULT_OPTIONS, LatencyHeatmapOptions } from './types';

export const plugin = new PanelPlugin<LatencyHeatmapOptions>(LatencyHeatmapPanel).setPanelOptions((builder) =>
  builder
    .addSelect({
      path: 'resolution',
      name: 'Bucket resolution',
      description:
        'Rows per doubling of duration. "1 per doubling" matches Tempo’s histogram_over_time buckets exactly.',
      defaultValue: DEFAULT_OPTIONS.resolution,
      settings: {
        options: [
          { value: 0, label: '1 per doubling (Tempo)' },
          { value: 1, label: '2 per doubling' },
          { value: 2, label: '4 per doubling' },
          { value: 3, label: '8 per doubling' },
        ],
      },
    })
    .addNumberInput({
      path: 'columns',
      name: 'Time columns',
      description: 'How many time columns; 0 picks from the panel width.',
      defaultValue: DEFAULT_OPTIONS.columns,
      settings: { min: 0, max: 500, integer: true },
    })
    .addRadio({
      path: 'colorScheme',
      name: 'Colour scheme',
      defaultValue: DEFAULT_OPTIONS.colorScheme,
      settings: {
        options: [
          { value: 'viridis', label: 'Viridis' },
          { value: 'magma', label: 'Magma' },
          { value: 'blues', label: 'Blues' },
          { value: 'greens', label: 'Greens' },
        ],
      },
    })
    .addRadio({
      path: 'countScale',
      name: 'Colour by count',
      description: 'Square root and log keep rare slow requests visible next to dense cells.',
      defaultValue: DEFAULT_OPTIONS.countScale,
      settings: {
        options: [
          { value: 'linear', label: 'Linear' },
          { value: 'sqrt', label: 'Square root' },
          { value: 'log', label: 'Log' },
        ],
      },
    })
    .addTextInput({
      path: 'percentileList',
      name: 'Percentile lines',
      description: 'Comma-separated, for example 50, 95, 99.9.',
      defaultValue: DEFAULT_OPTIONS.percentileList,
    })
    .addNumberInput({
      path: 'exemplarsPerCell',
      name: 'Example traces per cell',
      defaultValue: DEFAULT_OPTIONS.exemplarsPerCell,
      settings: { min: 0, max: 20, integer: true },
    })
);

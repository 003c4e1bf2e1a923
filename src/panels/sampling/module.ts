import { PanelPlugin } from '@grafana/data';

import { SamplingPanel } from './SamplingPanel';
import { DEFAULT_OPTIONS, SamplingPanelOptions } from './types';

export const plugin = new PanelPlugin<SamplingPanelOptions>(SamplingPanel).setPanelOptions((builder) =>
  builder
    .addNumberInput({
      path: 'cpuBudgetPercent',
      name: 'CPU budget (% of a core)',
      description: 'The tracing guide asks for under 1% CPU impact.',
      defaultValue: DEFAULT_OPTIONS.cpuBudgetPercent,
      settings: { min: 0.01, step: 0.1 },
    })
    .addNumberInput({
      path: 'storageBudgetGBPerDay',
      name: 'Storage budget (GB/day per service)',
      defaultValue: DEFAULT_OPTIONS.storageBudgetGBPerDay,
      settings: { min: 0.001 },
    })
    .addNumberInput({
      path: 'cpuMicrosPerSpan',
      name: 'SDK CPU per span (µs)',
      description:
        'Default measured for the OpenTelemetry JS SDK by bench/overhead.bench.ts; set your own SDK’s figure.',
      defaultValue: DEFAULT_OPTIONS.cpuMicrosPerSpan,
      settings: { min: 0.1 },
    })
    .addNumberInput({
      path: 'cpuMicrosPerRequest',
      name: 'SDK CPU per request (µs)',
      description:
        'Instrumentation cost paid for every request, sampled or not. Default measured by bench/overhead.bench.ts.',
      defaultValue: DEFAULT_OPTIONS.cpuMicrosPerRequest,
      settings: { min: 0 },
    })
    .addNumberInput({
      path: 'fallbackBytesPerSpan',
      name: 'Bytes per span when not measured',
      defaultValue: DEFAULT_OPTIONS.fallbackBytesPerSpan,
      settings: { min: 1, integer: true },
    })
    .addTextInput({
      path: 'candidateRates',
      name: 'What-if rates (%)',
      description: 'Comma-separated sampling rates to price, in percent.',
      defaultValue: DEFAULT_OPTIONS.candidateRates,
    })
);

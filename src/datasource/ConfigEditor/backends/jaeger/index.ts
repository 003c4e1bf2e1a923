import { labels } from '../../../labels';
import type { BackendConfigSection } from '../types';
import { SamplingSection } from './SamplingSection';

/** Jaeger's own settings: its remote-sampling endpoint. */
export const jaegerSections: readonly BackendConfigSection[] = [
  { title: labels.config.sampling.title, Component: SamplingSection },
];

import { labels } from '../../../labels';
import type { BackendConfigSection } from '../types';
import { ServiceGraphSection } from './ServiceGraphSection';

/** Tempo's own settings: the Prometheus data source with its service-graph metrics. */
export const tempoSections: readonly BackendConfigSection[] = [
  { title: labels.config.serviceGraph.title, Component: ServiceGraphSection },
];

import type { Settings } from './options';

/** Every section takes the whole settings and hands back new ones, as Grafana's config pages do. */
export interface SectionProps {
  options: Settings;
  onOptionsChange: (options: Settings) => void;
}

import { DataQuery, DataSourceRef, FieldConfigSource, RawTimeRange } from '@grafana/data';

import { SavedVariable } from '../runtime/templateSrv';

/** The parts of a saved dashboard JSON panel the sandbox renders. */
export interface SavedPanel {
  id: number;
  type: string;
  title?: string;
  description?: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: DataSourceRef | null;
  targets?: DataQuery[];
  options?: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
  maxDataPoints?: number;
  transparent?: boolean;
}

export interface SavedDashboard {
  uid: string;
  title: string;
  time?: RawTimeRange;
  panels: SavedPanel[];
  templating?: { list?: SavedVariable[] };
}

export interface DashboardSearchHit {
  uid: string;
  title: string;
}

// Grafana's grid: 24 columns, 30px rows, 8px gutters.
export const GRID_COLUMNS = 24;
export const GRID_CELL_HEIGHT = 30;
export const GRID_CELL_MARGIN = 8;

export function panelPixelHeight(panel: SavedPanel): number {
  return panel.gridPos.h * GRID_CELL_HEIGHT + (panel.gridPos.h - 1) * GRID_CELL_MARGIN;
}

import type { Layout, LayoutInput, LayoutOptions } from '../../../core/analysis/layout';

export interface LayoutRequest {
  readonly id: number;
  readonly input: LayoutInput;
  readonly options: LayoutOptions;
}

export type LayoutResponse =
  { readonly id: number; readonly layout: Layout } | { readonly id: number; readonly error: string };

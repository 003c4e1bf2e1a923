/**
 * Web Worker entry: runs the core layered layout off the main thread so panning stays smooth while
 * a 2,000-service graph is laid out. Messages: { id, input, options } in, { id, layout } or
 * { id, error } out.
 */
import { layeredLayout } from '../../core/analysis/layout';
import type { LayoutRequest, LayoutResponse } from './layout/protocol';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = (ev) => {
  const { id, input, options } = ev.data;
  try {
    scope.postMessage({ id, layout: layeredLayout(input, options) });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};

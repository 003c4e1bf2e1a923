import { layeredLayout, type Layout, type LayoutInput, type LayoutOptions } from '../../../core/analysis/layout';
import type { LayoutRequest, LayoutResponse } from './protocol';

export interface LayoutRunner {
  /** Lays out `input`; a newer call supersedes older ones still in flight (they reject as superseded). */
  run(input: LayoutInput, options: LayoutOptions): Promise<Layout>;
  /** True while layouts run in a worker (false after a fallback to the main thread). */
  readonly inWorker: boolean;
  dispose(): void;
}

export class SupersededError extends Error {
  constructor() {
    super('layout superseded by a newer one');
    this.name = 'SupersededError';
  }
}

/**
 * Runs layouts in a worker when one can be started and falls back to the main thread when it
 * cannot, or when the worker fails (a 404 for the chunk, a CSP refusal): the graph must still draw.
 */
export function createLayoutRunner(makeWorker: () => Worker | undefined): LayoutRunner {
  let worker = makeWorker();
  let nextId = 1;
  const pending = new Map<number, { resolve: (l: Layout) => void; reject: (e: Error) => void; req: LayoutRequest }>();

  const settleOnMainThread = () => {
    for (const [id, p] of pending) {
      pending.delete(id);
      try {
        p.resolve(layeredLayout(p.req.input, p.req.options));
      } catch (e) {
        p.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  };

  const dropWorker = () => {
    worker?.terminate();
    worker = undefined;
    settleOnMainThread();
  };

  if (worker) {
    worker.onmessage = (ev: MessageEvent<LayoutResponse>) => {
      const p = pending.get(ev.data.id);
      if (!p) {
        return;
      }
      pending.delete(ev.data.id);
      if ('layout' in ev.data) {
        p.resolve(ev.data.layout);
      } else {
        p.reject(new Error(ev.data.error));
      }
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      dropWorker();
    };
  }

  return {
    get inWorker() {
      return worker !== undefined;
    },
    run(input, options) {
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new SupersededError());
      }
      const req: LayoutRequest = { id: nextId++, input, options };
      if (!worker) {
        return new Promise((resolve, reject) => {
          try {
            resolve(layeredLayout(input, options));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      }
      return new Promise((resolve, reject) => {
        pending.set(req.id, { resolve, reject, req });
        worker!.postMessage(req);
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(new SupersededError());
      }
    },
  };
}

import { GrafanaTheme2 } from '@grafana/data';
import { useEffect, useMemo, useRef, useState } from 'react';

import type { Layout, LayoutInput } from '../../core/analysis/layout';
import type { Palette } from './render/draw';
import { createLayoutWorker } from './layout/createLayoutWorker';
import { createLayoutRunner, SupersededError, type LayoutRunner } from './layout/layoutRunner';

export type LayoutState =
  | { readonly status: 'idle' | 'running'; readonly layout?: Layout }
  | { readonly status: 'done'; readonly layout: Layout }
  | { readonly status: 'error'; readonly message: string; readonly layout?: Layout };

/**
 * Lays out off the main thread when possible. The previous layout is passed along so a data
 * refresh keeps known services where the user last saw them.
 */
export function useGraphLayout(input: LayoutInput | undefined): LayoutState {
  const runner = useRef<LayoutRunner | undefined>(undefined);
  const [state, setState] = useState<LayoutState>({ status: 'idle' });
  const last = useRef<Layout | undefined>(undefined);

  useEffect(() => {
    runner.current = createLayoutRunner(createLayoutWorker);
    return () => runner.current?.dispose();
  }, []);

  useEffect(() => {
    if (!input || input.nodes.length === 0 || !runner.current) {
      return;
    }
    let live = true;
    setState({ status: 'running', layout: last.current });
    runner.current
      .run(input, last.current ? { previous: last.current } : {})
      .then((layout) => {
        if (live) {
          last.current = layout;
          setState({ status: 'done', layout });
        }
      })
      .catch((e: unknown) => {
        if (live && !(e instanceof SupersededError)) {
          setState({ status: 'error', message: e instanceof Error ? e.message : String(e), layout: last.current });
        }
      });
    return () => {
      live = false;
    };
  }, [input]);
  return state;
}

export function usePalette(theme: GrafanaTheme2): Palette {
  return useMemo(
    () => ({
      health: {
        ok: theme.visualization.getColorByName('green'),
        warn: theme.visualization.getColorByName('orange'),
        bad: theme.visualization.getColorByName('red'),
        unknown: theme.colors.text.disabled,
      },
      edge: theme.colors.text.secondary,
      text: theme.colors.text.primary,
      background: theme.colors.background.primary,
      nodeFill: theme.colors.background.secondary,
      highlight: theme.colors.primary.main,
    }),
    [theme]
  );
}

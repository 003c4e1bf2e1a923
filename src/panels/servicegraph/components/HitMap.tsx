import { css } from '@emotion/css';
import React from 'react';

import { formatMs, formatPercent, type GraphFormat } from '../format';
import type { Scene, SceneEdge, SceneNode } from '../render/scene';
import { toScreen, type Viewport } from '../render/viewport';
import { testIds } from '../selectors';

/** Above this many items in view, the overlay is skipped (the canvas and the list still work). */
export const MAX_HIT_TARGETS = 600;

export interface HitTarget {
  readonly type: 'node' | 'edge';
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** What the pointer or keyboard focus rests on, and where (graph-area pixels), for the tooltip. */
export interface HoverTarget {
  readonly item: SceneNode | SceneEdge;
  readonly x: number;
  readonly y: number;
}

interface Props {
  scene: Scene;
  viewport: Viewport;
  width: number;
  height: number;
  onActivate: (t: HitTarget) => void;
  /** The buttons lie over the canvas and take its pointer events, so they report hover themselves. */
  onHover: (h: HoverTarget | undefined) => void;
  format: GraphFormat;
}

const styles = {
  target: css({
    position: 'absolute',
    transform: 'translate(-50%, -50%)',
    background: 'transparent',
    border: 'none',
    padding: 0,
    opacity: 0,
    cursor: 'pointer',
    '&:focus-visible': { opacity: 1, outline: '2px solid currentColor', borderRadius: '50%' },
  }),
};

/**
 * Invisible buttons over the nodes and edge midpoints in view: keyboard users can tab to a service
 * and open its menu, screen readers hear its figures, and browser tests find nodes by test id.
 */
/** The pointer in graph-area pixels (the buttons' container is the positioned graph area). */
function pointerIn(ev: React.PointerEvent<HTMLElement>, fallback: { x: number; y: number }) {
  const area = ev.currentTarget.offsetParent?.getBoundingClientRect();
  return area ? { x: ev.clientX - area.left, y: ev.clientY - area.top } : fallback;
}

export function HitMap({ scene, viewport, width, height, onActivate, onHover, format }: Props) {
  const hoverProps = (item: SceneNode | SceneEdge, centre: { x: number; y: number }, size: number) => {
    // Keyboard focus shows the same tooltip, anchored at the target's lower-right corner.
    const corner = { x: centre.x + size / 2, y: centre.y + size / 2 };
    return {
      onPointerEnter: (ev: React.PointerEvent<HTMLElement>) => onHover({ item, ...pointerIn(ev, corner) }),
      onPointerMove: (ev: React.PointerEvent<HTMLElement>) => onHover({ item, ...pointerIn(ev, corner) }),
      onPointerLeave: () => onHover(undefined),
      onFocus: () => onHover({ item, ...corner }),
      onBlur: () => onHover(undefined),
    };
  };
  const inView = (x: number, y: number) => x >= 0 && y >= 0 && x <= width && y <= height;
  const nodes = scene.nodes.map((n) => ({ n, p: toScreen(viewport, n.x, n.y) })).filter(({ p }) => inView(p.x, p.y));
  const edges = scene.edges
    .filter((e) => e.points.length >= 2)
    .map((e) => {
      const a = e.points[Math.floor((e.points.length - 1) / 2)];
      const b = e.points[Math.ceil((e.points.length - 1) / 2)];
      return { e, p: toScreen(viewport, (a.x + b.x) / 2, (a.y + b.y) / 2) };
    })
    .filter(({ p }) => inView(p.x, p.y));
  if (nodes.length + edges.length > MAX_HIT_TARGETS) {
    return null;
  }
  return (
    <div aria-label="Services and calls in view">
      {nodes.map(({ n, p }) => {
        const size = Math.max(12, 2 * n.r * viewport.scale);
        return (
          <button
            key={n.id}
            type="button"
            className={styles.target}
            style={{ left: p.x, top: p.y, width: size, height: size }}
            data-testid={testIds.node(n.id)}
            data-kind={n.kind}
            data-dimmed={n.dimmed ? 'true' : 'false'}
            aria-label={`${n.label}: ${format.rate(n.data.requestRate, n.data.requests)}, ${formatPercent(n.data.errorRate)} errors, p95 ${formatMs(n.data.p95Ms ?? n.data.avgMs)}`}
            onClick={() => onActivate({ type: 'node', id: n.id, x: p.x, y: p.y })}
            {...hoverProps(n, p, size)}
          />
        );
      })}
      {edges.map(({ e, p }) => (
        <button
          key={e.id}
          type="button"
          className={styles.target}
          style={{ left: p.x, top: p.y, width: 12, height: 12 }}
          data-testid={testIds.edge(e.id)}
          data-dimmed={e.dimmed ? 'true' : 'false'}
          aria-label={`Calls from ${e.source} to ${e.target}: ${format.rate(e.data.requestRate, e.data.requests)}, ${formatPercent(e.data.errorRate)} errors`}
          onClick={() => onActivate({ type: 'edge', id: e.id, x: p.x, y: p.y })}
          {...hoverProps(e, p, 12)}
        />
      ))}
    </div>
  );
}

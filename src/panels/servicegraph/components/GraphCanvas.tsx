import { css } from '@emotion/css';
import React, { useEffect, useMemo, useRef, useState } from 'react';

import type { GraphFormat } from '../format';
import { drawScene, type Palette } from '../render/draw';
import { buildHitIndex } from '../render/hitTest';
import type { Scene } from '../render/scene';
import { panBy, toWorld, zoomAt, type Viewport } from '../render/viewport';
import { testIds } from '../selectors';
import { HitMap, type HitTarget, type HoverTarget } from './HitMap';
import { Tooltip } from './Tooltip';

interface Props {
  scene: Scene;
  width: number;
  height: number;
  viewport: Viewport;
  onViewportChange: (vp: Viewport) => void;
  palette: Palette;
  labelMinZoom: number;
  selected?: string;
  onActivate: (t: HitTarget) => void;
  /** The graph's rate unit and rounding, the same for labels, tooltips and buttons. */
  format: GraphFormat;
}

const styles = {
  wrap: css({ position: 'relative', overflow: 'hidden', touchAction: 'none' }),
  canvas: css({ position: 'absolute', left: 0, top: 0, cursor: 'grab', '&:active': { cursor: 'grabbing' } }),
};

/** Pixels the pointer may move between down and up and still count as a click, not a pan. */
const CLICK_SLOP = 4;

export function GraphCanvas(props: Props) {
  const { scene, width, height, viewport, onViewportChange, palette, labelMinZoom, selected, onActivate, format } =
    props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number; moved: number } | undefined>(undefined);
  const [hover, setHover] = useState<HoverTarget | undefined>();
  const index = useMemo(() => buildHitIndex(scene), [scene]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) {
      return; // jsdom has no 2D context; the hit map and list still render
    }
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    // Draw in device pixels: the viewport and sizes are scaled instead of the context.
    const vp = { scale: viewport.scale * ratio, tx: viewport.tx * ratio, ty: viewport.ty * ratio };
    drawScene(ctx, scene, vp, palette, {
      width: width * ratio,
      height: height * ratio,
      labelMinZoom: labelMinZoom * ratio,
      hover: hover?.item.id,
      selected,
      format,
    });
  }, [scene, width, height, viewport, palette, labelMinZoom, hover, selected, format]);

  // Wheel zoom needs a non-passive listener to stop the dashboard from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) {
      return;
    }
    const onWheel = (ev: WheelEvent) => {
      ev.preventDefault();
      const r = canvas.getBoundingClientRect();
      onViewportChange(zoomAt(viewport, Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [viewport, onViewportChange]);

  const pick = (sx: number, sy: number) => {
    const w = toWorld(viewport, sx, sy);
    return index.nodeAt(w.x, w.y) ?? index.edgeAt(w.x, w.y, 6 / viewport.scale);
  };

  const local = (ev: React.PointerEvent) => {
    const r = ev.currentTarget.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  };

  return (
    <div className={styles.wrap} style={{ width, height }}>
      <canvas
        ref={canvasRef}
        className={styles.canvas}
        style={{ width, height }}
        data-testid={testIds.canvas}
        role="img"
        aria-label={`Service graph with ${scene.nodes.length} nodes and ${scene.edges.length} calls`}
        onPointerDown={(ev) => {
          const p = local(ev);
          drag.current = { x: p.x, y: p.y, moved: 0 };
          ev.currentTarget.setPointerCapture?.(ev.pointerId);
        }}
        onPointerMove={(ev) => {
          const p = local(ev);
          if (drag.current) {
            const dx = p.x - drag.current.x;
            const dy = p.y - drag.current.y;
            drag.current = { x: p.x, y: p.y, moved: drag.current.moved + Math.abs(dx) + Math.abs(dy) };
            onViewportChange(panBy(viewport, dx, dy));
            return;
          }
          const item = pick(p.x, p.y);
          setHover(item ? { item, x: p.x, y: p.y } : undefined);
        }}
        onPointerUp={(ev) => {
          const d = drag.current;
          drag.current = undefined;
          if (d && d.moved <= CLICK_SLOP) {
            const p = local(ev);
            const item = pick(p.x, p.y);
            if (item) {
              onActivate({ type: 'r' in item ? 'node' : 'edge', id: item.id, x: p.x, y: p.y });
            }
          }
        }}
        onPointerLeave={() => setHover(undefined)}
      />
      <HitMap
        scene={scene}
        viewport={viewport}
        width={width}
        height={height}
        onActivate={onActivate}
        onHover={setHover}
        format={format}
      />
      {/* The open menu already names what it is for; a tooltip under it would only be covered. */}
      {hover && hover.item.id !== selected && (
        <Tooltip item={hover.item} x={hover.x} y={hover.y} width={width} height={height} format={format} />
      )}
    </div>
  );
}

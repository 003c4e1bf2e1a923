import { useLayoutEffect, useState, type CSSProperties } from 'react';

import { placeInside, type Anchor, type Size } from '../render/placement';

/** Rendered before the first placement; the effect below makes the popup visible where it fits. */
const UNPLACED: CSSProperties = { left: 0, top: 0, visibility: 'hidden' };

/**
 * Places the popup inside `area` (see placeInside). `attach` is the popup's callback ref. Its size
 * is known only after layout, so the position is written to the element in a layout effect (before
 * paint, so it never flashes at a clipped spot) and again whenever a ResizeObserver reports a new
 * size (a longer title, more menu items).
 */
export function usePopupPlacement<T extends HTMLElement>(
  anchor: Anchor,
  area: Size
): { attach: (node: T | null) => void; style: CSSProperties } {
  const [node, attach] = useState<T | null>(null);
  const { x, y } = anchor;
  const { width, height } = area;
  useLayoutEffect(() => {
    if (!node) {
      return;
    }
    const place = () => {
      const at = placeInside({ x, y }, { width: node.offsetWidth, height: node.offsetHeight }, { width, height });
      Object.assign(node.style, {
        left: `${at.left}px`,
        top: `${at.top}px`,
        maxWidth: `${width}px`,
        maxHeight: `${height}px`,
        overflow: 'auto',
        visibility: 'visible',
      });
    };
    place();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(place);
    observer?.observe(node);
    return () => observer?.disconnect();
  }, [node, x, y, width, height]);
  return { attach, style: UNPLACED };
}

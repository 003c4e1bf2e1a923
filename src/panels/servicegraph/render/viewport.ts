/** Pan and zoom as a plain value: screen = world * scale + translate. */
export interface Viewport {
  readonly scale: number;
  readonly tx: number;
  readonly ty: number;
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** The viewport that shows all of `b` centred in a width × height screen, never zooming past 1.5. */
export function fitBounds(b: Bounds, width: number, height: number, padding = 24): Viewport {
  const w = Math.max(1, b.maxX - b.minX);
  const h = Math.max(1, b.maxY - b.minY);
  const scale = clampScale(Math.min((width - 2 * padding) / w, (height - 2 * padding) / h, 1.5));
  return {
    scale,
    tx: width / 2 - ((b.minX + b.maxX) / 2) * scale,
    ty: height / 2 - ((b.minY + b.maxY) / 2) * scale,
  };
}

/** Zoom by `factor` keeping the world point under (px, py) fixed on screen. */
export function zoomAt(vp: Viewport, factor: number, px: number, py: number): Viewport {
  const scale = clampScale(vp.scale * factor);
  const k = scale / vp.scale;
  return { scale, tx: px - (px - vp.tx) * k, ty: py - (py - vp.ty) * k };
}

export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { ...vp, tx: vp.tx + dx, ty: vp.ty + dy };
}

export function toWorld(vp: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - vp.tx) / vp.scale, y: (sy - vp.ty) / vp.scale };
}

export function toScreen(vp: Viewport, wx: number, wy: number): { x: number; y: number } {
  return { x: wx * vp.scale + vp.tx, y: wy * vp.scale + vp.ty };
}

/** The world rectangle visible on screen, for culling. */
export function visibleWorld(vp: Viewport, width: number, height: number): Bounds {
  const a = toWorld(vp, 0, 0);
  const b = toWorld(vp, width, height);
  return { minX: a.x, minY: a.y, maxX: b.x, maxY: b.y };
}

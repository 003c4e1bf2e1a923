import type { NodeKind } from '../../../core/analysis/serviceGraph';

/** The subset of the canvas API the icons use, so tests can record the calls. */
export type IconContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'ellipse' | 'rect' | 'closePath' | 'stroke' | 'fill' | 'save' | 'restore'
> & {
  lineWidth: number;
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  fillStyle: CanvasRenderingContext2D['fillStyle'];
};

/**
 * Node-type glyphs drawn with paths (no icon font, no images), sized to `s` (half the glyph's
 * width), centred on (x, y): service = three stacked bars (an app), database = cylinder,
 * cache = lightning bolt, queue = message envelope lanes, external = globe, group = stacked circles.
 */
export function drawKindIcon(
  ctx: IconContext,
  kind: NodeKind | 'group',
  x: number,
  y: number,
  s: number,
  color: string
) {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = Math.max(1, s / 6);
  ctx.beginPath();
  switch (kind) {
    case 'database': {
      const rx = s * 0.8;
      const ry = s * 0.3;
      ctx.ellipse(x, y - s * 0.6, rx, ry, 0, 0, Math.PI * 2);
      ctx.moveTo(x - rx, y - s * 0.6);
      ctx.lineTo(x - rx, y + s * 0.6);
      ctx.ellipse(x, y + s * 0.6, rx, ry, 0, Math.PI, 0, true);
      ctx.lineTo(x + rx, y - s * 0.6);
      ctx.moveTo(x + rx, y);
      ctx.ellipse(x, y, rx, ry, 0, 0, Math.PI);
      ctx.stroke();
      break;
    }
    case 'cache': {
      ctx.moveTo(x + s * 0.2, y - s);
      ctx.lineTo(x - s * 0.55, y + s * 0.1);
      ctx.lineTo(x - s * 0.05, y + s * 0.1);
      ctx.lineTo(x - s * 0.2, y + s);
      ctx.lineTo(x + s * 0.55, y - s * 0.1);
      ctx.lineTo(x + s * 0.05, y - s * 0.1);
      ctx.closePath();
      ctx.fill();
      break;
    }
    case 'queue': {
      // Three messages in a lane, the front one solid.
      for (let i = 0; i < 3; i++) {
        ctx.rect(x - s + i * s * 0.7, y - s * 0.35, s * 0.55, s * 0.7);
      }
      ctx.stroke();
      ctx.beginPath();
      ctx.rect(x - s + 2 * s * 0.7, y - s * 0.35, s * 0.55, s * 0.7);
      ctx.fill();
      break;
    }
    case 'external': {
      ctx.arc(x, y, s * 0.85, 0, Math.PI * 2);
      ctx.moveTo(x - s * 0.85, y);
      ctx.lineTo(x + s * 0.85, y);
      ctx.moveTo(x + s * 0.35, y);
      ctx.ellipse(x, y, s * 0.35, s * 0.85, 0, 0, Math.PI * 2);
      ctx.stroke();
      break;
    }
    case 'group': {
      for (const [dx, dy] of [
        [-0.4, 0.3],
        [0.4, 0.3],
        [0, -0.35],
      ]) {
        ctx.moveTo(x + dx * s + s * 0.4, y + dy * s);
        ctx.arc(x + dx * s, y + dy * s, s * 0.4, 0, Math.PI * 2);
      }
      ctx.stroke();
      break;
    }
    default: {
      for (let i = -1; i <= 1; i++) {
        ctx.rect(x - s * 0.7, y + i * s * 0.55 - s * 0.18, s * 1.4, s * 0.36);
      }
      ctx.fill();
    }
  }
  ctx.restore();
}

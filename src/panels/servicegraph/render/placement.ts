/** A point, a box size and the area a popup must stay inside, all in panel pixels. */
export interface Anchor {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  readonly left: number;
  readonly top: number;
}

/**
 * Where to put a popup (tooltip or menu) of `size` next to `anchor` so that all of it stays inside
 * `area`: Grafana panels clip their content, so a popup that runs past the edge is cut off.
 * Below and to the right of the pointer by `gap` when it fits; flipped to the left or above when
 * it does not; pinned to the edge when it fits neither way (a popup larger than the panel keeps its
 * top-left corner visible, where its title is).
 */
export function placeInside(anchor: Anchor, size: Size, area: Size, gap = 12): Placement {
  return {
    left: axis(anchor.x, size.width, area.width, gap),
    top: axis(anchor.y, size.height, area.height, gap),
  };
}

function axis(at: number, length: number, room: number, gap: number): number {
  if (at + gap + length <= room) {
    return at + gap;
  }
  if (at - gap - length >= 0) {
    return at - gap - length;
  }
  return Math.max(0, room - length);
}

/** A rectangle in viewport pixels, as `getBoundingClientRect()` gives it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Which side of its anchor a popover is on. */
export type PopoverSide = 'below' | 'above' | 'right' | 'left';

export interface PopoverPlacement {
  side: PopoverSide;
  /** Viewport coordinates of the popover's top left corner. */
  left: number;
  top: number;
}

export interface PlacementOptions {
  /** Pixels between the anchor and the popover. */
  gap?: number;
  /** Pixels kept free at the viewport's edges. */
  margin?: number;
}

const sides: readonly PopoverSide[] = ['below', 'above', 'right', 'left'];

/**
 * Where a popover of `size` goes beside `anchor` so that all of it is inside
 * the viewport: below the anchor if it fits there, else above, else to the
 * right, else to the left (a reader's eye moves on down the text, so below
 * covers what is still to be read last). When no side has room for all of
 * it, it goes on the side with the most room for its size, pushed back inside
 * the viewport even if that covers the anchor. Along the side it is aligned
 * with the anchor's start (below, above) or middle (right, left) and slid
 * back from the edges as needed.
 */
export function placeBeside(anchor: Box, size: Size, viewport: Size, { gap = 6, margin = 8 }: PlacementOptions = {}): PopoverPlacement {
  const room: Record<PopoverSide, number> = {
    below: viewport.height - margin - (anchor.top + anchor.height + gap),
    above: anchor.top - gap - margin,
    right: viewport.width - margin - (anchor.left + anchor.width + gap),
    left: anchor.left - gap - margin,
  };
  const needed = (side: PopoverSide) => (side === 'below' || side === 'above' ? size.height : size.width);
  const side = sides.find((candidate) => room[candidate] >= needed(candidate)) ?? mostRoom(room, needed);
  const place = (start: number, length: number, extent: number) => Math.max(margin, Math.min(start, extent - margin - length));
  switch (side) {
    case 'below':
    case 'above': {
      const top = side === 'below' ? anchor.top + anchor.height + gap : anchor.top - gap - size.height;
      return { side, left: place(anchor.left, size.width, viewport.width), top: place(top, size.height, viewport.height) };
    }
    case 'right':
    case 'left': {
      const left = side === 'right' ? anchor.left + anchor.width + gap : anchor.left - gap - size.width;
      const top = anchor.top + anchor.height / 2 - size.height / 2;
      return { side, left: place(left, size.width, viewport.width), top: place(top, size.height, viewport.height) };
    }
  }
}

function mostRoom(room: Record<PopoverSide, number>, needed: (side: PopoverSide) => number): PopoverSide {
  const share = (side: PopoverSide) => room[side] / Math.max(1, needed(side));
  return sides.reduce((best, side) => (share(side) > share(best) ? side : best));
}

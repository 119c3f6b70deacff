// Where a link's preview goes: beside the link, all of it inside the viewport.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeBeside } from '../../dist/core/popover-placement.js';

const viewport = { width: 800, height: 600 };
const options = { gap: 6, margin: 8 };
/** A link 40 px wide and 20 px tall with its top left corner at (x, y). */
const link = (left, top) => ({ left, top, width: 40, height: 20 });

describe('placeBeside', () => {
  const cases = [
    ['goes below a link with room below, aligned with its start', link(100, 100), { width: 300, height: 120 }, { side: 'below', left: 100, top: 126 }],
    ['flips above a link near the bottom', link(100, 560), { width: 300, height: 120 }, { side: 'above', left: 100, top: 434 }],
    ['slides left from the right edge, keeping the margin', link(740, 100), { width: 300, height: 120 }, { side: 'below', left: 492, top: 126 }],
    ['flips above and slides left near the bottom right corner', link(740, 560), { width: 300, height: 120 }, { side: 'above', left: 492, top: 434 }],
    ['goes to the right when neither above nor below has room', link(100, 290), { width: 300, height: 300 }, { side: 'right', left: 146, top: 150 }],
    ['goes to the left when only the left has room', link(700, 290), { width: 300, height: 300 }, { side: 'left', left: 394, top: 150 }],
    ['goes on the side with the most room for its size, pushed back inside the viewport, when no side has room for all of it', link(380, 290), { width: 500, height: 400 }, { side: 'right', left: 292, top: 100 }],
    ['keeps the margin at the left edge for a popover as wide as the viewport', link(300, 100), { width: 900, height: 100 }, { side: 'below', left: 8, top: 126 }],
    ['stays inside the viewport for a link scrolled half out of the top', link(100, -10), { width: 300, height: 120 }, { side: 'below', left: 100, top: 16 }],
  ];
  for (const [name, anchor, size, expected] of cases) {
    it(name, () => {
      assert.deepEqual(placeBeside(anchor, size, viewport, options), expected);
    });
  }

  it('never puts any part of the popover outside the viewport', () => {
    for (let x = -20; x <= 820; x += 40) {
      for (let y = -20; y <= 620; y += 40) {
        for (const size of [{ width: 200, height: 100 }, { width: 560, height: 260 }, { width: 784, height: 584 }]) {
          const { left, top } = placeBeside(link(x, y), size, viewport, options);
          assert.ok(left >= 8 && left + size.width <= 792, `left ${left} for a link at (${x}, ${y}), ${size.width} wide`);
          assert.ok(top >= 8 && top + size.height <= 592, `top ${top} for a link at (${x}, ${y}), ${size.height} tall`);
        }
      }
    }
  });
});

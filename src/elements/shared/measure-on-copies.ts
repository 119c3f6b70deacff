// Measuring a formula inside a part of the page the browser skips
// (`content-visibility: auto`) on a copy, as scroller-focus.ts explains. A
// module of its own, loaded the first time such a formula waits to be
// measured: a page without skipped parts never loads it.

/** A box to measure, and the outermost ancestor of it whose content the browser skips. */
export interface SkippedBox {
  box: Element;
  skipped: HTMLElement;
}

/**
 * Whether each box overflows its width, as measured on a copy of it beside
 * its skipped ancestor, inside copies of the blocks between them (their
 * margins and indents), all the copies in one layout and removed before the
 * browser paints. `track` is told of each copy inserted, before it is.
 */
export function overflowsOnCopies(boxes: readonly SkippedBox[], track: (copy: Element) => void): boolean[] {
  // Every width is read before anything is inserted: a read after an insertion lays the page out again.
  const widths = boxes.map(({ skipped }) => skipped.offsetWidth);
  const copies = boxes.map(({ box, skipped }, index) => {
    const measurer = skipped.cloneNode(false) as HTMLElement;
    measurer.style.cssText += `;position:absolute;visibility:hidden;pointer-events:none;content-visibility:visible;box-sizing:border-box;inline-size:${widths[index]}px`;
    let inner: Element = measurer;
    for (const block of blocksBetween(skipped, box)) inner = inner.appendChild(block.cloneNode(false) as Element);
    const copy = inner.appendChild(box.cloneNode(true) as Element);
    for (const withId of [measurer, copy, ...copy.querySelectorAll('[id]')]) withId.removeAttribute('id');
    track(measurer);
    skipped.after(measurer);
    return { measurer, copy };
  });
  const overflows = copies.map(({ copy }) => copy.scrollWidth > copy.clientWidth + 1);
  for (const { measurer } of copies) measurer.remove();
  return overflows;
}

/** The elements between `ancestor` and `box`, outermost first. */
function blocksBetween(ancestor: Element, box: Element): Element[] {
  const blocks: Element[] = [];
  for (let node = box.parentElement; node && node !== ancestor; node = node.parentElement) blocks.unshift(node);
  return blocks;
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Messages } from '../../core/messages.js';

// A display formula wider than its column scrolls sideways; a keyboard can
// only scroll what it can focus. So while a formula overflows it is a tab
// stop with a name ("Formula, scrolls sideways"), and once it fits again it
// is not: a post of fifty formulas that fit has no fifty useless tab stops
// (the rule Chromium follows for its own focusable scrollers, which Safari
// lacks). Code blocks and tables, a few a post, are tab stops in the HTML
// core renders, overflowing or not. Formulas are found as they reach the
// DOM (whole, a block at a time, typeset later), and measured again when
// they change size or their content changes.
//
// A formula in a part of the page the browser skips (`content-visibility:
// auto`, far off screen) has no size to observe until it comes near; it is
// measured when the page is idle instead, so it is a tab stop before anyone
// tabs to it. Reading its own size would lay out the whole skipped part around
// it (a long comment: tens of thousands of boxes, 100 ms and more), so a copy
// of it is measured instead: beside that part, inside copies of the blocks
// that hold it (their margins and indents), hidden, and removed before the
// browser paints; a few hundred boxes. This waits for true idleness, never for
// a deadline: a busy page is not interrupted. Each box that overflows has a
// `data-scrolls` attribute while it does, whether or not it is made a tab stop.

export interface ScrollerFocusOptions {
  /** Where the formulas are. */
  root(): ParentNode & Node;
  /** The boxes of display formulas, which scroll sideways when too wide, as a selector. */
  selector: string;
  /** The interface text, for the formulas' name. */
  messages(): Pick<Messages, 'scrollableFormula'>;
}

export class ScrollerFocus implements ReactiveController {
  #mutations?: MutationObserver;
  #resizes?: ResizeObserver;
  /** The boxes made focusable here, with the name given (undefined: they had one of their own). */
  readonly #focusable = new Map<Element, string | undefined>();
  readonly #toMeasure = new Set<Element>();
  /** Boxes observed but never measured: those the browser has not laid out. */
  readonly #unmeasured = new Set<Element>();
  /** The copies measured in place of skipped boxes, which the mutation observer passes over. */
  readonly #copies = new WeakSet<Node>();
  #frame = 0;
  #idle = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ScrollerFocusOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.options.root();
    this.#resizes = new ResizeObserver((entries) => {
      for (const entry of entries) this.#measure(entry.target);
    });
    this.#mutations = new MutationObserver((records) => {
      for (const record of records) {
        if ([...record.addedNodes, ...record.removedNodes].some((node) => this.#copies.has(node))) continue;
        const changed = record.target instanceof Element ? record.target : record.target.parentElement;
        const box = changed?.closest(this.options.selector);
        if (box) this.#toMeasure.add(box);
        for (const node of record.addedNodes) if (node instanceof Element) this.#observeWithin(node);
        for (const node of record.removedNodes) if (node instanceof Element) this.#forgetWithin(node);
      }
      this.#schedule();
    });
    this.#mutations.observe(root, { childList: true, characterData: true, subtree: true });
    this.#observeWithin(root);
  }

  hostDisconnected(): void {
    this.#mutations?.disconnect();
    this.#resizes?.disconnect();
    cancelAnimationFrame(this.#frame);
    cancelIdle(this.#idle);
    this.#frame = this.#idle = 0;
    this.#toMeasure.clear();
    this.#unmeasured.clear();
  }

  hostUpdated(): void {
    // The page's language may have changed: rename the boxes named here.
    for (const [box, name] of this.#focusable) {
      if (!box.isConnected) this.#focusable.delete(box);
      else if (name !== undefined) this.#mark(box, true);
    }
  }

  #observeWithin(node: ParentNode): void {
    const { selector } = this.options;
    // Observing a box measures it once, and again whenever its size changes (a narrower window).
    const boxes = node instanceof Element && node.matches(selector) ? [node, ...node.querySelectorAll(selector)] : node.querySelectorAll(selector);
    for (const box of boxes) {
      this.#resizes?.observe(box);
      this.#unmeasured.add(box);
    }
    if (this.#unmeasured.size > 0) this.#idle ||= whenIdle(this.#measureUnmeasured);
  }

  /** Measures, while the page is idle, the boxes that no layout has measured: those the browser skips, on copies. */
  readonly #measureUnmeasured = (deadline: IdleDeadline): void => {
    this.#idle = 0;
    const batch: Element[] = [];
    for (const box of this.#unmeasured) {
      if (batch.length === boxesPerIdleCall) break;
      if (box.isConnected) batch.push(box);
      else this.#unmeasured.delete(box);
    }
    if (deadline.timeRemaining() >= 1) this.#measureCopies(batch);
    if (this.#unmeasured.size > 0) this.#idle = whenIdle(this.#measureUnmeasured);
  };

  /** Measures each box, a skipped one on a copy beside the part the browser skips, all the copies in one layout. */
  #measureCopies(boxes: Element[]): void {
    const copies = new Map<Element, { measurer: Element; copy: Element }>();
    for (const box of boxes) {
      const shown = shownAncestor(box);
      if (!shown) continue;
      const measurer = shown.cloneNode(false) as HTMLElement;
      measurer.style.cssText += `;position:absolute;visibility:hidden;pointer-events:none;content-visibility:visible;box-sizing:border-box;inline-size:${shown.offsetWidth}px`;
      let inner: Element = measurer;
      for (const block of blocksBetween(shown, box)) inner = inner.appendChild(block.cloneNode(false) as Element);
      const copy = inner.appendChild(box.cloneNode(true) as Element);
      for (const withId of [measurer, copy, ...copy.querySelectorAll('[id]')]) withId.removeAttribute('id');
      this.#copies.add(measurer);
      shown.after(measurer);
      copies.set(box, { measurer, copy });
    }
    for (const box of boxes) {
      const measured = copies.get(box);
      if (measured) this.#apply(box, measured.copy.scrollWidth > measured.copy.clientWidth + 1);
      else this.#measure(box);
    }
    for (const { measurer } of copies.values()) measurer.remove();
  }

  #forgetWithin(node: Element): void {
    const { selector } = this.options;
    // Kept in #focusable until the next update: a box moved elsewhere is still known as made focusable here.
    for (const box of node.matches(selector) ? [node, ...node.querySelectorAll(selector)] : node.querySelectorAll(selector)) {
      this.#resizes?.unobserve(box);
      this.#unmeasured.delete(box);
    }
  }

  #schedule(): void {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      for (const box of this.#toMeasure) if (box.isConnected) this.#measure(box);
      this.#toMeasure.clear();
    });
  }

  #measure(box: Element): void {
    this.#apply(box, box.scrollWidth > box.clientWidth + 1);
  }

  #apply(box: Element, overflows: boolean): void {
    this.#unmeasured.delete(box);
    // For styles: a box that scrolls may show that it goes on (post-body fades its edge).
    box.toggleAttribute('data-scrolls', overflows);
    this.#mark(box, overflows);
  }

  #mark(box: Element, overflows: boolean): void {
    if (overflows) {
      // A box the page made focusable, or that holds a link or button, is reachable already.
      if (!this.#focusable.has(box) && (box.hasAttribute('tabindex') || box.querySelector('a[href], button, input, [tabindex]'))) return;
      const name = box.hasAttribute('aria-label') && !this.#focusable.has(box) ? undefined : this.options.messages().scrollableFormula;
      box.setAttribute('tabindex', '0');
      if (name !== undefined) {
        box.setAttribute('role', 'group');
        box.setAttribute('aria-label', name);
      }
      this.#focusable.set(box, name);
    } else if (this.#focusable.has(box)) {
      const name = this.#focusable.get(box);
      box.removeAttribute('tabindex');
      if (name !== undefined) {
        box.removeAttribute('aria-label');
        box.removeAttribute('role');
      }
      this.#focusable.delete(box);
    }
  }
}

/** Skipped boxes measured in one idle callback: one layout of their copies. */
const boxesPerIdleCall = 32;

/** The nearest ancestor of a skipped `box` that the browser lays out; undefined if `box` is not skipped (or has no such ancestor). */
function shownAncestor(box: Element): HTMLElement | undefined {
  // Not rendered at all (display: none), or laid out: measured as it is.
  if (!box.checkVisibility() || box.checkVisibility({ contentVisibilityAuto: true })) return undefined;
  for (let node = box.parentElement; node; node = node.parentElement) if (node.checkVisibility({ contentVisibilityAuto: true })) return node;
  return undefined;
}

/** The elements between `ancestor` and `box`, outermost first. */
function blocksBetween(ancestor: Element, box: Element): Element[] {
  const blocks: Element[] = [];
  for (let node = box.parentElement; node && node !== ancestor; node = node.parentElement) blocks.unshift(node);
  return blocks;
}

// Safari has no requestIdleCallback: a short timer stands in for it, with a slice of 8 ms.
const whenIdle = (callback: IdleRequestCallback): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(callback)
    : (setTimeout(() => {
        const end = performance.now() + 8;
        callback({ didTimeout: false, timeRemaining: () => Math.max(0, end - performance.now()) });
      }, 50) as unknown as number);
const cancelIdle = (handle: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));

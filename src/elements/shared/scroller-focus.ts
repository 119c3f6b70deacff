import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Messages } from '../../core/messages.js';
import { lazyModule } from './lazy-module.js';
import type { SkippedBox } from './measure-on-copies.js';

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
// browser paints; a few hundred boxes. Which parts are skipped is learnt from
// the browser's events as they change, not asked (asking brings the styles of
// the whole skipped part up to date); where those events are missing, the box
// itself is measured, as before. This waits for true idleness, never for a
// deadline: a busy page is not interrupted. Each box that overflows has a
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
  /** The elements with `content-visibility: auto` whose content the browser skips now. */
  readonly #skipping = new WeakSet<Element>();
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
    // Dispatched on each such element when it starts and stops being skipped, first as it is rendered.
    root.addEventListener('contentvisibilityautostatechange', this.#onSkipChange, { capture: true });
    this.#observeWithin(root);
  }

  hostDisconnected(): void {
    this.#mutations?.disconnect();
    this.#resizes?.disconnect();
    this.options.root().removeEventListener('contentvisibilityautostatechange', this.#onSkipChange, { capture: true });
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
    if (deadline.timeRemaining() >= 1) void this.#measureCopies(batch).catch(() => undefined);
    if (this.#unmeasured.size > 0) this.#idle = whenIdle(this.#measureUnmeasured);
  };

  /**
   * Measures each box, a skipped one on a copy beside the part the browser skips, once the module that does
   * that is loaded. The boxes leave the unmeasured set now: were the module never to load, each is measured
   * when it comes near and has a size to observe.
   */
  async #measureCopies(boxes: Element[]): Promise<void> {
    const skipped = boxes.filter((box) => this.#outermostSkipped(box));
    for (const box of boxes) if (!skipped.includes(box)) this.#measure(box);
    for (const box of skipped) this.#unmeasured.delete(box);
    if (skipped.length === 0) return;
    const { overflowsOnCopies } = await measuring.load();
    const still: SkippedBox[] = [];
    for (const box of skipped) {
      const outermost = this.#outermostSkipped(box);
      if (outermost && box.isConnected) still.push({ box, skipped: outermost });
      else if (box.isConnected) this.#measure(box);
    }
    overflowsOnCopies(still, (copy) => this.#copies.add(copy)).forEach((overflows, index) => this.#apply(still[index].box, overflows));
  }

  /**
   * The outermost ancestor of `box` whose content the browser skips, if any, as its events told:
   * asking the browser instead (`checkVisibility`) would bring the styles of that whole content up to date.
   */
  #outermostSkipped(box: Element): HTMLElement | undefined {
    let outermost: HTMLElement | undefined;
    for (let node = box.parentElement; node; node = node.parentElement) if (this.#skipping.has(node)) outermost = node as HTMLElement;
    return outermost;
  }

  readonly #onSkipChange = (event: Event): void => {
    const target = event.target as Element;
    if ((event as ContentVisibilityAutoStateChangeEvent).skipped) this.#skipping.add(target);
    else this.#skipping.delete(target);
  };

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
const boxesPerIdleCall = 16;

const measuring = lazyModule(() => import('./measure-on-copies.js'));

// Safari has no requestIdleCallback: a short timer stands in for it, with a slice of 8 ms.
const whenIdle = (callback: IdleRequestCallback): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(callback)
    : (setTimeout(() => {
        const end = performance.now() + 8;
        callback({ didTimeout: false, timeRemaining: () => Math.max(0, end - performance.now()) });
      }, 50) as unknown as number);
const cancelIdle = (handle: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PostBlocks } from '../../core/post-blocks.js';
import type { RenderedMarkdown } from '../../core/render-markdown.js';
import { farHeightClass } from './deferred-block-styles.js';
import { afterNextPaint, runInSlices, yieldToBrowser } from '../shared/yield-to-browser.js';

// Shows an article a piece at a time, so that the first screen does not wait
// for the rest and no task blocks the page for long:
// - the post is prepared (parsed, numbered) in slices;
// - the blocks that fill the first viewport are appended and their formulas
//   typeset before the first paint;
// - the rest is appended in slices after that paint, its formulas left as
//   their TeX; each block is typeset when it comes within a viewport and a
//   half of the visible area (IntersectionObserver), and is skipped by style
//   and layout until it is near (`content-visibility: auto`, with a size
//   estimate that the browser replaces by the real size once it has seen it);
// - printing, `typesetAll()` and a jump to an id (`reveal`) typeset first.
// The numbering is the whole post's, so ids and links work from the first slice.
// A very long post is also given with its beginning alone (`head`): that is
// prepared first and its first screen shown while the whole post is
// prepared; then the blocks shown are kept where the whole post renders them
// the same (a reference to a later equation, say, differs) and replaced from
// the first that does not.

/** Milliseconds of work between two yields to the browser. */
const sliceBudget = 8;
/**
 * Blocks in a first screen at most, and milliseconds: bounds for an article
 * that never fills the viewport (inside something scrolled or clipped).
 * KaTeX's first formulas on a page are slow while it warms up, so the time
 * bound is generous; a hidden article stops at its first block.
 */
const firstScreenBlocks = 200;
const firstScreenBudget = 300;
/** A post with this few formulas is typeset whole as it is appended: deferring would save little. */
const eagerFormulaLimit = 24;
/** Blocks typeset around a jump target, so what surrounds it has its final size when it is scrolled to. */
const blocksAroundTarget = 4;

export interface ProgressiveArticleOptions {
  /** The element the blocks go into, once rendered. */
  content(): HTMLElement | null;
  /** The first screen is in: ids of the blocks so far exist. For a post shown from its beginning, again once the whole post's blocks have taken over. */
  onFirstScreen(): void;
  /** Every block is in. */
  onComplete(result: RenderedMarkdown): void;
}

interface Job {
  steps: Generator<void, PostBlocks>;
  /** The beginning of a long post alone, to show its first screen sooner. */
  head?: Generator<void, PostBlocks>;
  blocks?: PostBlocks;
  /** Index of the next block to append. */
  next: number;
  /** The element nodes of each appended block. */
  elements: Element[][];
  started: boolean;
  /** Resolves with the content once the first screen is in, or with null if the job is replaced first. */
  content: Promise<HTMLElement | null>;
  showContent(content: HTMLElement | null): void;
  /** Height estimate per character of markdown, measured on the first screen. */
  pixelsPerChar: number;
}

export class ProgressiveArticle implements ReactiveController {
  /** The work under way (preparing, appending); undefined once the whole article is in. */
  pending: Promise<void> | undefined;

  #job?: Job;
  /** The result of the post on show, kept while the next one is prepared. */
  #result?: RenderedMarkdown;
  #observer?: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ProgressiveArticleOptions,
  ) {
    host.addController(this);
  }

  /** The whole post's result (for a table of contents), once it is prepared. */
  get result(): RenderedMarkdown | undefined {
    return this.#result;
  }

  /** Whether there are blocks to show: the whole post's, or its beginning's while the rest is prepared. */
  get hasBlocks(): boolean {
    return this.#job?.blocks !== undefined || this.#result !== undefined;
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver(this.#onIntersect, { rootMargin: '150% 0px' });
    for (const elements of this.#job?.elements ?? []) for (const element of elements) if (hasPlaceholder(element)) this.#observer.observe(element);
    window.addEventListener('beforeprint', this.typesetAll);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    window.removeEventListener('beforeprint', this.typesetAll);
  }

  /**
   * Starts showing a new post; the old one stays until the new one's first
   * screen replaces it. `head`, the same steps for the post's beginning alone,
   * gives that first screen sooner.
   */
  show(steps: Generator<void, PostBlocks>, head?: Generator<void, PostBlocks>): void {
    this.#job?.showContent(null);
    let showContent!: Job['showContent'];
    const content = new Promise<HTMLElement | null>((resolve) => (showContent = resolve));
    const job: Job = { steps, head, next: 0, elements: [], started: false, content, showContent, pixelsPerChar: 0.5 };
    this.#job = job;
    const pending = (this.pending = this.#run(job).finally(() => {
      if (this.pending === pending) this.pending = undefined;
    }));
  }

  /** Forgets the post (there is none to show). */
  clear(): void {
    this.#job?.showContent(null);
    this.#job = undefined;
    this.#result = undefined;
    this.#observer?.disconnect();
  }

  async #run(job: Job): Promise<void> {
    const replaced = () => this.#job !== job;
    if (job.head) {
      const head = await runInSlices(job.head, replaced, sliceBudget);
      if (!head || replaced()) return;
      job.blocks = head;
      this.host.requestUpdate();
      if (!(await job.content) || replaced()) return;
    }
    const blocks = await runInSlices(job.steps, replaced, sliceBudget);
    if (!blocks || replaced()) return;
    const shown = job.blocks;
    job.blocks = blocks;
    this.#result = blocks.result;
    this.host.requestUpdate();
    const content = await job.content;
    if (!content || replaced()) return;
    if (shown) {
      this.#keepWhatMatches(job, content, shown);
      this.options.onFirstScreen();
    }
    await afterNextPaint();
    while (job.next < blocks.blocks.length) {
      if (replaced()) return;
      const start = performance.now();
      while (job.next < blocks.blocks.length && performance.now() - start < sliceBudget) this.#append(job, content, 'later');
      await yieldToBrowser();
    }
    if (!replaced()) this.options.onComplete(blocks.result);
  }

  hostUpdated(): void {
    const job = this.#job;
    const content = this.options.content();
    if (!job?.blocks || job.started || !content) return;
    job.started = true;
    this.#observer?.disconnect();
    content.replaceChildren();
    this.#fillFirstScreen(job, content);
    job.showContent(content);
    this.options.onFirstScreen();
  }

  /**
   * After the whole post is prepared: keeps the blocks shown from its
   * beginning up to the first that the whole post renders otherwise, and
   * shows the whole post's blocks from there, as many as were on show.
   */
  #keepWhatMatches(job: Job, content: HTMLElement, shown: PostBlocks): void {
    const whole = job.blocks!;
    const onShow = job.next;
    let same = 0;
    while (same < onShow && same < whole.blocks.length && sameBlock(shown, whole, same)) same++;
    for (const elements of job.elements.splice(same)) {
      for (const element of elements) {
        this.#observer?.unobserve(element);
        element.remove();
      }
    }
    job.next = same;
    while (job.next < Math.min(onShow, whole.blocks.length)) this.#append(job, content, 'now');
  }

  /** Appends and typesets blocks until the viewport is filled, then measures them for the estimates of the rest. */
  #fillFirstScreen(job: Job, content: HTMLElement): void {
    const { blocks } = job.blocks!;
    const start = performance.now();
    let chars = 0;
    while (job.next < blocks.length) {
      chars += blocks[job.next].chars;
      this.#append(job, content, 'now');
      const hidden = content.getClientRects().length === 0;
      const filled = content.getBoundingClientRect().bottom >= window.innerHeight;
      if (hidden || filled || job.next >= firstScreenBlocks || performance.now() - start > firstScreenBudget) break;
    }
    const height = content.getBoundingClientRect().height;
    if (chars > 0 && height > 0) job.pixelsPerChar = Math.min(Math.max(height / chars, 0.05), 4);
  }

  #append(job: Job, content: HTMLElement, when: 'now' | 'later'): Element[] {
    const blocks = job.blocks!;
    const index = job.next++;
    const template = document.createElement('template');
    template.innerHTML = blocks.blockHtml(index);
    const elements = [...template.content.children];
    job.elements[index] = elements;
    const eager = when === 'now' || blocks.formulaCount <= eagerFormulaLimit;
    for (const element of elements) {
      if (eager) this.#typesetWithin(job, element);
      if (when === 'later') {
        // Skipped by style and layout until near the viewport; the estimate holds its place, `auto` keeps the real size once seen.
        const estimate = (blocks.blocks[index].chars * job.pixelsPerChar) / elements.length;
        element.setAttribute('data-sb-far', String(farHeightClass(estimate)));
      }
      if (!eager && hasPlaceholder(element)) this.#observer?.observe(element);
    }
    content.append(template.content);
    return elements;
  }

  #typesetWithin(job: Job, root: Element): void {
    for (const placeholder of root.querySelectorAll<HTMLElement>('[data-sb-formula]')) {
      placeholder.outerHTML = job.blocks!.formulaHtml(Number(placeholder.dataset.sbFormula));
    }
  }

  readonly #onIntersect = (entries: IntersectionObserverEntry[]): void => {
    const job = this.#job;
    if (!job?.blocks) return;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.#observer?.unobserve(entry.target);
      this.#typesetWithin(job, entry.target);
    }
  };

  /** Appends every block and typesets every formula: before printing, or for a caller that needs the finished article. */
  readonly typesetAll = (): void => {
    const job = this.#job;
    const content = this.options.content();
    if (!job?.blocks || !job.started || !content) return;
    while (job.next < job.blocks.blocks.length) this.#append(job, content, 'later');
    this.#observer?.disconnect();
    this.#typesetWithin(job, content);
  };

  /**
   * Makes the block holding `id` ready to be scrolled to: appended (with
   * every block before it) and typeset, with a few blocks around it.
   */
  reveal(id: string): void {
    const job = this.#job;
    const content = this.options.content();
    const index = job?.blocks?.blockOf(id);
    if (!job?.started || !content || index === undefined) return;
    while (job.next <= Math.min(index + blocksAroundTarget, job.blocks!.blocks.length - 1)) this.#append(job, content, 'later');
    for (let near = Math.max(0, index - blocksAroundTarget); near <= index + blocksAroundTarget; near++) {
      for (const element of job.elements[near] ?? []) {
        this.#observer?.unobserve(element);
        this.#typesetWithin(job, element);
      }
    }
  }
}

/** Whether block `index` renders the same in both: its lines, its HTML and its formulas. */
function sameBlock(a: PostBlocks, b: PostBlocks, index: number): boolean {
  const [x, y] = [a.blocks[index], b.blocks[index]];
  if (x.lines?.[0] !== y.lines?.[0] || x.lines?.[1] !== y.lines?.[1]) return false;
  const html = a.blockHtml(index);
  if (html !== b.blockHtml(index)) return false;
  for (const [, formula] of html.matchAll(/data-sb-formula="(\d+)"/g)) {
    if (a.formulaHtml(Number(formula)) !== b.formulaHtml(Number(formula))) return false;
  }
  return true;
}

function hasPlaceholder(element: Element): boolean {
  return element.querySelector('[data-sb-formula]') !== null;
}

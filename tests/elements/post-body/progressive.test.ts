import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';
// @ts-expect-error: plain JavaScript, shared with the benchmarks.
import { generatePost } from '../../../bench/generate-post.mjs';

// What a reader of a long post sees when it is rendered in the browser: the
// first screen at once, far formulas typeset as they come near, nothing
// moving, and no long freeze. Everything is counted, nothing timed.

/** A post of `sections` alike sections, each with three formulas: the same beginning at every length. */
function post(sections: number): string {
  return Array.from(
    { length: sections },
    (_, i) => `## Section ${i}\n\nInline $a_{${i}} + b^{${i}}$ and $\\frac{${i}}{2}$ in a paragraph of text that runs on for a while.\n\n$$\\sum_{k=1}^{${i}} k^2 = \\frac{n(n+1)(2n+1)}{6}$$\n`,
  ).join('\n');
}

const contentOf = (el: PostBodyElement) => el.shadowRoot!.querySelector('[part="content"]')!;
const placeholders = (el: PostBodyElement) => contentOf(el).querySelectorAll('[data-sb-formula]');
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Runs `look` the moment `check` first holds for the element's shadow root:
 * in the microtask after the DOM change, before any later task of the
 * element's work. Polling once a frame would look too late on a fast machine,
 * where the whole post can be prepared between two frames.
 */
function whenShown<T>(el: HTMLElement, check: () => unknown, look: () => T): Promise<T> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve(look());
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  });
}

/** A page with the article and a footer after it. */
async function page(markdown: string): Promise<{ el: PostBodyElement; footer: HTMLElement }> {
  const host = await fixture<HTMLDivElement>(`<div><post-body></post-body><footer>Footer</footer></div>`);
  const el = host.querySelector('post-body')!;
  el.markdown = markdown;
  await el.updateComplete;
  return { el, footer: host.querySelector('footer')! };
}

/** Shows the post and reads the first frame in which its article is on screen, in that frame's animation callback (before it is painted). */
async function firstFrame(markdown: string): Promise<{ typeset: number; inView: number; typesetBelow: number; el: PostBodyElement }> {
  const host = await fixture<HTMLDivElement>(`<div></div>`);
  const el = document.createElement('post-body');
  el.markdown = markdown;
  host.append(el);
  for (;;) {
    await nextFrame();
    const content = el.shadowRoot?.querySelector('[part="content"]');
    if (!content?.firstElementChild) continue;
    const formulas = [...content.querySelectorAll('.katex, [data-sb-formula]')];
    const top = (formula: Element) => formula.getBoundingClientRect().top;
    return {
      typeset: content.querySelectorAll('.katex').length,
      inView: formulas.filter((formula) => top(formula) < innerHeight).length,
      // Typeset formulas in a block that starts below the first screen.
      typesetBelow: [...content.querySelectorAll('.katex')].filter((formula) => formula.closest('[part="content"] > *')!.getBoundingClientRect().top >= innerHeight).length,
      el,
    };
  }
}

describe('post-body in the browser, a long post', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    scrollTo(0, 0);
  });

  it('typesets only the formulas of the first screen before its first paint, however long the post', async () => {
    const short = await firstFrame(post(70)); // about 200 formulas
    short.el.parentElement!.remove(); // so that the next one starts at the top of the page too
    const long = await firstFrame(post(700)); // about 2 000
    for (const frame of [short, long]) {
      expect(frame.typeset, 'every formula on the first screen is typeset').to.be.at.least(frame.inView);
      expect(frame.typesetBelow, 'formulas further down wait').to.equal(0);
      expect(frame.typeset).to.be.below(60);
    }
    expect(long.typeset, 'the same work for a post ten times as long').to.equal(short.typeset);
    await long.el.updateComplete;
    expect(placeholders(long.el).length, 'formulas further down are still to typeset').to.be.above(1000);
  });

  it('typesets a far formula when it is scrolled near the viewport', async () => {
    const { el } = await page(post(200));
    const far = [...placeholders(el)].at(-1)!;
    const block = far.closest('[part="content"] > *')!;
    expect(block.querySelector('.katex')).to.equal(null);
    block.scrollIntoView();
    await waitUntil(() => block.querySelector('.katex') && !block.querySelector('[data-sb-formula]'), 'the formula scrolled to was not typeset');
  });

  it('moves nothing on the page while the reader scrolls through and the formulas are typeset', async () => {
    const { el, footer } = await page(post(150));
    let shifted = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifted += entry.value;
    });
    observer.observe({ type: 'layout-shift' });
    for (let y = 0; y < footer.getBoundingClientRect().bottom + scrollY; y += innerHeight / 2) {
      scrollTo(0, y);
      await nextFrame();
      await nextFrame();
    }
    await waitUntil(() => placeholders(el).length === 0, 'scrolling through did not typeset every formula');
    await nextFrame();
    observer.disconnect();
    expect(shifted, 'layout shift (CLS) while scrolling through').to.be.at.most(0.01);
  });

  it('typesets everything before printing', async () => {
    const { el } = await page(post(150));
    expect(placeholders(el).length).to.be.above(0);
    window.dispatchEvent(new Event('beforeprint'));
    expect(placeholders(el).length).to.equal(0);
    expect(contentOf(el).querySelectorAll('.katex').length).to.equal(450);
  });

  it('scrolls an \\eqref to a far equation and shows it typeset', async () => {
    const { el } = await page(`See \\eqref{far}.\n\n${post(150)}\n\\begin{equation}\\zeta(s) = \\sum_n n^{-s} \\label{far}\\end{equation}\n\nThe end.`);
    const equation = contentOf(el).querySelector('#eq-far')!;
    expect(equation.querySelector('.katex')).to.equal(null);
    (contentOf(el).querySelector('a.sb-eqref') as HTMLElement).click();
    expect(equation.querySelector('.katex'), 'typeset before it is scrolled to').to.exist;
    await waitUntil(() => {
      const { top, bottom } = equation.getBoundingClientRect();
      return top >= 0 && bottom <= innerHeight;
    }, 'the equation did not scroll into view');
    expect(equation.querySelector('.katex-tag')!.textContent).to.contain('(1)');
  });

  it('scrolls to a far equation named in the URL when the post opens', async () => {
    history.replaceState(null, '', '#eq-late');
    const { el } = await page(`${post(150)}\n\\begin{equation}y = 2 \\label{late}\\end{equation}`);
    const equation = contentOf(el).querySelector('#eq-late')!;
    await waitUntil(() => equation.getBoundingClientRect().top < innerHeight && equation.querySelector('.katex'), 'the equation named in the URL is not in view, typeset');
  });

  it('has the TeX of formulas not yet typeset in its text, for find-in-page', async () => {
    const { el } = await page(`${post(150)}\nA last formula $\\Omega_{far}$ to find.`);
    expect(contentOf(el).querySelector('p:last-child .katex')).to.equal(null);
    expect(contentOf(el).textContent).to.contain('\\Omega_{far}');
  });

  it('shows a long post\'s first screen from its beginning, then the whole post\'s numbers and links in it, without duplicating a block', async function () {
    this.timeout(120_000);
    const opening = 'See \\eqref{last} and [the notes][notes] before reading on.';
    const ending = '$$E = mc^2 \\label{last}$$\n\n[notes]: https://example.org/notes\n';
    const sections = Math.ceil(450_000 / post(1).length);
    const host = await fixture<HTMLDivElement>(`<div></div>`);
    const el = document.createElement('post-body');
    el.markdown = `# Title\n\n${opening}\n\n${post(sections)}\n\n${ending}`;
    host.append(el);
    const { title, openingBefore, wholePreparedAtFirstScreen } = await whenShown(
      el,
      () => el.shadowRoot!.querySelector('[part="content"] h1 + p'),
      () => ({
        title: contentOf(el).querySelector('h1'),
        openingBefore: contentOf(el).querySelector('h1 + p')!.textContent,
        wholePreparedAtFirstScreen: el.result !== undefined,
      }),
    );
    await el.updateComplete;
    const openingAfter = contentOf(el).querySelector('h1 + p')!;
    const numbered = el.result!.equations.find((equation) => equation.label === 'last')!.number;
    expect(wholePreparedAtFirstScreen).to.equal(false);
    expect(openingBefore).to.contain('(??)');
    expect(openingAfter.textContent).to.contain(`(${numbered})`);
    expect(openingAfter.querySelector('a[href="https://example.org/notes"]')).to.not.equal(null);
    expect(contentOf(el).querySelector('h1'), 'a block the whole post renders the same is kept').to.equal(title);
    expect(contentOf(el).querySelectorAll('h1').length).to.equal(1);
    expect(contentOf(el).querySelectorAll('h1 + p').length).to.equal(1);
    expect(contentOf(el).querySelectorAll('h2').length).to.equal(sections);
  });

  it('shows the first screen of a 5 MB post, and lets the page paint again and again while the rest arrives', async function () {
    this.timeout(180_000);
    const { source } = generatePost({ formulas: 200 }) as { source: string };
    const body = source.replace(/^---[\s\S]*?---\n/, '');
    const copies = Math.ceil(5_000_000 / body.length);
    const markdown = Array.from({ length: copies }, (_, i) => body.replaceAll('\\label{', `\\label{c${i}-`).replaceAll('\\eqref{', `\\eqref{c${i}-`)).join('\n\n');
    // Counted, not timed: how often the work gave the browser its turn, and in how many
    // painted frames the reader saw the article grow. A post appended in one piece grows in
    // one frame; how many frames a loaded machine paints in between is not the element's to
    // promise, so the count asked for is small.
    const scheduler = (globalThis as unknown as { scheduler: { yield(): Promise<void> } }).scheduler;
    const yieldToBrowser = scheduler.yield;
    let yields = 0;
    scheduler.yield = function () {
      yields++;
      return yieldToBrowser.call(this);
    };
    let framesWithGrowth = 0;
    let blocksSeen = 0;
    let working = true;
    let el: PostBodyElement | undefined;
    const countFrames = () => {
      const blocks = el?.shadowRoot?.querySelector('[part="content"]')?.children.length ?? 0;
      if (blocks > blocksSeen) framesWithGrowth++;
      blocksSeen = blocks;
      if (working) requestAnimationFrame(countFrames);
    };
    try {
      const host = await fixture<HTMLDivElement>(`<div></div>`);
      el = document.createElement('post-body');
      el.markdown = markdown;
      host.append(el);
      requestAnimationFrame(countFrames);
      // The first screen came from the post's beginning: the whole 5 MB was still being prepared.
      const { firstScreenBlocks, wholePreparedAtFirstScreen } = await whenShown(
        el,
        () => el!.shadowRoot!.querySelector('[part="content"] .katex'),
        () => ({ firstScreenBlocks: contentOf(el!).children.length, wholePreparedAtFirstScreen: el!.result !== undefined }),
      );
      await el.updateComplete;
      await nextFrame();
      expect(wholePreparedAtFirstScreen).to.equal(false);
      expect(firstScreenBlocks).to.be.below(200);
      expect(contentOf(el).children.length).to.be.above(10_000);
      // 5 MB parsed, numbered and appended in slices of a few milliseconds each: even a
      // machine that did it all in a quarter of a second would have yielded 30 times.
      expect(yields, 'times the work yielded to the browser').to.be.above(30);
      expect(framesWithGrowth, 'painted frames in which the article had grown').to.be.above(5);
    } finally {
      working = false;
      scheduler.yield = yieldToBrowser;
    }
  });
});

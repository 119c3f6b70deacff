import { expect, fixture, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';

const article = String.raw`See \eqref{eq:energy}, [the heading](#later) or [the note](#note).

\begin{equation}
E = mc^2 \label{eq:energy}
\end{equation}

<p id="note">A note the article keeps further on.</p>

## Later

The end.`;

// A test page loads hundreds of modules, more than the browser keeps timings of by default.
performance.setResourceTimingBufferSize(100_000);
/** Whether the page has fetched the previews' code (the trigger's and the styles' files are others). */
const previewsLoaded = () => performance.getEntriesByType('resource').some((entry) => /\/reference-preview\.(?:js|ts)(?:\?|$)/.test(entry.name));
const contentOf = (el: PostBodyElement) => el.shadowRoot!.querySelector('[part="content"]')!;
const previewOf = (el: PostBodyElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="preview"]');
const isShown = (preview: HTMLElement | null) => preview !== null && (preview.hasAttribute('popover') ? preview.matches(':popover-open') : !preview.hidden);
const linkTo = (el: PostBodyElement, href: string) => contentOf(el).querySelector<HTMLAnchorElement>(`a[href="${href}"]`)!;
/** Longer than any of the previews' delays: for checking that something does not happen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

async function postBody(markdown: string, { attributes = '', style = '' } = {}): Promise<PostBodyElement> {
  const host = await fixture<HTMLDivElement>(`<div style="${style}"><post-body ${attributes}></post-body></div>`);
  const el = host.querySelector('post-body')!;
  el.markdown = markdown;
  await el.updateComplete;
  return el;
}

async function pointAt(element: Element): Promise<void> {
  const { left, top, width, height } = element.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(left + width / 2), Math.round(top + height / 2)] });
}

async function shownPreview(el: PostBodyElement): Promise<HTMLElement> {
  await waitUntil(() => isShown(previewOf(el)), 'no preview shown');
  return previewOf(el)!;
}

function expectInViewport(element: Element): void {
  const { left, top, right, bottom } = element.getBoundingClientRect();
  expect(left, 'left').to.be.at.least(0);
  expect(top, 'top').to.be.at.least(0);
  expect(right, 'right').to.be.at.most(document.documentElement.clientWidth);
  expect(bottom, 'bottom').to.be.at.most(document.documentElement.clientHeight);
}

function tap(target: Element): void {
  const init = { bubbles: true, composed: true, cancelable: true, pointerType: 'touch', isPrimary: true, button: 0 };
  target.dispatchEvent(new PointerEvent('pointerdown', init));
  target.dispatchEvent(new PointerEvent('pointerup', init));
  target.dispatchEvent(new PointerEvent('click', init));
}

describe('post-body reference previews', () => {
  afterEach(async () => {
    await resetMouse();
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  describe('mouse', () => {
    it('shows the equation a hovered reference points to, typeset as on the page, beside the link and inside the viewport', async () => {
      const el = await postBody(article);
      // The first test of the file: nothing has loaded the previews yet.
      expect(previewOf(el), 'nothing is made before a reader comes to a link').to.equal(null);
      expect(previewsLoaded(), 'the previews\' code is loaded before a reader comes to a link').to.be.false;
      const link = linkTo(el, '#eq-eq:energy');
      await pointAt(link);
      const preview = await shownPreview(el);
      expect(previewsLoaded()).to.be.true;
      expect(preview.getAttribute('role')).to.equal('tooltip');
      expect(link.getAttribute('aria-describedby')).to.equal(preview.id);
      expect(preview.querySelector('.katex-display')).to.exist;
      expect(preview.querySelector('.katex-tag')!.textContent).to.contain('(1)');
      expect(preview.querySelectorAll('[id]'), 'the copy has no ids to collide with the article\'s').to.have.length(0);
      expect(preview.hasAttribute('popover'), 'in the top layer').to.be.true;
      expectInViewport(preview);
      expect(preview.getBoundingClientRect().top).to.be.at.least(link.getBoundingClientRect().bottom);
    });

    it('keeps the preview while the pointer moves into it, and hides it when the pointer leaves both', async () => {
      const el = await postBody(article);
      const link = linkTo(el, '#eq-eq:energy');
      await pointAt(link);
      const preview = await shownPreview(el);
      await pointAt(preview);
      await settle();
      expect(isShown(preview), 'hid while the pointer was on it').to.be.true;
      await sendMouse({ type: 'move', position: [790, 590] });
      await waitUntil(() => !isShown(preview), 'preview stayed after the pointer left');
      expect(link.hasAttribute('aria-describedby')).to.be.false;
    });

    it('hides when the pointer leaves the link', async () => {
      const el = await postBody(article);
      await pointAt(linkTo(el, '#eq-eq:energy'));
      const preview = await shownPreview(el);
      await pointAt(contentOf(el).querySelector('h2')!);
      await waitUntil(() => !isShown(preview), 'preview stayed after the pointer left');
    });

    it('flips above a reference near the bottom right corner and stays inside the viewport', async () => {
      const el = await postBody(String.raw`\begin{equation}\int_0^1 x^2\,dx = \frac{1}{3} \label{eq:corner}\end{equation}

${'Filler paragraph.\n\n'.repeat(40)}So by \eqref{eq:corner} we are done.`, { style: 'margin-left: 560px; width: 220px' });
      const link = linkTo(el, '#eq-eq:corner');
      link.scrollIntoView({ block: 'end' });
      expect(link.getBoundingClientRect().right).to.be.greaterThan(document.documentElement.clientWidth - 250);
      await pointAt(link);
      const preview = await shownPreview(el);
      expectInViewport(preview);
      expect(preview.getBoundingClientRect().bottom).to.be.at.most(link.getBoundingClientRect().top);
      expect(preview.querySelector('.katex')).to.exist;
    });

    it('shows a link to any other place in the article, but not a link to a heading', async () => {
      const el = await postBody(article);
      await pointAt(linkTo(el, '#later'));
      await settle();
      expect(isShown(previewOf(el)), 'previewed a heading').to.be.false;
      await pointAt(linkTo(el, '#note'));
      const preview = await shownPreview(el);
      expect(preview.textContent).to.equal('A note the article keeps further on.');
    });

    it('shows the whole block around a target inside a line', async () => {
      const el = await postBody('Back to [the mark](#mark).\n\n<p>A paragraph with <span id="mark">a mark</span> in it.</p>');
      await pointAt(linkTo(el, '#mark'));
      expect((await shownPreview(el)).textContent).to.equal('A paragraph with a mark in it.');
    });

    it('typesets a far formula before showing it', async () => {
      const many = Array.from({ length: 120 }, (_, i) => `Step $x_{${i}} = ${i}$.`).join('\n\n');
      const el = await postBody(String.raw`By \eqref{eq:far}.

${many}

\begin{equation}y = \sqrt{2} \label{eq:far}\end{equation}`);
      expect(contentOf(el).querySelector('#eq-eq\\:far [data-sb-formula]'), 'the far formula waits to be typeset').to.exist;
      await pointAt(linkTo(el, '#eq-eq:far'));
      const preview = await shownPreview(el);
      expect(preview.querySelector('.katex-display')).to.exist;
      expect(preview.querySelector('[data-sb-formula]')).to.equal(null);
    });

    it('draws an equation wider than a phone\'s preview smaller, so that its number shows', async () => {
      await setViewport({ width: 360, height: 640 });
      try {
        const wide = Array.from({ length: 10 }, (_, i) => `x_{${i}}`).join('+');
        const el = await postBody(String.raw`See \eqref{eq:wide}.

\begin{equation}${wide} \label{eq:wide}\end{equation}`);
        await pointAt(linkTo(el, '#eq-eq:wide'));
        const preview = await shownPreview(el);
        expectInViewport(preview);
        const tag = preview.querySelector('.katex-tag')!.getBoundingClientRect();
        expect(tag.right).to.be.at.most(preview.getBoundingClientRect().right);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('shows a figure whole, its picture smaller and its caption in view', async () => {
      const el = await postBody(`See @fig:walk.\n\n${'Filler paragraph.\n\n'.repeat(40)}![The expected exit time of a fair walk](/demo/images/exit-time.svg){#fig:walk}`);
      const picture = contentOf(el).querySelector<HTMLImageElement>('figure img')!;
      await waitUntil(() => picture.complete && picture.naturalWidth > 0, 'the picture did not load');
      await pointAt(linkTo(el, '#fig-walk'));
      const preview = await shownPreview(el);
      const body = preview.firstElementChild as HTMLElement;
      expect(body.hasAttribute('data-clipped'), 'the figure is cut off').to.be.false;
      const caption = preview.querySelector('figcaption')!;
      expect(caption.textContent).to.equal('Figure 1: The expected exit time of a fair walk');
      expect(caption.getBoundingClientRect().bottom).to.be.at.most(body.getBoundingClientRect().bottom);
      expectInViewport(preview);
    });

    it('cuts a long target at the preview\'s height', async () => {
      const long = Array.from({ length: 40 }, (_, i) => `Line ${i} of a long note.`).join('<br>');
      const el = await postBody(`See [the long note](#long).\n\n<p id="long">${long}</p>`);
      await pointAt(linkTo(el, '#long'));
      const preview = await shownPreview(el);
      const body = preview.firstElementChild as HTMLElement;
      expect(body.scrollHeight).to.be.greaterThan(body.clientHeight);
      expect(body.hasAttribute('data-clipped')).to.be.true;
      expectInViewport(preview);
    });
  });

  describe('keyboard', () => {
    it('shows the preview of a focused reference, and Escape hides it', async () => {
      const el = await postBody(article);
      const link = linkTo(el, '#eq-eq:energy');
      link.focus();
      const preview = await shownPreview(el);
      expect(link.getAttribute('aria-describedby')).to.equal(preview.id);
      await sendKeys({ press: 'Escape' });
      expect(isShown(preview)).to.be.false;
      expect(el.shadowRoot!.activeElement, 'focus stays on the link').to.equal(link);
    });

    it('hides the preview when Tab moves on', async () => {
      const el = await postBody(article);
      const link = linkTo(el, '#eq-eq:energy');
      link.focus();
      const preview = await shownPreview(el);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(linkTo(el, '#later'));
      await waitUntil(() => !isShown(preview), 'preview stayed after Tab');
      expect(link.hasAttribute('aria-describedby')).to.be.false;
    });
  });

  describe('touch', () => {
    it('shows the preview on the first tap without following the link, and follows it on the second', async () => {
      const el = await postBody(`${article}\n\n${'Filler paragraph.\n\n'.repeat(60)}`);
      const link = linkTo(el, '#eq-eq:energy');
      tap(link);
      const preview = await shownPreview(el);
      expect(location.hash).to.equal('');
      expect(preview.querySelector('.katex-tag')!.textContent).to.contain('(1)');
      tap(link);
      expect(decodeURIComponent(location.hash)).to.equal('#eq-eq:energy');
      expect(isShown(preview)).to.be.false;
    });

    it('follows a tapped link to a heading at once', async () => {
      const el = await postBody(article);
      tap(linkTo(el, '#later'));
      expect(location.hash).to.equal('#later');
    });
  });

  describe('without the Popover API', () => {
    it('shows the preview as an absolutely positioned element inside the viewport', async () => {
      const showPopover = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'showPopover')!;
      delete (HTMLElement.prototype as Partial<HTMLElement>).showPopover;
      try {
        const el = await postBody(article, { style: 'margin-left: 560px; width: 220px' });
        const link = linkTo(el, '#eq-eq:energy');
        await pointAt(link);
        const preview = await shownPreview(el);
        expect(preview.hasAttribute('popover')).to.be.false;
        expect(getComputedStyle(preview).position).to.equal('absolute');
        expect(preview.querySelector('.katex-tag')!.textContent).to.contain('(1)');
        expectInViewport(preview);
        await sendMouse({ type: 'move', position: [5, 590] });
        await waitUntil(() => !isShown(preview), 'preview stayed after the pointer left');
      } finally {
        Object.defineProperty(HTMLElement.prototype, 'showPopover', showPopover);
      }
    });
  });

  describe('no-previews', () => {
    it('shows no preview, and the links still work', async () => {
      const el = await postBody(article, { attributes: 'no-previews' });
      const link = linkTo(el, '#eq-eq:energy');
      await pointAt(link);
      link.focus();
      await settle();
      expect(previewOf(el)).to.equal(null);
      tap(link);
      expect(decodeURIComponent(location.hash)).to.equal('#eq-eq:energy');
    });

    it('hides a preview on show when previews are turned off', async () => {
      const el = await postBody(article);
      await pointAt(linkTo(el, '#eq-eq:energy'));
      const preview = await shownPreview(el);
      el.noPreviews = true;
      await el.updateComplete;
      expect(isShown(preview)).to.be.false;
    });
  });

  describe('no-shadow', () => {
    it('puts the preview in the element, with an id of its own on the page', async () => {
      const el = await postBody(article, { attributes: 'no-shadow' });
      const link = el.querySelector<HTMLAnchorElement>('a[href="#eq-eq:energy"]')!;
      await pointAt(link);
      await waitUntil(() => isShown(el.querySelector('[part="preview"]')), 'no preview shown');
      const preview = el.querySelector<HTMLElement>('[part="preview"]')!;
      expect(document.querySelectorAll(`#${preview.id}`)).to.have.length(1);
      expect(link.getAttribute('aria-describedby')).to.equal(preview.id);
      expect(preview.querySelector('.katex-display')).to.exist;
    });
  });
});

import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';

const tex = String.raw;

// Three notes cited in one short paragraph (close enough that side by side
// they would overlap), one cited further down, one inline with math.
const article = [
  '# Notes',
  tex`The energy[^energy] of a particle[^particle] at rest[^rest] is given by \eqref{e}.`,
  tex`\begin{equation}E = mc^2 \label{e}\end{equation}`,
  ...Array.from({ length: 6 }, (_, i) => `Filler paragraph ${i + 1}, long enough to take a few lines of text in a column of this width, so that the next citation is well below the first ones.`),
  tex`A later claim^[An inline note with $x^2$ and \eqref{e}.] stands on its own.`,
  '[^energy]: Energy, in joules. This note is long enough to need several lines in the margin, so that the next one has to go below it rather than beside its own line.',
  '[^particle]: Any particle with mass.',
  tex`[^rest]: Moving, it is $E = \gamma mc^2$.`,
].join('\n\n');

const contentOf = (el: PostBodyElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="content"]')!;
const notesOf = (el: PostBodyElement) => [...contentOf(el).querySelectorAll<HTMLElement>('.sb-footnote')];
const referencesOf = (el: PostBodyElement) => [...contentOf(el).querySelectorAll<HTMLAnchorElement>('.sb-footnote-ref a')];

async function postBody(width: number, markdown = article): Promise<PostBodyElement> {
  const host = await fixture<HTMLDivElement>(`<div style="width: ${width}px"><post-body lang="en"></post-body></div>`);
  const el = host.querySelector('post-body')!;
  el.markdown = markdown;
  await el.updateComplete;
  await waitUntil(() => contentOf(el).querySelector('.sb-footnotes[data-sb-placed]'), 'the notes are placed');
  await document.fonts.ready;
  // Placing follows size changes (fonts, formulas typeset) in a ResizeObserver, which runs before the next paint.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return el;
}

const overlap = (a: DOMRect, b: DOMRect) => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;

describe('post-body footnotes', () => {
  afterEach(async () => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    await emulateMedia({ media: 'screen' });
  });

  describe('in a wide article (1280 px)', () => {
    it('sets each note in the right margin, beside or below the line that cites it', async () => {
      const el = await postBody(1280);
      const paragraphs = [...contentOf(el).querySelectorAll('p')].filter((p) => !p.closest('.sb-footnote'));
      const column = Math.max(...paragraphs.map((p) => p.getBoundingClientRect().right));
      const references = referencesOf(el);
      const notes = notesOf(el);
      expect(notes.map((note) => note.id)).to.deep.equal(['fn-1', 'fn-2', 'fn-3', 'fn-4']);
      notes.forEach((note, index) => {
        const box = note.getBoundingClientRect();
        const cited = references[index].getBoundingClientRect();
        expect(box.left, `note ${index + 1} is right of the text`).to.be.at.least(column);
        expect(box.top, `note ${index + 1} does not start above its citation`).to.be.at.least(cited.top - 0.5);
      });
      // The first note and the one cited far below have nothing above them to give way to: they sit on their citation's line.
      for (const index of [0, 3]) {
        expect(notes[index].getBoundingClientRect().top - references[index].getBoundingClientRect().top).to.be.below(2);
      }
    });

    it('stacks close notes downward, so that no two overlap', async () => {
      const el = await postBody(1280);
      const boxes = notesOf(el).map((note) => note.getBoundingClientRect());
      for (let a = 0; a < boxes.length; a++) {
        for (let b = a + 1; b < boxes.length; b++) expect(overlap(boxes[a], boxes[b]), `notes ${a + 1} and ${b + 1}`).to.be.false;
      }
      // Three citations in one line, the first note several lines long: the second and third go below it.
      expect(boxes[1].top).to.be.at.least(boxes[0].bottom);
      expect(boxes[2].top).to.be.at.least(boxes[1].bottom);
    });

    it('typesets the math in the notes, and keeps the last note inside the element', async () => {
      const el = await postBody(1280, `${article}\n\nThe end${'^[A last note, cited from the very last line, that runs on for a good many lines in the narrow margin, past the end of the text, and further still, with $y$.]'}.`);
      const notes = notesOf(el);
      expect(notes[2].querySelector('.katex')).to.exist;
      expect(notes[3].querySelector('.katex')).to.exist;
      expect(notes[3].querySelector('.sb-eqref')!.textContent).to.equal('(1)');
      const last = notes.at(-1)!.getBoundingClientRect();
      expect(el.getBoundingClientRect().bottom).to.be.at.least(last.bottom);
    });

    it('lists the notes at the end when printed', async () => {
      const el = await postBody(1280);
      await emulateMedia({ media: 'print' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const paragraphs = [...contentOf(el).querySelectorAll('p')].filter((p) => !p.closest('.sb-footnote'));
      const textEnd = Math.max(...paragraphs.map((p) => p.getBoundingClientRect().bottom));
      for (const note of notesOf(el)) expect(note.getBoundingClientRect().top).to.be.at.least(textEnd);
    });
  });

  describe('in a narrow article (390 px)', () => {
    it('lists the numbered notes at the end, under the text, full width', async () => {
      const el = await postBody(390);
      const paragraphs = [...contentOf(el).querySelectorAll('p')].filter((p) => !p.closest('.sb-footnote'));
      const textEnd = Math.max(...paragraphs.map((p) => p.getBoundingClientRect().bottom));
      const list = contentOf(el).querySelector('.sb-footnotes')!;
      expect(list.getAttribute('aria-label')).to.equal('Footnotes');
      expect(list.querySelector('ol')).to.exist;
      for (const note of notesOf(el)) {
        const box = note.getBoundingClientRect();
        expect(box.top).to.be.at.least(textEnd);
        expect(box.width).to.be.above(300);
      }
    });

    it('goes to the note and back by keyboard: Enter on the citation, then on the note\'s back link', async () => {
      const el = await postBody(390);
      const [first] = referencesOf(el);
      first.focus();
      await sendKeys({ press: 'Enter' });
      const note = notesOf(el)[0];
      expect(el.shadowRoot!.activeElement).to.equal(note);
      expect(location.hash).to.equal('#fn-1');
      await sendKeys({ press: 'Tab' });
      const back = note.querySelector('.sb-footnote-backref')!;
      expect(el.shadowRoot!.activeElement).to.equal(back);
      expect(back.textContent).to.contain('↩');
      expect(back.getAttribute('aria-label')).to.equal('Back to the text');
      await sendKeys({ press: 'Enter' });
      expect(el.shadowRoot!.activeElement).to.equal(first);
      expect(location.hash).to.equal('#fnref-1');
    });

    it('names the list and its back links in the page language', async () => {
      const host = await fixture<HTMLDivElement>('<div lang="zh-CN" style="width: 390px"><post-body></post-body></div>');
      const el = host.querySelector('post-body')!;
      el.markdown = '正文^[一个脚注。]。';
      await el.updateComplete;
      expect(contentOf(el).querySelector('.sb-footnotes')!.getAttribute('aria-label')).to.equal('脚注');
      expect(contentOf(el).querySelector('.sb-footnote-backref')!.getAttribute('aria-label')).to.equal('返回正文');
    });
  });

  describe('the preview of a note from its mark', () => {
    const previewOf = (el: PostBodyElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="preview"]');
    const isShown = (preview: HTMLElement | null) => preview !== null && preview.matches(':popover-open');
    const isHighlighted = (note: Element) => getComputedStyle(note).backgroundColor !== 'rgba(0, 0, 0, 0)';
    /** Longer than any of the previews' delays: for checking that something does not happen. */
    const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

    async function pointAt(element: Element): Promise<void> {
      const { left, top, width, height } = element.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(left + width / 2), Math.round(top + height / 2)] });
    }

    function tap(target: Element): void {
      const init = { bubbles: true, composed: true, cancelable: true, pointerType: 'touch', isPrimary: true, button: 0 };
      target.dispatchEvent(new PointerEvent('pointerdown', init));
      target.dispatchEvent(new PointerEvent('pointerup', init));
      target.dispatchEvent(new PointerEvent('click', init));
    }

    /** That nothing the previews show covers any of the notes in the margin. */
    function expectMarginUncovered(el: PostBodyElement): void {
      const preview = previewOf(el);
      if (!isShown(preview)) return;
      const box = preview!.getBoundingClientRect();
      notesOf(el).forEach((note, index) => expect(overlap(box, note.getBoundingClientRect()), `the preview covers note ${index + 1}`).to.be.false);
    }

    beforeEach(() => setViewport({ width: 1280, height: 800 }));
    afterEach(async () => {
      await resetMouse();
      await setViewport({ width: 800, height: 600 });
    });

    it('highlights a note shown beside its line when the pointer rests on its mark, and covers no note with a popover', async () => {
      const el = await postBody(1200);
      const [mark] = referencesOf(el);
      const notes = notesOf(el);
      await pointAt(mark);
      await waitUntil(() => isHighlighted(notes[0]), 'the note beside the line was not highlighted');
      await settle();
      expect(isShown(previewOf(el)), 'a popover over the margin').to.be.false;
      expectMarginUncovered(el);
      expect(mark.getAttribute('aria-describedby'), 'the mark is described by the note').to.equal(notes[0].id);
      expect(notes.slice(1).some(isHighlighted), 'another note highlighted').to.be.false;
      await pointAt(contentOf(el).querySelector('h1')!);
      await waitUntil(() => !isHighlighted(notes[0]), 'the highlight stayed after the pointer left');
      expect(mark.hasAttribute('aria-describedby')).to.be.false;
    });

    it('highlights it when the keyboard focuses the mark, and Escape takes the highlight off', async () => {
      const el = await postBody(1200);
      const mark = referencesOf(el)[1];
      const note = notesOf(el)[1];
      mark.focus();
      await waitUntil(() => isHighlighted(note), 'the note beside the line was not highlighted');
      expect(isShown(previewOf(el)), 'a popover over the margin').to.be.false;
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !isHighlighted(note), 'Escape left the highlight');
      expect(el.shadowRoot!.activeElement, 'focus stays on the mark').to.equal(mark);
    });

    it('highlights it on a first tap, and goes to it on the second', async () => {
      const el = await postBody(1200);
      const [mark] = referencesOf(el);
      tap(mark);
      await waitUntil(() => isHighlighted(notesOf(el)[0]), 'the note beside the line was not highlighted');
      expect(location.hash, 'the first tap followed the link').to.equal('');
      tap(mark);
      expect(location.hash).to.equal('#fn-1');
    });

    it('shows a note listed at the end in a popover, since it is out of sight', async () => {
      const el = await postBody(390);
      const [mark] = referencesOf(el);
      await pointAt(mark);
      await waitUntil(() => isShown(previewOf(el)), 'no preview shown');
      expect(previewOf(el)!.textContent).to.contain('Energy, in joules.');
      expect(mark.getAttribute('aria-describedby')).to.equal(previewOf(el)!.id);
      expect(isHighlighted(notesOf(el)[0])).to.be.false;
    });
  });
});

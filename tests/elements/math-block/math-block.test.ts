import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/math-block.js';
import type { MathBlockElement, MathErrorEvent } from '../../../src/math-block.js';

// Lit's html`` drops backslashes from text, so TeX goes in through textContent.
async function mathBlockWithText(tex: string): Promise<MathBlockElement> {
  const el = document.createElement('math-block');
  el.textContent = tex;
  return fixture<MathBlockElement>(el);
}

const formulaOf = (el: MathBlockElement) => el.shadowRoot!.querySelector('[part="formula"]');
const annotationOf = (el: MathBlockElement) => el.shadowRoot!.querySelector('annotation')?.textContent;

describe('math-block', () => {
  describe('source', () => {
    it('typesets its text content in display style', async () => {
      const el = await fixture<MathBlockElement>(html`<math-block>E = mc^2</math-block>`);
      expect(formulaOf(el)!.querySelector('.katex-display')).to.exist;
      expect(annotationOf(el)).to.equal('E = mc^2');
    });

    it('prefers the tex property over the text content', async () => {
      const el = await fixture<MathBlockElement>(html`<math-block .tex=${'a+b'}>ignored</math-block>`);
      expect(annotationOf(el)).to.equal('a+b');
    });

    it('follows changes to its text content', async () => {
      const el = await fixture<MathBlockElement>(html`<math-block>x</math-block>`);
      el.textContent = '\\sqrt{y}';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(annotationOf(el)).to.equal('\\sqrt{y}');
    });

    it('renders in text style with the inline attribute', async () => {
      const el = await fixture<MathBlockElement>(html`<p>Let <math-block inline>x_1</math-block> be given.</p>`).then((p) => p.querySelector('math-block')!);
      await el.updateComplete;
      expect(formulaOf(el)!.querySelector('.katex')).to.exist;
      expect(formulaOf(el)!.querySelector('.katex-display')).to.not.exist;
      expect(getComputedStyle(el).display).to.equal('inline');
    });

    it('applies macros', async () => {
      const el = await mathBlockWithText('x \\in \\R');
      el.macros = { '\\R': '\\mathbb{R}' };
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.exist;
      expect(el.shadowRoot!.querySelector('.mathbb')).to.exist;
    });
  });

  describe('fonts', () => {
    it('loads KaTeX_Main on the document and draws the formula with it', async () => {
      const el = await fixture<MathBlockElement>(html`<math-block style="font-size: 40px">1+2=3</math-block>`);
      await document.fonts.ready;
      const main = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === 'KaTeX_Main' && face.style === 'normal' && face.weight === '400');
      expect(main.map((face) => face.status)).to.include('loaded');

      // The digits' advance width must match KaTeX_Main's metrics, not a fallback serif's.
      const digits = el.shadowRoot!.querySelector('.katex-html .mord')! as HTMLElement;
      const size = parseFloat(getComputedStyle(digits).fontSize);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${size}px KaTeX_Main`;
      const katexWidth = context.measureText('1').width;
      context.font = `${size}px monospace`;
      const fallbackWidth = context.measureText('1').width;
      expect(Math.abs(katexWidth - fallbackWidth)).to.be.greaterThan(1);
      expect(digits.getBoundingClientRect().width).to.be.closeTo(katexWidth, 0.5);
    });
  });

  describe('copy', () => {
    it('puts the TeX source on the clipboard when the formula is copied', async () => {
      const el = await mathBlockWithText('\\int_0^1 x\\,dx');
      const clipboardData = new DataTransfer();
      const event = new ClipboardEvent('copy', { clipboardData, bubbles: true, composed: true, cancelable: true });
      el.shadowRoot!.querySelector('.katex')!.dispatchEvent(event);
      expect(clipboardData.getData('text/plain')).to.equal('\\int_0^1 x\\,dx');
      expect(event.defaultPrevented).to.be.true;
    });
  });

  describe('layout', () => {
    it('scrolls a formula wider than its column instead of overflowing', async () => {
      const wide = Array.from({ length: 60 }, (_, i) => `x_{${i}}`).join('+');
      const box = await fixture<HTMLDivElement>(html`<div style="width: 200px"><math-block .tex=${wide}></math-block></div>`);
      const el = box.querySelector('math-block')!;
      await el.updateComplete;
      const formula = formulaOf(el) as HTMLElement;
      expect(el.getBoundingClientRect().width).to.equal(200);
      expect(formula.scrollWidth).to.be.greaterThan(formula.clientWidth);
      expect(getComputedStyle(formula).overflowX).to.equal('auto');
    });
  });

  describe('errors', () => {
    it('shows the source and the message of broken TeX and fires math-error', async () => {
      const el = document.createElement('math-block');
      el.textContent = '\\frac{1}{';
      const fired = oneEvent(el, 'math-error') as Promise<MathErrorEvent>;
      document.body.append(el);
      const event = await fired;
      expect(event.tex).to.equal('\\frac{1}{');
      expect(event.message).to.match(/KaTeX parse error/);
      const error = el.shadowRoot!.querySelector('[part="error"]')!;
      expect(error.textContent).to.contain('\\frac{1}{');
      expect(error.textContent).to.contain('KaTeX parse error');
      expect(error.querySelector('[title]')!.getAttribute('title')).to.match(/KaTeX parse error/);
      el.remove();
    });

    it('keeps the last error readable as error, for listeners that come after the element rendered', async () => {
      const el = await mathBlockWithText('\\frac{1}{');
      expect(el.error).to.match(/KaTeX parse error/);
      el.textContent = 'x^2';
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(el.error).to.equal(undefined);
    });

    it('keeps a macro bomb from hanging the page', async () => {
      const el = await mathBlockWithText('\\def\\a{\\a\\a}\\a');
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/Too many expansions/);
    });
  });
});

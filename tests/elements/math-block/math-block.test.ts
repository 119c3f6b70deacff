import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/math-block.js';
import type { MathBlockElement } from '../../../src/math-block.js';

describe('math-block', () => {
  it('typesets its text content', async () => {
    const el = await fixture<MathBlockElement>(html`<math-block>E = mc^2</math-block>`);
    const formula = el.shadowRoot!.querySelector('[part="formula"]')!;
    expect(formula.querySelector('.katex-display')).to.exist;
    expect(formula.querySelector('annotation')!.textContent).to.equal('E = mc^2');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearMathCache, renderFormula, renderMath } from 'sciblog-elements/core';

describe('renderMath', () => {
  it('renders inline TeX as KaTeX HTML with the source kept as MathML annotation', () => {
    const html = renderMath('x^2');
    assert.match(html, /class="katex"/);
    assert.match(html, /<annotation encoding="application\/x-tex">x\^2<\/annotation>/);
    assert.doesNotMatch(html, /katex-display/);
  });

  it('renders display style when asked', () => {
    assert.match(renderMath('x^2', { display: true }), /class="katex-display"/);
  });

  it('shows a broken formula as its escaped source and KaTeX message', () => {
    const { html, error } = renderFormula('\\frac{1}{<b>');
    assert.match(error, /KaTeX parse error/);
    assert.match(html, /sb-math-error/);
    assert.match(html, /\\frac\{1\}\{&lt;b&gt;/);
    assert.doesNotMatch(html, /<b>/);
  });

  it('returns the cached result for the same TeX, mode and macros', () => {
    clearMathCache();
    const first = renderFormula('\\R', { macros: { '\\R': '\\mathbb{R}' } });
    assert.equal(renderFormula('\\R', { macros: { '\\R': '\\mathbb{R}' } }), first);
    assert.notEqual(renderFormula('\\R', { macros: { '\\R': '\\mathbf{R}' } }), first);
  });
});

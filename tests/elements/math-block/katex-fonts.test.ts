import { expect, fixture } from '@open-wc/testing';
import '../../../src/math-block.js';
import type { MathBlockElement } from '../../../src/math-block.js';
import { katexCss } from '../../../src/styles/katex-css.generated.js';

// One formula that needs a glyph from each of KaTeX's font families.
const everyFamily = String.raw`\mathbb{R} + \mathcal{L} + \mathfrak{g} + \mathsf{A} + \textsf{b} + \mathtt{x} + \mathscr{S} + \sum_i \int_0^1 \left(\frac{a}{b}\right) \bigl( \Bigl( \biggl( \Biggl( \left(\rule{0pt}{9em}\right)`;

const familiesInKatexCss = () => new Set([...katexCss.matchAll(/font-family:\s*([^;},]+)/g)].map((m) => m[1].trim().replace(/^["']|["']$/g, '')).filter((name) => name.startsWith('KaTeX_')));

function facesOf(family: string): FontFace[] {
  return [...document.fonts].filter((face) => face.family === family);
}

describe('KaTeX fonts', () => {
  it('every family KaTeX\'s CSS names has a face registered under exactly that name', async () => {
    await fixture<MathBlockElement>(Object.assign(document.createElement('math-block'), { textContent: 'x' }));
    const families = familiesInKatexCss();
    expect(families.size).to.be.greaterThan(10);
    for (const family of families) expect(facesOf(family).length, family).to.be.greaterThan(0);
  });

  it('a formula using every family loads a face of each', async () => {
    const el = document.createElement('math-block');
    el.textContent = everyFamily;
    await fixture<MathBlockElement>(el);
    await document.fonts.ready;
    const families = ['KaTeX_Main', 'KaTeX_Math', 'KaTeX_AMS', 'KaTeX_Caligraphic', 'KaTeX_Fraktur', 'KaTeX_SansSerif', 'KaTeX_Script', 'KaTeX_Typewriter', 'KaTeX_Size1', 'KaTeX_Size2', 'KaTeX_Size3', 'KaTeX_Size4'];
    const unloaded = families.filter((family) => !facesOf(family).some((face) => face.status === 'loaded'));
    expect(unloaded).to.deep.equal([]);
  });
});

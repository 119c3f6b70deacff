import { expect } from '@open-wc/testing';
// Only defining the element, no formula on the page yet.
import '../../../src/math-block.js';

const face = (family: string, style: string, weight: string) =>
  [...document.fonts].find((f) => f.family === family && f.style === style && f.weight === weight)!;

describe('KaTeX fonts when math-block is defined', () => {
  it('start loading the faces every post uses before any formula is laid out', () => {
    expect(document.querySelector('math-block')).to.equal(null);
    for (const [family, style, weight] of [
      ['KaTeX_Main', 'normal', '400'],
      ['KaTeX_Main', 'italic', '400'],
      ['KaTeX_Main', 'normal', '700'],
      ['KaTeX_Math', 'italic', '400'],
      ['KaTeX_Size1', 'normal', '400'],
      ['KaTeX_Size2', 'normal', '400'],
    ]) {
      expect(face(family, style, weight).status, `${family} ${style} ${weight}`).to.not.equal('unloaded');
    }
  });

  it('leave the rarer faces until a glyph needs them', () => {
    expect(face('KaTeX_Fraktur', 'normal', '400').status).to.equal('unloaded');
    expect(face('KaTeX_Size4', 'normal', '400').status).to.equal('unloaded');
  });
});

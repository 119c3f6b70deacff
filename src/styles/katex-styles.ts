import { css, unsafeCSS } from 'lit';
import { katexCss, katexFontFaces } from './katex-css.generated.js';
import { token } from './tokens.js';

/**
 * KaTeX's rules for adopting into a shadow root (its fonts are registered on
 * the document instead), and one change: KaTeX pins an equation number to
 * the right edge with absolute positioning, so in a formula wider than the
 * column the number sits on top of the formula. As the last item of a flex
 * row it follows the formula instead, and a wide formula scrolls with it.
 * Formulas are scaled by `--sb-math-scale` (KaTeX's own size is 1.21em),
 * the command KaTeX refused to run shows in `--sb-color-error`, and the
 * punctuation after an inline formula stays on its line.
 */
export const katexStyles = css`
  ${unsafeCSS(katexCss)}
  .katex {
    font-size: calc(1.21em * ${token('math-scale')});
    /* A formula never breaks inside a symbol or a tag like (12); a wide one scrolls. */
    overflow-wrap: normal;
  }
  /* A short inline formula and the punctuation after it, kept on one line (core/math-punctuation.ts). */
  .sb-math-glue {
    white-space: nowrap;
  }
  /* A formula KaTeX refused is its source and a message: text, which wraps, and keeps the punctuation by itself. */
  .sb-math-glue > .sb-math-error {
    white-space: normal;
  }
  .katex [style*='color:#cc0000'] {
    color: ${token('color-error')} !important;
  }
  .katex-display > .katex > .katex-html:has(> .katex-tag) {
    display: flex;
    align-items: baseline;
  }
  .katex-display > .katex > .katex-html:has(> .katex-tag)::before {
    content: '';
    flex: 1 1 0;
  }
  .katex-display > .katex > .katex-html > .katex-tag {
    position: static;
    flex: 1 1 0;
    padding-inline-start: 1em;
    text-align: end;
  }
  /* KaTeX pulls the number's box 2px short of its strut, which then sticks out past the column: every numbered formula would scroll by 2px. */
  .katex-display > .katex > .katex-html > .katex-tag > .vlist-t2 {
    margin-right: 0;
  }
`;

let fontsRegistered = false;

// The faces nearly every post needs: text, variables, bold, and the first
// sizes of big operators and delimiters.
const everyPostFaces = new Set(['KaTeX_Main/normal/400', 'KaTeX_Main/italic/400', 'KaTeX_Main/normal/700', 'KaTeX_Math/italic/400', 'KaTeX_Size1/normal/400', 'KaTeX_Size2/normal/400']);

/**
 * Adds KaTeX's font faces to `document.fonts`, once. Shadow roots ignore
 * `@font-face`, but faces known to the document apply inside them. The faces
 * every post uses start loading now, before any formula is laid out (which is
 * when the browser would otherwise ask for them); the rest load as glyphs
 * need them.
 */
export function registerKatexFonts(): void {
  if (fontsRegistered || typeof document === 'undefined' || typeof FontFace === 'undefined') return;
  fontsRegistered = true;
  for (const { family, style, weight, url } of katexFontFaces) {
    const face = new FontFace(family, `url("${url.href}") format("woff2")`, { style, weight });
    document.fonts.add(face);
    // A failed load only means fallback glyphs; the formula still renders.
    if (everyPostFaces.has(`${family}/${style}/${weight}`)) face.load().catch(() => {});
  }
}

let documentStylesAdopted = false;

/** For content rendered outside a shadow root: KaTeX's rules go to the document itself. */
export function adoptKatexStylesInDocument(): void {
  if (documentStylesAdopted || !katexStyles.styleSheet) return;
  documentStylesAdopted = true;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, katexStyles.styleSheet];
}

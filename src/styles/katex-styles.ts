import { css, unsafeCSS } from 'lit';
import { katexCss, katexFontFaces } from './katex-css.generated.js';

/**
 * KaTeX's rules for adopting into a shadow root (its fonts are registered on
 * the document instead), and one change: KaTeX pins an equation number to
 * the right edge with absolute positioning, so in a formula wider than the
 * column the number sits on top of the formula. As the last item of a flex
 * row it follows the formula instead, and a wide formula scrolls with it.
 */
export const katexStyles = css`
  ${unsafeCSS(katexCss)}
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
`;

let fontsRegistered = false;

/**
 * Adds KaTeX's font faces to `document.fonts`, once. Shadow roots ignore
 * `@font-face`, but faces known to the document apply inside them. Each face
 * is fetched only when a glyph first needs it.
 */
export function registerKatexFonts(): void {
  if (fontsRegistered || typeof document === 'undefined') return;
  fontsRegistered = true;
  for (const { family, style, weight, url } of katexFontFaces) {
    document.fonts.add(new FontFace(family, `url("${url.href}") format("woff2")`, { style, weight }));
  }
}

let documentStylesAdopted = false;

/** For content rendered outside a shadow root: KaTeX's rules go to the document itself. */
export function adoptKatexStylesInDocument(): void {
  if (documentStylesAdopted || !katexStyles.styleSheet) return;
  documentStylesAdopted = true;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, katexStyles.styleSheet];
}

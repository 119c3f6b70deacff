import { unsafeCSS } from 'lit';
import { katexCss, katexFontFaces } from './katex-css.generated.js';

/** KaTeX's rules for adopting into a shadow root (its fonts are registered on the document instead). */
export const katexStyles = unsafeCSS(katexCss);

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

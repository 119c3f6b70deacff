import { css, unsafeCSS } from 'lit';

// A block far below the first screen is skipped by style and layout until it
// is near (`content-visibility: auto`), holding a place of its estimated
// height; `auto` makes the browser keep the real height once it has seen it.
// Estimates go in classes of powers of two (24 px, 48 px, … 6 144 px) set as
// `data-sb-far`, so that the article carries no inline styles of its own
// (untrusted articles may hold only KaTeX's).

/** The number of height classes. */
export const farHeightClasses = 9;
const smallest = 24;

/** The `data-sb-far` class for an estimated height in pixels. */
export function farHeightClass(pixels: number): number {
  return Math.min(farHeightClasses - 1, Math.max(0, Math.round(Math.log2(pixels / smallest))));
}

const rules = Array.from(
  { length: farHeightClasses },
  (_, index) => `[data-sb-far='${index}'] { content-visibility: auto; contain-intrinsic-block-size: auto ${smallest * 2 ** index}px; }`,
).join('\n');

export const deferredBlockStyles = css`
  ${unsafeCSS(rules)}
`;

let adopted = false;

/** For `no-shadow` articles, whose blocks the document's styles reach. */
export function adoptDeferredBlockStylesInDocument(): void {
  if (adopted || !deferredBlockStyles.styleSheet) return;
  adopted = true;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, deferredBlockStyles.styleSheet];
}

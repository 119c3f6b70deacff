import { css } from 'lit';

/**
 * The page-level rules behind light and dark. Every colour token is a
 * `light-dark()` pair, which follows the `color-scheme` an element inherits,
 * so choosing a theme is setting `color-scheme`:
 * - by default the page follows the system (`light dark`); `:where()` gives
 *   that rule no weight, so a page that declares a `color-scheme` of its own
 *   keeps it;
 * - `data-theme="light|dark"` on any ancestor forces one scheme for what is
 *   inside it, and the nearest such ancestor wins (`color-scheme` inherits).
 * A shadow root cannot see an ancestor's attribute (`:host-context()` is
 * Chromium's alone), but it inherits `color-scheme`, in Chromium, Firefox
 * and Safari alike; so these rules live in the document, once.
 */
export const colorSchemeRules = css`
  :where(:root) {
    color-scheme: light dark;
  }
  [data-theme='light'] {
    color-scheme: light;
  }
  [data-theme='dark'] {
    color-scheme: dark;
  }
`;

let adopted = false;

/** Adds `colorSchemeRules` to the document, once (in a browser; a server has no document). */
export function adoptColorSchemeRules(): void {
  if (adopted || typeof document === 'undefined' || !colorSchemeRules.styleSheet) return;
  adopted = true;
  document.adoptedStyleSheets = [colorSchemeRules.styleSheet, ...document.adoptedStyleSheets];
}

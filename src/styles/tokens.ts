import { css } from 'lit';

/**
 * The global `--sb-*` tokens every element reads, each with a literal
 * fallback so an element looks right with no theme loaded. `light-dark()`
 * follows the page's `color-scheme`.
 */
export const tokens = css`
  :host {
    --_color-text: var(--sb-color-text, inherit);
    --_color-muted: var(--sb-color-muted, light-dark(#57606a, #9da7b3));
    --_color-accent: var(--sb-color-accent, light-dark(#0b5cad, #6cb6ff));
    --_color-border: var(--sb-color-border, light-dark(#d0d7de, #3d444d));
    --_color-surface: var(--sb-color-surface, light-dark(#f4f6f8, #1c2128));
    --_color-highlight: var(--sb-color-highlight, light-dark(#fff5c2, #3b3417));
    --_color-error: var(--sb-color-error, light-dark(#b42318, #ff8a80));
    --_font-body: var(--sb-font-body, inherit);
    --_font-mono: var(--sb-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    --_radius: var(--sb-radius, 6px);
  }
`;

/** How a formula that KaTeX could not render looks, wherever it appears. */
export const mathErrorStyles = css`
  .sb-math-error {
    color: var(--_color-error);
    font-size: 0.9em;
  }
  div.sb-math-error {
    display: block;
    margin: 1em 0;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_color-error);
    background: var(--_color-surface);
    white-space: pre-wrap;
  }
  .sb-math-error-source {
    font-family: var(--_font-mono);
    color: var(--_color-text);
  }
`;

import { css } from 'lit';

export const mathBlockStyles = css`
  :host {
    display: block;
    margin: var(--sb-math-block-margin, 1em 0);
    color: var(--_color-text);
  }
  :host([inline]) {
    display: inline;
    margin: 0;
  }
  :host([hidden]) {
    display: none;
  }
  [part='formula'] {
    display: block;
    /* A formula wider than the column scrolls instead of overflowing the page. */
    overflow-x: auto;
    overflow-y: hidden;
  }
  :host([inline]) [part='formula'] {
    display: inline;
    overflow: visible;
  }
  .katex-display {
    margin: 0;
  }
`;

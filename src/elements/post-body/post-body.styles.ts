import { css } from 'lit';

export const postBodyStyles = css`
  :host {
    display: block;
    color: var(--_color-text);
    font-family: var(--_font-body);
    line-height: var(--sb-post-body-line-height, var(--_line-height));
  }
  :host([hidden]) {
    display: none;
  }
  [part='content'] > :first-child {
    margin-top: 0;
  }
  h1, h2, h3, h4, h5, h6 {
    line-height: 1.35;
    margin: 1.6em 0 0.6em;
    font-family: var(--_font-heading);
    text-wrap: pretty;
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
  }
  a {
    color: var(--_color-accent);
  }
  .sb-heading-anchor {
    margin-inline-start: 0.35em;
    color: var(--_color-muted);
    text-decoration: none;
    opacity: 0;
  }
  h1:hover .sb-heading-anchor, h2:hover .sb-heading-anchor, h3:hover .sb-heading-anchor,
  h4:hover .sb-heading-anchor, h5:hover .sb-heading-anchor, h6:hover .sb-heading-anchor {
    opacity: 1;
  }
  .sb-eqref {
    white-space: nowrap;
  }
  .sb-eqref-unknown {
    color: var(--_color-error);
  }
  .sb-equation {
    display: block;
    /* A formula wider than the column scrolls instead of overflowing the page. */
    overflow-x: auto;
    overflow-y: hidden;
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
    border-radius: var(--_radius);
    transition: background-color 0.6s;
  }
  /*
   * A formula wider than the column (data-scrolls, set by ScrollerFocus)
   * fades out at its right edge until it is scrolled to its end, so a reader
   * sees that it goes on: its number is often the part out of view. The mask
   * reaches past the box, and scrolling moves it until its fading end is out
   * of the box. Without scroll-driven animations the fade could never go: none.
   */
  @supports (animation-timeline: scroll(self inline)) {
    .sb-equation[data-scrolls] {
      mask-image: linear-gradient(to right, currentColor calc(100% - 2.5em), transparent);
      mask-size: calc(100% + 2.5em) 100%;
      mask-repeat: no-repeat;
      animation: sb-equation-scroll-fade linear both;
      animation-timeline: scroll(self inline);
    }
  }
  @keyframes sb-equation-scroll-fade {
    from {
      mask-position: -2.5em 0;
    }
    to {
      mask-position: 0 0;
    }
  }
  /* A formula still to be typeset: its TeX, in about the space it will take. */
  .sb-tex {
    color: var(--_color-muted);
  }
  .sb-tex[data-display] {
    display: block;
    min-height: calc(var(--_tex-rows, 1) * 1.6em);
    margin: var(--_space-m) 0;
    text-align: center;
  }
  .sb-equation[data-targeted] {
    background: var(--_color-highlight);
  }
  pre, code {
    font-family: var(--_font-mono);
    font-size: 0.9em;
  }
  :not(pre) > code {
    padding: 0.1em 0.3em;
    border-radius: calc(var(--_radius) * 2 / 3);
    background: var(--_color-surface);
  }
  pre {
    padding: 0.8em var(--_space-m);
    overflow-x: auto;
    line-height: 1.5;
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  blockquote {
    margin: var(--_space-m) 0;
    padding: 0.1em var(--_space-m);
    color: var(--_color-muted);
    border-inline-start: 4px solid var(--_color-border);
  }
  table {
    display: block;
    max-width: 100%;
    overflow-x: auto;
    border-collapse: collapse;
    /* Cells keep their words whole (a column is never one digit wide); a table wider than the column scrolls. */
    overflow-wrap: break-word;
  }
  th, td {
    padding: 0.35em 0.8em;
    border: 1px solid var(--_color-border);
  }
  th {
    background: var(--_color-surface);
  }
  /* A formula in a cell stays on one line (\tau \to +\infty never splits at its arrow); the cell's words still wrap. */
  :is(td, th) .katex {
    white-space: nowrap;
  }
  pre:focus-visible, table:focus-visible {
    outline: 2px solid var(--_color-accent);
    outline-offset: 2px;
  }
  img {
    max-width: 100%;
    height: auto;
  }
  hr {
    border: 0;
    border-top: 1px solid var(--_color-border);
  }
  [part='status'] {
    color: var(--_color-muted);
  }
  .reserved {
    min-height: var(--sb-post-body-reserved-height, 100vh);
  }
  [part='error'] {
    color: var(--_color-error);
  }
`;

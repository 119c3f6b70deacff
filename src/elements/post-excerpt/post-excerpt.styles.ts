import { css } from 'lit';

export const postExcerptStyles = css`
  :host {
    display: block;
    line-height: var(--sb-post-excerpt-line-height, var(--_line-height));
  }
  :host([hidden]) {
    display: none;
  }
  [part='content'] > :first-child {
    margin-top: 0;
  }
  [part='content'] > :last-child {
    margin-bottom: var(--_space-s);
  }
  [part='content'] .sb-equation,
  [part='content'] .katex-display {
    overflow-x: auto;
    overflow-y: hidden;
  }
  [part='read-more'] {
    color: var(--_color-accent);
  }
`;

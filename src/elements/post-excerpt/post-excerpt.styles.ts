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
  /* An excerpt has no reference list: a citation it cannot number shows its key (author–year posts). */
  [part='content'] .sb-cite-key {
    font-variant: small-caps;
  }
  [part='content'] .sb-cite-unknown {
    color: var(--_color-muted);
  }
  [part='read-more'] {
    color: var(--_color-accent);
  }
`;

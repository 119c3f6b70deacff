import { css } from 'lit';

export const postTocStyles = css`
  :host {
    display: block;
    font-size: var(--sb-post-toc-font-size, 0.9rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  [part='title'] {
    margin: 0 0 var(--_space-s);
    font-size: 1em;
    font-weight: 600;
  }
  ol {
    margin: 0;
    padding-inline-start: var(--_space-m);
    list-style: none;
  }
  [part='list'] {
    padding-inline-start: 0;
  }
  a {
    display: block;
    padding: 0.15em var(--_space-s);
    border-inline-start: 2px solid transparent;
    color: var(--_color-muted);
    text-decoration: none;
  }
  a:hover {
    color: var(--_color-accent);
  }
  a[aria-current] {
    border-inline-start-color: var(--_color-accent);
    color: var(--_color-accent);
    font-weight: 600;
  }
`;

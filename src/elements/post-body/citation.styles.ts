import { css } from 'lit';

/** Citations and the reference list (`sb-cite`, `sb-references`), in the article's shadow root. */
export const citationStyles = css`
  .sb-cite-unknown {
    color: var(--_color-muted);
    cursor: help;
  }
  .sb-reference-list {
    padding-inline-start: 0;
    list-style: none;
  }
  .sb-reference {
    margin-block: 0.4em;
    padding-inline-start: var(--_space-xl);
    text-indent: -2.5em;
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
    overflow-wrap: anywhere;
  }
  .sb-reference-label {
    display: inline-block;
    min-width: 2.5em;
    text-indent: 0;
    color: var(--_color-muted);
  }
`;

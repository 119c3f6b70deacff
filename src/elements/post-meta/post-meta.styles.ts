import { css } from 'lit';

export const postMetaStyles = css`
  :host {
    display: block;
    color: var(--_color-muted);
    font-size: var(--sb-post-meta-font-size, 0.9em);
  }
  :host([hidden]) {
    display: none;
  }
  .separator {
    padding-inline: 0.1em;
  }
  a {
    color: inherit;
  }
  a:hover {
    color: var(--_color-accent);
  }
`;

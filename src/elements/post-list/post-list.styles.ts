import { css } from 'lit';

export const postListStyles = css`
  :host {
    display: block;
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
  }
  :host([hidden]) {
    display: none;
  }
  [part='list'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='pagination'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: 0.35em;
    margin-top: var(--_space-l);
  }
  [part~='page-link'] {
    min-width: 2.2em;
    padding: 0.3em 0.6em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    color: var(--_color-accent);
    text-align: center;
    text-decoration: none;
  }
  [part~='page-link']:hover {
    border-color: var(--_color-accent);
  }
  [part~='page-link'][aria-current='page'] {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--sb-post-list-current-color, var(--_color-on-accent));
  }
  .gap {
    color: var(--_color-muted);
  }
  [part='status'],
  [part='empty'] {
    color: var(--_color-muted);
  }
  [part='error'] {
    color: var(--_color-error);
  }
  .reserved {
    min-height: var(--sb-post-list-reserved-height, 100vh);
  }
`;

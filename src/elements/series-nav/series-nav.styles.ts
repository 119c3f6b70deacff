import { css } from 'lit';

export const seriesNavStyles = css`
  :host {
    display: block;
  }
  nav {
    padding: var(--sb-series-nav-padding, 0.75em 1em);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  :host([hidden]) {
    display: none;
  }
  [part='title'] {
    margin: 0 0 var(--_space-s);
    font-size: 1em;
  }
  [part='list'] {
    margin: 0 0 0.75em;
    padding-inline-start: 1.6em;
  }
  a {
    color: var(--_color-accent);
  }
  [aria-current='page'] {
    color: var(--_color-text);
    font-weight: 600;
    text-decoration: none;
  }
  [part='pager'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-s) var(--_space-m);
  }
  [part='next'] {
    margin-inline-start: auto;
    text-align: end;
  }
`;

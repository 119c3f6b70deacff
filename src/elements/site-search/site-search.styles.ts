import { css } from 'lit';

export const siteSearchStyles = css`
  :host {
    display: block;
    --_input-padding: var(--sb-site-search-input-padding, 0.5em 0.75em);
    --_mark: var(--sb-site-search-mark-color, var(--_color-highlight));
  }
  :host([hidden]) {
    display: none;
  }
  [part='input'] {
    box-sizing: border-box;
    width: 100%;
    padding: var(--_input-padding);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    font: inherit;
    color: inherit;
    background: transparent;
  }
  [part='input']:focus-visible {
    outline: 2px solid var(--_color-accent);
    outline-offset: 1px;
  }
  [part='status'] {
    margin: 0.5em 0;
    color: var(--_color-muted);
    font-size: 0.9em;
  }
  [part='status']:empty {
    display: none;
  }
  [part='results'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='result'] {
    display: block;
    padding: 0.6em 0.75em;
    color: inherit;
    text-decoration: none;
    border-radius: var(--_radius);
  }
  [part~='result'][aria-selected='true'] {
    background: var(--_color-surface);
    outline: 1px solid var(--_color-accent);
  }
  [part='title'] {
    color: var(--_color-accent);
    font-weight: 600;
  }
  [part~='result']:hover [part='title'] {
    text-decoration: underline;
  }
  [part='date'] {
    margin-inline-start: 0.75em;
    color: var(--_color-muted);
    font-size: 0.85em;
  }
  [part='snippet'] {
    margin: 0.25em 0;
    line-height: 1.7;
  }
  [part='snippet'] p {
    margin: 0;
  }
  mark {
    background: var(--_mark);
    color: inherit;
  }
  [part='tags'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    font-size: 0.8em;
    color: var(--_color-muted);
  }
`;

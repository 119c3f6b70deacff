import { css } from 'lit';

export const archiveListStyles = css`
  :host {
    --_indent: var(--sb-archive-list-indent, 1.25em);
    display: block;
    color: var(--_color-text);
    font-family: var(--_font-body);
    font-size: var(--sb-archive-list-font-size, 1rem);
    line-height: 1.6;
  }
  :host([hidden]) {
    display: none;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    margin-block-end: 0.75em;
  }
  input,
  select {
    font: inherit;
    padding: 0.3em var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
  }
  [part='filter'] {
    flex: 1 1 12em;
    min-width: 0;
  }
  input:focus-visible,
  select:focus-visible,
  summary:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_color-accent);
    outline-offset: 2px;
  }
  [part='year'] {
    border-block-end: 1px solid var(--_color-border);
    padding-block: 0.35em;
  }
  [part='year-summary'] {
    cursor: pointer;
    font-weight: 600;
  }
  [part='month'] {
    margin-inline-start: var(--_indent);
    /* Months off screen skip layout and paint: a filter that opens every year lays out one screenful, not thousands of rows. */
    content-visibility: auto;
    contain-intrinsic-block-size: auto calc(var(--_rows, 10) * 1.6em + 2.5em);
  }
  .month-label {
    margin: var(--_space-s) 0 var(--_space-xs);
    font-weight: 600;
  }
  ul {
    margin: 0;
    padding-inline-start: var(--_indent);
    list-style: none;
  }
  li {
    /* No title ends on a line holding one character. */
    text-wrap: pretty;
  }
  time {
    margin-inline-end: var(--_space-s);
    color: var(--_color-muted);
    font-family: var(--_font-mono);
    font-size: 0.9em;
  }
  .count {
    color: var(--_color-muted);
    font-weight: normal;
  }
  a {
    color: var(--_color-accent);
  }
  [part='error'] {
    color: var(--_color-error);
  }
  [part='status'],
  [part='empty'] {
    color: var(--_color-muted);
  }
`;

import { css } from 'lit';

export const postCiteStyles = css`
  :host {
    display: block;
    padding: var(--sb-post-cite-padding, 1em 1.25em);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--sb-post-cite-background, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  [part='title'] {
    margin: 0 0 0.75em;
    font-size: 1.05em;
  }
  [part='title']:focus {
    outline: none;
  }
  .entry {
    margin: 0 0 var(--_space-m);
  }
  .entry-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-m);
    margin-bottom: 0.35em;
    color: var(--_color-muted);
    font-size: 0.9em;
  }
  [part='text'],
  [part='bibtex'] {
    margin: 0;
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow-wrap: anywhere;
  }
  [part='bibtex'] {
    font-family: var(--_font-mono);
    font-size: 0.85em;
    white-space: pre-wrap;
  }
  [part='status'] {
    min-height: 1.5em;
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.9em;
  }
`;

import { css } from 'lit';

export const commentFormStyles = css`
  :host {
    --_gap: var(--sb-comment-form-gap, 0.9em);
    --_control-background: var(--sb-comment-form-control-background, transparent);
    display: block;
    color: var(--_color-text);
    font-family: var(--_font-body);
  }
  :host([hidden]) {
    display: none;
  }
  [part='form'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  p {
    margin: 0;
  }
  .identity {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: var(--_gap);
  }
  [part='field'] {
    display: flex;
    flex-direction: column;
    gap: 0.3em;
  }
  [part='label'] {
    font-size: 0.9em;
    color: var(--_color-muted);
  }
  [part='input'],
  [part='textarea'] {
    box-sizing: border-box;
    width: 100%;
    padding: 0.45em 0.6em;
    font: inherit;
    color: inherit;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_control-background);
  }
  [part='textarea'] {
    min-height: var(--sb-comment-form-textarea-height, 8em);
    resize: vertical;
    line-height: 1.6;
  }
  [part='input']:focus-visible,
  [part='textarea']:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_color-accent);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--_color-error);
  }
  [part='field-error'],
  [part='error'] {
    color: var(--_color-error);
    font-size: 0.9em;
  }
  [part='field-error']:empty,
  [part='counter']:empty,
  [part='status']:empty {
    display: none;
  }
  [part='counter'] {
    align-self: flex-end;
    color: var(--_color-muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  [part='counter'].over {
    color: var(--_color-error);
  }
  [part='reply'],
  [part='draft-notice'],
  [part='status'],
  .note {
    color: var(--_color-muted);
    font-size: 0.9em;
  }
  [part='reply'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  [part='preview'] {
    padding: 0.6em 0.9em;
    border-radius: var(--_radius);
    background: var(--sb-comment-form-preview-background, var(--_color-surface));
    overflow-wrap: break-word;
  }
  .preview-title {
    margin: 0 0 0.4em;
    font-size: 0.85em;
    color: var(--_color-muted);
  }
  [part='preview-content'] {
    line-height: 1.7;
  }
  [part='preview-content'] > :first-child {
    margin-top: 0;
  }
  [part='preview-content'] > :last-child {
    margin-bottom: 0;
  }
  [part='preview-content'] a {
    color: var(--_color-accent);
  }
  [part='preview-content'] pre,
  [part='preview-content'] code {
    font-family: var(--_font-mono);
    font-size: 0.9em;
  }
  [part='preview-content'] pre,
  [part='preview-content'] .katex-display {
    overflow-x: auto;
    overflow-y: hidden;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
  }
  button {
    padding: 0.3em 0.9em;
  }
  [part='submit-button'] {
    padding: 0.45em 1.2em;
    border-color: var(--_color-accent);
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  [part='error'] [part='retry-button'] {
    margin-inline-start: var(--_space-s);
  }
`;

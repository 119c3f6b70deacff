import { css } from 'lit';

/** The quiet outlined button of reply, copy, retry and similar actions. */
export const buttonStyles = css`
  button {
    font: inherit;
    padding: 0.15em 0.7em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_color-accent);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--_color-accent);
    outline-offset: 2px;
  }
`;

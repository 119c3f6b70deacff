import { css } from 'lit';

export const postCardStyles = css`
  :host {
    display: block;
    --_badge-size: var(--sb-post-card-badge-size, 3.4em);
  }
  :host([hidden]) {
    display: none;
  }
  article {
    display: grid;
    grid-template-columns: var(--_badge-size) minmax(0, 1fr);
    gap: 0 var(--_space-m);
    padding: var(--sb-post-card-padding, 1.25em 0);
    border-bottom: 1px solid var(--_color-border);
  }
  [part='badge'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    width: var(--_badge-size);
    height: var(--_badge-size);
    border-radius: var(--_radius);
    background: var(--sb-post-card-badge-background, var(--_color-accent));
    color: var(--sb-post-card-badge-color, var(--_color-on-accent));
    line-height: 1.1;
    text-align: center;
  }
  [part='badge-day'] {
    font-size: 1.4em;
    font-weight: 700;
  }
  [part='badge-month'] {
    font-size: 0.8em;
  }
  .body {
    grid-column: 2;
    min-width: 0;
  }
  [part='title'] {
    margin: 0 0 var(--_space-xs);
    font-family: var(--_font-heading);
    font-size: var(--sb-post-card-title-size, 1.3em);
    line-height: 1.35;
    text-wrap: pretty;
  }
  [part='title-link'] {
    color: var(--_color-text);
    text-decoration: none;
  }
  [part='title-link']:hover,
  [part='title-link']:focus-visible {
    color: var(--_color-accent);
    text-decoration: underline;
  }
  .untitled {
    color: var(--_color-muted);
    font-style: italic;
  }
  [part='meta'] {
    margin-bottom: 0.6em;
  }
  ::slotted([slot='image']) {
    display: block;
    max-width: 100%;
    margin-bottom: 0.75em;
    border-radius: var(--_radius);
  }
  @container (max-width: 30em) {
    article {
      grid-template-columns: minmax(0, 1fr);
    }
    [part='badge'] {
      display: none;
    }
    .body {
      grid-column: 1;
    }
  }
  :host {
    container-type: inline-size;
  }
`;

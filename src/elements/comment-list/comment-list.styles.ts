import { css } from 'lit';

export const commentListStyles = css`
  :host {
    display: block;
    --_indent: var(--sb-comment-list-indent, 1.25em);
  }
  :host([hidden]) {
    display: none;
  }
  ol,
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='replies'] {
    margin-inline-start: var(--_indent);
    padding-inline-start: 0.75em;
    border-inline-start: 2px solid var(--_color-border);
  }
  [part='comment'] {
    padding: 0.75em 0;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs) 0.75em;
  }
  [part='author'] {
    font-weight: 600;
    color: var(--_color-text);
  }
  a[part='author'] {
    color: var(--_color-accent);
  }
  [part='date'] {
    color: var(--_color-muted);
    font-size: 0.85em;
  }
  [part='body'] {
    margin: 0.35em 0;
    line-height: 1.7;
    overflow-wrap: anywhere;
  }
  /* Past the first comments, a body far off screen is not laid out or painted until it comes near: a long thread stays quick. */
  [part='body'].far {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 6em;
  }
  [part='body'] > :first-child {
    margin-top: 0;
  }
  [part='body'] > :last-child {
    margin-bottom: 0;
  }
  [part='body'] pre,
  [part='body'] .sb-equation,
  [part='body'] table {
    max-width: 100%;
    overflow-x: auto;
  }
  [part='body'] table {
    overflow-wrap: break-word;
  }
  [part='body'] a {
    color: var(--_color-accent);
  }
  /* A body not yet typeset: its markdown as the author typed it, line breaks kept. */
  .source {
    white-space: pre-wrap;
  }
  [part='reply-button'] {
    font-size: 0.85em;
  }
  .refused,
  [part='error'] {
    color: var(--_color-error);
  }
  [part='status'],
  [part='empty'] {
    color: var(--_color-muted);
  }
  /* The sidebar form: the comment on one line, the post it belongs to under it. */
  :host([variant='recent']) [part='comment'] {
    padding: 0.35em 0;
  }
  .line {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* A displayed formula stays on the line. */
  [part='excerpt'] :is(p, div, .katex-display, .katex-display > .katex, .katex-display > .katex > .katex-html) {
    display: inline;
    margin: 0;
  }
  [part='post-link'] {
    display: block;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--_color-accent);
    font-size: 0.9em;
  }
  [part='more-button'] {
    display: block;
    margin: 0.75em auto 0;
  }
  [part='pagination'] {
    display: flex;
    justify-content: center;
    align-items: baseline;
    gap: 0.75em;
    margin-top: 0.75em;
  }
  [part='page-button']:disabled {
    color: var(--_color-muted);
    cursor: default;
  }
`;

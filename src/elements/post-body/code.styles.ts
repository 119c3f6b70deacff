import { css } from 'lit';

// Code blocks: highlight.js's token classes (`hljs-keyword`, …) coloured from
// our own custom properties (`codeTokens` in styles/tokens.ts).
export const codeStyles = css`
  .sb-code {
    position: relative;
    margin: var(--_space-m) 0;
  }
  .sb-code > pre {
    margin: 0;
    color: var(--_code-text);
    background: var(--_code-background);
  }
  .sb-code-copy {
    position: absolute;
    inset-block-start: 0.4em;
    inset-inline-end: 0.4em;
    padding: 0.1em 0.6em;
    font: inherit;
    font-size: 0.8em;
    line-height: 1.6;
    color: var(--_color-accent);
    background: var(--_code-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .sb-code-copy:focus-visible {
    outline: 2px solid var(--_color-accent);
    outline-offset: 2px;
  }
  /* Generated content is neither selected nor copied with the code. */
  .sb-code-line::before {
    content: attr(data-line);
    display: inline-block;
    min-width: 3ch;
    margin-inline-end: 1.5ch;
    text-align: end;
    color: var(--_code-line-number);
    user-select: none;
  }
  .hljs-keyword, .hljs-selector-tag, .hljs-doctag, .hljs-template-tag, .hljs-meta .hljs-keyword {
    color: var(--_code-keyword);
  }
  .hljs-string, .hljs-regexp, .hljs-meta .hljs-string, .hljs-selector-attr, .hljs-selector-pseudo, .hljs-char.escape_ {
    color: var(--_code-string);
  }
  .hljs-comment, .hljs-quote, .hljs-meta {
    color: var(--_code-comment);
  }
  .hljs-comment, .hljs-quote, .hljs-emphasis {
    font-style: italic;
  }
  .hljs-number, .hljs-literal, .hljs-symbol, .hljs-bullet, .hljs-link {
    color: var(--_code-number);
  }
  .hljs-title, .hljs-section, .hljs-title.function_ {
    color: var(--_code-function);
  }
  .hljs-built_in, .hljs-type, .hljs-title.class_, .hljs-class .hljs-title {
    color: var(--_code-type);
  }
  .hljs-attr, .hljs-attribute, .hljs-variable, .hljs-template-variable, .hljs-property, .hljs-selector-id, .hljs-selector-class, .hljs-params {
    color: var(--_code-variable);
  }
  .hljs-name, .hljs-tag {
    color: var(--_code-tag);
  }
  .hljs-section, .hljs-strong {
    font-weight: bold;
  }
  .hljs-addition {
    color: var(--_code-addition);
    background: var(--_code-addition-background);
  }
  .hljs-deletion {
    color: var(--_code-deletion);
    background: var(--_code-deletion-background);
  }
`;

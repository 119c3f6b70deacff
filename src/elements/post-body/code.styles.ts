import { css } from 'lit';

// Code blocks: highlight.js's token classes (`hljs-keyword`, …) coloured from
// our own custom properties, each with a light and a dark fallback that
// `light-dark()` picks by the page's `color-scheme`. Every token colour keeps
// a contrast of at least 4.5:1 against the code background in both schemes.
export const codeStyles = css`
  :host {
    --_code-background: var(--sb-code-background, var(--_color-surface));
    --_code-text: var(--sb-code-text, var(--_color-text));
    --_code-keyword: var(--sb-code-keyword, light-dark(#cf222e, #ff7b72));
    --_code-string: var(--sb-code-string, light-dark(#0a3069, #a5d6ff));
    --_code-comment: var(--sb-code-comment, light-dark(#57606a, #8b949e));
    --_code-number: var(--sb-code-number, light-dark(#0550ae, #79c0ff));
    --_code-function: var(--sb-code-function, light-dark(#6639ba, #d2a8ff));
    --_code-type: var(--sb-code-type, light-dark(#953800, #ffa657));
    --_code-variable: var(--sb-code-variable, light-dark(#0550ae, #79c0ff));
    --_code-tag: var(--sb-code-tag, light-dark(#116329, #7ee787));
    --_code-addition: var(--sb-code-addition, light-dark(#116329, #aff5b4));
    --_code-addition-background: var(--sb-code-addition-background, light-dark(#dafbe1, #033a16));
    --_code-deletion: var(--sb-code-deletion, light-dark(#82071e, #ffdcd7));
    --_code-deletion-background: var(--sb-code-deletion-background, light-dark(#ffebe9, #67060c));
    --_code-line-number: var(--sb-code-line-number, var(--_color-muted));
  }
  .sb-code {
    position: relative;
    margin: 1em 0;
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
    opacity: 0.75;
  }
  .sb-code-copy:hover, .sb-code-copy:focus-visible {
    opacity: 1;
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

import { css, type CSSResult, unsafeCSS } from 'lit';

/**
 * The global design tokens: `--sb-NAME` for each name here, with the literal
 * it falls back to, so an element looks right with no theme loaded. Colours
 * are `light-dark()` pairs: they follow the `color-scheme` an element
 * inherits (see color-scheme.ts). This table is the only place in the
 * library's styles where a literal colour may appear.
 */
export const tokenFallbacks = {
  'color-text': 'inherit',
  'color-background': 'light-dark(#ffffff, #161b22)',
  'color-muted': 'light-dark(#57606a, #9da7b3)',
  'color-accent': 'light-dark(#0b5cad, #6cb6ff)',
  'color-on-accent': 'light-dark(#ffffff, #0f1419)',
  'color-border': 'light-dark(#d0d7de, #3d444d)',
  'color-surface': 'light-dark(#f4f6f8, #1c2128)',
  'color-highlight': 'light-dark(#fff5c2, #3b3417)',
  'color-error': 'light-dark(#b42318, #ff8a80)',
  shadow: '0 6px 24px light-dark(rgb(0 0 0 / 0.16), rgb(0 0 0 / 0.55))',
  'font-body': 'inherit',
  'font-heading': 'inherit',
  'font-mono': "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
  'line-height': '1.8',
  'math-scale': '1',
  radius: '6px',
  'space-xs': '0.25em',
  'space-s': '0.5em',
  'space-m': '1em',
  'space-l': '1.5em',
  'space-xl': '2.5em',
} as const;

export type TokenName = keyof typeof tokenFallbacks;

/** `var(--sb-NAME, fallback)`, for styles outside a shadow root, where the private `--_NAME` do not exist. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(--sb-${name}, ${tokenFallbacks[name]})`);
}

const privateTokens = Object.keys(tokenFallbacks)
  .map((name) => `--_${name}: ${token(name as TokenName).cssText};`)
  .join('\n');

/**
 * Every global token as a private `--_NAME` on the host, which the element's
 * own rules read; and how every element breaks lines: a word or URL longer
 * than the line (a 1 MB title) wraps anywhere rather than widening the page,
 * Chinese follows the strict rules (no line starts with ，。）！？), and
 * where the browser can, a little space sets Latin letters and digits apart
 * from Chinese characters (`Softmax函数` reads as `Softmax 函数`).
 */
export const tokens = css`
  :host {
    ${unsafeCSS(privateTokens)}
    overflow-wrap: anywhere;
    line-break: strict;
    text-autospace: normal;
  }
`;

/**
 * The colours of highlight.js's tokens in code blocks, each settable as
 * `--sb-code-*`. Every one keeps a contrast of at least 4.5:1 against the
 * code background in both schemes.
 */
export const codeTokens = css`
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
`;

/**
 * What a figure's picture sits on. A picture loaded from a file (an `<img>`:
 * a PNG, or an SVG drawn in fixed colours for a white page) cannot follow the
 * page's scheme, and grey axis labels meant for white vanish on a dark
 * background; so in the dark scheme it gets a light card, and in the light
 * scheme none. A site whose pictures are drawn for both sets
 * `--sb-post-body-figure-backdrop: transparent`. A drawing inlined as `<svg>`
 * in the post's HTML uses `currentColor` and gets no card.
 */
export const figureTokens = css`
  :host {
    --_figure-backdrop: var(--sb-post-body-figure-backdrop, light-dark(transparent, #f0f3f6));
  }
`;

/** How a formula that KaTeX could not render looks, wherever it appears. */
export const mathErrorStyles = css`
  .sb-math-error {
    color: var(--_color-error);
    font-size: 0.9em;
  }
  div.sb-math-error {
    display: block;
    margin: var(--_space-m) 0;
    padding: var(--_space-s) 0.75em;
    border-inline-start: 3px solid var(--_color-error);
    background: var(--_color-surface);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .sb-math-error-source {
    font-family: var(--_font-mono);
    color: var(--_color-text);
  }
`;

import { css } from 'lit';

// Figures, captioned tables and theorem-like blocks of an article.
export const numberedBlockStyles = css`
  .sb-figure {
    margin: var(--_space-l) 0;
    text-align: center;
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
  }
  /* The picture on its card (see figureTokens), the same size in both schemes so that switching moves nothing. */
  .sb-figure img {
    box-sizing: border-box;
    padding: var(--_space-s);
    border-radius: var(--_radius);
    background: var(--_figure-backdrop);
  }
  figcaption, caption {
    margin-top: var(--_space-s);
    color: var(--_color-muted);
    font-size: 0.92em;
    line-height: 1.6;
  }
  caption {
    margin: 0 0 var(--_space-s);
    caption-side: top;
  }
  .sb-caption-label {
    font-weight: 600;
  }
  .sb-table {
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
  }
  .sb-theorem {
    margin: 1.2em 0;
    padding: 0.1em var(--_space-m);
    border-inline-start: 3px solid var(--sb-post-body-theorem-rule, var(--_color-border));
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
    border-radius: var(--_radius);
    transition: background-color 0.6s;
  }
  .sb-theorem-theorem, .sb-theorem-lemma, .sb-theorem-proposition, .sb-theorem-corollary {
    font-style: var(--sb-post-body-theorem-font-style, normal);
  }
  .sb-theorem-proof {
    border-inline-start-style: dashed;
  }
  .sb-theorem-name {
    font-weight: 700;
  }
  .sb-theorem-proof .sb-theorem-name {
    font-style: italic;
    font-weight: 600;
  }
  .sb-theorem-head {
    margin-inline-end: var(--_space-xs);
  }
  /* LaTeX's \\qed: at the end of the last line, pushed to the right. */
  span.sb-qed {
    float: inline-end;
    margin-inline-start: var(--_space-m);
  }
  p.sb-qed {
    text-align: end;
  }
  .sb-theorem[data-targeted], .sb-figure[data-targeted], .sb-table[data-targeted] {
    background: var(--_color-highlight);
  }
  .sb-ref {
    white-space: nowrap;
  }
  .sb-ref-unknown {
    color: var(--_color-error);
  }
`;

import { css } from 'lit';

// Footnotes: a numbered list at the end of the article; on a screen where the
// article is wide enough (a container query: the element's width, not the
// viewport's) the text column leaves room on the right and each note sits
// there beside the line that cites it, once `sidenote-layout.ts` has placed
// it (`data-sb-placed`). Printed, they are at the end.

export const sidenoteStyles = css`
  :host {
    --_sidenote-width: var(--sb-post-body-sidenote-width, 14rem);
    --_sidenote-gap: var(--sb-post-body-sidenote-gap, 2rem);
  }
  .sb-footnote-ref {
    /* A superscript must not open up the line it is in. */
    line-height: 0;
  }
  .sb-footnote-ref a {
    padding: 0 0.15em;
    text-decoration: none;
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
  }
  .sb-footnotes {
    margin-top: var(--_space-xl);
    padding-top: var(--_space-s);
    border-top: 1px solid var(--_color-border);
    font-size: 0.9em;
  }
  /* The list is the article's last block: it must not be skipped by layout (nor clip the notes it places beside the text). */
  .sb-footnotes[data-sb-far] {
    content-visibility: visible;
  }
  .sb-footnote {
    scroll-margin-top: var(--sb-scroll-margin-top, 1em);
    border-radius: var(--_radius);
    transition: background-color 0.6s;
  }
  /* Gone to, or (beside the text) previewed from its mark: see reference-preview.ts. */
  .sb-footnote:focus, .sb-footnote[data-sb-previewed] {
    outline: none;
    background: var(--_color-highlight);
  }
  .sb-footnote-backref {
    margin-inline-start: 0.2em;
  }
  @media screen {
    .sb-with-notes {
      container-type: inline-size;
      position: relative;
      padding-bottom: var(--_notes-overflow, 0px);
    }
    @container (min-width: 48rem) {
      .sb-with-notes > :not(.sb-footnotes) {
        margin-inline-end: calc(var(--_sidenote-width) + var(--_sidenote-gap));
      }
      .sb-with-notes > table {
        max-width: calc(100% - var(--_sidenote-width) - var(--_sidenote-gap));
      }
      .sb-footnotes[data-sb-placed] {
        height: 0;
        margin: 0;
        padding: 0;
        border: 0;
      }
      .sb-footnotes[data-sb-placed] ol {
        margin: 0;
        padding: 0;
      }
      .sb-footnotes[data-sb-placed] .sb-footnote {
        position: absolute;
        inset-inline-end: 0;
        width: var(--_sidenote-width);
        margin-bottom: 0.75rem;
        list-style: none;
        font-size: 0.85rem;
        line-height: 1.6;
        /* The highlight reaches a little past the text, without moving it. */
        transition: background-color 0.6s, box-shadow 0.6s;
      }
      .sb-footnotes[data-sb-placed] .sb-footnote:is(:focus, [data-sb-previewed]) {
        box-shadow: 0 0 0 0.4em var(--_color-highlight);
      }
      .sb-footnotes[data-sb-placed] .sb-footnote > :first-child {
        margin-top: 0;
      }
      .sb-footnotes[data-sb-placed] .sb-footnote > :last-child {
        margin-bottom: 0;
      }
      .sb-footnotes[data-sb-placed] .sb-footnote > :first-child::before {
        content: counter(list-item) '. ';
        font-weight: 600;
      }
    }
  }
`;

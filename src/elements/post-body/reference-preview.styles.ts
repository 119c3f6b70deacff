import { css } from 'lit';
import { token } from '../../styles/tokens.js';

// Loaded with the previews, on first need. The global tokens are read with
// their fallbacks rather than through post-body's private ones, so the
// preview looks the same in an article without a shadow root. `display` is
// never set: the popover's and `hidden`'s own rules show and hide it.
export const referencePreviewStyles = css`
  .sb-preview {
    position: fixed;
    inset: auto;
    z-index: 1000;
    box-sizing: border-box;
    width: max-content;
    max-width: min(var(--sb-post-body-preview-width, 36rem), calc(100vw - 16px));
    margin: 0;
    padding: 0.6em 1em;
    overflow: visible;
    color: ${token('color-text')};
    font: inherit;
    line-height: 1.6;
    text-align: start;
    background: var(--sb-post-body-preview-background, ${token('color-background')});
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
    box-shadow: ${token('shadow')};
    overflow-wrap: anywhere;
  }
  /* Without the Popover API: above the page, beside the link, in the article's own layer. */
  .sb-preview:not([popover]) {
    position: absolute;
  }
  .sb-preview-body {
    max-height: min(var(--sb-post-body-preview-max-height, 16em), 45vh);
    overflow: hidden;
  }
  /* A long target is cut at the preview's height, fading out so it reads as cut. */
  .sb-preview-body[data-clipped] {
    mask-image: linear-gradient(to bottom, currentColor calc(100% - 3em), transparent);
  }
  .sb-preview-body > * {
    margin-block: 0;
  }
  /* A figure shows whole, its caption too: the picture is drawn smaller to leave the caption room. */
  .sb-preview-body .sb-figure img {
    max-height: 10em;
    width: auto;
  }
  .sb-preview-body .katex-display {
    margin: 0.25em 0;
  }
`;

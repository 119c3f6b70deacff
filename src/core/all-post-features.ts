import { codeFeature } from './code-block-rendering.js';
import { figureFeature } from './figure-blocks.js';
import { footnoteFeature } from './footnote-markup.js';
import type { FootnotePlugin } from './footnotes.js';
import { citationFeature } from './post-citation-options.js';
import type { PostFeatures } from './post-features.js';
import { theoremFeature } from './theorem-blocks.js';

// Every feature at once, for what renders synchronously with no chance to
// load code first: `renderMarkdown` in Node, comments, excerpts.

/** Every feature; footnotes only with markdown-it-footnote, as `loadFootnotes` gives it. */
export function allPostFeatures(footnotes?: FootnotePlugin): PostFeatures {
  return { footnotes: footnotes && footnoteFeature(footnotes), citations: citationFeature, theorems: theoremFeature, figures: figureFeature, code: codeFeature };
}

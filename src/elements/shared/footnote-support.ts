import markdownItFootnote from 'markdown-it-footnote';
import { footnoteFeature as withOurMarkup } from '../../core/footnote-markup.js';
import type { FootnotePlugin } from '../../core/footnotes.js';

// Footnotes with markdown-it-footnote in one module, loaded for a post that has notes (see post-renderers.ts).

/** markdown-it-footnote with our markup. */
// Its types describe markdown-it's CommonJS declarations, which TypeScript holds apart from the ESM ones we use.
export const footnoteFeature = withOurMarkup(markdownItFootnote as unknown as FootnotePlugin);

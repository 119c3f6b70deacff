import type MarkdownIt from 'markdown-it';
import { crossReferences } from './cross-references.js';
import { figureBlocks, lonePictures, tableCaptions } from './figure-blocks.js';
import { theoremBlocks, theoremsAfterInline } from './theorem-blocks.js';

/**
 * Figures, captioned tables, theorem-like blocks and `@` references, for
 * `md.use`. Their token rewriting is one core rule, after the inline rule:
 * each core rule is a step of a post prepared a piece at a time.
 */
export function numberedBlocks(md: MarkdownIt): void {
  md.use(theoremBlocks).use(figureBlocks).use(crossReferences);
  md.core.ruler.after('inline', 'numbered_blocks', (state) => {
    theoremsAfterInline(state);
    lonePictures(state);
    tableCaptions(state);
  });
}

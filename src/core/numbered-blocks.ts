import type MarkdownIt from 'markdown-it';
import { crossReferences } from './cross-references.js';
import type { PostFeatures } from './post-features.js';

/**
 * Theorem-like blocks and figures (when the features are there) and `@`
 * references, for a post's markdown-it. Their token rewriting is one core
 * rule, after the inline rule: each core rule is a step of a post prepared a
 * piece at a time.
 */
export function numberedBlocks(md: MarkdownIt, { theorems, figures }: PostFeatures, trusted: boolean): void {
  theorems?.use(md, trusted);
  figures?.use(md, trusted);
  md.use(crossReferences);
  md.core.ruler.after('inline', 'numbered_blocks', (state) => {
    theorems?.afterInline(state);
    figures?.afterInline(state);
  });
}

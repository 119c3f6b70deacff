import type { PostFeatureName, PostFeatures } from '../../core/post-features.js';

// What `post-body` prepares and renders an article with: markdown-it, texmath
// and KaTeX come with these. Each feature a post may use is a module of its
// own, loaded only for a post that uses it (see math-modules.ts). They are
// imported from here, not from the element, so that a bundler knows this
// module is loaded before any of them: what they share with it stays in its
// chunk rather than in chunks of their own.
export { postBlocksInSteps } from '../../core/post-blocks.js';
export { renderPost } from '../../core/render-post.js';

const featureImporters: Record<PostFeatureName, () => Promise<PostFeatures>> = {
  footnotes: async () => ({ footnotes: (await import('./footnote-support.js')).footnoteFeature }),
  citations: async () => ({ citations: (await import('./citation-support.js')).citationFeature }),
  theorems: async () => ({ theorems: (await import('../../core/theorem-blocks.js')).theoremFeature }),
  figures: async () => ({ figures: (await import('../../core/figure-blocks.js')).figureFeature }),
  code: async () => ({ code: (await import('../../core/code-block-rendering.js')).codeFeature }),
};

/** Imports the code of one feature. */
export function loadPostFeature(name: PostFeatureName): Promise<PostFeatures> {
  return featureImporters[name]();
}

/** Imports what reads a post's bibliography (with the citations; the BibTeX parser comes later still, for BibTeX alone). */
export function loadBibliographyReader(): Promise<typeof import('./citation-support.js')> {
  return import('./citation-support.js');
}

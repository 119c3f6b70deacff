import { type PostFeatureName, type PostFeatures, postFeatureNames } from '../../core/post-features.js';
import { type LazyModule, lazyModule } from './lazy-module.js';

/** markdown-it, texmath and KaTeX with the renderers of excerpts and comments. */
export const markdownRenderers = lazyModule(() => import('./markdown-renderers.js'));

/** markdown-it, texmath and KaTeX with what prepares an article; its features load apart. */
export const postRenderers = lazyModule(() => import('./post-renderers.js'));

/** The directive that lets a comment typeset late replace its own body, for `comment-list`. */
export const commentBodies = lazyModule(() => import('../comment-list/comment-bodies.js'));

/** KaTeX alone, for `math-block`. */
export const formulaRenderer = lazyModule(() => import('../../core/render-math.js'));

/** Each feature of an article, for the articles that may use it (`postFeaturesUsedBy`); after the renderers. */
export const postFeatureModules = Object.fromEntries(
  postFeatureNames.map((name) => [name, lazyModule(async () => (await postRenderers.load()).loadPostFeature(name))]),
) as Record<PostFeatureName, LazyModule<PostFeatures>>;

/** Reads a post's bibliography, for the articles that cite. */
export const bibliographyLoader = lazyModule(async () => (await postRenderers.load()).loadBibliographyReader());

/**
 * Loads the math and markdown code the elements fetch when they first have
 * something to render, every feature of an article included. A page may call
 * it to start that early; a server render (`@lit-labs/ssr`) must await it
 * first, as a server render cannot wait for a module.
 */
export async function loadMathRenderers(): Promise<void> {
  const features = Object.values(postFeatureModules).map((module) => module.load());
  await Promise.all([markdownRenderers.load(), postRenderers.load(), formulaRenderer.load(), bibliographyLoader.load(), ...features, commentBodies.load()]);
}

import { loadFootnotes } from '../../core/footnote-loader.js';
import { lazyModule } from './lazy-module.js';

/** markdown-it, texmath and KaTeX with the renderers of articles, excerpts and comments. */
export const markdownRenderers = lazyModule(() => import('./markdown-renderers.js'));

/** The directive that lets a comment typeset late replace its own body, for `comment-list`. */
export const commentBodies = lazyModule(() => import('../comment-list/comment-bodies.js'));

/** KaTeX alone, for `math-block`. */
export const formulaRenderer = lazyModule(() => import('../../core/render-math.js'));

/** markdown-it-footnote, for articles with footnotes. */
export const footnoteSupport = lazyModule(loadFootnotes);

/**
 * Loads the math and markdown code the elements fetch when they first have
 * something to render. A page may call it to start that early; a server
 * render (`@lit-labs/ssr`) must await it first, as a server render cannot
 * wait for a module.
 */
export async function loadMathRenderers(): Promise<void> {
  await Promise.all([markdownRenderers.load(), formulaRenderer.load(), footnoteSupport.load(), commentBodies.load()]);
}

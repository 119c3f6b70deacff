// What articles, excerpts and comments render with: markdown-it, texmath and
// KaTeX come with these. Elements load this module on first need (see
// math-modules.ts), so a page that never shows such text loads none of it.
export { renderMarkdown } from '../../core/render-markdown.js';
export { excerpt } from '../../core/excerpt.js';
export { renderComment, renderCommentInSteps } from '../../core/comment-render.js';
export { postBlocksInSteps } from '../../core/post-blocks.js';
export { bibliographyToLoad, loadBibliography } from '../../core/bibliography-loader.js';

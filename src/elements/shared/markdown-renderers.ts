// What excerpts and comments render with: markdown-it, texmath and KaTeX come
// with these, and every feature (they render at once, with no time to load
// one). Elements load this module on first need (see math-modules.ts), so a
// page that never shows such text loads none of it.
export { excerpt } from '../../core/excerpt.js';
export { renderComment, renderCommentInSteps } from '../../core/comment-render.js';

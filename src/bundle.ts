// The self-contained build for plain HTML pages (dist/sciblog-elements.js):
// every element, with KaTeX and markdown-it in chunks beside it that load when
// an element first has math or markdown to render. The core functions are not
// in it (they would bring KaTeX into the first file); pages that want them
// import sciblog-elements/core, or use the classic script, which has both.
export * from './math-block.js';
export * from './post-body.js';
export * from './post-toc.js';
export * from './post-meta.js';
export * from './post-cite.js';
export * from './series-nav.js';
export * from './archive-list.js';
export * from './post-excerpt.js';
export * from './post-card.js';
export * from './post-list.js';
export * from './comment-list.js';
export * from './comment-form.js';
export { loadMathRenderers } from './elements/shared/math-modules.js';

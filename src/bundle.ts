// The self-contained build for plain HTML pages (dist/sciblog-elements.js):
// every element, with KaTeX and markdown-it in chunks beside it that load when
// an element first has math or markdown to render. Of the core functions it
// has those that need neither (feeds, dates, archives, citations, threads);
// renderMarkdown and the other renderers are in sciblog-elements/core and in
// the classic script.
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
export * from './core/blog-data.js';
export { safeAuthorUrl, threadComments } from './core/comments.js';
export { seriesOf } from './core/series.js';
export { paginate } from './core/pagination.js';
export { messages, resolveLocale } from './core/messages.js';
export { numberEquations, parseLoneReference } from './core/equation-numbering.js';

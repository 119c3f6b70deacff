// Every element, registered, with the core functions that need neither KaTeX
// nor markdown-it (feeds, dates, archives, citations, threads). It is the
// self-contained build for plain pages (dist/sciblog-elements.js), where
// KaTeX and markdown-it wait in chunks until an element first has math or
// markdown to render; src/index.ts adds the rest of core for npm users.
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
export * from './site-search.js';
export { loadMathRenderers } from './elements/shared/math-modules.js';
export * from './core/blog-data.js';
export { safeAuthorUrl, threadComments } from './core/comments.js';
export { seriesOf } from './core/series.js';
export { paginate } from './core/pagination.js';
export { messages, resolveLocale } from './core/messages.js';
export { numberEquations, parseLoneReference } from './core/equation-numbering.js';

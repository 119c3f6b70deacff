// Registers every element and re-exports the whole API.
export * from './core/index.js';
export { loadMathRenderers } from './elements/shared/math-modules.js';
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

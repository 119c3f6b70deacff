// Citations and what reads a post's bibliography: one module, loaded for a
// post that cites (see post-renderers.ts).
export { citationFeature } from '../../core/post-citation-options.js';
export { bibliographyToLoad, loadBibliography } from '../../core/bibliography-loader.js';

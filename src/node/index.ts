// Node only: prerendering pages into declarative shadow DOM.
export { prerender, type PrerenderError, type PrerenderOptions, type PrerenderResult } from './prerender.js';
export { markdownPage, defaultPageTemplate, type MarkdownPageOptions } from './markdown-page.js';

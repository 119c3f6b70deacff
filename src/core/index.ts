// The DOM-free API: everything here runs in Node as well as in the browser.
export { renderMarkdown } from './render-markdown.js';
export type { Heading, RenderedMarkdown, RenderError, RenderMarkdownOptions } from './render-markdown.js';
export { clearMathCache, renderFormula, renderMath } from './render-math.js';
export type { RenderedFormula, RenderMathOptions, TexMacros } from './render-math.js';
export { numberEquations, parseLoneReference } from './equation-numbering.js';
export type { Equation, FormulaInput, NumberedEquations, NumberedFormula, NumberingError } from './equation-numbering.js';
export { parseFrontMatter } from './front-matter.js';
export type { FrontMatter, PostMeta } from './front-matter.js';
export { slugify } from './heading-slug.js';
export { isSafeUrl } from './safe-url.js';
export { escapeHtml } from './escape-html.js';
export { dedent } from './dedent.js';
export { messages, resolveLocale } from './messages.js';
export type { Locale, Messages } from './messages.js';

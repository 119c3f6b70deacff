import { escapeHtml } from './escape-html.js';
import { codedErrorAt } from './post-error-messages.js';
import { formulaTypesetter, mathContext, postHeadings, preparePost, sortedErrors } from './post-preparation.js';
import type { PostFeatures } from './post-features.js';
import { prefixIds } from './prefix-ids.js';
import type { RenderedMarkdown, RenderMarkdownOptions } from './render-markdown.js';
import { drain, type Steps } from './steps.js';

/** The longest untrusted text `renderMarkdown` renders, in characters, unless `maxLength` says otherwise. */
export const untrustedTextLimit = 100_000;

/** `renderMarkdown` with these features (a browser loads only those a post uses). */
export function renderPost(source: string, options: RenderMarkdownOptions, features: PostFeatures): RenderedMarkdown {
  return drain(renderPostInSteps(source, options, features));
}

/** `renderPost`, yielding while the post is prepared and after each formula is typeset, for a caller that spreads the work over tasks. */
export function* renderPostInSteps(source: string, options: RenderMarkdownOptions, features: PostFeatures): Steps<RenderedMarkdown> {
  const trusted = options.trusted ?? true;
  const maxLength = options.maxLength ?? untrustedTextLimit;
  if (!trusted && source.length > maxLength) return tooLong(source, maxLength);
  const post = yield* preparePost(source, options, features);
  // KaTeX is most of the cost: each formula is a step of its own.
  const typeset = formulaTypesetter(post);
  const formulas: string[] = [];
  for (let formula = 0; formula < post.formulas.length; formula++) {
    formulas[formula] = typeset(formula);
    yield;
  }
  const context = mathContext(post, (formula) => (formulas[formula] ??= typeset(formula)));
  const html = post.md.renderer.render(post.tokens, post.md.options, context);
  const headings = postHeadings(post, context);
  const rendered = { html, meta: post.front.meta, equations: post.numbering.equations, headings, errors: sortedErrors(post.errors), macros: post.defined, citations: post.citations, blocks: post.blocks };
  return options.idPrefix ? withIdPrefix(rendered, options.idPrefix, outsideIds(options.labels)) : rendered;
}

function outsideIds(labels: RenderMarkdownOptions['labels']): Set<string> {
  return new Set([...(labels?.values() ?? [])].map((target) => target.id));
}

function withIdPrefix(rendered: RenderedMarkdown, prefix: string, keep: ReadonlySet<string>): RenderedMarkdown {
  const moved = <T extends { id: string }>(items: T[]) => items.map((item) => ({ ...item, id: prefix + item.id }));
  return {
    ...rendered,
    html: prefixIds(rendered.html, prefix, keep),
    equations: moved(rendered.equations),
    headings: moved(rendered.headings),
    citations: moved(rendered.citations),
    blocks: moved(rendered.blocks),
  };
}

/** The result for untrusted text over the limit: the text as written, and why it is not rendered. */
export function tooLong(source: string, maxLength: number): RenderedMarkdown {
  return {
    html: `<pre class="sb-too-long" tabindex="0">${escapeHtml(source)}</pre>\n`,
    meta: {},
    equations: [],
    headings: [],
    errors: [codedErrorAt('text-too-long', { length: source.length, limit: maxLength }, 1)],
    macros: {},
    citations: [],
    blocks: [],
  };
}

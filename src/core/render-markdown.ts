import type { Token } from 'markdown-it';
import { escapeHtml } from './escape-html.js';
import { type Equation, numberEquations, parseLoneReference } from './equation-numbering.js';
import { type PostDialect, type PostMeta, parseFrontMatter } from './front-matter.js';
import { readPostFormulas, referenceTextHtml } from './post-formulas.js';
import { readPostOptions } from './post-options.js';
import { SlugRegistry } from './heading-slug.js';
import { inlineMathTypes, markdownFor, type MathRenderContext } from './markdown-math.js';
import { renderFormula, type TexMacros } from './render-math.js';

/** How a post's markdown marks math: `default`, or `kramdown` for posts written for Jekyll. */
export type MathDialect = PostDialect;

/** The longest untrusted text `renderMarkdown` renders, in characters, unless `maxLength` says otherwise. */
export const untrustedTextLimit = 100_000;

export interface RenderMarkdownOptions {
  /**
   * Whether the text comes from the site owner (raw HTML allowed) or from a
   * visitor (HTML shown as text, only http, https, mailto and relative links,
   * no KaTeX `trust`). Default `true`.
   */
  trusted?: boolean;
  /** Site-wide TeX macros. */
  macros?: TexMacros;
  /** Read YAML front matter at the top. Default `true`; comments turn it off. */
  frontMatter?: boolean;
  /** Render `![alt](src)` as an image. Default `true`; otherwise it stays a link. */
  images?: boolean;
  /**
   * `kramdown`: `$$..$$` inside a paragraph is inline math, as Jekyll has it;
   * on lines of its own it is a display. Front matter `dialect:` sets it for
   * one post. Default `default`: `$$..$$` is always a display.
   */
  dialect?: MathDialect;
  /**
   * Untrusted text longer than this many characters is not rendered: the
   * result is the text itself, escaped, and an error. Default
   * `untrustedTextLimit` (100 000). Trusted text has no limit.
   */
  maxLength?: number;
}

export interface Heading {
  level: number;
  /** The heading as plain text, formulas as their TeX. */
  text: string;
  /** The heading as HTML, formulas rendered, without links: for a table of contents. */
  html: string;
  /** Unique element id, usable as a URL fragment. */
  id: string;
}

export interface RenderError {
  message: string;
  /** 1-based line in the source, front matter included. */
  line?: number;
}

export interface RenderedMarkdown {
  html: string;
  meta: PostMeta;
  equations: Equation[];
  headings: Heading[];
  errors: RenderError[];
  /** The macros the post's formulas defined (`\newcommand`, `\def`, …), name → expansion. */
  macros: Record<string, string>;
}

/** Renders a markdown post with math: front matter, numbered equations, references, heading ids. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  const trusted = options.trusted ?? true;
  const maxLength = options.maxLength ?? untrustedTextLimit;
  if (!trusted && source.length > maxLength) return tooLong(source, maxLength);
  const front = options.frontMatter === false ? { meta: {}, body: source, lineOffset: 0, errors: [], fieldLines: {} } : parseFrontMatter(source);
  const postOptions = readPostOptions(front.meta, front.fieldLines);
  const errors: RenderError[] = [...front.errors, ...postOptions.errors];
  const dialect = options.dialect ?? postOptions.dialect;
  const md = markdownFor(trusted, options.images ?? true);
  const tokens = md.parse(front.body, {});

  const headingTokens: { level: number; id: string; inline: Token }[] = [];
  const slugs = new SlugRegistry();
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const inline = tokens[index + 1];
    const id = slugs.take(headingText(inline));
    token.attrSet('id', id);
    headingTokens.push({ level: Number(token.tag.slice(1)), id, inline });
  });

  const { formulas, defined } = readPostFormulas(tokens, {
    // Front matter `macros:` add to the site's.
    macros: Object.keys(postOptions.macros).length > 0 ? { ...options.macros, ...postOptions.macros } : options.macros,
    dialect,
  });
  const inputs = formulas.map((formula) => formula.input);
  const lineOf = (formula: number) => {
    const { line } = formulas[formula];
    return line === undefined ? undefined : line + front.lineOffset;
  };
  const numbering = numberEquations(inputs);
  for (const error of numbering.errors) errors.push({ message: error.message, line: lineOf(error.formula) });

  const reported = new Set<number>();
  const context: MathRenderContext = {
    renderFormula(formula) {
      const { tex, ids } = numbering.formulas[formula];
      const { display } = inputs[formula];
      const { macros } = formulas[formula].source;
      // A formula that only defined macros shows nothing, as in MathJax.
      if (tex.trim() === '' && ids.length === 0) return '';
      const rendered = renderFormula(tex, { display, macros, trusted });
      if (rendered.error && !reported.has(formula)) {
        reported.add(formula);
        errors.push({ message: rendered.error, line: lineOf(formula) });
      }
      if (!display) return rendered.html;
      const [id, ...more] = ids;
      const extraAnchors = more.map((other) => `<span class="sb-equation-anchor" id="${escapeHtml(other)}"></span>`).join('');
      const block = formulas[formula].token.block ? 'div' : 'span';
      const idAttribute = id ? ` id="${escapeHtml(id)}"` : '';
      return `<${block} class="sb-equation"${idAttribute}>${extraAnchors}${rendered.html}</${block}>`;
    },
    renderReference(formula, asLink) {
      const reference = parseLoneReference(inputs[formula].tex);
      if (!reference || inputs[formula].display) return undefined;
      const { href, text, found } = numbering.resolve(reference.label, reference.parenthesized);
      const shown = referenceTextHtml(text, formulas[formula].source, trusted);
      if (!found) return `<span class="sb-eqref sb-eqref-unknown" title="${escapeHtml(reference.label)}">${shown}</span>`;
      if (asLink === false || formulas[formula].token.meta?.inLink) return `<span class="sb-eqref">${shown}</span>`;
      return `<a class="sb-eqref" href="${escapeHtml(href)}">${shown}</a>`;
    },
  };

  const html = md.renderer.render(tokens, md.options, context);
  const headingContext: MathRenderContext = { ...context, renderReference: (formula) => context.renderReference(formula, false) };
  const headings = headingTokens.map(({ level, id, inline }) => ({
    level,
    text: headingText(inline),
    html: md.renderer.renderInline(withoutLinks(inline.children ?? []), md.options, headingContext),
    id,
  }));
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { html, meta: front.meta, equations: numbering.equations, headings, errors, macros: defined };
}

/** The result for untrusted text over the limit: the text as written, and why it is not rendered. */
function tooLong(source: string, maxLength: number): RenderedMarkdown {
  const message = `text is too long to render: ${source.length} characters (the limit is ${maxLength})`;
  return {
    html: `<pre class="sb-too-long">${escapeHtml(source)}</pre>\n`,
    meta: {},
    equations: [],
    headings: [],
    errors: [{ message, line: 1 }],
    macros: {},
  };
}

function withoutLinks(children: Token[]): Token[] {
  return children.filter((child) => child.type !== 'link_open' && child.type !== 'link_close');
}

function headingText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' || inlineMathTypes.has(child.type) ? child.content : ''))
    .join('')
    .trim();
}

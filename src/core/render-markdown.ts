import type { Token } from 'markdown-it';
import { escapeHtml } from './escape-html.js';
import { type Equation, type FormulaInput, numberEquations, parseLoneReference } from './equation-numbering.js';
import { type PostMeta, parseFrontMatter } from './front-matter.js';
import { SlugRegistry } from './heading-slug.js';
import { blockMathTypes, inlineMathTypes, markdownFor, type MathRenderContext } from './markdown-math.js';
import { renderFormula, type TexMacros } from './render-math.js';

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
}

export interface Heading {
  level: number;
  text: string;
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
}

interface MathToken {
  token: Token;
  line: number | undefined;
}

/** Renders a markdown post with math: front matter, numbered equations, references, heading ids. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  const trusted = options.trusted ?? true;
  const front = options.frontMatter === false ? { meta: {}, body: source, lineOffset: 0, errors: [] } : parseFrontMatter(source);
  const errors: RenderError[] = [...front.errors];
  const md = markdownFor(trusted, options.images ?? true);
  const tokens = md.parse(front.body, {});

  const mathTokens: MathToken[] = [];
  const headings: Heading[] = [];
  const slugs = new SlugRegistry();
  const lineOf = (token: Token) => (token.map ? token.map[0] + front.lineOffset + 1 : undefined);

  tokens.forEach((token, index) => {
    if (blockMathTypes.has(token.type)) mathTokens.push({ token, line: lineOf(token) });
    if (token.type === 'inline') {
      // Inline tokens carry no position: count the line breaks before each one.
      let line = lineOf(token);
      for (const child of token.children ?? []) {
        if (inlineMathTypes.has(child.type)) mathTokens.push({ token: child, line });
        if (line !== undefined) line += lineBreaksIn(child);
      }
    }
    if (token.type === 'heading_open') {
      const text = headingText(tokens[index + 1]);
      const id = slugs.take(text);
      token.attrSet('id', id);
      headings.push({ level: Number(token.tag.slice(1)), text, id });
    }
  });

  const inputs: FormulaInput[] = mathTokens.map(({ token }, formula) => {
    token.meta = { formula };
    // `$$ x $$ (3)` is texmath's way of writing `\tag{3}`.
    const tex = token.type === 'math_block_eqno' ? `${token.content}\\tag{${token.info}}` : token.content;
    return { tex, display: !inlineMathTypes.has(token.type) || token.type === 'math_inline_double' };
  });
  const numbering = numberEquations(inputs);
  for (const error of numbering.errors) errors.push({ message: error.message, line: mathTokens[error.formula].line });

  const context: MathRenderContext = {
    renderFormula(formula, display) {
      const { tex, ids } = numbering.formulas[formula];
      const rendered = renderFormula(tex, { display, macros: options.macros, trusted });
      if (rendered.error) errors.push({ message: rendered.error, line: mathTokens[formula].line });
      if (!display) return rendered.html;
      const [id, ...more] = ids;
      const extraAnchors = more.map((other) => `<span class="sb-equation-anchor" id="${escapeHtml(other)}"></span>`).join('');
      const block = mathTokens[formula].token.block ? 'div' : 'span';
      const idAttribute = id ? ` id="${escapeHtml(id)}"` : '';
      return `<${block} class="sb-equation"${idAttribute}>${extraAnchors}${rendered.html}</${block}>`;
    },
    renderReference(formula) {
      const reference = parseLoneReference(inputs[formula].tex);
      if (!reference || inputs[formula].display) return undefined;
      const { href, text, found } = numbering.resolve(reference.label, reference.parenthesized);
      if (!found) return `<span class="sb-eqref sb-eqref-unknown" title="${escapeHtml(reference.label)}">${text}</span>`;
      return `<a class="sb-eqref" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
    },
  };

  const html = md.renderer.render(tokens, md.options, context);
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { html, meta: front.meta, equations: numbering.equations, headings, errors };
}

function lineBreaksIn(token: Token): number {
  if (token.type === 'softbreak' || token.type === 'hardbreak') return 1;
  return token.content.split('\n').length - 1;
}

function headingText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' || inlineMathTypes.has(child.type) ? child.content : ''))
    .join('')
    .trim();
}

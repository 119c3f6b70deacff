import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { CodeRenderContext } from './code-block-rendering.js';
import type { CodeHighlighter } from './code-highlighter.js';
import { escapeHtml } from './escape-html.js';
import { type NumberedBlock, numberBlocks, resolveCrossReferences } from './block-numbering.js';
import { LabelRegistry } from './label-registry.js';
import { type NumberedEquations, numberEquationsInSteps, parseLoneReference } from './equation-numbering.js';
import { type FrontMatter, parseFrontMatter } from './front-matter.js';
import { type PostFormula, readPostFormulas, referenceTextHtml } from './post-formulas.js';
import { macrosInForce, readPostOptions } from './post-options.js';
import { chunksAtTopLevel } from './markdown-chunks.js';
import { labelFootnotes } from './footnotes.js';
import { SlugRegistry } from './heading-slug.js';
import { inlineMathTypes, markdownFor, type MathRenderContext } from './markdown-math.js';
import { renderFormula } from './render-math.js';
import type { PostFeatures } from './post-features.js';
import type { CitedReference } from './citation-format.js';
import type { Steps } from './steps.js';
import type { Heading, RenderError, RenderMarkdownOptions } from './render-markdown.js';

// Everything a post needs before any of it is turned into HTML: the parse,
// heading ids, formulas and their numbering. It is whole-post work (a
// reference may come before its equation), written as a generator that yields
// between pieces of work, so the browser can spread a long post over many
// tasks while Node drains it in one go. KaTeX is not run here.

export interface PreparedPost {
  md: MarkdownIt;
  tokens: Token[];
  front: FrontMatter;
  trusted: boolean;
  formulas: PostFormula[];
  numbering: NumberedEquations;
  /** Front matter, option and numbering errors, then KaTeX's as formulas are rendered; sorted by line on read. */
  errors: RenderError[];
  headingTokens: { level: number; id: string; inline: Token }[];
  /** The macros the post's formulas defined. */
  defined: Record<string, string>;
  /** The references cited, numbered; the citation tokens hold their HTML. */
  citations: CitedReference[];
  /** Figures, tables and theorems, numbered. */
  blocks: NumberedBlock[];
  highlighter?: CodeHighlighter;
}

/** Inline tokens parsed between two yields: a few milliseconds of work. */
const inlineTokensPerStep = 2000;
/** Markdown block-parsed between two yields, for posts long enough to cut (about 5 ms of work). */
const charactersPerBlockStep = 50_000;

/** Prepares a post with these features, yielding between steps; `drain` runs it to the end synchronously. */
export function* preparePost(source: string, options: RenderMarkdownOptions = {}, features: PostFeatures = {}): Steps<PreparedPost> {
  const trusted = options.trusted ?? true;
  const front = options.frontMatter === false ? { meta: {}, body: source, lineOffset: 0, errors: [], fieldLines: {} } : parseFrontMatter(source);
  const postOptions = readPostOptions(front.meta, front.fieldLines);
  const errors: RenderError[] = [...front.errors, ...postOptions.errors];
  const dialect = options.dialect ?? postOptions.dialect;
  const md = markdownFor(trusted, options.images ?? true, features);
  const tokens = yield* parseInSteps(md, front.body);
  labelFootnotes(tokens, options.footnoteLabels);
  errors.push(...(features.code?.errors(tokens, front.lineOffset) ?? []));

  const headingTokens: PreparedPost['headingTokens'] = [];
  const slugs = new SlugRegistry();
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const inline = tokens[index + 1];
    const id = slugs.take(headingText(inline));
    token.attrSet('id', id);
    headingTokens.push({ level: Number(token.tag.slice(1)), id, inline });
  });
  yield;
  const labels = new LabelRegistry(options.labels);
  for (const { id } of headingTokens) labels.reserveId(id);
  const blockOptions = {
    locale: postOptions.locale ?? options.locale ?? 'en',
    theoremNumbering: postOptions.theoremNumbering ?? options.theoremNumbering ?? 'per-kind',
    lineOffset: front.lineOffset,
  };
  const { blocks, problems } = numberBlocks(tokens, labels, blockOptions);
  errors.push(...problems);

  const { formulas, defined } = readPostFormulas(tokens, {
    macros: macrosInForce(options.macros, postOptions.macros),
    dialect,
  });
  yield;
  const numbering = yield* numberEquationsInSteps(formulas.map((formula) => formula.input), labels);
  const citations = features.citations?.cite(tokens, front, options, (type, tag) => new (new md.core.State('', md, {})).Token(type, tag, 0)) ?? { cited: [], errors: [] };
  errors.push(...citations.errors);
  const post: PreparedPost = { md, tokens, front, trusted, formulas, numbering, errors, headingTokens, defined, citations: citations.cited, blocks, highlighter: options.highlighter };
  for (const { formula, ...error } of numbering.errors) errors.push({ ...error, line: formulaLine(post, formula) });
  errors.push(...resolveCrossReferences(tokens, labels, blockOptions));
  return post;
}


type CoreRule = (state: InstanceType<MarkdownIt['core']['State']>) => unknown;

/**
 * `md.parse`, with a yield after each core rule and within the inline rule
 * (the one that grows with the number of paragraphs). markdown-it has no
 * public way to name its rules; without the name every rule runs whole.
 */
function* parseInSteps(md: MarkdownIt, text: string): Steps<Token[]> {
  const state = new md.core.State(text, md, {});
  const named = (md.core.ruler as unknown as { __rules__?: { name: string; fn: CoreRule }[] }).__rules__;
  const ruleNamed = (name: string) => named?.find((rule) => rule.name === name)?.fn;
  const blockRule = ruleNamed('block');
  const inlineRule = ruleNamed('inline');
  for (const rule of md.core.ruler.getRules('') as CoreRule[]) {
    if (rule === blockRule && state.src.length > 4 * charactersPerBlockStep) {
      // What markdown-it's block rule does, a chunk at a time; one env, so link references reach across chunks.
      for (const chunk of chunksAtTopLevel(state.src, charactersPerBlockStep)) {
        const first = state.tokens.length;
        md.block.parse(chunk.text, md, state.env, state.tokens);
        for (let index = first; index < state.tokens.length; index++) {
          const { map } = state.tokens[index];
          if (map) state.tokens[index].map = [map[0] + chunk.line, map[1] + chunk.line];
        }
        yield;
      }
      continue;
    }
    if (rule !== inlineRule) {
      rule(state);
      yield;
      continue;
    }
    // What markdown-it's inline rule does, a slice of tokens at a time.
    for (let index = 0; index < state.tokens.length; index++) {
      const token = state.tokens[index];
      if (token.type === 'inline') md.inline.parse(token.content, md, state.env, token.children ?? (token.children = []));
      if (index % inlineTokensPerStep === inlineTokensPerStep - 1) yield;
    }
  }
  return state.tokens;
}

export function formulaLine(post: PreparedPost, formula: number): number | undefined {
  const { line } = post.formulas[formula];
  return line === undefined ? undefined : line + post.front.lineOffset;
}

/**
 * The renderer context for a prepared post. `body` gives a formula's own HTML
 * (KaTeX's, or a placeholder to typeset later); the equation's wrapper, its
 * anchors and references are the same either way, so ids and links exist
 * before any formula is typeset.
 */
export function mathContext(post: PreparedPost, body: (formula: number) => string): MathRenderContext & CodeRenderContext {
  const { numbering, formulas, trusted } = post;
  return {
    codeHighlighter: post.highlighter,
    renderFormula(formula) {
      const { tex, ids } = numbering.formulas[formula];
      const { display } = formulas[formula].input;
      // A formula that only defined macros shows nothing, as in MathJax.
      if (tex.trim() === '' && ids.length === 0) return '';
      const html = body(formula);
      if (!display) return html;
      const [id, ...more] = ids;
      const extraAnchors = more.map((other) => `<span class="sb-equation-anchor" id="${escapeHtml(other)}"></span>`).join('');
      const block = formulas[formula].token.block ? 'div' : 'span';
      const idAttribute = id ? ` id="${escapeHtml(id)}"` : '';
      return `<${block} class="sb-equation"${idAttribute}>${extraAnchors}${html}</${block}>`;
    },
    renderReference(formula, asLink) {
      const { input, source, token } = formulas[formula];
      const reference = parseLoneReference(input.tex);
      if (!reference || input.display) return undefined;
      const { href, text, found } = numbering.resolve(reference.label, reference.parenthesized);
      const shown = referenceTextHtml(text, source, trusted);
      if (!found) return `<span class="sb-eqref sb-eqref-unknown" title="${escapeHtml(reference.label)}">${shown}</span>`;
      if (asLink === false || token.meta?.inLink) return `<span class="sb-eqref">${shown}</span>`;
      return `<a class="sb-eqref" href="${escapeHtml(href)}">${shown}</a>`;
    },
  };
}

/** Typesets one formula with KaTeX, reporting its error (once) in the post's errors. */
export function formulaTypesetter(post: PreparedPost): (formula: number) => string {
  const reported = new Set<number>();
  return (formula) => {
    const { tex } = post.numbering.formulas[formula];
    const { input, source } = post.formulas[formula];
    const rendered = renderFormula(tex, { display: input.display, macros: source.macros, trusted: post.trusted });
    if (rendered.problem && !reported.has(formula)) {
      reported.add(formula);
      post.errors.push({ ...rendered.problem, line: formulaLine(post, formula) });
    }
    return rendered.html;
  };
}

/** The headings, for a table of contents: formulas typeset, references as text. */
export function postHeadings(post: PreparedPost, context: MathRenderContext): Heading[] {
  const headingContext: MathRenderContext = { ...context, renderReference: (formula) => context.renderReference(formula, false) };
  return post.headingTokens.map(({ level, id, inline }) => ({
    level,
    text: headingText(inline),
    html: post.md.renderer.renderInline(withoutLinks(inline.children ?? []), post.md.options, headingContext),
    id,
  }));
}

export function sortedErrors(errors: RenderError[]): RenderError[] {
  return errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
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

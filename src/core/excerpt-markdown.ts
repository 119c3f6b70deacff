import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { numberEquationsInSteps, parseLoneReference } from './equation-numbering.js';
import { escapeHtml } from './escape-html.js';
import { type BlockNumberingOptions, numberBlocks, resolveCrossReferences } from './block-numbering.js';
import { LabelRegistry } from './label-registry.js';
import type { Excerpt, Settings } from './excerpt.js';
import { type LeadingBlocks, readLeadingBlocks } from './excerpt-blocks.js';
import { cutHtml, excerptTex, moreMarker } from './excerpt-html.js';
import { type FrontMatter, parseFrontMatter } from './front-matter.js';
import { resolveExcerptCitations } from './excerpt-citations.js';
import { footnoteLabelsIn, type FootnoteLabelsEnv, footnotesLeftOutFeature } from './excerpt-footnotes.js';
import { allPostFeatures } from './all-post-features.js';
import { markdownFor, type MathRenderContext } from './markdown-math.js';
import { type ReadFormulasOptions, readPostFormulas, referenceTextHtml } from './post-formulas.js';
import { macrosInForce, readPostOptions } from './post-options.js';
import { renderFormula } from './render-math.js';
import { drain } from './steps.js';

// A markdown excerpt is the HTML excerpt of the post's first few blocks:
// markdown-it decides what is math, code or text, and the HTML cut never
// falls inside what it made of them.

export function excerptMarkdown(source: string, settings: Settings): Excerpt {
  const parsed = /^\uFEFF?---/.test(source) ? parseFrontMatter(source) : undefined;
  const front = parsed?.body ?? source;
  // The post's own macros and dialect hold in its excerpt too.
  const post = parsed ? readPostOptions(parsed.meta, parsed.fieldLines) : undefined;
  const macros = post ? macrosInForce(settings.macros, post.macros) : settings.macros;
  const reading = { macros, dialect: post?.dialect };
  const frontMatter: FrontMatter = parsed ?? { meta: {}, body: source, lineOffset: 0, errors: [], fieldLines: {} };
  const lang = post?.locale ?? settings.locale;
  // Figures, tables and theorems are numbered as in the post: the excerpt is its beginning, so the numbers agree.
  const numbering: BlockNumberingOptions = { locale: post?.locale ?? settings.locale, theoremNumbering: post?.theoremNumbering ?? 'per-kind', lineOffset: 0 };
  // As markdown-it's own first step, so that lines and offsets are the ones it reads.
  const body = front.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  const md = markdownFor(settings.trusted, true, { ...allPostFeatures(), footnotes: footnotesLeftOutFeature });
  const footnoteLabels = footnoteLabelsIn(body);
  const candidate = moreMarker.test(body);
  // Definitions may stand anywhere (often last), and `<!--more-->` far below: then every block is read.
  const readAll = candidate || body.includes(']:');
  // Source characters per wanted visible one: formulas weigh a quarter of their TeX.
  for (let reach = settings.length * 4; ; reach *= 2) {
    const blocks = readLeadingBlocks(md, body, readAll ? Infinity : reach);
    const marked = candidate ? markedBlock(md, body, blocks) : undefined;
    let kept = marked === undefined ? blocks.lines.findIndex(([start]) => blocks.lineStarts[start] >= reach) : marked + 1;
    if (kept < 0) kept = blocks.lines.length;
    const goesOn = kept < blocks.lines.length || blocks.unread;
    const end = kept > 0 ? blocks.lineStarts[blocks.lines[kept - 1][1]] : 0;
    const { html, renderKept } = renderBlocks(md, body, end, { references: blocks.references, footnoteLabels }, settings, reading, numbering, { front: frontMatter, lang });
    const cut = cutHtml(html, settings, { readsTex: false, goesOn, extendable: goesOn && marked === undefined, renderKept });
    if (cut) return cut;
  }
}

/** The first block holding a `<!--more-->` that markdown-it reads as HTML, not as code or text. */
function markedBlock(md: MarkdownIt, body: string, blocks: LeadingBlocks): number | undefined {
  const isMarker = (token: Token) => (token.type === 'html_block' || token.type === 'html_inline') && moreMarker.test(token.content);
  const found = new RegExp(moreMarker.source, 'gi');
  let block = 0;
  for (let match; (match = found.exec(body)); ) {
    const { lines, lineStarts } = blocks;
    while (block < lines.length && lineStarts[lines[block][1]] <= match.index) block++;
    if (block >= lines.length) return undefined;
    const [start, end] = lines[block];
    // Between blocks: a blank line or a link definition.
    if (lineStarts[start] > match.index) continue;
    const tokens = md.parse(body.slice(lineStarts[start], lineStarts[end]), {});
    if (tokens.some((token) => isMarker(token) || token.children?.some(isMarker))) return block;
    found.lastIndex = lineStarts[end];
  }
  return undefined;
}

const standIn = /<span class="katex" data-sb-formula="(\d+)">[^<]*<annotation encoding="application\/x-tex">[^<]*<\/annotation><\/span>/g;

/**
 * The source up to `end`, whole blocks, rendered as `renderMarkdown` would
 * but with the numbers its equations, figures, tables, theorems and
 * references have in the whole post, references as plain text (the excerpt
 * has no ids to link to), and citations as `resolveExcerptCitations` has them.
 *
 * KaTeX's work is most of the cost and the cut drops many formulas, so each
 * formula is at first a stand-in that weighs as much (its TeX, where KaTeX
 * keeps it); `renderKept` renders the stand-ins the cut keeps.
 */
function renderBlocks(
  md: MarkdownIt,
  body: string,
  end: number,
  env: { references: Record<string, unknown> } & FootnoteLabelsEnv,
  settings: Settings,
  reading: ReadFormulasOptions,
  blockNumbering: BlockNumberingOptions,
  post: { front: FrontMatter; lang: string },
): { html: string; renderKept: (html: string) => string } {
  const { trusted } = settings;
  const tokens = md.parse(body.slice(0, end), { ...env });
  const { formulas } = readPostFormulas(tokens, reading);
  const inputs = formulas.map((formula) => formula.input);
  // A reference may point further down: then number the whole post, the rest parsed, not rendered.
  // The rest starts where a top-level block does, so markdown-it reads it alone as in the whole post.
  // (Later formulas and blocks never change earlier numbers: without references the kept ones suffice.)
  const refers = end < body.length && (inputs.some((input) => input.tex.includes('ref')) || tokens.some((token) => token.children?.some((child) => child.type === 'cross_reference')));
  const restTokens = refers ? md.parse(body.slice(end), { ...env }) : [];
  const labels = new LabelRegistry();
  numberBlocks([...tokens, ...restTokens], labels, blockNumbering);
  const rest = refers ? readPostFormulas(restTokens, reading).formulas.map(({ input }) => input) : [];
  // The rest's subequations groups are other groups than the kept part's.
  const restInputs = rest.map((input) => (input.subequations ? { ...input, subequations: { ...input.subequations, index: input.subequations.index + tokens.length } } : input));
  const numbering = drain(numberEquationsInSteps([...inputs, ...restInputs], labels));
  resolveCrossReferences(tokens, labels, blockNumbering);
  resolveExcerptCitations(tokens, post.front, trusted, post.lang, (type, tag) => new (new md.core.State('', md, {})).Token(type, tag, 0));

  const context: MathRenderContext = {
    renderFormula(formula) {
      // A formula that only defined macros shows nothing, as in the whole post.
      if (numbering.formulas[formula].tex.trim() === '' && numbering.formulas[formula].ids.length === 0) return '';
      const tex = escapeHtml(numbering.formulas[formula].tex);
      const html = `<span class="katex" data-sb-formula="${formula}"><annotation encoding="application/x-tex">${tex}</annotation></span>`;
      if (!inputs[formula].display) return html;
      const element = formulas[formula].token.block ? 'div' : 'span';
      return `<${element} class="sb-equation">${html}</${element}>`;
    },
    renderReference(formula) {
      const reference = parseLoneReference(inputs[formula].tex);
      if (!reference || inputs[formula].display) return undefined;
      return referenceTextHtml(numbering.resolve(reference.label, reference.parenthesized).text, formulas[formula].source, trusted);
    },
  };
  const renderKept = (html: string) =>
    html.replace(standIn, (_, formula: string) => {
      const i = Number(formula);
      const display = inputs[i].display;
      return renderFormula(excerptTex(numbering.formulas[i].tex, display, settings), { display, macros: formulas[i].source.macros, trusted }).html;
    });
  return { html: md.renderer.render(tokens, md.options, context), renderKept };
}

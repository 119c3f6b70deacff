import type { Token } from 'markdown-it';
import { escapeHtml } from './escape-html.js';
import { footnoteIds } from './footnotes.js';
import { formulaTypesetter, mathContext, postHeadings, preparePost, type PreparedPost, sortedErrors } from './post-preparation.js';
import { drain, type Steps } from './steps.js';
import type { PostFeatures } from './post-features.js';
import type { RenderedMarkdown, RenderMarkdownOptions } from './render-markdown.js';
import { tooLong, untrustedTextLimit } from './render-post.js';

// A post as a list of top-level blocks, for renderers that show it a piece at
// a time: each block's HTML on demand, its formulas as placeholders to
// typeset later (KaTeX is the cost of a post; everything else is cheap).
// Numbering is done once for the whole post, so equation ids and `\eqref`
// links are right in the first block shown.

export interface PostBlock {
  /** 0-based lines of the markdown body the block spans, `[start, end)`, where known. */
  lines?: [number, number];
  /** Characters of markdown in the block: a hint of its height before it is laid out. */
  chars: number;
  /** Formulas in the block that are placeholders until typeset. */
  formulas: number;
}

export interface PostBlocks {
  /**
   * The whole post as `renderMarkdown` gives it. Its `html` is rendered (every
   * formula typeset) on first read; its `errors` hold KaTeX's errors for the
   * formulas typeset so far.
   */
  readonly result: RenderedMarkdown;
  readonly blocks: readonly PostBlock[];
  /** Number of formulas in the post that `formulaHtml` typesets. */
  readonly formulaCount: number;
  /**
   * A block's HTML, formulas as placeholders: `<span class="sb-tex"
   * data-sb-formula="n">` holding the TeX as text (find-in-page finds it),
   * with `data-display` and a `--_tex-rows` estimate for displays.
   */
  blockHtml(index: number): string;
  /** The HTML a placeholder is replaced with: KaTeX's output, or the source and the error. */
  formulaHtml(formula: number): string;
  /** The block that holds this element id (an equation, an extra anchor or a heading). */
  blockOf(id: string): number | undefined;
}

/** Tokens looked at between two yields while the post is cut into blocks. */
const tokensPerStep = 5000;

/** `renderPostBlocks` with these features, yielding between pieces of work, for a caller that schedules them. */
export function* postBlocksInSteps(source: string, options: RenderMarkdownOptions = {}, features: PostFeatures = {}): Steps<PostBlocks> {
  const trusted = options.trusted ?? true;
  const maxLength = options.maxLength ?? untrustedTextLimit;
  if (!trusted && source.length > maxLength) return wholeAsOneBlock(tooLong(source, maxLength));
  const post = yield* preparePost(source, options, features);

  const ranges: [number, number][] = [];
  const blocks: PostBlock[] = [];
  const blockOfFormula: number[] = [];
  // Keyed by each heading's inline token, as the prepared post lists headings.
  const headingBlocks = new Map<Token, number>();
  const blockIds = new Map<string, number>();
  const lineStarts = lineOffsets(post.front.body);
  const { tokens } = post;
  for (let start = 0; start < tokens.length; ) {
    // A top-level block runs from a level-0 token to the level-0 token that closes it.
    let end = start;
    while (end < tokens.length && !(tokens[end].level === 0 && tokens[end].nesting !== 1)) end++;
    end = Math.min(end + 1, tokens.length);
    const index = blocks.length;
    let formulas = 0;
    for (let at = start; at < end; at++) {
      const token = tokens[at];
      if (token.type === 'heading_open' && tokens[at + 1]) headingBlocks.set(tokens[at + 1], index);
      if (token.type === 'references' && token.meta?.html) headingBlocks.set(token, index);
      // Figures, tables and theorems carry their ids on their opening tokens.
      if (token.meta?.kind && token.nesting === 1 && token.attrGet('id')) blockIds.set(token.attrGet('id')!, index);
      for (const math of [token, ...(token.children ?? [])]) {
        const formula = math.meta?.formula as number | undefined;
        if (formula === undefined) continue;
        blockOfFormula[formula] = index;
        formulas++;
      }
    }
    const map = tokens[start].map;
    const lines: [number, number] | undefined = map ? [map[0], map[1]] : undefined;
    const chars = lines ? (lineStarts[lines[1]] ?? post.front.body.length) - lineStarts[lines[0]] : 80;
    blocks.push({ lines, chars, formulas });
    ranges.push([start, end]);
    if (index % tokensPerStep === tokensPerStep - 1) yield;
    start = end;
  }
  yield;
  return assemble(post, ranges, blocks, blockOfFormula, headingBlocks, blockIds);
}

/** A post cut into top-level blocks with these features, formulas left to typeset. */
export function renderPostBlocksWith(source: string, options: RenderMarkdownOptions, features: PostFeatures): PostBlocks {
  return drain(postBlocksInSteps(source, options, features));
}

function assemble(
  post: PreparedPost,
  ranges: [number, number][],
  blocks: PostBlock[],
  blockOfFormula: number[],
  headingBlocks: Map<Token, number>,
  blockIds: Map<string, number>,
): PostBlocks {
  const typeset = formulaTypesetter(post);
  const eager = mathContext(post, typeset);
  const deferred = mathContext(post, (formula) => placeholder(post, formula));
  const { md, tokens } = post;

  const ids = new Map<string, number>(blockIds);
  post.numbering.formulas.forEach(({ ids: formulaIds }, formula) => {
    for (const id of formulaIds) if (!ids.has(id)) ids.set(id, blockOfFormula[formula]);
  });
  // The reference list's block holds the entries citations link to.
  for (const [token, block] of headingBlocks) if (token.type === 'references') for (const { id } of post.citations) ids.set(id, block);
  for (const { id, inline } of post.headingTokens) {
    const block = headingBlocks.get(inline);
    if (block !== undefined && !ids.has(id)) ids.set(id, block);
  }
  // The footnote list is the last block; a link to a note must bring it in.
  const lastRange = ranges.at(-1);
  if (lastRange) for (const id of footnoteIds(tokens, ...lastRange)) if (!ids.has(id)) ids.set(id, ranges.length - 1);

  let html: string | undefined;
  const result: RenderedMarkdown = {
    get html() {
      html ??= md.renderer.render(tokens, md.options, eager);
      return html;
    },
    meta: post.front.meta,
    equations: post.numbering.equations,
    headings: postHeadings(post, eager),
    get errors() {
      return sortedErrors(post.errors);
    },
    macros: post.defined,
    citations: post.citations,
    blocks: post.blocks,
  };
  return {
    result,
    blocks,
    formulaCount: post.formulas.length,
    blockHtml: (index) => md.renderer.render(tokens.slice(...ranges[index]), md.options, deferred),
    formulaHtml: typeset,
    blockOf: (id) => ids.get(id),
  };
}

/** The formula as its TeX, in the space it will roughly take once typeset. */
function placeholder(post: PreparedPost, formula: number): string {
  const { input } = post.formulas[formula];
  const tex = escapeHtml(input.tex.trim());
  if (!input.display) return `<span class="sb-tex" data-sb-formula="${formula}">${tex}</span>`;
  return `<span class="sb-tex" data-sb-formula="${formula}" data-display style="--_tex-rows: ${displayRows(input.tex)}">${tex}</span>`;
}

/** Rows a display takes: one per `\\`, a little more for fractions and big operators. */
export function displayRows(tex: string): number {
  const breaks = tex.match(/\\\\/g)?.length ?? 0;
  const tall = /\\(?:d?frac|sum|prod|int|begin\{(?:p|b|v)?matrix\}|begin\{cases\})/.test(tex) ? 0.5 : 0;
  return Math.min(1 + breaks + tall, 200);
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) offsets.push(at + 1);
  return offsets;
}

/** A result with no markdown in it (untrusted text over the limit) as a single block. */
function wholeAsOneBlock(result: RenderedMarkdown): PostBlocks {
  return {
    result,
    blocks: [{ chars: result.html.length, formulas: 0 }],
    formulaCount: 0,
    blockHtml: () => result.html,
    formulaHtml: () => '',
    blockOf: () => undefined,
  };
}

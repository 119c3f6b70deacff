import katex from 'katex';
import MarkdownIt, { type RendererRule as RenderRule, type StateBlock, type StateInline } from 'markdown-it';
import texmath from 'markdown-it-texmath';
import { escapeHtml } from './escape-html.js';
import { isSafeUrl } from './safe-url.js';
import { keepPunctuationWithFormulas } from './math-punctuation.js';
import { numberedBlocks } from './numbered-blocks.js';
import type { PostFeatures } from './post-features.js';
import { precededByOddBackslashes } from './tex-scan.js';

// Token types that hold TeX: texmath's, plus the environment and reference rules below.
export const inlineMathTypes = new Set(['math_inline', 'math_inline_double', 'equation_reference']);
export const blockMathTypes = new Set(['math_block', 'math_block_eqno', 'math_environment']);

/** What the math renderer rules need; passed through markdown-it's `env`. */
export interface MathRenderContext {
  /** Renders the formula the token was numbered as (token.meta.formula). */
  renderFormula(formula: number): string;
  /** Renders a formula that is only a reference, as a link unless `asLink` is false. */
  renderReference(formula: number, asLink?: boolean): string | undefined;
}

// The last answer of `indexOfClosing` for each closing delimiter, forgotten
// at the start of each parse: comparing a new text with an equal old one
// would cost a full scan.
const lastClosings = new Map<string, { src: string; from: number; at: number }>();

/**
 * `src.indexOf(closing, from)`, remembering the last answer, so that a text
 * with many openers and no closer is scanned once rather than once per opener.
 */
function indexOfClosing(src: string, closing: string, from: number): number {
  const last = lastClosings.get(closing);
  // No closing lies between last.from and last.at, so none between from and last.at either.
  if (last && last.src === src && last.from <= from && (last.at < 0 || from <= last.at)) return last.at;
  const at = src.indexOf(closing, from);
  lastClosings.set(closing, { src, from, at });
  return at;
}

const environmentHead = /\\begin\{([a-zA-Z]+\*?)\}/y;

/**
 * The end of the `\begin{name}` at `start`: the index just past its matching
 * `\end{name}` (environments of the same name may nest), or -1.
 */
export function environmentEnd(src: string, start: number, name: string, limit: number): number {
  const opening = `\\begin{${name}}`;
  const closing = `\\end{${name}}`;
  let depth = 1;
  let from = start + opening.length;
  while (depth > 0) {
    const close = indexOfClosing(src, closing, from);
    if (close < 0 || close + closing.length > limit) return -1;
    for (let open = src.indexOf(opening, from); open >= 0 && open < close; open = src.indexOf(opening, open + opening.length)) depth++;
    depth--;
    from = close + closing.length;
  }
  return from;
}

// `\begin{…}` blocks, as written in LaTeX and in 科学空间 posts. Any name: an
// environment KaTeX lacks shows KaTeX's own message rather than a paragraph
// whose `\\` markdown has collapsed into `\`. texmath's own rule misses
// starred names and cannot interrupt a paragraph. A block ends its line;
// otherwise the paragraph takes it and `inlineMath` renders it in the text.
function mathEnvironment(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x5c) return false;
  environmentHead.lastIndex = start;
  const head = environmentHead.exec(state.src);
  if (!head || head[1] === 'subequations') return false;
  const end = environmentEnd(state.src, start, head[1], state.src.length);
  if (end < 0) return false;
  let line = startLine;
  while (line < endLine && state.eMarks[line] < end) line++;
  if (line >= endLine || state.src.slice(end, state.eMarks[line]).trim() !== '') return false;
  if (silent) return true;

  let content = state.src.slice(start, end);
  if (state.parentType === 'blockquote') content = content.replace(/^[ \t]*(?:>[ \t]?)+/gm, '');
  const token = state.push('math_environment', 'math', 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

const subequationsOpening = /^\\begin\{subequations\}\s*(?:\\label\s*\{([^{}]*)\})?\s*$/;
const subequationsClosing = /^\\end\{subequations\}\s*$/;

// `\begin{subequations}` … `\end{subequations}` on lines of their own: a
// container (like a blockquote) whose displays are numbered 3a, 3b, …
function subequations(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const lineText = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  const opening = subequationsOpening.exec(lineText(startLine));
  if (!opening) return false;
  let close = startLine + 1;
  while (close < endLine && !subequationsClosing.test(lineText(close))) close++;
  if (close >= endLine) return false;
  if (silent) return true;

  // The group's `\label` may also stand on a line of its own before the first display.
  let label = opening[1]?.trim();
  let first = startLine + 1;
  const labelLine = label === undefined && first < close ? /^\\label\s*\{([^{}]*)\}\s*$/.exec(lineText(first)) : null;
  if (labelLine) {
    label = labelLine[1].trim();
    first++;
  }
  const open = state.push('subequations_open', 'div', 1);
  open.block = true;
  open.attrSet('class', 'sb-subequations');
  open.map = [startLine, close + 1];
  open.meta = { label };
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  state.parentType = 'subequations' as typeof state.parentType;
  state.lineMax = close;
  state.md.block.tokenize(state, first, close);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.push('subequations_close', 'div', -1).block = true;
  state.line = close + 1;
  return true;
}

// `\eqref{x}` and `\ref{x}` written in running text rather than inside `$..$`.
const referencePattern = /\\(?:eq)?ref\s*\{[^{}\n]+\}/y;
function equationReference(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5c) return false;
  referencePattern.lastIndex = state.pos;
  const found = referencePattern.exec(state.src);
  if (!found) return false;
  if (!silent) state.push('equation_reference', 'math', 0).content = found[0];
  state.pos += found[0].length;
  return true;
}

/**
 * Inline math in running text, one rule for every delimiter so that which
 * comes first wins, as in TeX: `$..$`, `$$..$$`, `\(..\)`, `\[..\]` at the
 * start of a line, and `\begin{…}..\end{…}` anywhere (a display inside the
 * paragraph, as MathJax finds environments). Formulas may run over a soft
 * line break, as hard-wrapped markdown has them.
 */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  const c = src.charCodeAt(pos);
  if (c === 0x24) return src.charCodeAt(pos + 1) === 0x24 ? doubleDollar(state, silent) : singleDollar(state, silent);
  if (c !== 0x5c) return false;
  const next = src[pos + 1];
  if (next === '(') return bracketed(state, silent, '\\)', 'math_inline');
  if (next === '[') return lineStartsAt(src, pos) && bracketed(state, silent, '\\]', 'math_inline_double');
  if (next === 'b') return inlineEnvironment(state, silent);
  return false;
}

function pushMath(state: StateInline, silent: boolean, type: string, content: string, markup: string, end: number): boolean {
  if (!silent) {
    const token = state.push(type, 'math', 0);
    token.content = content;
    token.markup = markup;
    if (markup === '$$') token.meta = { ownLine: lineStartsAt(state.src, state.pos) && lineEndsAt(state.src, end) };
  }
  state.pos = end;
  return true;
}

// As in TeX, a formula ends at the next unescaped `$`. When that one cannot
// close it (space before it, digit after it, none in the paragraph), this `$`
// is plain text: "costs $5, where $x$ is" has one formula, `$5 and $10`
// none. Scanning only to the next `$` keeps a line full of prices linear.
function singleDollar(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  let close = src.indexOf('$', pos + 1);
  while (close >= 0 && close < posMax && precededByOddBackslashes(src, close)) close = src.indexOf('$', close + 1);
  const closes =
    close > pos + 1 && close < posMax && !/\s/.test(src[pos + 1]) && !/\s/.test(src[close - 1]) && !/[0-9]/.test(src[close + 1] ?? '');
  if (closes) return pushMath(state, silent, 'math_inline', src.slice(pos + 1, close), '$', close + 1);
  if (!silent) state.pending += '$';
  state.pos++;
  return true;
}

function doubleDollar(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  let close = indexOfClosing(src, '$$', pos + 2);
  while (close >= 0 && close < posMax && precededByOddBackslashes(src, close)) close = src.indexOf('$$', close + 1);
  if (close >= 0 && close + 2 <= posMax && src.slice(pos + 2, close).trim() !== '') {
    return pushMath(state, silent, 'math_inline_double', src.slice(pos + 2, close), '$$', close + 2);
  }
  if (!silent) state.pending += '$$';
  state.pos += 2;
  return true;
}

// `\(..\)` anywhere; `\[..\]` at the start of a line, as LaTeX writers put it
// right after a line of text (texmath knows `\[` only at the start of a
// block). In the middle of a line `\[` stays markdown's escaped bracket.
function bracketed(state: StateInline, silent: boolean, closing: string, type: string): boolean {
  const { src, pos } = state;
  const close = indexOfClosing(src, closing, pos + 2);
  if (close < 0 || close + 2 > state.posMax || src.slice(pos + 2, close).trim() === '') return false;
  return pushMath(state, silent, type, src.slice(pos + 2, close), src.slice(pos, pos + 2), close + 2);
}

function inlineEnvironment(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  environmentHead.lastIndex = pos;
  const head = environmentHead.exec(src);
  if (!head) return false;
  const end = environmentEnd(src, pos, head[1], state.posMax);
  if (end < 0) return false;
  return pushMath(state, silent, 'math_inline_double', src.slice(pos, end), '\\begin', end);
}

function lineStartsAt(src: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = src[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

function lineEndsAt(src: string, end: number): boolean {
  for (let i = end; i < src.length; i++) {
    const c = src[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

const renderInline: RenderRule = (tokens, idx, _options, env: MathRenderContext) => {
  const token = tokens[idx];
  const formula = token.meta.formula as number;
  return env.renderReference(formula) ?? env.renderFormula(formula);
};

const renderBlock: RenderRule = (tokens, idx, _options, env: MathRenderContext) =>
  `${env.renderFormula(tokens[idx].meta.formula as number)}\n`;

const renderHeadingClose: RenderRule = (tokens, idx) => {
  const id = tokens[idx - 2].attrGet('id');
  const anchor = id ? `<a class="sb-heading-anchor" href="#${escapeHtml(encodeURIComponent(id))}" aria-hidden="true" tabindex="-1">#</a>` : '';
  return `${anchor}</${tokens[idx].tag}>\n`;
};

interface TexmathRule {
  name: string;
  rex: RegExp;
  tag: string;
  tmpl: string;
  pre?: (src: string, outerSpace: boolean, start: number) => boolean;
  post?: (src: string, outerSpace: boolean, end: number) => boolean;
}
type TexmathDelimiters = Record<string, { inline: TexmathRule[]; block: TexmathRule[] }>;

// texmath ends a `$$..$$` or `\[..\]` block at its closing delimiter and
// drops whatever follows on that line. Such a display is left to the
// paragraph, whose inline rules render it together with the text after it.
const endsItsLine = (src: string, _outerSpace: boolean, end: number): boolean => {
  const lineEnd = src.indexOf('\n', end + 1);
  return src.slice(end + 1, lineEnd < 0 ? src.length : lineEnd).trim() === '';
};

// texmath's block regexes scan to the end of the text for a closing that is
// not there, once per opener; asking `indexOfClosing` first keeps that linear.
const hasClosing = (closing: string) => (src: string, _outerSpace: boolean, start: number): boolean =>
  indexOfClosing(src, closing, start + 2) >= 0;

// Our delimiter set: the block rules of texmath's `dollars` and `brackets`,
// with the checks above; `inlineMath` finds inline math. Added under its own
// name so other users of texmath see no change.
function sciblogDelimiters(): string {
  const rules = (texmath as unknown as { rules: TexmathDelimiters }).rules;
  rules.sciblog ??= {
    inline: [],
    block: [...rules.dollars.block, ...rules.brackets.block].map((rule) => ({
      ...rule,
      pre: hasClosing(rule.tag === '$$' ? '$$' : '\\]'),
      post: endsItsLine,
    })),
  };
  return 'sciblog';
}

function createMarkdown(trusted: boolean, images: boolean, features: PostFeatures): MarkdownIt {
  const md = new MarkdownIt({ html: trusted, linkify: true });
  // Without images, `![alt](src)` reads as "!" and a link to the picture.
  if (!images) md.disable('image');
  // texmath keeps the first engine it is given in a module variable, and we
  // replace its renderers below anyway: it is used here only to find math.
  md.use(texmath, { engine: katex, delimiters: sciblogDelimiters() });
  md.core.ruler.after('normalize', 'forget_closings', () => lastClosings.clear());
  md.block.ruler.before('fence', 'subequations', subequations, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('fence', 'math_environment', mathEnvironment, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('escape', 'equation_reference', equationReference);
  md.inline.ruler.before('escape', 'inline_math', inlineMath);
  features.footnotes?.use(md, trusted);
  features.citations?.use(md, trusted);
  numberedBlocks(md, features, trusted);
  for (const type of inlineMathTypes) md.renderer.rules[type] = renderInline;
  for (const type of blockMathTypes) md.renderer.rules[type] = renderBlock;
  keepPunctuationWithFormulas(md, new Set([...inlineMathTypes].filter((type) => type !== 'math_inline_double')));
  md.renderer.rules.heading_close = renderHeadingClose;
  features.code?.use(md, trusted);
  if (!trusted) {
    md.validateLink = isSafeUrl;
    const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
    md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
      tokens[idx].attrSet('rel', 'nofollow ugc noopener');
      return defaultLinkOpen(tokens, idx, options, env, self);
    };
  }
  return md;
}

const instances = new Map<string, MarkdownIt>();

/**
 * The shared markdown-it instance for trusted (site owner) or untrusted
 * (visitor) text, with or without images, with these features' rules.
 */
export function markdownFor(trusted: boolean, images = true, features: PostFeatures = {}): MarkdownIt {
  const { footnotes, citations, theorems, figures, code } = features;
  const key = [trusted, images, ...[footnotes, citations, theorems, figures, code].map((feature) => feature?.key ?? '-')].join('/');
  let md = instances.get(key);
  if (!md) {
    md = createMarkdown(trusted, images, features);
    instances.set(key, md);
  }
  return md;
}

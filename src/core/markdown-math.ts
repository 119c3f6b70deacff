import katex from 'katex';
import MarkdownIt, { type RendererRule as RenderRule, type StateBlock, type StateInline } from 'markdown-it';
import texmath from 'markdown-it-texmath';
import { escapeHtml } from './escape-html.js';
import { isSafeUrl } from './safe-url.js';

// Token types that hold TeX: texmath's, plus the environment and reference rules below.
export const inlineMathTypes = new Set(['math_inline', 'math_inline_double', 'equation_reference']);
export const blockMathTypes = new Set(['math_block', 'math_block_eqno', 'math_environment']);

/** What the math renderer rules need; passed through markdown-it's `env`. */
export interface MathRenderContext {
  /** Renders the formula the token was numbered as (token.meta.formula). */
  renderFormula(formula: number, display: boolean): string;
  /** Renders a formula that is only a reference, as a link. */
  renderReference(formula: number): string | undefined;
}

const environments = new Set(['equation', 'align', 'gather', 'multline', 'alignat', 'flalign']);

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

// Bare `\begin{equation}` blocks, as written in LaTeX and in 科学空间 posts.
// texmath's own rule misses starred names and cannot interrupt a paragraph.
function mathEnvironment(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const head = /^\\begin\{([a-z]+)(\*?)\}/.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!head || !environments.has(head[1])) return false;
  const closing = `\\end{${head[1]}${head[2]}}`;
  const closeAt = indexOfClosing(state.src, closing, start);
  if (closeAt < 0) return false;
  const end = closeAt + closing.length;
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

// `\eqref{x}` and `\ref{x}` written in running text rather than inside `$..$`.
function equationReference(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5c) return false;
  const match = /\\(?:eq)?ref\{[^{}\n]+\}/y;
  match.lastIndex = state.pos;
  const found = match.exec(state.src);
  if (!found) return false;
  if (!silent) state.push('equation_reference', 'math', 0).content = found[0];
  state.pos += found[0].length;
  return true;
}

// texmath lets `$..$` run over other dollar signs: in "costs $5, where $x$ is"
// it takes `5, where $x` for a formula. As in TeX, a formula ends at the next
// unescaped `$`; when that one cannot close it (space before it, digit after
// it, or none on the line), this `$` is plain text. Scanning only to the next
// `$` also keeps a line full of prices linear.
function dollarAsText(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== 0x24 || src.charCodeAt(pos + 1) === 0x24) return false;
  let close = src.indexOf('$', pos + 1);
  while (close >= 0 && close < posMax && isEscaped(src, close)) close = src.indexOf('$', close + 1);
  const closes =
    close > pos + 1 &&
    close < posMax &&
    !/\s/.test(src[pos + 1]) &&
    !/[\s\\]/.test(src[close - 1]) &&
    !/[0-9]/.test(src[close + 1] ?? '') &&
    !src.slice(pos, close).includes('\n');
  if (closes) return false;
  if (!silent) state.pending += '$';
  state.pos++;
  return true;
}

function isEscaped(src: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && src[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

// `\[..\]` starting a line inside a paragraph, as LaTeX writers put it right
// after a line of text: texmath knows `\[` only at the start of a block. In
// the middle of a line `\[` stays markdown's escaped bracket, as before.
function displayBrackets(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (!src.startsWith('\\[', pos) || !/(?:^|\n)[ \t]*$/.test(src.slice(Math.max(0, pos - 80), pos))) return false;
  const close = indexOfClosing(src, '\\]', pos + 2);
  if (close < 0 || close + 2 > state.posMax || src.slice(pos + 2, close).trim() === '') return false;
  if (!silent) {
    const token = state.push('math_inline_double', 'math', 0);
    token.content = src.slice(pos + 2, close);
    token.markup = '\\[';
  }
  state.pos = close + 2;
  return true;
}

const renderInline: RenderRule = (tokens, idx, _options, env: MathRenderContext) => {
  const token = tokens[idx];
  const formula = token.meta.formula as number;
  return env.renderReference(formula) ?? env.renderFormula(formula, token.type === 'math_inline_double');
};

const renderBlock: RenderRule = (tokens, idx, _options, env: MathRenderContext) =>
  `${env.renderFormula(tokens[idx].meta.formula as number, true)}\n`;

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

// Our delimiter set: texmath's `dollars` and `brackets`, with the checks
// above. Added under its own name so other users of texmath see no change.
function sciblogDelimiters(): string {
  const rules = (texmath as unknown as { rules: TexmathDelimiters }).rules;
  rules.sciblog ??= {
    inline: [...rules.dollars.inline, ...rules.brackets.inline],
    block: [...rules.dollars.block, ...rules.brackets.block].map((rule) => ({
      ...rule,
      pre: hasClosing(rule.tag === '$$' ? '$$' : '\\]'),
      post: endsItsLine,
    })),
  };
  return 'sciblog';
}

function createMarkdown(trusted: boolean, images: boolean): MarkdownIt {
  const md = new MarkdownIt({ html: trusted, linkify: true });
  // Without images, `![alt](src)` reads as "!" and a link to the picture.
  if (!images) md.disable('image');
  // texmath keeps the first engine it is given in a module variable, and we
  // replace its renderers below anyway: it is used here only to find math.
  md.use(texmath, { engine: katex, delimiters: sciblogDelimiters() });
  md.core.ruler.after('normalize', 'forget_closings', () => lastClosings.clear());
  md.block.ruler.before('fence', 'math_environment', mathEnvironment, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('escape', 'equation_reference', equationReference);
  // texmath's `$` rule is the first one named math_inline; math_inline_double stays before it.
  md.inline.ruler.before('math_inline', 'dollar_as_text', dollarAsText);
  md.inline.ruler.before('escape', 'display_brackets', displayBrackets);
  for (const type of inlineMathTypes) md.renderer.rules[type] = renderInline;
  for (const type of blockMathTypes) md.renderer.rules[type] = renderBlock;
  md.renderer.rules.heading_close = renderHeadingClose;
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

/** The shared markdown-it instance for trusted (site owner) or untrusted (visitor) text, with or without images. */
export function markdownFor(trusted: boolean, images = true): MarkdownIt {
  const key = `${trusted}/${images}`;
  let md = instances.get(key);
  if (!md) {
    md = createMarkdown(trusted, images);
    instances.set(key, md);
  }
  return md;
}

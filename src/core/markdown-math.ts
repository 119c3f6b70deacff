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

// Bare `\begin{equation}` blocks, as written in LaTeX and in 科学空间 posts.
// texmath's own rule misses starred names and cannot interrupt a paragraph.
function mathEnvironment(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  const head = /^\\begin\{([a-z]+)(\*?)\}/.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!head || !environments.has(head[1])) return false;
  const closing = `\\end{${head[1]}${head[2]}}`;
  const closeAt = state.src.indexOf(closing, start);
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

function createMarkdown(trusted: boolean): MarkdownIt {
  const md = new MarkdownIt({ html: trusted, linkify: true });
  // texmath keeps the first engine it is given in a module variable, and we
  // replace its renderers below anyway: it is used here only to find math.
  md.use(texmath, { engine: katex, delimiters: ['dollars', 'brackets'] });
  md.block.ruler.before('fence', 'math_environment', mathEnvironment, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('escape', 'equation_reference', equationReference);
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

const instances = new Map<boolean, MarkdownIt>();

/** The shared markdown-it instance for trusted (site owner) or untrusted (visitor) text. */
export function markdownFor(trusted: boolean): MarkdownIt {
  let md = instances.get(trusted);
  if (!md) {
    md = createMarkdown(trusted);
    instances.set(trusted, md);
  }
  return md;
}

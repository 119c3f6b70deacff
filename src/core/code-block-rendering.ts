import type MarkdownIt from 'markdown-it';
import type { LocatedError } from './error-messages.js';
import type { RendererRule as RenderRule, Token } from 'markdown-it';
import type { CodeHighlighter } from './code-highlighter.js';
import { parseFenceInfo } from './code-fence-info.js';
import { escapeHtml } from './escape-html.js';
import type { CodeFeature } from './post-features.js';

// Fenced and indented code blocks, rendered as
// `<div class="sb-code"><pre><code class="language-x hljs">…</code></pre></div>`:
// the wrapper gives an element room for a copy button that does not scroll
// with the code. Highlighting comes from the render `env` (the highlighter is
// loaded asynchronously, the renderer is synchronous); without it, or for a
// language it lacks, the code is escaped text.

/** What the code block rules read from markdown-it's `env`. */
export interface CodeRenderContext {
  /** Highlights fenced code in the languages it has; absent, code is plain. */
  codeHighlighter?: CodeHighlighter;
}

/**
 * The lines of highlighted HTML, each holding its own spans: a token that
 * runs over a line break (a docstring, a block comment) is closed at the end
 * of the line and opened again on the next, so each line can be a box.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  let last = 0;
  for (const match of html.matchAll(/<span[^>]*>|<\/span>|\n/g)) {
    line += html.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[0] === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else {
      if (match[0] === '</span>') open.pop();
      else open.push(match[0]);
      line += match[0];
    }
  }
  lines.push(line + html.slice(last));
  return lines;
}

function numberedLines(html: string, firstLine: number): string {
  const lines = splitHighlightedLines(html);
  // The code's final line break ends the last line; it does not start another.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  // The number is generated content (`::before`), so selecting and copying the code leaves it out.
  return `${lines.map((line, index) => `<span class="sb-code-line" data-line="${firstLine + index}">${line}</span>`).join('\n')}\n`;
}

function codeBlock(content: string, language: string | undefined, highlighter: CodeHighlighter | undefined, firstLine: number | undefined): string {
  const highlighted = language ? highlighter?.highlight(content, language) : undefined;
  // A name that could not be a class (quotes, markup) is not made one.
  const named = language !== undefined && /^[\w+#.-]+$/.test(language);
  const classes = [named && `language-${language}`, highlighted !== undefined && 'hljs'].filter(Boolean).join(' ');
  const body = highlighted ?? escapeHtml(content);
  const code = firstLine === undefined ? body : numberedLines(body, firstLine);
  const codeClass = classes ? ` class="${escapeHtml(classes)}"` : '';
  const preClass = firstLine === undefined ? '' : ' class="sb-code-numbered"';
  // A block wider than the column scrolls: in the tab order, a keyboard can scroll it too.
  return `<div class="sb-code"><pre tabindex="0"${preClass}><code${codeClass}>${code}</code></pre></div>\n`;
}

const renderFence: RenderRule = (tokens, idx, _options, env: CodeRenderContext | undefined) => {
  const token = tokens[idx];
  const { language, firstLine } = parseFenceInfo(token.info);
  return codeBlock(token.content, language, env?.codeHighlighter, firstLine);
};

const renderIndentedCode: RenderRule = (tokens, idx) => codeBlock(tokens[idx].content, undefined, undefined, undefined);

/** Renders fenced and indented code blocks as described above. */
export function codeBlocks(md: MarkdownIt): void {
  md.renderer.rules.fence = renderFence;
  md.renderer.rules.code_block = renderIndentedCode;
}

/** What the post's code blocks' `{…}` options get wrong, with 1-based lines (after `lineOffset` lines of front matter). */
export function codeBlockErrors(tokens: readonly Token[], lineOffset: number): LocatedError[] {
  const errors: LocatedError[] = [];
  for (const token of tokens) {
    if (token.type !== 'fence') continue;
    for (const problem of parseFenceInfo(token.info).problems ?? []) errors.push(token.map ? { ...problem, line: token.map[0] + 1 + lineOffset } : problem);
  }
  return errors;
}

/** Code blocks, for a post's features. */
export const codeFeature: CodeFeature = { key: 'code', use: (md) => md.use(codeBlocks), errors: codeBlockErrors };

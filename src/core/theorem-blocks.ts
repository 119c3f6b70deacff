import type MarkdownIt from 'markdown-it';
import type { PluginWithParams, RendererRule as RenderRule, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import markdownItContainer from 'markdown-it-container';
import { isTheoremKind, type BlockKind, type TheoremKind } from './block-kinds.js';
import { escapeHtml } from './escape-html.js';
import { environmentEnd } from './markdown-math.js';
import { messages } from './messages.js';
import type { BlockFeature } from './post-features.js';

// Theorem-like blocks, written either way:
//
//   \begin{theorem}[Cauchy]\label{thm:c}     ::: theorem [Cauchy] {#thm:c}
//   Text, $math$, lists …                     Text, $math$, lists …
//   \end{theorem}                             :::
//
// Both become `theorem_open` … `theorem_close` tokens whose `meta` is a
// `NumberedBlockMeta`; numbering (block-numbering.ts) fills in its number, id
// and head text later, for the whole post at once.

// Its types are written against another version of markdown-it's types.
const container = markdownItContainer as unknown as PluginWithParams;

/** What numbering and the renderers share about one figure, table or theorem; the same object on each of its tokens. */
export interface NumberedBlockMeta {
  kind: BlockKind;
  /** From `{#label}` or a `\label` in the block's text. */
  label?: string;
  /** Every `\label` in the block's text, to report a second one. */
  textLabels?: string[];
  /** Whether a title (or caption) is written. */
  title?: boolean;
  /** Set by numbering. */
  number?: string;
  id?: string;
  /** The name and number shown: `Theorem 1`, `图 2`. */
  head?: string;
  titleBrackets?: readonly [string, string];
  headEnd?: string;
  /** Between a caption's head and its text. */
  colon?: string;
}

const theoremHead = /\\begin\{([a-z]+)\}/y;
const containerInfo = /^\s*([a-z]+)\s*(?:\[(.*)\])?\s*(?:\{#([^\s{}]+)\})?\s*$/;
const headLabel = /^\s*\\label\s*\{([^{}]+)\}\s*$/;

/** `[title]` right after `\begin{kind}`, on the same line; a `]` inside braces does not close it. */
function readTitle(src: string, at: number, lineEnd: number): { title: string; end: number } | undefined {
  if (src[at] !== '[') return undefined;
  let depth = 0;
  for (let i = at + 1; i < lineEnd; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ']' && depth <= 0) return { title: src.slice(at + 1, i), end: i + 1 };
  }
  return undefined;
}

/** Block-parses `text` (a part of the source starting on `line`) into the state's tokens, inside what is open there. */
function pushParsed(state: StateBlock, text: string, line: number): void {
  const tokens: Token[] = [];
  let body = state.parentType === 'blockquote' ? text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '') : text;
  // Inside a list item the lines are indented; unindented, they read as at the top level.
  if (state.blkIndent > 0) body = body.replace(new RegExp(`\\n[ \\t]{0,${state.blkIndent}}`, 'g'), '\n');
  state.md.block.parse(body, state.md, state.env, tokens);
  for (const token of tokens) {
    token.level += state.level;
    if (token.map) token.map = [token.map[0] + line, token.map[1] + line];
    state.tokens.push(token);
  }
}

function lineAt(state: StateBlock, fromLine: number, index: number): number {
  let line = fromLine;
  while (line < state.lineMax && state.eMarks[line] < index) line++;
  return line;
}

// `\begin{theorem}` … `\end{theorem}` starting a line, also right after a
// paragraph's line. On lines of their own, `\begin` and `\end` enclose
// markdown as a blockquote does; otherwise the text between is parsed apart.
function theoremEnvironment(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const { src } = state;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (src.charCodeAt(start) !== 0x5c) return false;
  theoremHead.lastIndex = start;
  const head = theoremHead.exec(src);
  if (!head || !isTheoremKind(head[1])) return false;
  const kind = head[1];
  const end = environmentEnd(src, start, kind, src.length);
  if (end < 0) return false;
  const last = lineAt(state, startLine, end);
  if (last >= endLine) return false;
  if (silent) return true;

  const titleAt = start + head[0].length;
  const title = readTitle(src, titleAt, state.eMarks[startLine]);
  const bodyStart = title ? title.end : titleAt;
  const bodyEnd = end - `\\end{${kind}}`.length;
  const restOfHeadLine = src.slice(bodyStart, state.eMarks[startLine]);
  const labelOnHeadLine = headLabel.exec(restOfHeadLine);
  const ownLines =
    last > startLine &&
    (restOfHeadLine.trim() === '' || labelOnHeadLine !== null) &&
    state.bMarks[last] + state.tShift[last] === bodyEnd &&
    src.slice(end, state.eMarks[last]).trim() === '';

  const meta: NumberedBlockMeta = { kind };
  const open = state.push('theorem_open', 'div', 1);
  open.block = true;
  open.map = [startLine, last + 1];
  open.meta = meta;
  const openIndex = state.tokens.length - 1;
  if (ownLines) {
    if (labelOnHeadLine) meta.label = labelOnHeadLine[1].trim();
    const oldParent = state.parentType;
    const oldLineMax = state.lineMax;
    state.parentType = 'theorem' as typeof state.parentType;
    state.lineMax = last;
    state.md.block.tokenize(state, startLine + 1, last);
    state.parentType = oldParent;
    state.lineMax = oldLineMax;
  } else {
    pushParsed(state, src.slice(bodyStart, bodyEnd), startLine);
  }
  const close = state.push('theorem_close', 'div', -1);
  close.block = true;
  close.meta = meta;
  addHeadAndEnd(state.tokens, openIndex, state.tokens.length - 1, title?.title, startLine, state.Token);
  const tail = src.slice(end, state.eMarks[last]);
  if (tail.trim() !== '') pushParsed(state, tail, last);
  state.line = last + 1;
  return true;
}

type TokenClass = StateBlock['Token'];

/**
 * Puts the block's head (name, number, title) at the start of its first
 * paragraph, as LaTeX sets it, and a proof's ∎ at the end of its last.
 * Returns the number of tokens added.
 */
function addHeadAndEnd(tokens: Token[], openIndex: number, closeIndex: number, title: string | undefined, titleLine: number, Token: TokenClass): number {
  const open = tokens[openIndex];
  const meta = open.meta as NumberedBlockMeta;
  const level = open.level + 1;
  let added = 0;
  if (meta.kind === 'proof') {
    const lastIsParagraph = tokens[closeIndex - 1]?.type === 'paragraph_close' && tokens[closeIndex - 1].level === level;
    const qed = new Token('theorem_qed', '', 0);
    qed.block = true;
    qed.level = lastIsParagraph ? level + 1 : level;
    qed.meta = { inParagraph: lastIsParagraph };
    tokens.splice(lastIsParagraph ? closeIndex - 1 : closeIndex, 0, qed);
    added++;
  }
  const inParagraph = tokens[openIndex + 1]?.type === 'paragraph_open' && tokens[openIndex + 1].level === level;
  const headLevel = inParagraph ? level + 1 : level;
  const headOpen = new Token('theorem_head_open', 'span', 1);
  const headClose = new Token('theorem_head_close', 'span', -1);
  headOpen.level = headClose.level = headLevel;
  headOpen.meta = headClose.meta = { block: meta, inParagraph };
  // Hidden, so the paragraph's `<p>` is not followed by a line break (the renderer's rule for what precedes inline content).
  headOpen.hidden = true;
  const head = [headOpen];
  if (title !== undefined) {
    meta.title = true;
    const inline = new Token('inline', '', 0);
    inline.content = title;
    inline.children = [];
    inline.level = headLevel + 1;
    inline.map = [titleLine, titleLine + 1];
    head.push(inline);
  }
  head.push(headClose);
  tokens.splice(openIndex + (inParagraph ? 2 : 1), 0, ...head);
  return added + head.length;
}

/**
 * `::: theorem [title] {#label}` containers (markdown-it-container) as
 * theorem tokens; their titles are inline-parsed when `inline` is given.
 */
function normalizeContainers(tokens: Token[], Token: TokenClass, inline?: (token: Token) => void): void {
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'container_sb_theorem_open') {
      open.push(i);
      continue;
    }
    if (token.type !== 'container_sb_theorem_close') continue;
    const openIndex = open.pop()!;
    const opening = tokens[openIndex];
    const [, kind, title, label] = containerInfo.exec(opening.info)!;
    const meta: NumberedBlockMeta = label === undefined ? { kind: kind as TheoremKind } : { kind: kind as TheoremKind, label };
    opening.type = 'theorem_open';
    token.type = 'theorem_close';
    opening.tag = token.tag = 'div';
    opening.meta = token.meta = meta;
    const added = addHeadAndEnd(tokens, openIndex, i, title?.trim(), opening.map?.[0] ?? 0, Token);
    if (inline && title !== undefined) {
      for (let at = openIndex + 1; at <= openIndex + 3; at++) if (tokens[at].type === 'inline' && tokens[at].children?.length === 0) inline(tokens[at]);
    }
    i += added;
  }
}

// `\begin{theorem}` … `\end{theorem}` in the middle of a paragraph's line: the
// paragraph is split around it (a block cannot stand inside `<p>`).
function theoremInline(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5c) return false;
  theoremHead.lastIndex = state.pos;
  const head = theoremHead.exec(state.src);
  if (!head || !isTheoremKind(head[1])) return false;
  const end = environmentEnd(state.src, state.pos, head[1], state.posMax);
  if (end < 0) return false;
  if (!silent) state.push('theorem_inline', '', 0).content = state.src.slice(state.pos, end);
  state.pos = end;
  return true;
}

function lineBreaksIn(token: Token): number {
  if (token.type === 'softbreak' || token.type === 'hardbreak') return 1;
  return token.content.split('\n').length - 1;
}

/** Theorem tokens from both ways of writing them, after markdown-it's inline rule: containers, environments inside paragraphs. */
export function theoremsAfterInline(state: StateCore): void {
  normalizeContainers(state.tokens, state.Token, (token) => state.md.inline.parse(token.content, state.md, state.env, (token.children = [])));
  splitParagraphs(state);
}

function splitParagraphs(state: StateCore): void {
  const { tokens, md, env } = state;
  for (let i = 1; i < tokens.length - 1; i++) {
    const inline = tokens[i];
    if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || !inline.children?.some((child) => child.type === 'theorem_inline')) continue;
    const opening = tokens[i - 1];
    const replacement: Token[] = [];
    let line = opening.map?.[0] ?? 0;
    let pieceLine = line;
    let piece: Token[] = [];
    const flush = () => {
      while (piece.length > 0 && isBlank(piece[0])) piece.shift();
      while (piece.length > 0 && isBlank(piece[piece.length - 1])) piece.pop();
      if (piece.length === 0) return;
      const [first, last] = [piece[0], piece[piece.length - 1]];
      if (first.type === 'text') first.content = first.content.trimStart();
      if (last.type === 'text') last.content = last.content.trimEnd();
      const paragraph = new state.Token('paragraph_open', 'p', 1);
      paragraph.block = true;
      paragraph.level = opening.level;
      paragraph.map = [pieceLine, line + 1];
      const text = new state.Token('inline', '', 0);
      text.level = opening.level + 1;
      text.map = paragraph.map;
      text.children = piece;
      text.content = piece.map((child) => child.content).join('');
      const closing = new state.Token('paragraph_close', 'p', -1);
      closing.block = true;
      closing.level = opening.level;
      replacement.push(paragraph, text, closing);
      piece = [];
    };
    for (const child of inline.children!) {
      if (child.type === 'theorem_inline') {
        flush();
        replacement.push(...parseTheorem(md, env, child.content, line, opening.level, state.Token));
        pieceLine = line + lineBreaksIn(child);
      } else {
        if (piece.length === 0) pieceLine = line;
        piece.push(child);
      }
      line += lineBreaksIn(child);
    }
    flush();
    tokens.splice(i - 1, 3, ...replacement);
    i += replacement.length - 3;
  }
}

function isBlank(token: Token): boolean {
  return token.type === 'softbreak' || (token.type === 'text' && token.content.trim() === '');
}

function parseTheorem(md: MarkdownIt, env: unknown, source: string, line: number, level: number, Token: TokenClass): Token[] {
  const tokens: Token[] = [];
  md.block.parse(source, md, env, tokens);
  normalizeContainers(tokens, Token);
  for (const token of tokens) {
    token.level += level;
    if (token.map) token.map = [token.map[0] + line, token.map[1] + line];
    if (token.type === 'inline') md.inline.parse(token.content, md, env, (token.children = []));
  }
  return tokens;
}

const blockMetaOf = (token: Token) => (token.meta?.block ?? token.meta) as NumberedBlockMeta;

const renderOpen: RenderRule = (tokens, idx) => {
  const { kind, id } = blockMetaOf(tokens[idx]);
  return `<div class="sb-theorem sb-theorem-${kind}"${id ? ` id="${escapeHtml(id)}"` : ''}>\n`;
};

const renderHeadOpen: RenderRule = (tokens, idx) => {
  const { inParagraph } = tokens[idx].meta as { inParagraph: boolean };
  const meta = blockMetaOf(tokens[idx]);
  const head = meta.head ?? messages.en.blockNames[meta.kind];
  const title = meta.title ? `<span class="sb-theorem-title">${escapeHtml((meta.titleBrackets ?? messages.en.blockTitleBrackets)[0])}` : '';
  return `${inParagraph ? '' : '<p>'}<span class="sb-theorem-head"><strong class="sb-theorem-name">${escapeHtml(head)}</strong>${title}`;
};

const renderHeadClose: RenderRule = (tokens, idx) => {
  const { inParagraph } = tokens[idx].meta as { inParagraph: boolean };
  const meta = blockMetaOf(tokens[idx]);
  const title = meta.title ? `${escapeHtml((meta.titleBrackets ?? messages.en.blockTitleBrackets)[1])}</span>` : '';
  return `${title}${escapeHtml(meta.headEnd ?? messages.en.blockHeadEnd)}</span> ${inParagraph ? '' : '</p>\n'}`;
};

const renderQed: RenderRule = (tokens, idx) =>
  (tokens[idx].meta as { inParagraph: boolean }).inParagraph ? '<span class="sb-qed">∎</span>' : '<p class="sb-qed">∎</p>\n';

/** Theorem-like blocks, LaTeX and fenced-div style: the parsing and rendering rules; `theoremsAfterInline` is the core rule. */
export function theoremBlocks(md: MarkdownIt): void {
  md.block.ruler.before('math_environment', 'theorem_environment', theoremEnvironment, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.use(container, 'sb_theorem', {
    validate: (params: string) => {
      const info = containerInfo.exec(params);
      return info !== null && isTheoremKind(info[1]);
    },
  });
  md.inline.ruler.before('inline_math', 'theorem_inline', theoremInline);
  md.renderer.rules.theorem_open = renderOpen;
  md.renderer.rules.theorem_close = () => '</div>\n';
  md.renderer.rules.theorem_head_open = renderHeadOpen;
  md.renderer.rules.theorem_head_close = renderHeadClose;
  md.renderer.rules.theorem_qed = renderQed;
  md.renderer.rules.theorem_inline = (tokens, idx) => escapeHtml(tokens[idx].content);
}

/** Theorems, lemmas, proofs … for a post's features. */
export const theoremFeature: BlockFeature = { key: 'theorems', use: (md) => md.use(theoremBlocks), afterInline: theoremsAfterInline };

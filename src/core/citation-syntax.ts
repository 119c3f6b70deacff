import type MarkdownIt from 'markdown-it';
import type { RendererRule as RenderRule, StateBlock, StateInline } from 'markdown-it';
import { escapeHtml } from './escape-html.js';

// Where a post cites and where its reference list goes, found by markdown-it
// (so citations in code and math are not citations): LaTeX's `\cite{a,b}`,
// `\citep`, `\citet`, pandoc's `[see @a, p. 3; @b]` and `@a`, and
// `[[references]]` or `\bibliography{…}` on a line of its own. What a
// citation shows is decided once the whole post is read (post-citations.ts),
// and put in the token's `meta.html`.

/** One work cited: its key, and what is written before and after it (`see`, `p. 3`). */
export interface CitationItem {
  key: string;
  prefix?: string;
  locator?: string;
  /** Pandoc's `[-@a]`: the year (or number) without the authors. */
  suppressAuthor?: boolean;
}

/** What a `citation` token holds in `meta`. */
export interface CitationMeta {
  items: CitationItem[];
  /** `paren`: `[1]`, `(Vaswani et al., 2017)`; `text`: `Vaswani et al. [1]`, `Vaswani et al. (2017)`. */
  form: 'paren' | 'text';
  /** A bare `@key` in running text: a citation only when the key is in the bibliography (else an address, a handle, …). */
  bare?: boolean;
  html?: string;
}

// Bounded, so that a long line of `\cite{` without a `}` is not scanned again from each one.
const latexCitation = /\\cite([pt]?)\*?[ \t]*(?:\[([^\]\n]{0,200})\][ \t]*)?(?:\[([^\]\n]{0,200})\][ \t]*)?\{([^{}\n]{0,2000})\}/y;
/** The longest `[…]` read as a pandoc citation, in characters. */
const longestBracket = 2000;

function latexCite(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5c) return false;
  latexCitation.lastIndex = state.pos;
  const found = latexCitation.exec(state.src);
  if (!found) return false;
  const [whole, variant, first, second, keys] = found;
  const items = keys.split(',').map((key) => key.trim()).filter(Boolean).map((key): CitationItem => ({ key }));
  if (items.length === 0) return false;
  if (!silent) {
    // `\citep[p.~3]{a}` gives a locator; `\citep[see][p.~3]{a}` a prefix too. Both go with the first key, as in natbib.
    const prefix = second === undefined ? undefined : tieless(first);
    const locator = tieless(second ?? first);
    if (prefix) items[0].prefix = prefix;
    if (locator) items[items.length - 1].locator = locator;
    push(state, whole, { items, form: variant === 't' ? 'text' : 'paren' });
  }
  state.pos += whole.length;
  return true;
}

function tieless(text: string | undefined): string | undefined {
  const cleaned = text?.replace(/~/g, '\u00a0').trim();
  return cleaned || undefined;
}

// Pandoc's citation keys: a letter, digit or `_`, then those and internal punctuation.
const keyPattern = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*`;
const bracketItem = new RegExp(String.raw`^([^@]*?)(-?)@(${keyPattern})(.*)$`, 'su');
const bareKey = new RegExp(keyPattern, 'uy');

// `[see @a, p. 3; @b]`: every part separated by `;` names a key.
function pandocBracket(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x5b) return false;
  // Only as far as the first bracket, and not far: a text of many `[` is read once, not once per `[`.
  let close = pos + 1;
  const limit = Math.min(state.posMax, pos + longestBracket);
  while (close < limit && src[close] !== ']' && src[close] !== '[') close++;
  if (src[close] !== ']' || close >= state.posMax) return false;
  const inner = src.slice(pos + 1, close);
  if (!inner.includes('@')) return false;
  // `[@a](url)` and `[@a][ref]` are links.
  if (src[close + 1] === '(' || src[close + 1] === '[') return false;
  const items: CitationItem[] = [];
  for (const part of inner.split(';')) {
    const found = bracketItem.exec(part.trim());
    if (!found) return false;
    const [, prefix, minus, key, rest] = found;
    // Not `user@example.com`: the `@` starts the key.
    if (/[\p{L}\p{N}_]$/u.test(prefix)) return false;
    const item: CitationItem = { key };
    if (prefix.trim()) item.prefix = prefix.trim();
    const locator = rest.replace(/^\s*,/, '').trim();
    if (locator) item.locator = locator;
    if (minus) item.suppressAuthor = true;
    items.push(item);
  }
  if (!silent) push(state, src.slice(pos, close + 1), { items, form: 'paren' });
  state.pos = close + 1;
  return true;
}

// `@a` in running text, and `@a [p. 3]` with a locator.
function pandocInText(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x40) return false;
  if (pos > 0 && /[\p{L}\p{N}_.@+-]/u.test(src[pos - 1])) return false;
  bareKey.lastIndex = pos + 1;
  const key = bareKey.exec(src)?.[0];
  if (!key) return false;
  let end = pos + 1 + key.length;
  const item: CitationItem = { key };
  const locator = /^[ \t]?\[([^\]@[\n]+)\](?![([])/.exec(src.slice(end, Math.min(state.posMax, end + 200)));
  if (locator) {
    item.locator = locator[1].trim();
    end += locator[0].length;
  }
  if (!silent) push(state, src.slice(pos, end), { items: [item], form: 'text', bare: true });
  state.pos = end;
  return true;
}

function push(state: StateInline, source: string, meta: CitationMeta): void {
  const token = state.push('citation', 'span', 0);
  token.content = source;
  token.meta = meta;
}

const referencesLine = /^(?:\[\[references\]\]|\\bibliography\{[^{}\n]*\}|\\printbibliography)[ \t]*$/;

// `[[references]]`, `\bibliography{refs}` or `\printbibliography` alone on a line: the reference list goes there.
function referencesPlace(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  if (!referencesLine.test(line)) return false;
  if (silent) return true;
  const token = state.push('references', 'section', 0);
  token.block = true;
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

// Before the whole post is read (an excerpt, say) a citation shows as written.
const renderCitation: RenderRule = (tokens, idx) => (tokens[idx].meta as CitationMeta | null)?.html ?? escapeHtml(tokens[idx].content);
const renderReferences: RenderRule = (tokens, idx) => (tokens[idx].meta as { html?: string } | null)?.html ?? '';

/** Adds the citation and reference-list rules to a markdown-it instance. */
export function citationSyntax(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'references_place', referencesPlace, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('escape', 'latex_citation', latexCite);
  md.inline.ruler.before('link', 'pandoc_citation', pandocBracket);
  md.inline.ruler.before('link', 'pandoc_in_text_citation', pandocInText);
  md.renderer.rules.citation = renderCitation;
  md.renderer.rules.references = renderReferences;
}

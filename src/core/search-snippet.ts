import { escapeHtml } from './escape-html.js';
import type { Settings } from './excerpt.js';
import { cutHtml } from './excerpt-html.js';
import { HtmlReader, texAnnotation } from './excerpt-html-reader.js';
import type { Piece } from './excerpt-pieces.js';
import { blockElements, classOf, decodeEntities, elementEnd, HtmlTokenizer, voidElements } from './html-scan.js';
import type { Locale } from './messages.js';
import type { Post } from './post.js';
import type { TexMacros } from './render-math.js';
import { queryTerms, readWords, tokenize } from './search-tokenize.js';

export interface SearchSnippetOptions {
  /** About how many characters to show, counted as `excerpt` counts. Default 160. */
  length?: number;
  /** Language of the post. Default `'en'`. */
  locale?: Locale;
  /** Site-wide TeX macros. */
  macros?: TexMacros;
}

export interface SearchSnippet {
  /** Rendered: formulas as KaTeX, the query's words in `<mark>`, a formula holding one in `<mark class="sb-search-formula">`. */
  html: string;
  /** The same as plain text, formulas as `$TeX$`. */
  text: string;
}

const moreMarkers = /<!--\s*more\b[^>]*?-->/gi;
// Hits past this many are not weighed: the first ones of a long post give its best window all the same.
const maxHits = 400;
let wordSegmenter: Intl.Segmenter | undefined;

interface Hit {
  at: number;
  piece: number;
  term: string;
}

/**
 * A window of `post` around its best match for `query`: where most of the
 * query's words come close together, starting a little before them on a word
 * boundary, and cut like an `excerpt` (never inside a formula, a tag, an
 * entity or a grapheme; formulas rendered; `…` where text is left out). A
 * post without a match gives its beginning. Reads `contentHtml`, else
 * `contentText`, else `summary`; raw TeX in them is rendered.
 */
export function searchSnippet(post: Post, query: string, options: SearchSnippetOptions = {}): SearchSnippet {
  const settings: Settings = { length: options.length ?? 160, locale: options.locale ?? 'en', trusted: true, macros: options.macros, textStyleDisplays: false };
  const text = post.contentHtml ?? (post.contentText ? `<p>${escapeHtml(post.contentText)}</p>` : '');
  const summary = post.summary && /\S/.test(post.summary) ? `<p>${escapeHtml(post.summary)}</p>` : undefined;
  const terms = highlightTerms(query, settings.locale);
  const pattern = termPattern(terms);
  let source = (/\S/.test(text) ? text : (summary ?? '')).replace(moreMarkers, '');
  let pieces = readPieces(source);
  let hit = pattern ? bestHit(pieces, pattern, settings.length) : undefined;
  // The index reads the summary too: when only it holds the query, it is what the reader should see.
  if (pattern && !hit && summary && source !== summary) {
    const inSummary = bestHit(readPieces(summary), pattern, settings.length);
    if (inSummary) [source, pieces, hit] = [summary, readPieces(summary), inSummary];
  }
  const start = hit ? windowStart(pieces, source, hit, Math.round(settings.length / 4), settings.locale) : 0;
  const before = start > 0 && /\S/.test(source.slice(0, start).replace(/<[^>]*>/g, '')) ? '…' : '';
  // The window starts inside a paragraph (or item, or cell): open it again, so the text and its ellipses stay in it.
  const reopened = start > 0 ? blockOpenAt(pieces, source, start) : undefined;
  const windowed = (reopened ? `<${reopened}>` : '') + before + source.slice(start);
  const excerpt = cutHtml(windowed, settings, { readsTex: true, goesOn: false })!;
  return { html: pattern ? highlight(excerpt.html, pattern, terms) : excerpt.html, text: excerpt.text };
}

/** What to mark: each Latin word, each Chinese run whole and by its words and bigrams; longest first. */
function highlightTerms(query: string, locale: Locale): string[] {
  const runs = readWords(query, locale).filter((word) => word.kind === 'cjk').map((word) => word.text);
  // Word pairs are for ranking; here each word counts on its own, so the window with most of them wins.
  const { words: latin, whole } = queryTerms(query, locale);
  const words = [...latin, ...whole.filter((term) => !term.includes(' '))];
  return [...new Set([...runs, ...words])].sort((a, b) => b.length - a.length);
}

function termPattern(terms: readonly string[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = terms.map((term) => {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A Latin word matches at the start of a word (`softm` in softmax), which may follow Chinese without a space (推导Softmax); Chinese anywhere.
    return /^\p{L}/u.test(term) && !/^\p{Script=Han}/u.test(term) ? `(?<!(?!\\p{Script=Han})[\\p{L}\\p{N}])${escaped}` : escaped;
  });
  return new RegExp(alternatives.join('|'), 'giu');
}

function readPieces(source: string): Piece[] {
  const reader = new HtmlReader(source, true);
  const pieces: Piece[] = [];
  for (let piece; (piece = reader.next()); ) if (!piece.drop) pieces.push(piece);
  return pieces;
}

function formulaTerms(piece: Piece, terms: RegExp): string[] {
  if (!piece.math) return [];
  return tokenize(piece.math.tex).filter((term) => new RegExp(`^(?:${terms.source})$`, 'iu').test(term));
}

/** The first hit of the window of about `length` characters that holds the most different terms. */
function bestHit(pieces: readonly Piece[], pattern: RegExp, length: number): Hit | undefined {
  const hits: Hit[] = [];
  for (let i = 0; i < pieces.length && hits.length < maxHits; i++) {
    const piece = pieces[i];
    if (piece.kind === 'text') {
      for (const match of piece.visible.matchAll(pattern)) hits.push({ at: piece.start + match.index, piece: i, term: match[0].toLowerCase() });
    } else if (piece.kind === 'atom') {
      for (const term of formulaTerms(piece, pattern)) hits.push({ at: piece.start, piece: i, term });
    }
  }
  let best: Hit | undefined;
  let bestCount = 0;
  // Source characters per visible one is about 1 in text; markup makes it more, so the window is generous.
  const span = length * 2;
  for (let i = 0; i < hits.length; i++) {
    const within = new Set<string>();
    for (let j = i; j < hits.length && hits[j].at - hits[i].at <= span; j++) within.add(hits[j].term);
    if (within.size > bestCount) [best, bestCount] = [hits[i], within.size];
  }
  return best;
}

/** Where the window starts: about `lead` characters before the hit, on a word boundary, never before the hit's paragraph. */
function windowStart(pieces: readonly Piece[], source: string, hit: Hit, lead: number, locale: Locale): number {
  let budget = lead;
  let start = pieces[hit.piece].start;
  const piece = pieces[hit.piece];
  if (piece.kind === 'text') {
    if (hit.at - piece.start > budget) return wordStartBefore(source, piece.start, hit.at, budget, locale);
    budget -= hit.at - piece.start;
  }
  for (let i = hit.piece - 1; i >= 0 && budget > 0; i--) {
    const previous = pieces[i];
    if (previous.kind === 'break') break;
    if (previous.kind === 'text' && previous.end - previous.start > budget) return wordStartBefore(source, previous.start, previous.end, budget, locale);
    start = previous.start;
    budget -= previous.kind === 'text' ? previous.end - previous.start : previous.weight;
  }
  return start;
}

/** The word boundary in `source[from, to)` nearest `budget` characters before `to`. */
function wordStartBefore(source: string, from: number, to: number, budget: number, locale: Locale): number {
  // Only the end of the text is segmented: segmenting a whole long paragraph is slow.
  const sliceStart = Math.max(from, to - budget - 32);
  wordSegmenter ??= new Intl.Segmenter(locale, { granularity: 'word' });
  const target = to - budget;
  let best = to;
  for (const { index } of wordSegmenter.segment(source.slice(sliceStart, to))) {
    const at = sliceStart + index;
    if (at === sliceStart && sliceStart > from) continue;
    if (at >= target) {
      best = at;
      break;
    }
  }
  return best;
}

const tagName = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/;

/** The innermost block element open at `at`. */
function blockOpenAt(pieces: readonly Piece[], source: string, at: number): string | undefined {
  const open: string[] = [];
  for (const piece of pieces) {
    if (piece.start >= at) break;
    if (piece.kind !== 'break' && piece.kind !== 'markup') continue;
    const tag = tagName.exec(source.slice(piece.start, piece.start + 12));
    if (!tag || !blockElements.has(tag[2].toLowerCase()) || voidElements.has(tag[2].toLowerCase())) continue;
    if (tag[1]) open.splice(open.lastIndexOf(tag[2].toLowerCase()));
    else open.push(tag[2].toLowerCase());
  }
  return open.at(-1);
}

const entityOrTerm = (pattern: RegExp) => new RegExp(`&[#a-zA-Z0-9]+;|${pattern.source}`, 'giu');
const formulaClass = /(?:^|\s)(?:katex|sb-math-error)(?:\s|$)/;

/** `html` with the terms in its text marked, and the formulas whose TeX holds one. */
function highlight(html: string, pattern: RegExp, terms: readonly string[]): string {
  const inText = entityOrTerm(pattern);
  const termSet = new Set(terms);
  const tokens = new HtmlTokenizer(html);
  let out = '';
  for (let token; (token = tokens.next()); ) {
    const raw = html.slice(token.start, token.end);
    if (token.kind === 'text') {
      out += raw.replace(inText, (found) => (found.startsWith('&') && found.endsWith(';') ? found : `<mark>${found}</mark>`));
    } else if (token.kind === 'start' && formulaClass.test(classOf(raw))) {
      const end = elementEnd(html, token.end, token.name);
      const formula = html.slice(token.start, end);
      const tex = texAnnotation.exec(formula);
      const marked = tex !== null && tokenize(decodeEntities(tex[1])).some((term) => termSet.has(term) || [...termSet].some((t) => term.startsWith(t)));
      out += marked ? `<mark class="sb-search-formula">${formula}</mark>` : formula;
      tokens.seek(end);
    } else out += raw;
  }
  return out;
}

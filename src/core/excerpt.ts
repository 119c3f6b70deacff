import { type FormulaInput, numberEquations, parseLoneReference } from './equation-numbering.js';
import { parseFrontMatter } from './front-matter.js';
import { decodeEntities, elementEnd, HtmlTokenizer, readAttributes, voidElements, writeStartTag } from './html-scan.js';
import type { Locale } from './messages.js';
import { renderMarkdown } from './render-markdown.js';
import { renderFormula, type TexMacros } from './render-math.js';
import { isSafeUrl } from './safe-url.js';
import { replaceCommands } from './tex-scan.js';

export interface ExcerptOptions {
  /**
   * About how many characters the reader should see. Default 200. A grapheme
   * (an emoji family, a flag, an accented letter) counts 1, a run of spaces 1,
   * markup 0, a formula `ceil(TeX length / 4)`, a code span or link its text.
   */
  length?: number;
  /** Language of the text, for sentence and word boundaries. Default `'en'`. */
  locale?: Locale;
  /** `'markdown'` (default): a post's source. `'html'`: a JSON Feed `content_html`. */
  format?: 'markdown' | 'html';
  /** Whether the text is the site owner's; see `renderMarkdown`. Default `true`. */
  trusted?: boolean;
  /** Site-wide TeX macros. */
  macros?: TexMacros;
}

export interface Excerpt {
  /**
   * The beginning of the post, rendered: formulas as KaTeX, headings as
   * `<p class="sb-excerpt-heading">`, no `id`s, every tag closed, `…` at the end
   * when truncated.
   */
  html: string;
  /** The same as plain text on one line, formulas as `$TeX$`: for meta descriptions and summaries. */
  text: string;
  /** Whether the post goes on after the excerpt. */
  truncated: boolean;
}

/**
 * The beginning of a post for a home page or a feed: up to `<!--more-->` when
 * the post has one, otherwise about `length` visible characters, ending on a
 * sentence if one ends within reach, else on a word. Never cuts inside a
 * formula, a code span or block, a link, a tag, an entity or a grapheme: a
 * formula that straddles the limit is kept whole when that stays within 1.5×
 * `length`, else the excerpt stops before it.
 *
 * `\eqref` to an equation beyond the excerpt shows that equation's number as
 * plain text; references are not links, as the excerpt has no equation ids.
 *
 * Only the first ~2× `length` of the source is read (plus the rest when an
 * `\eqref` points beyond the excerpt) and only the kept part is rendered, so
 * excerpting a thousand long posts costs about as much as rendering a
 * thousand short ones.
 */
export function excerpt(source: string, options: ExcerptOptions = {}): Excerpt {
  const settings: Settings = {
    length: options.length !== undefined && options.length > 0 ? options.length : 200,
    locale: options.locale ?? 'en',
    trusted: options.trusted ?? true,
    macros: options.macros,
  };
  return options.format === 'html' ? excerptHtml(source, settings) : excerptMarkdown(source, settings);
}

interface Settings {
  length: number;
  locale: Locale;
  trusted: boolean;
  macros: TexMacros | undefined;
}

// ---------------------------------------------------------------------------
// Pieces: the source read as what a reader sees.

/**
 * A stretch of the source. Only text pieces may be cut inside (between
 * graphemes); any piece may be cut before.
 */
interface Piece {
  /** `break`: a paragraph or block boundary. `markup`: nothing visible (`**`, `#`, a tag). */
  kind: 'text' | 'atom' | 'markup' | 'break';
  start: number;
  end: number;
  /** What the segmenters see: for text the source itself (same length), for an atom a stand-in. */
  visible: string;
  /** Visible weight of an atom; text is weighed grapheme by grapheme. */
  weight: number;
  math?: FormulaInput;
  /** `\eqref{x}` or `\ref{x}` in running text. */
  reference?: { label: string; parenthesized: boolean };
  /** A table or a link: an atom with running text (and perhaps references) inside. */
  container?: boolean;
  /** A run of `*`, `_` or `~~` that may open or close emphasis. */
  delimiter?: { run: string; canOpen: boolean; canClose: boolean };
  /** Left out of the excerpt: scripts and comments of HTML input. */
  drop?: boolean;
  /**
   * The start or end tag of an HTML element read piece by piece (so raw TeX
   * in it is found) but never cut inside: a link, a table.
   */
  region?: 'open' | 'close';
}

interface PieceReader {
  next(): Piece | undefined;
}

// An atom shows to the segmenters as one "word" that ends no sentence.
const OBJECT = '\ufffc';

/** How much a formula weighs against text: a quarter of its TeX, as `x_i` reads as about one character. */
function formulaWeight(tex: string): number {
  return Math.max(1, Math.ceil(tex.trim().length / 4));
}

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) count++;
  }
  return count;
}

/** The pieces read so far, kept for the passes after the cut (emphasis, references). */
class PieceStream implements PieceReader {
  readonly pieces: Piece[] = [];
  #read = 0;

  constructor(readonly reader: PieceReader) {}

  next(): Piece | undefined {
    if (this.#read < this.pieces.length) return this.pieces[this.#read++];
    const piece = this.reader.next();
    if (piece) {
      this.pieces.push(piece);
      this.#read++;
    }
    return piece;
  }

  /** Starts again from the first piece (the pieces already read are not read again from the source). */
  rewind(): void {
    this.#read = 0;
  }

  readAll(): void {
    for (let piece; (piece = this.reader.next()); ) this.pieces.push(piece);
    this.#read = this.pieces.length;
  }
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i], i)) return i;
  return -1;
}

// ---------------------------------------------------------------------------
// Segmenters, one per locale and granularity: creating one costs far more than using it.

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: Locale, granularity: 'grapheme' | 'word' | 'sentence'): Intl.Segmenter {
  const key = `${locale}:${granularity}`;
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, found);
  }
  return found;
}

// Text in which every UTF-16 unit is a grapheme of its own (ASCII, Latin-1,
// common CJK and punctuation, no combining marks): counted without a segmenter.
const simpleGraphemes = /^[\t\n\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u4e00-\u9fff\uff01-\uff9d]*$/;

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000;
}

// ---------------------------------------------------------------------------
// Layout: the visible text with, at each of its indices, the weight before it
// and the source offset a cut there keeps up to (-1 where no cut may fall).

class Layout {
  visible = '';
  readonly weightAt: number[] = [];
  readonly rawAt: number[] = [];
  weight = 0;
  ended = false;
  #afterSpace = true;
  #rawEnd = 0;
  #regionDepth = 0;

  constructor(
    stream: PieceReader,
    stop: number,
    readonly graphemes: Intl.Segmenter,
  ) {
    // A region is read to its end: the cut may have to fall after it.
    while (this.weight <= stop || this.#regionDepth > 0) {
      const piece = stream.next();
      if (!piece) {
        this.ended = true;
        break;
      }
      this.#add(piece, stop);
    }
    this.#mark(this.visible.length, this.#rawEnd);
  }

  legal(index: number): boolean {
    return (this.rawAt[index] ?? -1) >= 0;
  }

  // The first piece to reach an index decides where a cut there ends: before
  // `**` or `</em>` rather than after, so an excerpt never ends on markup.
  // Inside a region nothing is marked, so no cut falls there.
  #mark(index: number, raw: number): void {
    if (this.#regionDepth === 0 && this.rawAt[index] === undefined) {
      this.rawAt[index] = raw;
      this.weightAt[index] = this.weight;
    }
  }

  #inside(index: number): void {
    this.rawAt[index] = -1;
    this.weightAt[index] = this.weight;
  }

  #count(space: boolean): void {
    // A run of spaces shows as one, and none at the start of a block.
    if (space) {
      if (!this.#afterSpace) this.weight++;
      this.#afterSpace = true;
    } else {
      this.weight++;
      this.#afterSpace = false;
    }
  }

  #add(piece: Piece, stop: number): void {
    const base = this.visible.length;
    if (piece.region === 'close') {
      this.#regionDepth--;
      this.#mark(base, piece.end);
    }
    this.#mark(base, piece.start);
    if (piece.region === 'open') this.#regionDepth++;
    if (piece.kind !== 'text') {
      for (let i = 1; i < piece.visible.length; i++) this.#inside(base + i);
      this.visible += piece.visible;
      if (piece.kind === 'break') this.#afterSpace = true;
      else if (piece.weight > 0) {
        this.weight += piece.weight;
        this.#afterSpace = false;
      }
      this.#rawEnd = piece.end;
      return;
    }
    const text = piece.visible;
    let consumed = text.length;
    if (simpleGraphemes.test(text)) {
      for (let i = 0; i < text.length; i++) {
        if (this.weight > stop && this.#regionDepth === 0) {
          consumed = i;
          break;
        }
        this.#mark(base + i, piece.start + i);
        this.#count(isSpaceCode(text.charCodeAt(i)));
      }
    } else {
      for (const { segment, index } of this.graphemes.segment(text)) {
        if (this.weight > stop && this.#regionDepth === 0) {
          consumed = index;
          break;
        }
        this.#mark(base + index, piece.start + index);
        for (let k = 1; k < segment.length; k++) this.#inside(base + index + k);
        this.#count(/^\s+$/.test(segment));
      }
    }
    this.visible += text.slice(0, consumed);
    this.#rawEnd = piece.start + consumed;
  }
}

interface Cut {
  /** Index in the layout's visible text. */
  index: number;
  /** Whether it ends a sentence (then its punctuation stays). */
  sentence: boolean;
}

/**
 * Where to cut a text longer than `limit`:
 * 1. the sentence end nearest the limit, from limit/2 to limit + limit/5
 *    (going over counts double: a shorter excerpt is better than a long one);
 * 2. else the last word end between limit/2 and the limit;
 * 3. else the last grapheme boundary before the limit.
 * When the limit falls inside an atom (a formula, code, a link) the atom's
 * end becomes the limit if it is within 1.5× limit, else its start, with no
 * looking beyond it.
 */
function chooseCut(layout: Layout, limit: number, locale: Locale): Cut {
  const { visible, weightAt } = layout;
  let before = 0;
  let after = -1;
  for (let i = 0; i <= visible.length; i++) {
    if (!layout.legal(i)) continue;
    if (weightAt[i] <= limit) before = i;
    else {
      after = i;
      break;
    }
  }
  let target = limit;
  let hard = false;
  let fit = before;
  if (after >= 0 && weightAt[after] - weightAt[before] > 1 && weightAt[before] < limit) {
    if (weightAt[after] <= limit * 1.5) {
      target = weightAt[after];
      fit = after;
    } else {
      target = weightAt[before];
      hard = true;
    }
  }

  const lowest = limit / 2;
  const reach = limit / 5;
  let best = -1;
  let bestCost = Infinity;
  for (const { index, segment } of segmenter(locale, 'sentence').segment(visible)) {
    const end = index + segment.length;
    if (end === visible.length && !layout.ended) break;
    if (!layout.legal(end)) continue;
    const weight = weightAt[end];
    let cost: number;
    if (weight <= target) {
      if (weight < lowest) continue;
      cost = target - weight;
    } else if (!hard && weight <= target + reach) {
      cost = 2 * (weight - target);
    } else break;
    if (cost < bestCost) {
      best = end;
      bestCost = cost;
    }
  }
  if (best >= 0) return { index: best, sentence: true };

  let word = -1;
  for (const { index } of segmenter(locale, 'word').segment(visible)) {
    if (!layout.legal(index)) continue;
    const weight = weightAt[index];
    if (weight > target) break;
    if (weight >= lowest) word = index;
  }
  if (word >= 0) return { index: word, sentence: false };
  if (weightAt[fit] > 0) return { index: fit, sentence: false };
  // Nothing fits before the first formula or code block: better that whole than nothing.
  return { index: after >= 0 ? after : visible.length, sentence: false };
}

/** Lays out the start of the text and decides where the excerpt ends: a source offset, or undefined for all of it. */
function cutByLength(stream: PieceStream, settings: Settings): { end: number; sentence: boolean; truncated: boolean } | undefined {
  const limit = settings.length;
  const layout = new Layout(stream, limit * 1.75, segmenter(settings.locale, 'grapheme'));
  if (layout.ended && layout.weight <= limit) return undefined;
  const cut = chooseCut(layout, limit, settings.locale);
  const truncated = !layout.ended || layout.weight > layout.weightAt[cut.index];
  return { end: layout.rawAt[cut.index], sentence: cut.sentence, truncated };
}

// Left at the end of an excerpt they would announce something it does not show.
function trimDangling(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s\p{Ps}\p{Pi}，、；：,:]/u.test(text[end - 1]) && text[end - 2] !== '\\') end--;
  return text.slice(0, end);
}

// ---------------------------------------------------------------------------
// Math delimiters, as markdown-math finds them.

interface MathSpan {
  end: number;
  tex: string;
  display: boolean;
}

function isEscaped(src: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && src.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

function indexOfUnescaped(src: string, needle: string, from: number, limit: number): number {
  for (let at = src.indexOf(needle, from); at >= 0 && at < limit; at = src.indexOf(needle, at + 1)) {
    if (!isEscaped(src, at)) return at;
  }
  return -1;
}

const environmentHead = /\\begin\{([a-zA-Z]+\*?)\}/y;

/** The formula starting at `pos` (`$..$`, `$$..$$`, `\(..\)`, `\[..\]`, `\begin{x}..\end{x}`), if one does. */
function readMath(src: string, pos: number, limit: number): MathSpan | undefined {
  const c = src.charCodeAt(pos);
  if (c === 0x24) {
    if (isEscaped(src, pos)) return undefined;
    if (src.charCodeAt(pos + 1) === 0x24) {
      const close = indexOfUnescaped(src, '$$', pos + 2, limit);
      if (close < 0 || src.slice(pos + 2, close).trim() === '') return undefined;
      return { end: close + 2, tex: src.slice(pos + 2, close), display: true };
    }
    // As markdown-math's `dollarAsText`: the next `$` ends the formula, and must be able to.
    const close = indexOfUnescaped(src, '$', pos + 1, limit);
    if (close <= pos + 1) return undefined;
    const tex = src.slice(pos + 1, close);
    if (/^\s/.test(tex) || /[\s\\]$/.test(tex) || /[0-9]/.test(src[close + 1] ?? '') || tex.includes('\n')) return undefined;
    return { end: close + 1, tex, display: false };
  }
  if (c !== 0x5c) return undefined;
  const next = src.charCodeAt(pos + 1);
  if (next === 0x28 || next === 0x5b) {
    const close = src.indexOf(next === 0x28 ? '\\)' : '\\]', pos + 2);
    if (close < 0 || close + 2 > limit || src.slice(pos + 2, close).trim() === '') return undefined;
    return { end: close + 2, tex: src.slice(pos + 2, close), display: next === 0x5b };
  }
  environmentHead.lastIndex = pos;
  const head = environmentHead.exec(src);
  if (!head) return undefined;
  const closing = `\\end{${head[1]}}`;
  const close = src.indexOf(closing, environmentHead.lastIndex);
  if (close < 0 || close + closing.length > limit) return undefined;
  return { end: close + closing.length, tex: src.slice(pos, close + closing.length), display: true };
}

// The environments markdown-math reads as display math when they stand as a block.
const blockEnvironments = /^\\begin\{(?:equation|align|gather|multline|alignat|flalign)\*?\}/;

function isBlockEnvironment(src: string, math: MathSpan): boolean {
  const lineEnd = src.indexOf('\n', math.end);
  return blockEnvironments.test(math.tex) && src.slice(math.end, lineEnd < 0 ? src.length : lineEnd).trim() === '';
}

function formulaPiece(start: number, math: MathSpan): Piece {
  return { kind: 'atom', start, end: math.end, visible: OBJECT, weight: formulaWeight(math.tex), math: { tex: math.tex, display: math.display } };
}

// ---------------------------------------------------------------------------
// Markdown

const blankLine = /[ \t]*(?:\n|$)/y;
const thematicBreak = /[ \t]*(?:>[ \t]?)*[ \t]*(?:([-*_])[ \t]*(?:\1[ \t]*){2,}|=+[ \t]*)(?=\n|$)/y;
const containerMarkers = /(?:[ \t]*>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(#{1,6}(?:[ \t]+|(?=\n|$)))?/y;
const fenceOpening = /(`{3,}|~{3,})([^\n]*)/y;
const definitionLine = /\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*\S[^\n]*/y;
// CommonMark's HTML blocks of types 1, 2 and 6, which run to a blank line (type 1, roughly).
const htmlBlockStart =
  /<(?:!--|(?:script|pre|style|textarea)(?:[\s>]|$)|\/?(?:address|article|aside|blockquote|body|caption|center|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|html|iframe|legend|li|main|menu|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:[\s/>]|$))/iy;
const tableDelimiterRow = /\n[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?=\n|$)/y;
// What a line must start with to begin a block rather than continue a paragraph.
const blockStart = /[ \t]*(?:>|#{1,6}(?:[ \t]|\n|$)|[-+*][ \t]|\d{1,9}[.)][ \t]|```|~~~|\$\$|\\\[|\\begin\{|\||<\/?[a-zA-Z]|(?:[-*_][ \t]*){3,}(?:\n|$))/y;
const textRun = /[^\n\r\\$`![<&*_~]+/y;
const urlStart = /https?:\/\/|www\./;
const url = /(?:https?:\/\/|www\.)[^\s<>]*/y;
const referenceCommand = /\\(eq)?ref\{([^{}\n]+)\}/y;
const entity = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;
const autolink = /<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/y;
const inlineTag = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/y;
const asciiPunctuation = /[!-/:-@[-`{-~]/;

function matchAt(pattern: RegExp, src: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(src);
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads markdown as pieces, from the start, one at a time. */
class MarkdownReader implements PieceReader {
  #pos = 0;
  #lineStart = true;
  #contentStart = false;
  // Where the current line's content starts, after `>` and list markers.
  #lineContent = 0;
  // Inside an HTML block markdown-it leaves `*` and `_` alone, so no emphasis is open there.
  #htmlBlock = false;
  // Whether the current line is a block of its own (heading, rule, fence, table row), so its end is a block boundary.
  #blockLine = false;

  constructor(
    readonly src: string,
    readonly trusted: boolean,
    readonly definitions: ReadonlySet<string>,
  ) {}

  next(): Piece | undefined {
    const pos = this.#pos;
    if (pos >= this.src.length) return undefined;
    if (this.#lineStart) {
      this.#lineStart = false;
      this.#contentStart = true;
      const piece = this.#lineStartPiece(pos);
      if (piece) return piece;
    }
    if (this.#contentStart) {
      this.#contentStart = false;
      this.#lineContent = pos;
      const piece = this.#blockPiece(pos);
      if (piece) return piece;
    }
    return this.#inlinePiece(pos);
  }

  #piece(kind: Piece['kind'], start: number, end: number, visible: string, weight = 0): Piece {
    this.#pos = end;
    return { kind, start, end, visible, weight };
  }

  #text(start: number, end: number): Piece {
    return this.#piece('text', start, end, this.src.slice(start, end).replace(/\r/g, ' '));
  }

  #lineStartPiece(pos: number): Piece | undefined {
    const { src } = this;
    const rule = matchAt(thematicBreak, src, pos);
    if (rule) {
      this.#blockLine = true;
      this.#contentStart = false;
      return this.#piece('markup', pos, thematicBreak.lastIndex, '');
    }
    const markers = matchAt(containerMarkers, src, pos);
    if (markers && markers[0].length > 0) {
      if (markers[1]) this.#blockLine = true;
      return this.#piece('markup', pos, containerMarkers.lastIndex, '');
    }
    return undefined;
  }

  #blockPiece(pos: number): Piece | undefined {
    const { src } = this;
    const c = src[pos];
    if (c === '|' || (c === '<' && /[a-zA-Z/]/.test(src[pos + 1] ?? ''))) this.#blockLine = true;
    if (c === '<' && this.trusted && matchAt(htmlBlockStart, src, pos)) this.#htmlBlock = true;
    const fence = matchAt(fenceOpening, src, pos);
    if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      const closing = new RegExp(`\\n[ \\t>]*${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}[ \\t]*(?=\\n|$)`, 'g');
      closing.lastIndex = fenceOpening.lastIndex;
      const close = closing.exec(src);
      const contentStart = Math.min(src.length, fenceOpening.lastIndex + 1);
      const end = close ? closing.lastIndex : src.length;
      const content = src.slice(contentStart, close ? close.index : src.length);
      this.#blockLine = true;
      this.#pos = end;
      return { kind: 'atom', start: pos, end, visible: OBJECT, weight: Math.max(1, codePoints(content.trim())) };
    }
    const lineEnd = src.indexOf('\n', pos) < 0 ? src.length : src.indexOf('\n', pos);
    if (c === '|' && matchAt(tableDelimiterRow, src, lineEnd)) {
      // A table cut after its header row would show as a line of pipes.
      const blank = /\n[ \t>]*(?:\n|$)/g;
      blank.lastIndex = lineEnd;
      const end = blank.exec(src)?.index ?? src.length;
      this.#blockLine = true;
      this.#pos = end;
      const weight = Math.max(1, codePoints(src.slice(pos, end).replace(/[|:\-\s]+/g, ' ').trim()));
      return { kind: 'atom', start: pos, end, visible: OBJECT, weight, container: true };
    }
    if (c === '[' && matchAt(definitionLine, src, pos)) {
      this.#blockLine = true;
      return this.#piece('markup', pos, definitionLine.lastIndex, '');
    }
    return undefined;
  }

  #inlinePiece(pos: number): Piece {
    const { src } = this;
    switch (src.charCodeAt(pos)) {
      case 0x0a:
        return this.#newline(pos);
      case 0x5c:
        return this.#backslash(pos);
      case 0x24: {
        const math = readMath(src, pos, src.length);
        if (math) return this.#formula(pos, math);
        return this.#text(pos, src.startsWith('$$', pos) ? pos + 2 : pos + 1);
      }
      case 0x60:
        return this.#codeSpan(pos);
      case 0x21:
        if (src.charCodeAt(pos + 1) === 0x5b) return this.#link(pos) ?? this.#text(pos, pos + 2);
        return this.#text(pos, pos + 1);
      case 0x5b:
        return this.#link(pos) ?? this.#text(pos, pos + 1);
      case 0x3c:
        return this.#angle(pos);
      case 0x26: {
        const found = matchAt(entity, src, pos);
        if (!found) return this.#text(pos, pos + 1);
        const decoded = decodeEntities(found[0]);
        const visible = decoded === found[0] ? OBJECT : decoded.replace(/\u00a0/g, ' ');
        return this.#piece('atom', pos, entity.lastIndex, visible, 1);
      }
      case 0x2a:
      case 0x5f:
      case 0x7e:
        return this.#delimiter(pos);
      case 0x0d:
        return this.#text(pos, pos + 1);
    }
    const run = matchAt(textRun, src, pos);
    const end = run ? textRun.lastIndex : pos + 1;
    // linkify turns bare URLs into links: cutting one would link somewhere else.
    const link = run ? run[0].search(urlStart) : -1;
    if (link > 0) return this.#text(pos, pos + link);
    if (link === 0) {
      const found = matchAt(url, src, pos)![0].replace(/[.,:;!?'")\]}*_~。，；：！？、）》」』】]+$/u, '');
      const prefix = src.startsWith('www.', pos) ? 4 : src.indexOf('//', pos) + 2 - pos;
      if (found.length > prefix) return this.#piece('atom', pos, pos + found.length, OBJECT, codePoints(found));
      return this.#text(pos, pos + prefix);
    }
    return this.#text(pos, end);
  }

  #formula(pos: number, math: MathSpan): Piece {
    this.#pos = math.end;
    const piece = formulaPiece(pos, math);
    // markdown-math takes `\begin{x}` for math only as a block of its own; elsewhere it is text, though never cut.
    if (math.tex.startsWith('\\begin') && !(pos === this.#lineContent && isBlockEnvironment(this.src, math))) delete piece.math;
    return piece;
  }

  #newline(pos: number): Piece {
    const { src } = this;
    let end = pos + 1;
    let blank = false;
    while (end < src.length) {
      const line = matchAt(blankLine, src, end);
      if (!line || line[0].length === 0) break;
      blank = true;
      end = blankLine.lastIndex;
      if (!line[0].endsWith('\n')) break;
    }
    const block = blank || this.#blockLine || end >= src.length || matchAt(blockStart, src, end) !== null;
    this.#lineStart = true;
    this.#blockLine = false;
    if (blank) this.#htmlBlock = false;
    // A single line break inside a paragraph shows as a space, not as the end of a sentence.
    return block ? this.#piece('break', pos, end, '\n') : this.#piece('text', pos, pos + 1, ' ');
  }

  #backslash(pos: number): Piece {
    const { src } = this;
    const math = readMath(src, pos, src.length);
    if (math) return this.#formula(pos, math);
    const reference = matchAt(referenceCommand, src, pos);
    if (reference) {
      const piece = this.#piece('atom', pos, referenceCommand.lastIndex, OBJECT, 3);
      piece.reference = { label: reference[2].trim(), parenthesized: reference[1] !== undefined };
      return piece;
    }
    const next = src[pos + 1] ?? '';
    if (asciiPunctuation.test(next)) return this.#piece('atom', pos, pos + 2, next, 1);
    // Before a line break it makes a hard break: never end an excerpt between the two.
    if (next === '\n') return this.#piece('markup', pos, pos + 1, '');
    return this.#text(pos, pos + 1);
  }

  #codeSpan(pos: number): Piece {
    const { src } = this;
    let open = pos;
    while (src.charCodeAt(open) === 0x60) open++;
    const ticks = open - pos;
    for (let at = src.indexOf('`', open); at >= 0; ) {
      let runEnd = at;
      while (src.charCodeAt(runEnd) === 0x60) runEnd++;
      if (runEnd - at === ticks) {
        const content = src.slice(open, at);
        if (/\n[ \t]*\n/.test(content)) break;
        return this.#piece('atom', pos, runEnd, OBJECT, Math.max(1, codePoints(content.trim())));
      }
      at = src.indexOf('`', runEnd);
    }
    return this.#text(pos, open);
  }

  /** `[text](url)`, `![alt](src)`, `[text][ref]`, or `[ref]` with a definition. */
  #link(pos: number): Piece | undefined {
    const { src } = this;
    const image = src.charCodeAt(pos) === 0x21;
    const labelStart = pos + (image ? 2 : 1);
    const labelEnd = closingBracket(src, labelStart, '[', ']');
    if (labelEnd < 0) return undefined;
    const label = src.slice(labelStart, labelEnd);
    let end = -1;
    const after = src[labelEnd + 1];
    if (after === '(') {
      const close = closingBracket(src, labelEnd + 2, '(', ')');
      if (close >= 0) end = close + 1;
    } else if (after === '[') {
      const close = closingBracket(src, labelEnd + 2, '[', ']');
      const reference = close >= 0 ? src.slice(labelEnd + 2, close) : '';
      if (close >= 0 && this.definitions.has(normalizeLabel(reference || label))) end = close + 1;
    }
    if (end < 0 && this.definitions.has(normalizeLabel(label))) end = labelEnd + 1;
    if (end < 0) return undefined;
    const weight = image ? 1 : Math.max(1, codePoints(label.replace(/[*_`~]/g, '')));
    const piece = this.#piece('atom', pos, end, OBJECT, weight);
    piece.container = true;
    return piece;
  }

  #angle(pos: number): Piece {
    const { src } = this;
    if (src.startsWith('<!--', pos)) {
      const close = src.indexOf('-->', pos + 4);
      return this.#piece('markup', pos, close < 0 ? src.length : close + 3, '');
    }
    const auto = matchAt(autolink, src, pos);
    if (auto) return this.#piece('atom', pos, autolink.lastIndex, OBJECT, auto[0].length - 2);
    const tag = matchAt(inlineTag, src, pos);
    if (tag) {
      // Owner's HTML is markup; a visitor's is shown as text, but still never cut.
      return this.trusted ? this.#piece('markup', pos, inlineTag.lastIndex, '') : this.#piece('atom', pos, inlineTag.lastIndex, OBJECT, tag[0].length);
    }
    return this.#text(pos, pos + 1);
  }

  /** `*`, `_`, `~~` runs, with CommonMark's flanking rules for whether they open or close emphasis. */
  #delimiter(pos: number): Piece {
    const { src } = this;
    const char = src[pos];
    let end = pos + 1;
    while (src[end] === char) end++;
    const run = src.slice(pos, end);
    if ((char === '~' && run.length < 2) || this.#htmlBlock) return this.#text(pos, end);
    const previous = pos > 0 ? String.fromCodePoint(src.codePointAt(pos - 1 - (isLowSurrogate(src, pos - 1) ? 1 : 0))!) : '\n';
    const next = end < src.length ? String.fromCodePoint(src.codePointAt(end)!) : '\n';
    const space = (c: string) => /\s/u.test(c);
    const punctuation = (c: string) => /[\p{P}\p{S}]/u.test(c);
    const left = !space(next) && (!punctuation(next) || space(previous) || punctuation(previous));
    const right = !space(previous) && (!punctuation(previous) || space(next) || punctuation(next));
    const canOpen = char === '_' ? left && (!right || punctuation(previous)) : left;
    const canClose = char === '_' ? right && (!left || punctuation(next)) : right;
    if (!canOpen && !canClose) return this.#text(pos, end);
    const piece = this.#piece('markup', pos, end, '');
    piece.delimiter = { run, canOpen, canClose };
    return piece;
  }
}

function isLowSurrogate(src: string, index: number): boolean {
  const c = src.charCodeAt(index);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Index of the bracket closing the one before `from` (nesting, escapes and code spans respected), or -1; never across a blank line. */
function closingBracket(src: string, from: number, open: string, close: string): number {
  let depth = 1;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === open) depth++;
    else if (c === close) {
      if (--depth === 0) return i;
    } else if (c === '\n' && matchAt(blankLine, src, i + 1)?.[0].length) return -1;
    else if (c === '`') {
      let runEnd = i;
      while (src[runEnd] === '`') runEnd++;
      const closing = src.indexOf(src.slice(i, runEnd), runEnd);
      i = closing < 0 ? runEnd - 1 : closing + (runEnd - i) - 1;
    }
  }
  return -1;
}

/** Link reference definitions (`[id]: url`): the excerpt keeps them so its reference links still resolve. */
function referenceDefinitions(body: string): { labels: Set<string>; lines: string[] } {
  const labels = new Set<string>();
  const lines: string[] = [];
  if (!body.includes(']:')) return { labels, lines };
  for (const match of body.matchAll(/^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*\S[^\n]*$/gm)) {
    labels.add(normalizeLabel(match[1]));
    lines.push(match[0].trim());
  }
  return { labels, lines };
}

const moreMarker = /<!--\s*more\b[^>]*?-->/gi;

/** The first `<!--more-->` that is a comment, not text in a code span or block. */
function findMoreMarker(body: string, stream: PieceStream): { start: number; end: number } | undefined {
  if (!body.includes('more')) return undefined;
  moreMarker.lastIndex = 0;
  for (let match; (match = moreMarker.exec(body)); ) {
    const at = match.index;
    while (stream.pieces.length === 0 || stream.pieces[stream.pieces.length - 1].end <= at) {
      if (!stream.next()) return undefined;
    }
    const holder = stream.pieces[findLastIndex(stream.pieces, (piece) => piece.start <= at)];
    if (holder.start === at && holder.kind === 'markup') return { start: at, end: at + match[0].length };
    moreMarker.lastIndex = Math.max(moreMarker.lastIndex, holder.end);
  }
  return undefined;
}

function excerptMarkdown(source: string, settings: Settings): Excerpt {
  const body = /^\uFEFF?---/.test(source) ? parseFrontMatter(source).body : source;
  const definitions = referenceDefinitions(body);
  const stream = new PieceStream(new MarkdownReader(body, settings.trusted, definitions.labels));

  let kept: string;
  let truncated: boolean;
  const more = findMoreMarker(body, stream);
  if (more) {
    kept = tidyMarkdown(body.slice(0, more.start), true, false);
    truncated = /\S/.test(body.slice(more.end));
  } else {
    stream.rewind();
    const cut = cutByLength(stream, settings);
    kept = cut ? tidyMarkdown(body.slice(0, cut.end), cut.sentence, cut.truncated) : body.trimEnd();
    truncated = cut?.truncated ?? false;
  }

  const closers = unclosedEmphasis(stream.pieces, kept.length);
  kept = numberOutsideReferences(kept, stream) + closers;
  if (definitions.lines.length > 0) kept += `\n\n${definitions.lines.join('\n')}`;
  // The kept text never has front matter; a leading rule must not pass for it.
  if (kept.startsWith('---')) kept = `\n${kept}`;

  const { html } = renderMarkdown(kept, { trusted: settings.trusted, macros: settings.macros });
  return finishExcerpt(html, truncated, settings.trusted);
}

/** Removes what would dangle at the end of a cut: spaces, an opening bracket, a comma, an empty list item, a heading. */
function tidyMarkdown(text: string, sentence: boolean, dropHeading: boolean): string {
  let kept = text;
  for (;;) {
    const before = kept;
    kept = kept.trimEnd();
    if (!sentence) kept = trimDangling(kept);
    kept = kept.replace(/(?:^|\n)[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]*)?#{0,6}$/, '');
    if (dropHeading) kept = kept.replace(/(?:^|\n) {0,3}(?:>[ \t]?)*#{1,6}[ \t][^\n]*$/, '');
    if (kept === before) return kept;
  }
}

/** The delimiters that close the emphasis still open where the excerpt ends (`**` for `**important`). */
function unclosedEmphasis(pieces: readonly Piece[], end: number): string {
  const open: string[] = [];
  for (const piece of pieces) {
    if (piece.start >= end) break;
    if (piece.kind === 'break') open.length = 0;
    const delimiter = piece.delimiter;
    if (!delimiter) continue;
    const opener = delimiter.canClose ? findLastIndex(open, (run) => run[0] === delimiter.run[0]) : -1;
    if (opener >= 0) open.length = opener;
    else if (delimiter.canOpen) open.push(delimiter.run);
  }
  return open.reverse().join('');
}

const labelCommand = /\\label\s*\{([^{}]*)\}/g;
const referenceCommands = /\\(eq)?ref\s*\{([^{}]+)\}/g;

/**
 * Rewrites each `\eqref`/`\ref` whose equation lies beyond the excerpt as the
 * number that equation has in the whole post, in plain text: rendering the
 * excerpt alone would show `(??)` and report an unknown label.
 */
function numberOutsideReferences(kept: string, stream: PieceStream): string {
  const labels = new Set<string>();
  const candidates: Piece[] = [];
  for (const piece of stream.pieces) {
    if (piece.start >= kept.length) break;
    if (piece.math?.display) for (const match of piece.math.tex.matchAll(labelCommand)) labels.add(match[1].trim());
    if (piece.reference || piece.math?.tex.includes('ref') || (piece.container && kept.slice(piece.start, piece.end).includes('ref'))) candidates.push(piece);
  }
  const outside = (label: string) => !labels.has(label.trim());
  const needed = candidates.filter((piece) =>
    piece.reference
      ? outside(piece.reference.label)
      : [...(piece.math?.tex ?? kept.slice(piece.start, piece.end)).matchAll(referenceCommands)].some((match) => outside(match[2])),
  );
  if (needed.length === 0) return kept;

  // Numbering needs every formula of the post, but no rendering.
  stream.readAll();
  const numbering = numberEquations(stream.pieces.filter((piece) => piece.math).map((piece) => piece.math!));
  const number = (label: string, parenthesized: boolean) => numbering.resolve(label.trim(), parenthesized).text;
  let result = '';
  let last = 0;
  for (const piece of needed) {
    result += kept.slice(last, piece.start);
    const lone = piece.math && parseLoneReference(piece.math.tex);
    if (piece.reference) result += number(piece.reference.label, piece.reference.parenthesized);
    else if (lone) result += number(lone.label, lone.parenthesized);
    else {
      // In a formula the number is set as text; in a table or link it is text already.
      const write = piece.math ? (text: string) => `\\text{${text}}` : (text: string) => text;
      result += kept
        .slice(piece.start, piece.end)
        .replace(referenceCommands, (whole, eq: string | undefined, label: string) => (outside(label) ? write(number(label, eq !== undefined)) : whole));
    }
    last = piece.end;
  }
  return result + kept.slice(last);
}

// ---------------------------------------------------------------------------
// HTML input

const droppedElements = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'frame', 'frameset',
  'textarea', 'select', 'button', 'form', 'input', 'link', 'meta', 'base', 'title',
]);
// Never cut inside these: a cut link or table is worse than none. Atomic
// elements are taken whole; region elements are read inside (for raw TeX)
// but not cut inside.
const atomicElements = new Set(['code', 'pre', 'kbd', 'samp', 'math', 'svg', 'img', 'picture', 'video', 'audio', 'canvas', 'object']);
const regionElements = new Set(['a', 'table', 'figure', 'ruby', 'abbr']);
const formulaClass = /(?:^|\s)(?:katex|katex-display|sb-equation|sb-math-error|MathJax\w*|mjx-\w+)(?:\s|$)/;
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'td', 'th', 'tr', 'ul',
]);

function classOf(tag: string): string {
  const match = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : '';
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

const texAnnotation = /<annotation[^>]*encoding="application\/x-tex"[^>]*>([\s\S]*?)<\/annotation>/;

/** Reads HTML as pieces: tags, text (with any raw TeX in it), and whole formulas, links, code as atoms. */
class HtmlReader implements PieceReader {
  readonly #tokens: HtmlTokenizer;
  readonly #queue: Piece[] = [];
  #queued = 0;
  // The region elements open around the current token, innermost last, with how many of the same name are nested.
  readonly #regions: { name: string; depth: number }[] = [];

  constructor(readonly html: string) {
    this.#tokens = new HtmlTokenizer(html);
  }

  next(): Piece | undefined {
    if (this.#queued < this.#queue.length) return this.#queue[this.#queued++];
    this.#queue.length = 0;
    this.#queued = 0;
    const token = this.#tokens.next();
    if (!token) return undefined;
    switch (token.kind) {
      case 'text':
        splitText(this.html, token.start, token.end, this.#queue);
        return this.#queue[this.#queued++];
      case 'comment':
        return { kind: 'markup', start: token.start, end: token.end, visible: '', weight: 0, drop: true };
      case 'end': {
        const piece: Piece = { kind: 'markup', start: token.start, end: token.end, visible: '', weight: 0 };
        const region = this.#regions.at(-1);
        if (region?.name === token.name && --region.depth === 0) {
          this.#regions.pop();
          piece.region = 'close';
        }
        return piece;
      }
      case 'start':
        return this.#element(token.name, token.start, token.end, token.selfClosing);
    }
  }

  #element(name: string, start: number, tagEnd: number, selfClosing: boolean): Piece {
    const { html } = this;
    const tag = html.slice(start, tagEnd);
    const skip = () => {
      const end = voidElements.has(name) || selfClosing ? tagEnd : elementEnd(html, tagEnd, name);
      this.#tokens.seek(end);
      return end;
    };
    if (name === 'script' && /type\s*=\s*["']?math\/tex/i.test(tag)) {
      // MathJax 2's way of keeping TeX in a page.
      const end = skip();
      const tex = html.slice(tagEnd, html.lastIndexOf('</', end));
      return formulaPiece(start, { end, tex, display: /mode\s*=\s*display/i.test(tag) });
    }
    if (droppedElements.has(name)) return { kind: 'markup', start, end: skip(), visible: '', weight: 0, drop: true };
    const classes = classOf(tag);
    const formula = formulaClass.test(classes) || name === 'math' || name === 'mjx-container' || name === 'math-block';
    if (formula || atomicElements.has(name) || name.includes('-')) {
      const end = skip();
      const element = html.slice(start, end);
      let weight: number;
      if (formula) {
        const annotation = texAnnotation.exec(element);
        weight = formulaWeight(annotation ? decodeEntities(annotation[1]) : textOf(element));
      } else weight = Math.max(1, codePoints(textOf(element)));
      return { kind: 'atom', start, end, visible: OBJECT, weight };
    }
    const piece: Piece = blockElements.has(name)
      ? { kind: 'break', start, end: tagEnd, visible: '\n', weight: 0 }
      : { kind: 'markup', start, end: tagEnd, visible: '', weight: 0 };
    if (voidElements.has(name)) return piece;
    const region = this.#regions.at(-1);
    if (region?.name === name) region.depth++;
    else if (regionElements.has(name)) {
      this.#regions.push({ name, depth: 1 });
      piece.region = 'open';
    }
    return piece;
  }
}

const textSpecials = /[&$\\]/g;

/** A text node as pieces: plain text, character references (never cut inside), raw TeX formulas. */
function splitText(html: string, start: number, end: number, into: Piece[]): void {
  let run = start;
  const flush = (to: number) => {
    if (to > run) into.push({ kind: 'text', start: run, end: to, visible: html.slice(run, to).replace(/[\n\r\f]/g, ' '), weight: 0 });
  };
  textSpecials.lastIndex = start;
  for (let match; (match = textSpecials.exec(html)) && match.index < end; ) {
    const at = match.index;
    if (match[0] === '&') {
      const found = matchAt(entity, html, at);
      if (found && entity.lastIndex <= end) {
        flush(at);
        const decoded = decodeEntities(found[0]);
        into.push({ kind: 'atom', start: at, end: entity.lastIndex, visible: decoded === found[0] ? OBJECT : decoded.replace(/\u00a0/g, ' '), weight: 1 });
        run = entity.lastIndex;
      }
      textSpecials.lastIndex = Math.max(at + 1, run);
      continue;
    }
    const math = readMath(html, at, end);
    if (math) {
      flush(at);
      into.push(formulaPiece(at, { ...math, tex: decodeEntities(math.tex) }));
      run = math.end;
      textSpecials.lastIndex = run;
    } else if (match[0] === '\\') {
      textSpecials.lastIndex = at + 2;
    }
  }
  flush(end);
}

function hasVisibleContent(html: string): boolean {
  return /\S/.test(textOf(html.replace(/<!--[\s\S]*?-->/g, ''))) || /<(?:img|svg|math|video|audio|picture|canvas)\b/i.test(html);
}

function excerptHtml(source: string, settings: Settings): Excerpt {
  const stream = new PieceStream(new HtmlReader(source));
  let end: number;
  let sentence = true;
  let truncated: boolean;
  const marker = /<!--\s*more\b[^>]*?-->/i.exec(source);
  if (marker) {
    end = marker.index;
    truncated = hasVisibleContent(source.slice(marker.index + marker[0].length));
    for (let piece; (piece = stream.next()) && piece.end <= end; );
  } else {
    const cut = cutByLength(stream, settings);
    end = cut?.end ?? source.length;
    sentence = cut?.sentence ?? true;
    truncated = cut?.truncated ?? false;
  }
  return finishExcerpt(keptHtml(source, stream.pieces, end, sentence, settings), truncated, settings.trusted);
}

/** The HTML before `end`, raw TeX rendered, scripts and comments left out, nothing opened after the last text. */
function keptHtml(source: string, pieces: readonly Piece[], end: number, sentence: boolean, settings: Settings): string {
  const kept = pieces.filter((piece) => piece.start < end && !piece.drop && (piece.end <= end || piece.kind === 'text'));
  const lastContent = findLastIndex(
    kept,
    (piece) => piece.kind === 'atom' || (piece.kind === 'text' && source.slice(piece.start, Math.min(end, piece.end)).trim() !== ''),
  );
  const formulas = kept.filter((piece) => piece.math && piece.kind === 'atom');
  const numbered = numberEquations(formulas.map((piece) => piece.math!)).formulas;
  const rendered = new Map(formulas.map((piece, i) => [piece, numbered[i].tex]));

  let html = '';
  kept.forEach((piece, i) => {
    // A start tag after the last text would open an empty element.
    if (i > lastContent && source[piece.start] === '<' && source[piece.start + 1] !== '/') return;
    const tex = rendered.get(piece);
    if (tex !== undefined) {
      html += renderFormula(tex, { display: piece.math!.display, macros: settings.macros, trusted: settings.trusted }).html;
      return;
    }
    let text = source.slice(piece.start, Math.min(end, piece.end));
    if (i === lastContent && piece.kind === 'text') text = sentence ? text.trimEnd() : trimDangling(text);
    html += text;
  });
  return html;
}

// ---------------------------------------------------------------------------
// Finishing: the same for both inputs.

const inlineElements = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
]);
// An ellipsis inside these would sit between items rather than after text.
const listLikeElements = new Set(['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);
// An ellipsis goes after a whole table, not into its last cell.
const tableElements = new Set(['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
const urlAttributes = new Set(['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'cite']);
const rewriteNeeded = /\s(?:id|name|href|src|srcset|xlink:href|action|formaction|poster|cite|on[a-z]+)\s*=/i;

interface OpenElement {
  /** As in the input. */
  source: string;
  /** As written out: `p` for a heading, `span` for a same-page link. */
  name: string;
  /** An ellipsis goes after it rather than inside (inline elements, display formulas, code blocks). */
  passThrough: boolean;
}

/**
 * Makes rendered HTML safe to show among other excerpts: headings become
 * paragraphs, ids go (and with them same-page links, which would point
 * nowhere or into another excerpt), scripts and event handlers go, every
 * open element is closed, and `…` follows the last text when truncated.
 */
function finishExcerpt(html: string, truncated: boolean, trusted: boolean): Excerpt {
  const tokens = new HtmlTokenizer(html);
  const out: string[] = [];
  const open: OpenElement[] = [];
  let text = '';
  // Where the ellipsis goes: after the last content, and the element around that point.
  let ellipsisAt = -1;
  let ellipsisDepth = 0;
  let ellipsisContainer: string | undefined;
  const markContent = () => {
    ellipsisAt = out.length;
    ellipsisDepth = open.length;
    ellipsisContainer = open.at(-1)?.name;
  };
  const close = (element: OpenElement) => {
    const adjacent = ellipsisAt === out.length && ellipsisDepth === open.length + 1;
    out.push(`</${element.name}>`);
    // After a table even when empty cells follow its last text.
    if ((adjacent && element.passThrough) || (element.name === 'table' && ellipsisDepth > open.length)) markContent();
  };

  for (let token; (token = tokens.next()); ) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'text') {
      const raw = html.slice(token.start, token.end);
      const adjacent = ellipsisAt === out.length;
      out.push(raw);
      text += decodeEntities(raw);
      if (/\S/.test(raw)) markContent();
      else if (adjacent) ellipsisAt = out.length;
      continue;
    }
    if (token.kind === 'end') {
      const at = findLastIndex(open, (element) => element.source === token.name);
      if (at < 0) continue;
      while (open.length > at) close(open.pop()!);
      if (blockElements.has(token.name)) text += '\n';
      continue;
    }

    const { name } = token;
    const tag = html.slice(token.start, token.end);
    const classes = classOf(tag);
    const hasNoEnd = voidElements.has(name) || token.selfClosing;
    if (droppedElements.has(name) || /(?:^|\s)(?:sb-heading-anchor|sb-equation-anchor)(?:\s|$)/.test(classes)) {
      if (!hasNoEnd) tokens.seek(elementEnd(html, token.end, name));
      continue;
    }
    if (/(?:^|\s)(?:katex|sb-math-error)(?:\s|$)/.test(classes)) {
      const end = elementEnd(html, token.end, name);
      tokens.seek(end);
      const element = html.slice(token.start, end);
      out.push(withoutIds(element));
      text += formulaText(element);
      markContent();
      continue;
    }

    let written = tag;
    let writtenName = name;
    if (/^h[1-6]$/.test(name)) {
      // An excerpt on a home page must not add to the page's outline.
      writtenName = 'p';
      written = '<p class="sb-excerpt-heading">';
    } else if (rewriteNeeded.test(tag)) {
      let attributes = readAttributes(tag).filter((a) => a.name !== 'id' && !a.name.startsWith('on') && !(name === 'a' && a.name === 'name'));
      const href = attributes.find((a) => a.name === 'href');
      if (href && decodeEntities(href.value ?? '').trim().startsWith('#')) {
        attributes = attributes.filter((a) => a !== href);
        if (name === 'a') writtenName = 'span';
      }
      if (!trusted) attributes = attributes.filter((a) => !urlAttributes.has(a.name) || isSafeUrl(decodeEntities(a.value ?? '')));
      written = writeStartTag(writtenName, attributes);
    }
    out.push(written);
    if (blockElements.has(name)) text += '\n';
    if (name === 'img' || name === 'svg' || name === 'video' || name === 'picture') markContent();
    if (!hasNoEnd) {
      const passThrough =
        inlineElements.has(writtenName) ||
        tableElements.has(name) ||
        name === 'pre' ||
        name === 'figure' ||
        name.includes('-') ||
        /(?:^|\s)(?:sb-equation|katex-display)(?:\s|$)/.test(classes);
      open.push({ source: name, name: writtenName, passThrough });
    }
  }
  while (open.length > 0) close(open.pop()!);

  if (truncated) {
    if (ellipsisAt < 0) out.push('<p>…</p>');
    else out.splice(ellipsisAt, 0, ellipsisContainer === undefined || listLikeElements.has(ellipsisContainer) ? '<p>…</p>' : '…');
  }
  const plain = text.replace(/\s+/g, ' ').trim();
  return { html: out.join(''), text: truncated ? `${plain}…` : plain, truncated };
}

/** A rendered formula without ids and with its equation links as plain text, as in the rest of the excerpt. */
function withoutIds(element: string): string {
  if (!element.includes(' id=') && !element.includes('href="#')) return element;
  return element.replace(/<a href="#[^"]*">([\s\S]*?)<\/a>/g, '<span>$1</span>').replace(/\s(?:id="[^"]*"|href="#[^"]*")/g, '');
}

/** A formula as `$TeX$`: the source KaTeX keeps, without the numbering's `\tag`s and links. */
function formulaText(element: string): string {
  const source = /<code class="sb-math-error-source">([\s\S]*?)<\/code>/.exec(element);
  if (source) return `$${decodeEntities(source[1]).trim()}$`;
  const annotation = texAnnotation.exec(element);
  if (!annotation) return textOf(element);
  let tex = decodeEntities(annotation[1]);
  tex = replaceCommands(tex, 'tag', () => '');
  tex = tex.replace(/\\href\{#[^{}]*\}\{\\text\{([^{}]*)\}\}/g, '$1').replace(/\\(?:notag|nonumber)(?![a-zA-Z])/g, '');
  return `$${tex.replace(/\s+/g, ' ').trim()}$`;
}

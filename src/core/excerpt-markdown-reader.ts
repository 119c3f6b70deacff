import { codePoints, OBJECT, type Piece, type PieceReader } from './excerpt-pieces.js';
import { entity, formulaPiece, isBlockEnvironment, type MathSpan, matchAt, readMath } from './excerpt-source-scan.js';
import { decodeEntities } from './html-scan.js';

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
const autolink = /<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/y;
const inlineTag = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/y;
const asciiPunctuation = /[!-/:-@[-`{-~]/;

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads markdown as pieces, from the start, one at a time. */
export class MarkdownReader implements PieceReader {
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

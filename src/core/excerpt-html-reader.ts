import type { FormulaInput } from './equation-numbering.js';
import { codePoints, formulaWeight, OBJECT, type Piece, type PieceReader } from './excerpt-pieces.js';
import { blockElements, classOf, decodeEntities, elementEnd, HtmlTokenizer, textOf, voidElements } from './html-scan.js';

// HTML input (a feed's `content_html`) read as pieces.

export const droppedElements = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'frame', 'frameset',
  'textarea', 'select', 'button', 'form', 'input', 'link', 'meta', 'base', 'title',
]);
// Never cut inside these: a cut link or table is worse than none. Atomic
// elements are taken whole; region elements are read inside (for raw TeX)
// but not cut inside.
const atomicElements = new Set(['code', 'pre', 'kbd', 'samp', 'math', 'svg', 'img', 'picture', 'video', 'audio', 'canvas', 'object']);
const regionElements = new Set(['a', 'table', 'figure', 'ruby', 'abbr']);
const formulaClass = /(?:^|\s)(?:katex|katex-display|sb-equation|sb-math-error|MathJax\w*|mjx-\w+)(?:\s|$)/;
// A citation (`[1, 2]`) or a reference (`Figure 2`) is read as one: half of one means nothing.
const wholeClass = /(?:^|\s)(?:sb-cite|sb-ref|sb-eqref)(?:\s|$)/;

export const texAnnotation = /<annotation[^>]*encoding="application\/x-tex"[^>]*>([\s\S]*?)<\/annotation>/;

/**
 * Reads HTML as pieces: tags, text, and whole formulas, links, code as atoms.
 * With `readsTex`, raw TeX in text (a feed's HTML) is read as formulas too;
 * without, text is text, as markdown-it left it.
 */
export class HtmlReader implements PieceReader {
  readonly #tokens: HtmlTokenizer;
  readonly #queue: Piece[] = [];
  #queued = 0;
  // The region elements open around the current token, innermost last, with how many of the same name are nested.
  readonly #regions: { name: string; depth: number }[] = [];

  constructor(
    readonly html: string,
    readonly readsTex: boolean,
  ) {
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
        splitText(this.html, token.start, token.end, this.#queue, this.readsTex);
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
      return formulaPiece(start, end, { tex, display: /mode\s*=\s*display/i.test(tag) });
    }
    if (droppedElements.has(name)) return { kind: 'markup', start, end: skip(), visible: '', weight: 0, drop: true };
    const classes = classOf(tag);
    const formula = formulaClass.test(classes) || name === 'math' || name === 'mjx-container' || name === 'math-block';
    if (formula || atomicElements.has(name) || name.includes('-') || wholeClass.test(classes)) {
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

const entity = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;
const textSpecials = /[&$\\]/g;
const entityStart = /&/g;

/** A text node as pieces: plain text, character references (never cut inside), raw TeX formulas if `readsTex`. */
function splitText(html: string, start: number, end: number, into: Piece[], readsTex: boolean): void {
  let run = start;
  const flush = (to: number) => {
    if (to > run) into.push({ kind: 'text', start: run, end: to, visible: html.slice(run, to).replace(/[\n\r\f]/g, ' '), weight: 0 });
  };
  const specials = readsTex ? textSpecials : entityStart;
  specials.lastIndex = start;
  for (let match; (match = specials.exec(html)) && match.index < end; ) {
    const at = match.index;
    if (match[0] === '&') {
      entity.lastIndex = at;
      const found = entity.exec(html);
      if (found && entity.lastIndex <= end) {
        flush(at);
        const decoded = decodeEntities(found[0]);
        into.push({ kind: 'atom', start: at, end: entity.lastIndex, visible: decoded === found[0] ? OBJECT : decoded.replace(/\u00a0/g, ' '), weight: 1 });
        run = entity.lastIndex;
      }
      specials.lastIndex = Math.max(at + 1, run);
      continue;
    }
    const math = readMath(html, at, end);
    if (math) {
      flush(at);
      into.push(formulaPiece(at, math.end, { tex: decodeEntities(math.tex), display: math.display }));
      run = math.end;
      specials.lastIndex = run;
    } else if (match[0] === '\\') {
      specials.lastIndex = at + 2;
    }
  }
  flush(end);
}

function formulaPiece(start: number, end: number, math: FormulaInput): Piece {
  return { kind: 'atom', start, end, visible: OBJECT, weight: formulaWeight(math.tex), math };
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

/**
 * The raw TeX formula starting at `pos` in a feed's text (`$..$`, `$$..$$`,
 * `\(..\)`, `\[..\]`, `\begin{x}..\end{x}`), if one does, read by the same
 * rules as markdown-math's: a `$` ends at the next one, which must be able to.
 */
function readMath(src: string, pos: number, limit: number): (FormulaInput & { end: number }) | undefined {
  const c = src.charCodeAt(pos);
  if (c === 0x24) {
    if (isEscaped(src, pos)) return undefined;
    if (src.charCodeAt(pos + 1) === 0x24) {
      const close = indexOfUnescaped(src, '$$', pos + 2, limit);
      if (close < 0 || src.slice(pos + 2, close).trim() === '') return undefined;
      return { end: close + 2, tex: src.slice(pos + 2, close), display: true };
    }
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

// Just enough HTML reading to cut and tidy well-formed fragments (feed
// content, our own rendered markdown) without a DOM: tags with their
// attributes, text, comments. Not a parser and not a sanitizer; the browser is.

export type HtmlToken =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'start'; name: string; start: number; end: number; selfClosing: boolean }
  | { kind: 'end'; name: string; start: number; end: number }
  /** Comments, doctypes, CDATA and processing instructions. */
  | { kind: 'comment'; start: number; end: number };

export interface HtmlAttribute {
  /** Lower case. */
  name: string;
  /** As written, character references not decoded; `undefined` for a bare attribute. */
  value: string | undefined;
}

export const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Elements whose tags break the text around them into lines. */
export const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'td', 'th', 'tr', 'ul',
]);

// Their content is text up to the matching end tag, whatever it looks like.
const rawTextElements = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const endTagPattern = /<\/([a-zA-Z][^\s/>]*)[^>]*>/y;
const tagNamePattern = /<([a-zA-Z][^\s/>]*)/y;

/** Reads an HTML string token by token; `next()` returns `undefined` at the end. */
export class HtmlTokenizer {
  #position = 0;
  #rawTextEnd: string | undefined;

  constructor(readonly html: string) {}

  /** Continues reading at `position`, for a caller that has skipped a whole element. */
  seek(position: number): void {
    this.#position = position;
    this.#rawTextEnd = undefined;
  }

  next(): HtmlToken | undefined {
    const { html } = this;
    const start = this.#position;
    if (start >= html.length) return undefined;

    if (this.#rawTextEnd !== undefined) {
      const close = indexOfIgnoringCase(html, this.#rawTextEnd, start);
      this.#rawTextEnd = undefined;
      const end = close < 0 ? html.length : close;
      if (end > start) return this.#take({ kind: 'text', start, end });
    }

    if (html.charCodeAt(start) !== 0x3c) {
      const lt = html.indexOf('<', start + 1);
      return this.#take({ kind: 'text', start, end: lt < 0 ? html.length : lt });
    }
    if (html.startsWith('<!--', start)) {
      const close = html.indexOf('-->', start + 4);
      return this.#take({ kind: 'comment', start, end: close < 0 ? html.length : close + 3 });
    }
    const next = html[start + 1];
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', start);
      return this.#take({ kind: 'comment', start, end: close < 0 ? html.length : close + 1 });
    }
    endTagPattern.lastIndex = start;
    const endTag = endTagPattern.exec(html);
    if (endTag) return this.#take({ kind: 'end', name: endTag[1].toLowerCase(), start, end: endTagPattern.lastIndex });

    tagNamePattern.lastIndex = start;
    const startTag = tagNamePattern.exec(html);
    if (!startTag) {
      // A `<` that starts no tag is text.
      const lt = html.indexOf('<', start + 1);
      return this.#take({ kind: 'text', start, end: lt < 0 ? html.length : lt });
    }
    const name = startTag[1].toLowerCase();
    const end = readTagAttributes(html, tagNamePattern.lastIndex);
    const selfClosing = html.charCodeAt(end - 2) === 0x2f;
    if (rawTextElements.has(name)) this.#rawTextEnd = `</${name}`;
    return this.#take({ kind: 'start', name, start, end, selfClosing });
  }

  #take(token: HtmlToken): HtmlToken {
    this.#position = token.end;
    return token;
  }
}

/**
 * Reads the attributes of a start tag from `from` (just after its name) the
 * way the HTML tokenizer does, into `into` when given; returns the index just
 * past the tag's `>`.
 */
function readTagAttributes(html: string, from: number, into?: HtmlAttribute[]): number {
  let i = from;
  const length = html.length;
  const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
  while (i < length) {
    let c = html.charCodeAt(i);
    if (isSpace(c) || c === 0x2f) {
      i++;
      continue;
    }
    if (c === 0x3e) return i + 1;
    const nameStart = i;
    // The first character may be `=`, as the tokenizer allows.
    i++;
    while (i < length && !isSpace((c = html.charCodeAt(i))) && c !== 0x2f && c !== 0x3e && c !== 0x3d) i++;
    const name = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < length && isSpace(html.charCodeAt(j))) j++;
    let value: string | undefined;
    if (html.charCodeAt(j) === 0x3d) {
      j++;
      while (j < length && isSpace(html.charCodeAt(j))) j++;
      const quote = html.charCodeAt(j);
      if (quote === 0x22 || quote === 0x27) {
        const close = html.indexOf(quote === 0x22 ? '"' : "'", j + 1);
        const end = close < 0 ? length : close;
        value = html.slice(j + 1, end);
        j = close < 0 ? length : close + 1;
      } else {
        const valueStart = j;
        while (j < length && !isSpace((c = html.charCodeAt(j))) && c !== 0x3e) j++;
        value = html.slice(valueStart, j);
      }
      i = j;
    }
    into?.push({ name, value });
  }
  return length;
}

const elementPatterns = new Map<string, RegExp>();

/**
 * Index just past the end tag that closes the element whose start tag ends
 * at `from`, counting nested elements of the same name; the end of `html`
 * when it is never closed. Searching by pattern rather than token by token
 * keeps skipping a KaTeX formula (hundreds of spans) cheap.
 */
export function elementEnd(html: string, from: number, name: string): number {
  if (rawTextElements.has(name)) {
    const close = indexOfIgnoringCase(html, `</${name}`, from);
    return close < 0 ? html.length : closingBracket(html, close);
  }
  let pattern = elementPatterns.get(name);
  if (!pattern) {
    const escaped = name.replace(/[^a-z0-9-]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    pattern = new RegExp(`<(/?)${escaped}(?=[\\s/>])`, 'gi');
    elementPatterns.set(name, pattern);
  }
  pattern.lastIndex = from;
  let depth = 1;
  for (let match; (match = pattern.exec(html)); ) {
    if (match[1]) {
      if (--depth === 0) return closingBracket(html, match.index);
    } else {
      // `<span/>` opens a span all the same: only void elements have no end tag in HTML.
      depth++;
    }
  }
  return html.length;
}

function closingBracket(html: string, from: number): number {
  const close = html.indexOf('>', from);
  return close < 0 ? html.length : close + 1;
}

function indexOfIgnoringCase(html: string, needle: string, from: number): number {
  const lower = needle.toLowerCase();
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    if (html.slice(at, at + lower.length).toLowerCase() === lower) return at;
  }
  return -1;
}

/** The attributes of a start tag (the whole `<name ...>` text), in order. */
export function readAttributes(tag: string): HtmlAttribute[] {
  const attributes: HtmlAttribute[] = [];
  tagNamePattern.lastIndex = 0;
  if (tagNamePattern.exec(tag)) readTagAttributes(tag, tagNamePattern.lastIndex, attributes);
  return attributes;
}

/** The `class` attribute of a start tag as written; `''` when it has none. */
export function classOf(tag: string): string {
  const match = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : '';
}

/** Writes a start tag; values are written as given, so they must already be escaped for HTML. */
export function writeStartTag(name: string, attributes: readonly HtmlAttribute[]): string {
  const written = attributes.map(({ name: attribute, value }) =>
    value === undefined ? ` ${attribute}` : ` ${attribute}="${value.replace(/"/g, '&quot;')}"`,
  );
  return `<${name}${written.join('')}>`;
}

// The named references that occur in feeds and in KaTeX's and markdown-it's
// output; others are left as written by `decodeEntities`.
const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  middot: '·', bull: '•', times: '×', divide: '÷', plusmn: '±', minus: '−', deg: '°', copy: '©', reg: '®',
  trade: '™', sect: '§', para: '¶', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
};

/** Decodes character references (`&amp;`, `&#x27;`, the common named ones) as a browser would in text. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (whole, decimal, hex, name) => {
    if (name !== undefined) return Object.hasOwn(namedEntities, name) ? namedEntities[name] : whole;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The text of an HTML fragment on one line: tags left out, character references decoded, spaces collapsed. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

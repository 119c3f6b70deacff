import { type DateFormatOptions, formatIsoDate, readPostDate } from './dates.js';
import type { Locale } from './messages.js';
import type { Post } from './post.js';

export interface CitationOptions extends DateFormatOptions {
  /** `text` for pasting into prose, `bibtex` for a LaTeX bibliography. */
  style: 'text' | 'bibtex';
  locale: Locale;
  /** When the reader looked at the post, for BibTeX's `urldate`; today when absent. */
  accessed?: Date;
}

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const untitled: Record<Locale, string> = { zh: '无题', en: 'Untitled' };

/**
 * How to cite a post. The date is the day its author wrote (see
 * `readPostDate`), whatever the reader's time zone, so everyone copies the
 * same citation.
 *
 * - `text`, Chinese, in the reference blog's manner:
 *   `苏剑林. (2024, Sep 06). 《标题》[Blog post]. Retrieved from https://…`
 * - `text`, English, APA-like: `Jane Roe. (2024, September 6). Title [Blog post]. https://…`
 * - `bibtex`: an `@online` entry (see {@link bibtexKey} for its key), TeX
 *   specials escaped, Chinese kept as it is.
 */
export function citation(post: Post, options: CitationOptions): string {
  return options.style === 'bibtex'
    ? bibtexCitation(post, options.locale, options.accessed ?? new Date(), options)
    : textCitation(post, options.locale, options);
}

function textCitation(post: Post, locale: Locale, zone: DateFormatOptions): string {
  const date = readPostDate(post.date, zone);
  const title = post.title.trim() || untitled[locale];
  const names = post.authors.map((author) => author.name);
  const authors = locale === 'zh' ? names.join(', ') : joinEnglish(names);
  const parts: string[] = [];
  if (authors) parts.push(authors.endsWith('.') ? authors : `${authors}.`);
  if (locale === 'zh') {
    parts.push(date ? `(${date.year}, ${shortMonths[date.month - 1]} ${String(date.day).padStart(2, '0')}).` : '(n.d.).');
    // A book title inside 《》 takes single guillemets, as Chinese typesetting does.
    parts.push(`《${title.replaceAll('《', '〈').replaceAll('》', '〉')}》[Blog post].`);
    if (post.url) parts.push(`Retrieved from ${post.url}`);
  } else {
    parts.push(date ? `(${date.year}, ${longMonths[date.month - 1]} ${date.day}).` : '(n.d.).');
    parts.push(`${title} [Blog post].`);
    if (post.url) parts.push(post.url);
  }
  return parts.join(' ');
}

/** `A`, `A & B`, `A, B, & C`, as APA lists authors. */
function joinEnglish(names: string[]): string {
  if (names.length <= 2) return names.join(' & ');
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

function bibtexCitation(post: Post, locale: Locale, accessed: Date, zone: DateFormatOptions): string {
  const date = readPostDate(post.date, zone);
  const fields: [string, string][] = [['title', escapeTex(post.title.trim() || untitled[locale])]];
  if (post.authors.length > 0) fields.push(['author', post.authors.map((author) => bibtexName(author.name)).join(' and ')]);
  if (date) fields.push(['year', String(date.year)], ['month', shortMonths[date.month - 1]]);
  if (post.url) fields.push(['url', bibtexUrl(post.url)]);
  fields.push(['urldate', formatIsoDate(accessed, zone)]);
  return `@online{${bibtexKey(post, zone)},\n${fields.map(([name, value]) => `  ${name}={${value}}`).join(',\n')}\n}`;
}

const texEscapes: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes the characters TeX treats specially, in one pass so `\` is not escaped twice. */
function escapeTex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (special) => texEscapes[special]);
}

// BibTeX splits the author field at every ` and `, so a name containing one is braced whole.
function bibtexName(name: string): string {
  const escaped = escapeTex(name.trim());
  return /\sand\s/i.test(escaped) ? `{${escaped}}` : escaped;
}

// biblatex reads `url` verbatim; only characters that would end the field or are not URL characters are encoded.
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const stopWords = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'and', 'or', 'for', 'to', 'with', 'from', 'at', 'by',
  'is', 'are', 'how', 'why', 'what', 'when', 'towards', 'toward', 'into', 'about']);

/** Letters without accents (`Núñez` → `Nunez`), then ASCII letters and digits only. */
function asciiWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
}

/** FNV-1a, 32 bits, in base 36: short, stable across runtimes, and good enough to tell ids apart. */
function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

function keyName(post: Post): string {
  const name = post.authors[0]?.name ?? '';
  // `Su, Jianlin` puts the family name first; `Jianlin Su` last.
  const family = name.includes(',') ? asciiWords(name.split(',')[0]).at(-1) : asciiWords(name).at(-1);
  if (family) return family.toLowerCase();
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?([^/:?#]+)/i.exec(post.url)?.[1].replace(/^www\./i, '');
  return host?.replace(/[^A-Za-z]/g, '').toLowerCase() || 'anon';
}

function keySuffix(post: Post): string {
  const digits = /(\d+)\/?$/.exec(post.id)?.[1];
  if (digits) return digits;
  const word = asciiWords(post.title).map((w) => w.toLowerCase()).find((w) => !stopWords.has(w));
  return word ?? stableHash(post.id);
}

/**
 * The BibTeX key of a post: `name` `year` `_` `suffix`, ASCII only, the same
 * every time the same post is cited.
 *
 * - name: the first author's family name in ASCII letters (`Jianlin Su` and
 *   `Su, Jianlin` give `su`, accents dropped). A name with no Latin letters
 *   (`苏剑林`) gives the letters of the post's host instead (`kexue.fm` →
 *   `kexuefm`), as the reference blog keys its own entries; `anon` when there
 *   is neither.
 * - year: as written in the post's date; left out when there is none.
 * - suffix: the digits that end the post id (`…/archives/10352` → `10352`),
 *   which are unique within a blog; else the first title word that is not a
 *   stop word (`On Rotary Embeddings` → `rotary`); else a hash of the id.
 *
 * So `su2024_10352`, `kexuefm2024_10352`, `roe2023_rotary`.
 */
export function bibtexKey(post: Post, options: DateFormatOptions = {}): string {
  const year = readPostDate(post.date, options)?.year ?? '';
  return `${keyName(post)}${year}_${keySuffix(post)}`;
}

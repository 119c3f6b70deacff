import { readPostDate } from './dates.js';
import type { PostMeta } from './front-matter.js';
import type { DataError, Post, PostAuthor, PostSeries } from './post.js';
import { isSafeUrl } from './safe-url.js';

export interface ParseFeedOptions {
  /** The present moment, to tell scheduled posts apart; the clock's when absent. */
  now?: Date;
}

export interface ParsedFeed {
  /** The feed's own title, when it has one. */
  title?: string;
  /** Every item that could be made a post, in feed order. */
  posts: Post[];
  /** What was wrong and where (`item 3: date_published is not a date …`). */
  errors: DataError[];
}

export interface PostFromFrontMatter {
  /** Undefined when the front matter lacks what every post needs (a date). */
  post: Post | undefined;
  errors: DataError[];
}

type JsonObject = Record<string, unknown>;
/** Records one problem; the caller knows where it is and prefixes that. */
type Report = (problem: string) => void;

interface ItemContext {
  report: Report;
  now: Date;
  /** The feed's `home_page_url`, against which relative item links are resolved. */
  base: string | undefined;
  feedAuthors: PostAuthor[];
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isAbsent = (value: unknown) => value === undefined || value === null;
const expectedDate = 'expected YYYY-MM-DD or a date-time with offset such as 2024-09-06T10:00:00+08:00';
// Front matter is written by hand: Jekyll and Hugo let the site's zone stand in for an offset.
const expectedFrontMatterDate = 'expected YYYY-MM-DD or a date-time such as 2024-09-06 10:00:00+08:00';
// The earliest time zone (UTC+14) starts a calendar day this long before UTC does.
const earliestOffsetMs = 14 * 3_600_000;

/**
 * Reads a JSON Feed 1.1 (or 1.0) document, as text or already parsed, with
 * the `_sciblog` extension (`readers`, `series`, `comments`) on its items.
 *
 * Renders what is valid rather than nothing: an item without an id, a
 * readable `date_published` or any content is reported with its 1-based
 * position and skipped; a bad optional field is reported and dropped, its
 * post kept. A missing title is allowed (JSON Feed allows it) and becomes ''.
 * A date in the future is kept, since scheduled posts exist, but reported.
 */
export function parseFeed(feed: unknown, options: ParseFeedOptions = {}): ParsedFeed {
  let document = feed;
  if (typeof feed === 'string') {
    try {
      // JSON.parse rejects the byte-order mark some editors save.
      document = JSON.parse(feed.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { posts: [], errors: [{ message: `feed is not valid JSON: ${(error as Error).message}` }] };
    }
  }
  if (!isObject(document)) return { posts: [], errors: [{ message: 'feed is not a JSON object' }] };
  if (!Array.isArray(document.items)) return { posts: [], errors: [{ message: 'feed has no items array' }] };

  const errors: DataError[] = [];
  const reportFeed: Report = (problem) => errors.push({ message: `feed: ${problem}` });
  // Hand-built feed objects often leave the version out; only a wrong one is worth a word.
  if (!isAbsent(document.version) && !/^https?:\/\/jsonfeed\.org\/version\/1(?:\.1)?\/?$/.test(String(document.version))) {
    reportFeed(`version ${JSON.stringify(document.version)} is not a JSON Feed version; read as 1.1`);
  }
  const title = readText(document.title, 'title', reportFeed);
  const base = readBase(document.home_page_url, reportFeed);
  const context = { now: options.now ?? new Date(), base, feedAuthors: readAuthors(document, reportFeed, base) ?? [] };

  const posts: Post[] = [];
  document.items.forEach((item, index) => {
    const report: Report = (problem) => errors.push({ message: `item ${index + 1}: ${problem}` });
    const post = postFromItem(item, { ...context, report });
    if (post) posts.push(post);
  });
  return title === undefined ? { posts, errors } : { title, posts, errors };
}

function postFromItem(item: unknown, context: ItemContext): Post | undefined {
  const { report } = context;
  if (!isObject(item)) {
    report('is not an object');
    return undefined;
  }
  const id = readId(item.id, report);
  const date = readDate(item.date_published, 'date_published', report, context.now, true);
  const contentHtml = readText(item.content_html, 'content_html', report);
  const contentText = readText(item.content_text, 'content_text', report);
  const hasContent = contentHtml !== undefined || contentText !== undefined;
  if (!hasContent) report('has neither content_html nor content_text');
  if (!id || date === undefined || !hasContent) return undefined;

  const url = readUrl(item.url, 'url', report, context.base) ?? (/^https?:\/\//i.test(id) ? id : '');
  const post: Post = {
    id,
    url,
    title: readText(item.title, 'title', report) ?? '',
    date,
    authors: readAuthors(item, report, context.base) ?? context.feedAuthors,
    tags: readTags(item.tags, 'tags', report, false),
  };
  const summary = readText(item.summary, 'summary', report);
  if (summary !== undefined) post.summary = summary;
  if (contentHtml !== undefined) post.contentHtml = contentHtml;
  if (contentText !== undefined) post.contentText = contentText;
  if (!isAbsent(item._sciblog)) {
    if (isObject(item._sciblog)) addExtension(post, item._sciblog, '_sciblog.', report);
    else report('_sciblog is not an object');
  }
  return post;
}

/**
 * Makes a post from a markdown file's front matter (`title`, `date`, `author`
 * as a name or a list, `readers`, `comments`, `tags`, `series`, `summary`),
 * checked the way {@link parseFeed} checks a feed item. The page's own `id`
 * and `url` are given by the caller, who knows where the file is published.
 */
export function postFromFrontMatter(
  meta: PostMeta,
  source: { url: string; id: string },
  options: ParseFeedOptions = {},
): PostFromFrontMatter {
  const errors: DataError[] = [];
  const report: Report = (problem) => errors.push({ message: `front matter: ${problem}` });
  const fields: JsonObject = isObject(meta) ? meta : {};
  const date = readDate(fields.date instanceof Date ? dateToText(fields.date) : fields.date, 'date', report, options.now ?? new Date(), false);
  // YAML reads `title: 1984` as a number; the author meant the text.
  const title = readText(typeof fields.title === 'number' ? String(fields.title) : fields.title, 'title', report) ?? '';
  const authors = readFrontMatterAuthors(fields.author, report);
  const tags = readTags(fields.tags, 'tags', report, true);
  if (date === undefined) return { post: undefined, errors };

  const post: Post = { id: source.id, url: source.url, title, date, authors, tags };
  const summary = readText(fields.summary, 'summary', report);
  if (summary !== undefined) post.summary = summary;
  addExtension(post, fields, '', report);
  return { post, errors };
}

/** The fields JSON Feed lacks; in a feed they sit in `_sciblog`, in front matter at the top level. */
function addExtension(post: Post, fields: JsonObject, prefix: string, report: Report): void {
  const readers = readCount(fields.readers, `${prefix}readers`, report);
  if (readers !== undefined) post.readers = readers;
  const comments = readCount(fields.comments, `${prefix}comments`, report);
  if (comments !== undefined) post.comments = comments;
  const series = readSeries(fields.series, `${prefix}series`, report);
  if (series !== undefined) post.series = series;
}

function readId(value: unknown, report: Report): string | undefined {
  // JSON Feed tells readers to take a numeric id as its string.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim()) return value;
  report(isAbsent(value) || value === '' ? 'has no id' : `id is not a string (${describeValue(value)})`);
  return undefined;
}

/** A string field, undefined when absent; anything else is reported and treated as absent. */
function readText(value: unknown, field: string, report: Report): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value;
  report(`${field} is not a string`);
  return undefined;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * A date as written, once it is known to be one; scheduled (future) posts are
 * kept but reported. A feed's date-times carry an offset, as JSON Feed's RFC
 * 3339 requires; front matter may leave it out.
 */
function readDate(value: unknown, field: string, report: Report, now: Date, offsetRequired: boolean): string | undefined {
  const expected = offsetRequired ? expectedDate : expectedFrontMatterDate;
  if (isAbsent(value) || value === '') {
    report(`${field} is not a date (none given; ${expected})`);
    return undefined;
  }
  const parts = typeof value === 'string' ? readPostDate(value) : undefined;
  if (!parts || (offsetRequired && !parts.calendarDate && !hasWrittenOffset(value as string))) {
    report(`${field} is not a date (${describeValue(value)}; ${expected})`);
    return undefined;
  }
  // A calendar date, or a time without an offset, is in the future only once it has not begun anywhere on Earth.
  let begins = parts.time;
  if (parts.calendarDate) begins -= earliestOffsetMs;
  else if (!hasWrittenOffset(value as string)) begins = readPostDate(value as string, { timeZone: 'UTC' })!.time - earliestOffsetMs;
  if (begins > now.getTime()) report(`${field} is in the future`);
  return value as string;
}

const hasWrittenOffset = (date: string) => /(?:[Zz]|[+-]\d{2}:\d{2})$/.test(date);

/** YAML 1.1 loaders turn `2024-09-06` into a Date at UTC midnight; it is read back as the day written. */
function dateToText(date: Date): unknown {
  if (Number.isNaN(date.getTime())) return String(date);
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function readCount(value: unknown, field: string, report: Report): number | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) report(`${field} is not a number`);
  else if (!Number.isInteger(value)) report(`${field} is not a whole number`);
  else if (value < 0) report(`${field} is negative`);
  else return value;
  return undefined;
}

function readSeries(value: unknown, field: string, report: Report): PostSeries | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') {
    if (value.trim()) return { name: value };
    report(`${field} has no name`);
    return undefined;
  }
  if (!isObject(value)) {
    report(`${field} is neither a name nor { name, index }`);
    return undefined;
  }
  if (typeof value.name !== 'string' || !value.name.trim()) {
    report(`${field} has no name`);
    return undefined;
  }
  const series: PostSeries = { name: value.name };
  if (!isAbsent(value.index)) {
    const { index } = value;
    if (typeof index === 'number' && Number.isInteger(index) && index >= 1) series.index = index;
    else report(`${field}.index is not a whole number from 1`);
  }
  return series;
}

/** Tags as strings; front matter may give a single tag as plain text, and YAML may read `2024` as a number. */
function readTags(value: unknown, field: string, report: Report, fromFrontMatter: boolean): string[] {
  if (isAbsent(value)) return [];
  if (fromFrontMatter && (typeof value === 'string' || typeof value === 'number')) return String(value).trim() ? [String(value)] : [];
  if (!Array.isArray(value)) {
    report(`${field} is not a list`);
    return [];
  }
  const tags: string[] = [];
  value.forEach((tag, index) => {
    if (typeof tag === 'string' || (fromFrontMatter && typeof tag === 'number')) {
      if (String(tag).trim()) tags.push(String(tag));
    } else {
      report(`${field}[${index + 1}] is not a string`);
    }
  });
  return tags;
}

/** The feed's home page, if it can serve as the base of relative item links. */
function readBase(value: unknown, report: Report): string | undefined {
  const home = readText(value, 'home_page_url', report);
  if (home === undefined) return undefined;
  if (/^https?:\/\/[^/]/i.test(home) && resolveUrl(home) !== undefined) return home;
  report('home_page_url is not an absolute http(s) URL; item links are kept as written');
  return undefined;
}

/** A link safe to put in an `href`, resolved against the base when it is relative. */
function readUrl(value: unknown, field: string, report: Report, base: string | undefined): string | undefined {
  const url = readText(value, field, report);
  if (url === undefined || url.trim() === '') return undefined;
  if (!isSafeUrl(url)) {
    report(`${field} is not a safe link`);
    return undefined;
  }
  if (base === undefined || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return resolveUrl(url, base) ?? url;
}

// URL.canParse is missing from browsers released before 2023 (Safari 16, Chrome 119).
function resolveUrl(url: string, base?: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/**
 * The authors of a feed or an item: JSON Feed 1.1's `authors` list, else
 * 1.0's single `author`. Undefined when neither is given, so an item can
 * inherit the feed's authors as the spec says.
 */
function readAuthors(source: JsonObject, report: Report, base: string | undefined): PostAuthor[] | undefined {
  let list: unknown[];
  let field: (index: number) => string;
  if (!isAbsent(source.authors)) {
    if (!Array.isArray(source.authors)) {
      report('authors is not a list');
      return undefined;
    }
    list = source.authors;
    field = (index) => `authors[${index + 1}]`;
  } else if (!isAbsent(source.author)) {
    list = [source.author];
    field = () => 'author';
  } else {
    return undefined;
  }
  const authors: PostAuthor[] = [];
  list.forEach((entry, index) => {
    if (!isObject(entry) || typeof entry.name !== 'string' || !entry.name.trim()) {
      report(`${field(index)} has no name`);
      return;
    }
    const author: PostAuthor = { name: entry.name };
    const url = readUrl(entry.url, `${field(index)}.url`, report, base);
    if (url !== undefined) author.url = url;
    authors.push(author);
  });
  return authors.length > 0 ? authors : undefined;
}

/** Front matter writes `author: 苏剑林`, a list of names, or a list of `{ name, url }`. */
function readFrontMatterAuthors(value: unknown, report: Report): PostAuthor[] {
  if (isAbsent(value)) return [];
  const list = Array.isArray(value) ? value : [value];
  const authors: PostAuthor[] = [];
  list.forEach((entry, index) => {
    const field = Array.isArray(value) ? `author[${index + 1}]` : 'author';
    if (typeof entry === 'string') {
      if (entry.trim()) authors.push({ name: entry });
      else report(`${field} has no name`);
    } else if (isObject(entry) && typeof entry.name === 'string' && entry.name.trim()) {
      const author: PostAuthor = { name: entry.name };
      const url = readUrl(entry.url, `${field}.url`, report, undefined);
      if (url !== undefined) author.url = url;
      authors.push(author);
    } else {
      report(`${field} has no name`);
    }
  });
  return authors;
}

import { readPostDate } from './dates.js';
import type { PostMeta } from './front-matter.js';
import { dataError, type DataErrorParams } from './data-error-messages.js';
import type { ErrorPlace } from './error-messages.js';
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
/** The codes of problems found at a place in a feed or front matter. */
type PlacedCode = { [C in keyof DataErrorParams]: DataErrorParams[C] extends { at: ErrorPlace } ? C : never }[keyof DataErrorParams];
/** Records one problem; the caller knows where it is and adds that. */
type Report = <C extends PlacedCode>(code: C, params: Omit<DataErrorParams[C], 'at'>) => void;
const reporter = (errors: DataError[], at: ErrorPlace): Report => (code, params) => errors.push(dataError(code, { ...params, at } as DataErrorParams[typeof code]));

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
      return { posts: [], errors: [dataError('feed-not-json', { detail: (error as Error).message })] };
    }
  }
  if (!isObject(document)) return { posts: [], errors: [dataError('feed-not-object', {})] };
  if (!Array.isArray(document.items)) return { posts: [], errors: [dataError('feed-no-items', {})] };

  const errors: DataError[] = [];
  const reportFeed = reporter(errors, { in: 'feed' });
  // Hand-built feed objects often leave the version out; only a wrong one is worth a word.
  if (!isAbsent(document.version) && !/^https?:\/\/jsonfeed\.org\/version\/1(?:\.1)?\/?$/.test(String(document.version))) {
    reportFeed('feed-version', { version: JSON.stringify(document.version) });
  }
  const title = readText(document.title, 'title', reportFeed);
  const base = readBase(document.home_page_url, reportFeed);
  const context = { now: options.now ?? new Date(), base, feedAuthors: readAuthors(document, reportFeed, base) ?? [] };

  const posts: Post[] = [];
  document.items.forEach((item, index) => {
    const report = reporter(errors, { in: 'item', index: index + 1 });
    const post = postFromItem(item, { ...context, report });
    if (post) posts.push(post);
  });
  return title === undefined ? { posts, errors } : { title, posts, errors };
}

function postFromItem(item: unknown, context: ItemContext): Post | undefined {
  const { report } = context;
  if (!isObject(item)) {
    report('not-object', {});
    return undefined;
  }
  const id = readId(item.id, report);
  const date = readDate(item.date_published, 'date_published', report, context.now, true);
  const contentHtml = readText(item.content_html, 'content_html', report);
  const contentText = readText(item.content_text, 'content_text', report);
  const hasContent = contentHtml !== undefined || contentText !== undefined;
  if (!hasContent) report('no-content', {});
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
    else report('not-object', { field: '_sciblog' });
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
  const report = reporter(errors, { in: 'front-matter' });
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
  if (isAbsent(value) || value === '') report('no-id', {});
  else report('id-not-string', { value: describeValue(value) });
  return undefined;
}

/** A string field, undefined when absent; anything else is reported and treated as absent. */
function readText(value: unknown, field: string, report: Report): string | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') return value;
  report('not-string', { field });
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
  if (isAbsent(value) || value === '') {
    report('not-date', { field, offset: offsetRequired });
    return undefined;
  }
  const parts = typeof value === 'string' ? readPostDate(value) : undefined;
  if (!parts || (offsetRequired && !parts.calendarDate && !hasWrittenOffset(value as string))) {
    report('not-date', { field, value: describeValue(value), offset: offsetRequired });
    return undefined;
  }
  // A calendar date, or a time without an offset, is in the future only once it has not begun anywhere on Earth.
  let begins = parts.time;
  if (parts.calendarDate) begins -= earliestOffsetMs;
  else if (!hasWrittenOffset(value as string)) begins = readPostDate(value as string, { timeZone: 'UTC' })!.time - earliestOffsetMs;
  if (begins > now.getTime()) report('date-in-future', { field });
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
  if (typeof value !== 'number' || Number.isNaN(value)) report('not-number', { field });
  else if (!Number.isInteger(value)) report('not-whole-number', { field });
  else if (value < 0) report('negative', { field });
  else return value;
  return undefined;
}

function readSeries(value: unknown, field: string, report: Report): PostSeries | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'string') {
    if (value.trim()) return { name: value };
    report('no-name', { field });
    return undefined;
  }
  if (!isObject(value)) {
    report('series-not-name', { field });
    return undefined;
  }
  if (typeof value.name !== 'string' || !value.name.trim()) {
    report('no-name', { field });
    return undefined;
  }
  const series: PostSeries = { name: value.name };
  if (!isAbsent(value.index)) {
    const { index } = value;
    if (typeof index === 'number' && Number.isInteger(index) && index >= 1) series.index = index;
    else report('series-index', { field });
  }
  return series;
}

/** Tags as strings; front matter may give a single tag as plain text, and YAML may read `2024` as a number. */
function readTags(value: unknown, field: string, report: Report, fromFrontMatter: boolean): string[] {
  if (isAbsent(value)) return [];
  if (fromFrontMatter && (typeof value === 'string' || typeof value === 'number')) return String(value).trim() ? [String(value)] : [];
  if (!Array.isArray(value)) {
    report('not-list', { field });
    return [];
  }
  const tags: string[] = [];
  value.forEach((tag, index) => {
    if (typeof tag === 'string' || (fromFrontMatter && typeof tag === 'number')) {
      if (String(tag).trim()) tags.push(String(tag));
    } else {
      report('not-string', { field: `${field}[${index + 1}]` });
    }
  });
  return tags;
}

/** The feed's home page, if it can serve as the base of relative item links. */
function readBase(value: unknown, report: Report): string | undefined {
  const home = readText(value, 'home_page_url', report);
  if (home === undefined) return undefined;
  if (/^https?:\/\/[^/]/i.test(home) && resolveUrl(home) !== undefined) return home;
  report('feed-home-page-url', {});
  return undefined;
}

/** A link safe to put in an `href`, resolved against the base when it is relative. */
function readUrl(value: unknown, field: string, report: Report, base: string | undefined): string | undefined {
  const url = readText(value, field, report);
  if (url === undefined || url.trim() === '') return undefined;
  if (!isSafeUrl(url)) {
    report('unsafe-link', { field });
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
      report('not-list', { field: 'authors' });
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
      report('no-name', { field: field(index) });
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
      else report('no-name', { field });
    } else if (isObject(entry) && typeof entry.name === 'string' && entry.name.trim()) {
      const author: PostAuthor = { name: entry.name };
      const url = readUrl(entry.url, `${field}.url`, report, undefined);
      if (url !== undefined) author.url = url;
      authors.push(author);
    } else {
      report('no-name', { field });
    }
  });
  return authors;
}

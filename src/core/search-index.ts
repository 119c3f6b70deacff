import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Locale } from './messages.js';
import type { Post } from './post.js';
import { searchDocument, type SearchDocument } from './search-text.js';
import { indexTerms, queryTerms } from './search-tokenize.js';

/** An index of posts to search, built by `buildSearchIndex` or read back by `loadSearchIndex`. */
export interface SearchIndex {
  readonly engine: MiniSearch<SearchDocument>;
  readonly locale: Locale;
}

/** What `searchIndex` finds: a post's id and what the result list shows of it. */
export interface SearchHit {
  id: string;
  url: string;
  title: string;
  date: string;
  tags: string[];
  /** Higher is better; only comparable within one search. */
  score: number;
  /** The query's terms the post holds, as indexed (lower case; for Chinese, pairs of characters, or the one character of a one-character query). */
  terms: string[];
}

export interface BuildSearchIndexOptions {
  /** Language of the posts, for lower-casing. Default `'en'`. */
  locale?: Locale;
}

export interface SearchOptions {
  /** At most this many hits, best first. Default 10. */
  limit?: number;
}

interface StoredFields {
  url: string;
  title: string;
  date: string;
  tags: string;
}

const serialFormat = 'sciblog-search-index';
// 2: CJK terms are stored under a bucket (see treeKey), without the segmenter's words.
const serialVersion = 2;
// A title hit outranks any body hit of the same terms; tags and summary say more than a passing mention.
const boost = { title: 6, tags: 3, summary: 1.5, content: 1 };

// MiniSearch's radix tree finds a child by scanning every key of a node: with one child per
// first character, a Chinese blog's few thousand characters make its root a list to walk on
// every lookup and insert. A CJK term goes one level down, under one of 64 buckets.
const firstBucket = 0xe000;
const bucketCount = 64;
function treeKey(term: string): string {
  const code = term.charCodeAt(0);
  return code < 0x2e80 ? term : String.fromCharCode(firstBucket + (code % bucketCount)) + term;
}
function termOfKey(key: string): string {
  const code = key.charCodeAt(0);
  return code >= firstBucket && code < firstBucket + bucketCount ? key.slice(1) : key;
}

function engineOptions(locale: Locale): Options<SearchDocument> {
  return {
    fields: ['title', 'tags', 'summary', 'content'],
    storeFields: ['url', 'title', 'date', 'tags'],
    extractField: (document, field) => (document as unknown as Record<string, string>)[field],
    tokenize: (text) => indexTerms(text, locale),
    // Terms are normalised by the tokenizer already; only where the tree keeps them is chosen here.
    processTerm: treeKey,
    searchOptions: {
      tokenize: (query) => queryTerms(query, locale),
      processTerm: treeKey,
      boost,
    },
  };
}

/**
 * An index over the titles, tags, summaries and text of `posts` (what
 * `parseFeed` gives), with `tokenize`'s terms: Chinese found without spaces
 * (by its characters and their pairs), TeX by the names in it. A later post with the id of an earlier one is left
 * out. Built with MiniSearch (BM25 ranking, prefix search, a compact radix
 * tree that serialises to JSON).
 */
export function buildSearchIndex(posts: readonly Post[], options: BuildSearchIndexOptions = {}): SearchIndex {
  const locale = options.locale ?? 'en';
  const engine = new MiniSearch<SearchDocument>(engineOptions(locale));
  const seen = new Set<string>();
  for (const post of posts) {
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    engine.add({ ...searchDocument(post), url: post.url, date: post.date } as SearchDocument);
  }
  return { engine, locale };
}

/**
 * The posts that match `query` best, best first: title hits above body hits,
 * a phrase (neighbouring words, neighbouring Chinese characters) above the
 * same words scattered. A blank query finds nothing. When nothing is
 * found, the last word is looked for as the beginning of a word.
 */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  let results = index.engine.search(query);
  // Nothing found: the last word may be unfinished, as the reader is typing (`softm` finds softmax).
  // Only then, as a prefix search costs more than the exact one.
  if (results.length === 0) results = index.engine.search(query, { prefix: isUnfinishedWord });
  return results.slice(0, limit).map(hitOf);
}

function isUnfinishedWord(term: string, i: number, terms: readonly string[]): boolean {
  const last = terms.findLastIndex((found) => !found.includes(' '));
  return i === last && term.length >= 3 && /^[\p{L}\p{N}]+$/u.test(term) && !/\p{Script=Han}/u.test(term);
}

function hitOf(result: SearchResult): SearchHit {
  const stored = result as unknown as SearchResult & StoredFields;
  return {
    id: String(result.id),
    url: stored.url,
    title: stored.title,
    date: stored.date,
    tags: stored.tags ? stored.tags.split(' ') : [],
    score: result.score,
    terms: result.terms.map(termOfKey),
  };
}

/** The index as JSON, for a build to ship beside its feed. */
export function serializeSearchIndex(index: SearchIndex): string {
  return JSON.stringify({ format: serialFormat, version: serialVersion, locale: index.locale, index: index.engine });
}

/** An index from `serializeSearchIndex`'s JSON (a string or parsed); throws, saying why, on anything else. */
export function loadSearchIndex(json: string | unknown): SearchIndex {
  const data = (typeof json === 'string' ? JSON.parse(json) : json) as { format?: unknown; version?: unknown; locale?: unknown; index?: unknown };
  if (data?.format !== serialFormat) throw new Error(`search index: not a sciblog-elements search index (format is ${JSON.stringify(data?.format)})`);
  if (data.version !== serialVersion) throw new Error(`search index: version ${JSON.stringify(data.version)} is not ${serialVersion}; rebuild the index`);
  const locale: Locale = data.locale === 'zh' ? 'zh' : 'en';
  const engine = MiniSearch.loadJS<SearchDocument>(data.index as Parameters<typeof MiniSearch.loadJS>[0], engineOptions(locale));
  return { engine, locale };
}

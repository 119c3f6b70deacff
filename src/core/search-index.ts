import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Locale } from './messages.js';
import type { Post } from './post.js';
import { CjkTermIndex, type CjkTermIndexJson, fieldBoosts, scoreOf, searchFields, type SearchField, type TermHits } from './search-cjk-index.js';
import { searchDocument } from './search-text.js';
import { indexTerms, isCjkTerm, queryTerms } from './search-tokenize.js';

/** An index of posts to search, built by `buildSearchIndex` or read back by `loadSearchIndex`. */
export interface SearchIndex {
  readonly locale: Locale;
  /** The Latin terms (words, TeX names, word pairs), by the post's number. */
  readonly engine: MiniSearch<EngineDocument>;
  /** The Chinese terms, and every field's length. */
  readonly cjk: CjkTermIndex;
  /** What a hit shows of each post, by its number. */
  readonly posts: readonly IndexedPost[];
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

/** A post as the index keeps it: what a hit shows. */
type IndexedPost = Readonly<Pick<SearchHit, 'id' | 'url' | 'title' | 'date' | 'tags'>>;

/** What MiniSearch indexes of a post: its fields' text, under the post's number. */
type EngineDocument = Record<SearchField, string> & { n: number };

const serialFormat = 'sciblog-search-index';
// 3: CJK terms are kept apart from MiniSearch's (see search-cjk-index.ts), with the posts' stored fields.
const serialVersion = 3;
// searchIndex gives MiniSearch the query's Latin terms ready-made, one per line (no term holds a line break).
const termSeparator = '\n';

function engineOptions(locale: Locale, cjk: CjkTermIndex): Options<EngineDocument> {
  return {
    idField: 'n',
    fields: [...searchFields],
    extractField: (document, field) => document[field as keyof EngineDocument],
    // Every term counts for a field's length, as BM25 weighs a hit by it; only Latin ones are kept here.
    tokenize: (text, field) => {
      const terms = indexTerms(text, locale);
      cjk.addField(field as SearchField, terms);
      return terms;
    },
    processTerm: (term) => (isCjkTerm(term) ? null : term),
    searchOptions: {
      tokenize: (terms) => terms.split(termSeparator),
      processTerm: (term) => term,
      boost: fieldBoosts,
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
  const cjk = CjkTermIndex.empty();
  const engine = new MiniSearch<EngineDocument>(engineOptions(locale, cjk));
  const indexed: IndexedPost[] = [];
  const seen = new Set<string>();
  for (const post of posts) {
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    // The post's number first: engine.add then hands each field's terms to cjk (see engineOptions).
    engine.add({ ...searchDocument(post), n: cjk.addDocument() });
    indexed.push({ id: post.id, url: post.url, title: post.title, date: post.date, tags: post.tags });
  }
  return { locale, engine, cjk, posts: indexed };
}

/**
 * The posts that match `query` best, best first: title hits above body hits,
 * a phrase (neighbouring words, neighbouring Chinese characters) above the
 * same words scattered. A blank query finds nothing. When nothing is
 * found, the last word is looked for as the beginning of a word.
 */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  const { latin, cjk, last } = queryTerms(query, index.locale);
  const found = new Map<number, TermHits>();
  index.cjk.collect(cjk, found);
  if (latin.length > 0) {
    const terms = latin.join(termSeparator);
    let results = index.engine.search(terms);
    // Nothing found: the last word may be unfinished, as the reader is typing (`softm` finds softmax).
    // Only then, as a prefix search costs more than the exact one.
    if (results.length === 0 && found.size === 0 && last !== undefined && isUnfinishedWord(last)) {
      results = index.engine.search(terms, { prefix: (term) => term === last });
    }
    if (found.size === 0) return results.slice(0, limit).map((result) => hitOf(index, result.id as number, result.score, result.terms));
    addLatinHits(results, found);
  }
  const ranked: [number, number, TermHits][] = [];
  for (const [n, hits] of found) ranked.push([n, scoreOf(hits), hits]);
  ranked.sort((a, b) => b[1] - a[1]);
  return ranked.slice(0, limit).map(([n, score, hits]) => hitOf(index, n, score, hits.terms));
}

/** Adds MiniSearch's hits to the CJK ones, as though one engine had found both. */
function addLatinHits(results: readonly SearchResult[], found: Map<number, TermHits>): void {
  for (const result of results) {
    // MiniSearch's score is its terms' sum times how many of the query's terms it found.
    const score = result.score / result.queryTerms.length;
    const hits = found.get(result.id as number);
    if (!hits) found.set(result.id as number, { score, terms: result.terms });
    else {
      hits.score += score;
      hits.terms.push(...result.terms);
    }
  }
}

function isUnfinishedWord(word: string): boolean {
  return word.length >= 3 && /^[\p{L}\p{N}]+$/u.test(word);
}

function hitOf(index: SearchIndex, n: number, score: number, terms: string[]): SearchHit {
  // Spelled out: spreading the stored post is several times slower in V8.
  const { id, url, title, date, tags } = index.posts[n];
  return { id, url, title, date, tags: [...tags], score, terms };
}

/** The index as JSON, for a build to ship beside its feed. */
export function serializeSearchIndex(index: SearchIndex): string {
  const posts = index.posts.map(({ id, url, title, date, tags }) => [id, url, title, date, tags]);
  return JSON.stringify({ format: serialFormat, version: serialVersion, locale: index.locale, posts, cjk: index.cjk, index: index.engine });
}

/** An index from `serializeSearchIndex`'s JSON (a string or parsed); throws, saying why, on anything else. */
export function loadSearchIndex(json: string | unknown): SearchIndex {
  const data = (typeof json === 'string' ? JSON.parse(json) : json) as { format?: unknown; version?: unknown; locale?: unknown; posts?: unknown; cjk?: unknown; index?: unknown };
  if (data?.format !== serialFormat) throw new Error(`search index: not a sciblog-elements search index (format is ${JSON.stringify(data?.format)})`);
  if (data.version !== serialVersion) throw new Error(`search index: version ${JSON.stringify(data.version)} is not ${serialVersion}; rebuild the index`);
  const locale: Locale = data.locale === 'zh' ? 'zh' : 'en';
  const cjk = CjkTermIndex.fromJSON(data.cjk as CjkTermIndexJson);
  const engine = MiniSearch.loadJS<EngineDocument>(data.index as Parameters<typeof MiniSearch.loadJS>[0], engineOptions(locale, cjk));
  const posts = (data.posts as [string, string, string, string, string[]][]).map(([id, url, title, date, tags]) => ({ id, url, title, date, tags }));
  return { locale, engine, cjk, posts };
}

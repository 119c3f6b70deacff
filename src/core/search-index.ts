import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Locale } from './messages.js';
import type { Post } from './post.js';
import { fieldBoosts, type PostingsJson, scoreOf, searchFields, type SearchField, SearchPostings, type TermHits } from './search-postings.js';
import { searchDocument } from './search-text.js';
import { indexTerms, isWholeTerm, queryTerms } from './search-tokenize.js';

/** An index of posts to search, built by `buildSearchIndex` or read back by `loadSearchIndex`. */
export interface SearchIndex {
  readonly locale: Locale;
  /** The Latin words and TeX names, by the post's number. */
  readonly engine: MiniSearch<EngineDocument>;
  /** The terms looked up whole (Chinese characters and pairs, pairs of Latin words), and every field's length. */
  readonly postings: SearchPostings;
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
// 3: CJK terms kept apart from MiniSearch's, with the posts' stored fields; 4: pairs of words too (see search-postings.ts).
const serialVersion = 4;
// searchIndex gives MiniSearch the query's words ready-made, one per line (no term holds a line break).
const termSeparator = '\n';

function engineOptions(locale: Locale, postings: SearchPostings): Options<EngineDocument> {
  return {
    idField: 'n',
    fields: [...searchFields],
    extractField: (document, field) => document[field as keyof EngineDocument],
    // Every term counts for a field's length, as BM25 weighs a hit by it; MiniSearch keeps only the words.
    tokenize: (text, field) => {
      const terms = indexTerms(text, locale);
      postings.addField(field as SearchField, terms);
      return terms;
    },
    processTerm: (term) => (isWholeTerm(term) ? null : term),
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
 * out. Words go to MiniSearch (BM25 ranking, prefix search, a compact radix
 * tree that serialises to JSON); the terms only ever looked up whole, pairs
 * of characters or of words, to postings beside it, scored the same way.
 */
export function buildSearchIndex(posts: readonly Post[], options: BuildSearchIndexOptions = {}): SearchIndex {
  const locale = options.locale ?? 'en';
  const postings = SearchPostings.empty();
  const engine = new MiniSearch<EngineDocument>(engineOptions(locale, postings));
  const indexed: IndexedPost[] = [];
  const seen = new Set<string>();
  for (const post of posts) {
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    // The post's number first: engine.add then hands each field's terms to postings (see engineOptions).
    engine.add({ ...searchDocument(post), n: postings.addDocument() });
    indexed.push({ id: post.id, url: post.url, title: post.title, date: post.date, tags: post.tags });
  }
  return { locale, engine, postings, posts: indexed };
}

/**
 * The posts that match `query` best, best first: title hits above body hits,
 * a phrase (neighbouring words, neighbouring Chinese characters) above the
 * same words scattered. A blank query finds nothing. When nothing is
 * found, the last word is looked for as the beginning of a word.
 */
export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  const { words, whole, last } = queryTerms(query, index.locale);
  const found = new Map<number, TermHits>();
  index.postings.collect(whole, found);
  const terms = words.join(termSeparator);
  let results: SearchResult[] = words.length > 0 ? index.engine.search(terms) : [];
  // Nothing found: the last word may be unfinished, as the reader is typing (`softm` finds softmax).
  // Only then, as a prefix search costs more than the exact one.
  if (results.length === 0 && found.size === 0 && last !== undefined && isUnfinishedWord(last)) {
    results = index.engine.search(terms, { prefix: (term) => term === last });
  }
  if (found.size === 0) return results.slice(0, limit).map((result) => hitOf(index, result.id as number, result.score, result.terms));
  addEngineHits(results, found);
  const ranked: [number, number, TermHits][] = [];
  for (const [n, hits] of found) ranked.push([n, scoreOf(hits), hits]);
  ranked.sort((a, b) => b[1] - a[1]);
  return ranked.slice(0, limit).map(([n, score, hits]) => hitOf(index, n, score, hits.terms));
}

/** Adds MiniSearch's hits to those found in the postings, as though one engine had found both. */
function addEngineHits(results: readonly SearchResult[], found: Map<number, TermHits>): void {
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
  return JSON.stringify({ format: serialFormat, version: serialVersion, locale: index.locale, posts, postings: index.postings, index: index.engine });
}

/** An index from `serializeSearchIndex`'s JSON (a string or parsed); throws, saying why, on anything else. */
export function loadSearchIndex(json: string | unknown): SearchIndex {
  const data = (typeof json === 'string' ? JSON.parse(json) : json) as { format?: unknown; version?: unknown; locale?: unknown; posts?: unknown; postings?: unknown; index?: unknown };
  if (data?.format !== serialFormat) throw new Error(`search index: not a sciblog-elements search index (format is ${JSON.stringify(data?.format)})`);
  if (data.version !== serialVersion) throw new Error(`search index: version ${JSON.stringify(data.version)} is not ${serialVersion}; rebuild the index`);
  const locale: Locale = data.locale === 'zh' ? 'zh' : 'en';
  const postings = SearchPostings.fromJSON(data.postings as PostingsJson);
  const engine = MiniSearch.loadJS<EngineDocument>(data.index as Parameters<typeof MiniSearch.loadJS>[0], engineOptions(locale, postings));
  const posts = (data.posts as [string, string, string, string, string[]][]).map(([id, url, title, date, tags]) => ({ id, url, title, date, tags }));
  return { locale, engine, postings, posts };
}

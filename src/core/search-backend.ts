import type { Locale } from './messages.js';
import type { TexMacros } from './render-math.js';

/** One post found by a search, as `site-search` lists it. */
export interface SiteSearchResult {
  url: string;
  title: string;
  /** As the post gives it (see `Post.date`); absent when the backend does not know it. */
  date?: string;
  tags: string[];
  /** A window of the post around the hit: trusted HTML, the query's words in `<mark>`, formulas rendered. */
  snippetHtml: string;
}

/** What a search asks for besides the query. */
export interface SiteSearchRequest {
  limit: number;
  locale: Locale;
  /** About how many characters each snippet shows. */
  snippetLength: number;
  macros?: TexMacros;
}

/**
 * Where `site-search` gets its results: an index of posts built in the page
 * (`localSearchBackend`), one built in a worker, a Pagefind bundle. Failures
 * reject with an `Error` whose message says what went wrong.
 */
export interface SearchBackend {
  /** Starts what the first search needs (an index build, a module load) before anyone searches. */
  prepare(): Promise<void>;
  /** The best results for `query`, best first; none for a blank query. */
  search(query: string, request: SiteSearchRequest): Promise<SiteSearchResult[]>;
  /** Lets go of what it holds (a worker). */
  dispose?(): void;
}

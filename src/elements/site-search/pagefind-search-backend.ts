import type { SearchBackend } from '../../core/search-backend.js';
import { joinCjkWords, type QueryTerms, queryTerms, spaceCjkWords } from '../../core/search-tokenize.js';
import { lazyModule } from '../shared/lazy-module.js';

/** The snippet cutter (and KaTeX), as the feed's results use it. */
const searchSnippets = lazyModule(() => import('../../core/search-snippet.js'));

// Loaded only by a site-search with a `pagefind` bundle.

/**
 * Whether `content` (a page's text as Pagefind keeps it) holds every term of
 * the query. Pagefind also returns pages that hold one word of several, or
 * only a piece of a word it does not know (`blackhole` finds the `b` of a
 * formula, `量子` the `量` of 量纲): noise to a reader.
 */
function holdsEveryTerm(content: string, terms: QueryTerms): boolean {
  const text = joinCjkWords(content).normalize('NFKC').toLowerCase();
  // Pagefind stems English (walks finds walk): a word's last letters are not required.
  const latin = terms.words.every((word) => text.includes(word.slice(0, Math.max(3, word.length - 2))));
  return latin && terms.whole.every((term) => term.includes(' ') || text.includes(term));
}

interface PagefindResult {
  data(): Promise<{ url: string; content?: string; excerpt: string; meta: Record<string, string | undefined>; filters?: Record<string, string[]> }>;
}

interface Pagefind {
  options?(options: Record<string, unknown>): Promise<void>;
  init?(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

/**
 * Search through a Pagefind bundle at `url` (the folder holding
 * `pagefind.js`): Pagefind's own browser API, imported on first use, loads
 * only the index chunks a query needs.
 */
export function pagefindSearchBackend(url: string): SearchBackend {
  const base = url.replace(/\/+$/, '');
  let loading: Promise<Pagefind> | undefined;
  const load = () =>
    (loading ??= (import(/* @vite-ignore */ `${base}/pagefind.js`) as Promise<Pagefind>).then(
      async (pagefind) => {
        await pagefind.options?.({ excerptLength: 30 });
        await pagefind.init?.();
        return pagefind;
      },
      (error: unknown) => {
        loading = undefined;
        throw new Error(`${base}/pagefind.js: ${error instanceof Error ? error.message : String(error)}`);
      },
    ));
  return {
    prepare: async () => void (await load()),
    async search(query, request) {
      // The index has spaces between Chinese words (see prerender --search): so must the query.
      const found = await (await load()).search(spaceCjkWords(query));
      // Past the pages that hold every term come Pagefind's partial matches: a few more are read, to fill the list.
      const read = await Promise.all((found?.results ?? []).slice(0, request.limit * 3).map((result) => result.data()));
      const terms = queryTerms(query, request.locale);
      const data = read.filter((page) => page.content === undefined || holdsEveryTerm(page.content, terms)).slice(0, request.limit);
      // Pagefind's own excerpt is a count of words, which cuts formulas (their TeX is many words): the
      // snippet is cut from the page's text instead, as the feed's are, never inside a formula.
      const { searchSnippet } = await searchSnippets.load();
      return data.map((page) => {
        const title = joinCjkWords(page.meta.title ?? page.url);
        const text = joinCjkWords(page.content ?? page.excerpt.replace(/<\/?mark>/g, ''));
        const post = { id: page.url, url: page.url, title, date: page.meta.date ?? '', authors: [], tags: [], contentText: text };
        return {
          url: page.url,
          title,
          date: page.meta.date,
          tags: page.filters?.tag ?? [],
          snippetHtml: searchSnippet(post, query, { length: request.snippetLength, locale: request.locale, macros: request.macros }).html,
        };
      });
    },
  };
}

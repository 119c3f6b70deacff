import type { Post } from './post.js';
import type { SearchBackend, SiteSearchRequest, SiteSearchResult } from './search-backend.js';
import { buildSearchIndex, type SearchIndex, searchIndex } from './search-index.js';
import { searchSnippet } from './search-snippet.js';

/** Search over `posts` in this thread: the index is built on `prepare` or the first search. */
export function localSearchBackend(posts: readonly Post[]): SearchBackend {
  let index: SearchIndex | undefined;
  const byId = new Map<string, Post>();
  for (const post of posts) if (!byId.has(post.id)) byId.set(post.id, post);
  const ready = () => (index ??= buildSearchIndex(posts));
  return {
    async prepare() {
      ready();
    },
    async search(query: string, request: SiteSearchRequest): Promise<SiteSearchResult[]> {
      return searchIndex(ready(), query, { limit: request.limit }).map((hit) => ({
        url: hit.url,
        title: hit.title,
        date: hit.date,
        tags: hit.tags,
        snippetHtml: searchSnippet(byId.get(hit.id)!, query, { length: request.snippetLength, locale: request.locale, macros: request.macros }).html,
      }));
    },
  };
}

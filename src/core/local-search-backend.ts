import type { Post } from './post.js';
import type { SearchBackend, SiteSearchRequest, SiteSearchResult } from './search-backend.js';
import { buildSearchIndex, type SearchHit, type SearchIndex, searchIndex } from './search-index.js';
import { searchSnippet } from './search-snippet.js';

/** The results to show for `hits` of `query`: each with its snippet, cut from the post. */
export function resultsWithSnippets(hits: readonly SearchHit[], posts: ReadonlyMap<string, Post>, query: string, request: SiteSearchRequest): SiteSearchResult[] {
  return hits.map((hit) => ({
    url: hit.url,
    title: hit.title,
    date: hit.date,
    tags: hit.tags,
    snippetHtml: searchSnippet(posts.get(hit.id)!, query, { length: request.snippetLength, locale: request.locale, macros: request.macros }).html,
  }));
}

/** The posts by id, the first of two with one id kept (as the index keeps it). */
export function postsById(posts: readonly Post[]): Map<string, Post> {
  const byId = new Map<string, Post>();
  for (const post of posts) if (!byId.has(post.id)) byId.set(post.id, post);
  return byId;
}

/** Search over `posts` in this thread: the index is built on `prepare` or the first search. */
export function localSearchBackend(posts: readonly Post[]): SearchBackend {
  let index: SearchIndex | undefined;
  const byId = postsById(posts);
  const ready = () => (index ??= buildSearchIndex(posts));
  return {
    async prepare() {
      ready();
    },
    async search(query: string, request: SiteSearchRequest): Promise<SiteSearchResult[]> {
      return resultsWithSnippets(searchIndex(ready(), query, { limit: request.limit }), byId, query, request);
    },
  };
}

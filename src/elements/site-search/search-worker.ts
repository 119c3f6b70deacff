import type { Post } from '../../core/post.js';
import { buildSearchIndex, type SearchIndex, searchIndex } from '../../core/search-index.js';

// A worker that holds the index of a large feed, so that building it and
// searching it never hold up typing. It finds hits only: the snippets (and
// KaTeX, which a worker bundle would hold a second copy of) stay in the page.
// Messages: `{ posts }` once, then `{ id, query, limit }`, each answered
// `{ id, hits }` or `{ id, error }`.

let index: SearchIndex | undefined;

self.onmessage = (event: MessageEvent<{ posts: Post[] } | { id: number; query: string; limit: number }>) => {
  const message = event.data;
  if ('posts' in message) {
    index = buildSearchIndex(message.posts);
    return;
  }
  try {
    self.postMessage({ id: message.id, hits: searchIndex(index!, message.query, { limit: message.limit }) });
  } catch (error) {
    self.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
};

import { localSearchBackend } from '../../core/local-search-backend.js';
import type { Post } from '../../core/post.js';
import type { SearchBackend, SiteSearchRequest } from '../../core/search-backend.js';

// A worker that holds the index of a large feed, so that building it and
// searching it never hold up typing. Messages: `{ posts }` once, then
// `{ id, query, request }`, each answered `{ id, results }` or `{ id, error }`.

let backend: SearchBackend | undefined;

self.onmessage = async (event: MessageEvent<{ posts: Post[] } | { id: number; query: string; request: SiteSearchRequest }>) => {
  const message = event.data;
  if ('posts' in message) {
    backend = localSearchBackend(message.posts);
    await backend.prepare();
    return;
  }
  try {
    self.postMessage({ id: message.id, results: await backend!.search(message.query, message.request) });
  } catch (error) {
    self.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
};

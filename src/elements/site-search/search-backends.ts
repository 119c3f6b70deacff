import type { Post } from '../../core/post.js';
import type { SearchBackend, SiteSearchRequest } from '../../core/search-backend.js';
import type { SearchHit } from '../../core/search-index.js';
import { lazyModule } from '../shared/lazy-module.js';

/** The index, snippets and KaTeX: loaded when someone first means to search. */
const localSearch = lazyModule(() => import('../../core/local-search-backend.js'));

// Above this much text, building the index would hold up typing for a noticeable time: a worker builds it.
const workerThreshold = 400_000;

function textSize(posts: readonly Post[]): number {
  return posts.reduce((sum, post) => sum + post.title.length + (post.contentHtml ?? post.contentText ?? post.summary ?? '').length, 0);
}

/** This thread's backend, loaded on first use. */
function inPage(posts: readonly Post[]): SearchBackend {
  const backend = localSearch.load().then((module) => module.localSearchBackend(posts));
  return {
    prepare: async () => (await backend).prepare(),
    search: async (query, request) => (await backend).search(query, request),
  };
}

/**
 * A worker's backend; if the worker cannot start (a bundle that did not ship
 * search-worker.js beside this module, a page whose CSP forbids workers),
 * searches go to this thread instead.
 */
function inWorker(posts: readonly Post[]): SearchBackend {
  let fallback: SearchBackend | undefined;
  let worker: Worker | undefined;
  let next = 0;
  // The searches the worker has not answered: each resolves with its hits, or undefined if the worker died.
  const waiting = new Map<number, (answer: Promise<SearchHit[] | undefined>) => void>();
  const toPage = () => {
    worker?.terminate();
    worker = undefined;
    fallback ??= inPage(posts);
    for (const [id, settle] of waiting) {
      waiting.delete(id);
      settle(Promise.resolve(undefined));
    }
  };
  try {
    worker = new Worker(new URL('./search-worker.js', import.meta.url), { type: 'module' });
    worker.onerror = toPage;
    worker.onmessage = (event: MessageEvent<{ id: number; hits?: SearchHit[]; error?: string }>) => {
      const { id, hits, error } = event.data;
      const settle = waiting.get(id);
      waiting.delete(id);
      settle?.(hits ? Promise.resolve(hits) : Promise.reject(new Error(error)));
    };
    worker.postMessage({ posts });
  } catch {
    toPage();
  }
  let byId: Map<string, Post> | undefined;
  return {
    prepare: async () => fallback?.prepare(),
    async search(query: string, request: SiteSearchRequest) {
      if (!worker) return fallback!.search(query, request);
      // The snippets are cut here, with the module (and KaTeX) the page loads anyway, while the worker searches.
      const module = localSearch.load();
      const id = next++;
      const hits = await new Promise<SearchHit[] | undefined>((resolve) => {
        waiting.set(id, resolve);
        worker!.postMessage({ id, query, limit: request.limit });
      });
      if (!hits) return fallback!.search(query, request);
      const { postsById, resultsWithSnippets } = await module;
      byId ??= postsById(posts);
      return resultsWithSnippets(hits, byId, query, request);
    },
    dispose: () => worker?.terminate(),
  };
}

/** Search over posts given to the page: in a worker when they are many. */
export function postsSearchBackend(posts: readonly Post[]): SearchBackend {
  return textSize(posts) > workerThreshold && typeof Worker !== 'undefined' ? inWorker(posts) : inPage(posts);
}

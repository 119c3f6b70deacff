import type { Post } from '../../core/post.js';
import type { SearchBackend, SiteSearchRequest, SiteSearchResult } from '../../core/search-backend.js';
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
  // Each search the worker has not answered, and how to ask this thread instead.
  const waiting = new Map<number, { settle: (answer: Promise<SiteSearchResult[]>) => void; retry: () => Promise<SiteSearchResult[]> }>();
  const toPage = () => {
    worker?.terminate();
    worker = undefined;
    fallback ??= inPage(posts);
    for (const [id, search] of waiting) {
      waiting.delete(id);
      search.settle(search.retry());
    }
  };
  try {
    worker = new Worker(new URL('./search-worker.js', import.meta.url), { type: 'module' });
    worker.onerror = toPage;
    worker.onmessage = (event: MessageEvent<{ id: number; results?: SiteSearchResult[]; error?: string }>) => {
      const { id, results, error } = event.data;
      const search = waiting.get(id);
      waiting.delete(id);
      search?.settle(results ? Promise.resolve(results) : Promise.reject(new Error(error)));
    };
    worker.postMessage({ posts });
  } catch {
    toPage();
  }
  return {
    prepare: async () => fallback?.prepare(),
    search(query: string, request: SiteSearchRequest) {
      if (!worker) return fallback!.search(query, request);
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, { settle: resolve, retry: () => fallback!.search(query, request) });
        worker!.postMessage({ id, query, request });
      });
    },
    dispose: () => worker?.terminate(),
  };
}

/** Search over posts given to the page: in a worker when they are many. */
export function postsSearchBackend(posts: readonly Post[]): SearchBackend {
  return textSize(posts) > workerThreshold && typeof Worker !== 'undefined' ? inWorker(posts) : inPage(posts);
}

import { type CommentBackend, type CommentResult, failed } from '../../core/comment-backend.js';
import type { Locale } from '../../core/messages.js';
import type { WalineBackendOptions } from '../../core/waline-comment-backend.js';
import { lazyModule } from './lazy-module.js';

/** What `comment-list` and `comment-form` take as `backend`: a backend object, or the name of a built-in one. */
export type BackendChoice = CommentBackend | 'waline' | undefined;

/** Reads the `backend` attribute as a name; a property may hold a backend object instead. */
export const backendFromAttribute = (value: string | null): BackendChoice => (value === 'waline' ? 'waline' : undefined);

const walines = new Map<string, CommentBackend>();

/**
 * The backend an element talks to: the object it was given, or Waline at
 * `server`. One Waline backend per server and language, shared by the list
 * and the form, so a reply knows the thread the list read.
 */
export function chosenBackend(choice: BackendChoice, server: string | undefined, locale: Locale): CommentBackend | undefined {
  if (choice !== 'waline') return choice;
  if (!server) return undefined;
  const key = `${locale} ${server}`;
  let backend = walines.get(key);
  if (!backend) walines.set(key, (backend = loadedOnFirstRequest({ server, locale })));
  return backend;
}

/** The post's key on the comment server: the `post` attribute, else the page's path. */
export const postKey = (post: string | undefined): string => post ?? (typeof location === 'undefined' ? '/' : location.pathname);

const waline = lazyModule(() => import('../../core/waline-comment-backend.js'));

/** The Waline backend, its module loaded by the first request (a page of plain JSON comments never loads it). */
function loadedOnFirstRequest(options: WalineBackendOptions): CommentBackend {
  let backend: CommentBackend | undefined;
  const withBackend = async <T>(use: (backend: CommentBackend) => Promise<CommentResult<T>>): Promise<CommentResult<T>> => {
    try {
      backend ??= (await waline.load()).walineCommentBackend(options);
    } catch (error) {
      return failed('network', `the Waline backend's module did not load: ${(error as Error).message}`);
    }
    return use(backend);
  };
  return {
    list: (post, page, request) => withBackend((backend) => backend.list(post, page, request)),
    count: (posts, request) => withBackend((backend) => backend.count(posts, request)),
    recent: (limit, request) => withBackend((backend) => backend.recent(limit, request)),
    submit: (post, submission, request) => withBackend((backend) => backend.submit(post, submission, request)),
  };
}

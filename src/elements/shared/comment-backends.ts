import type { CommentBackend } from '../../core/comment-backend.js';
import type { Locale } from '../../core/messages.js';
import { walineCommentBackend } from '../../core/waline-comment-backend.js';

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
  if (!backend) walines.set(key, (backend = walineCommentBackend({ server, locale })));
  return backend;
}

/** The post's key on the comment server: the `post` attribute, else the page's path. */
export const postKey = (post: string | undefined): string => post ?? (typeof location === 'undefined' ? '/' : location.pathname);

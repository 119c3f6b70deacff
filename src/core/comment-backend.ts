import type { Comment } from './comments.js';
import type { CommentSubmission } from './comment-validation.js';
import type { DataError } from './post.js';

// What `comment-list` and `comment-form` ask of a comment server, whatever it
// is: the JSON route (`src` and `action`), Waline, or one a site writes.
// Every answer is a result, never a throw, so an element can show each
// failure in the reader's language and keep what the visitor typed.

/** One page of a post's comments: top-level comments and all their replies. */
export interface CommentPage {
  comments: Comment[];
  /** This page's number, from 1. */
  page: number;
  /** How many pages of top-level comments there are (at least 1). */
  pages: number;
  /** How many comments the post has in all, replies included. */
  total: number;
  /** Records in the answer that were not comments: reported and skipped. */
  errors: DataError[];
}

/** What the server decided about a new comment. */
export type Moderation = 'approved' | 'waiting' | 'spam';

/** A comment the server accepted. */
export interface SubmittedComment {
  /** The comment as the server stored it, when it said. */
  comment?: Comment;
  moderation: Moderation;
  /** The server's own answer, as it sent it (parsed JSON). */
  answer?: unknown;
}

/**
 * Why a request failed:
 * - `network`: no answer at all (offline, server down, refused connection);
 * - `timeout`: no answer within the time allowed;
 * - `http`: an HTTP error status;
 * - `refused`: the server answered and refused, with its own message (too fast, duplicate, forbidden);
 * - `invalid`: the answer is not what the API promises;
 * - `unsupported`: this backend cannot do that (the JSON route has no count).
 */
export type CommentBackendErrorKind = 'network' | 'timeout' | 'http' | 'refused' | 'invalid' | 'unsupported';

export interface CommentBackendError {
  kind: CommentBackendErrorKind;
  /** What went wrong, for the page's console or a reader: the server's own words when it gave some. */
  message: string;
  /** The HTTP status, for `http` and `refused`. */
  status?: number;
  /** For `http`: the status text, when the server sent one. */
  statusText?: string;
  /** For `timeout`: how long the request waited. */
  seconds?: number;
}

export type CommentResult<T> = { ok: true; value: T } | { ok: false; error: CommentBackendError };

export interface CommentRequestOptions {
  /** Aborts the request (a newer one replaced it). */
  signal?: AbortSignal;
  /** Milliseconds before the request counts as unanswered. Default 15 000. */
  timeout?: number;
}

/** A comment server. `post` is the post's key on that server: its path, usually. */
export interface CommentBackend {
  /** The comments of `post`, page `page` (from 1) of its top-level comments, replies with them. */
  list(post: string, page: number, options?: CommentRequestOptions): Promise<CommentResult<CommentPage>>;
  /** How many comments each post has, in the order asked. */
  count(posts: readonly string[], options?: CommentRequestOptions): Promise<CommentResult<number[]>>;
  /** The newest `limit` comments of the whole site, newest first, each with its post. */
  recent(limit: number, options?: CommentRequestOptions): Promise<CommentResult<Comment[]>>;
  /** Sends a new comment or a reply (`submission.parent`) on `post`. */
  submit(post: string, submission: CommentSubmission, options?: CommentRequestOptions): Promise<CommentResult<SubmittedComment>>;
}

export const defaultCommentTimeout = 15_000;

export const succeeded = <T>(value: T): CommentResult<T> => ({ ok: true, value });
export const failed = (kind: CommentBackendErrorKind, message: string, status?: number): CommentResult<never> => ({
  ok: false,
  error: status === undefined ? { kind, message } : { kind, message, status },
});

/**
 * `fetch` with the backend's rules: a timeout, and every failure turned into
 * a result. Resolves with the response of any status; the caller reads it.
 */
export async function requestComments(url: string, init: RequestInit, options: CommentRequestOptions = {}): Promise<CommentResult<Response>> {
  const timeout = options.timeout ?? defaultCommentTimeout;
  const clock = AbortSignal.timeout(timeout);
  const signal = options.signal ? AbortSignal.any([options.signal, clock]) : clock;
  try {
    return succeeded(await fetch(url, { ...init, signal }));
  } catch (error) {
    if (clock.aborted && !options.signal?.aborted) return { ok: false, error: { kind: 'timeout', message: `no answer from ${url} within ${timeout / 1000} s`, seconds: timeout / 1000 } };
    return failed('network', `${url}: ${(error as Error).message || 'no answer'}`);
  }
}

/** The failure for an error status: `HTTP 500 Internal Server Error`. */
export const httpFailure = ({ status, statusText }: Response): CommentResult<never> => ({
  ok: false,
  error: { kind: 'http', message: `HTTP ${status}${statusText ? ` ${statusText}` : ''}`, status, statusText },
});

/** Reads a response body as JSON; an answer that is not JSON is `invalid`. */
export async function readJson(response: Response, what: string): Promise<CommentResult<unknown>> {
  const text = await response.text().catch(() => undefined);
  if (text === undefined) return failed('network', `${what}: the answer broke off`);
  try {
    return succeeded(JSON.parse(text) as unknown);
  } catch {
    return failed('invalid', `${what}: the answer is not JSON (${text.slice(0, 80)})`, response.status);
  }
}

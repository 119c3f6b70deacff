import { type CommentBackend, type CommentRequestOptions, failed, httpFailure, readJson, requestComments, succeeded } from './comment-backend.js';
import { threadComments } from './comments.js';
import type { Comment } from './comments.js';

export interface JsonCommentBackendOptions {
  /** URL of a JSON array of comment records (`{ id, parent?, author, url?, date, body, post? }`): one post's, or the site's for `recent`. */
  src?: string;
  /** URL the comment is POSTed to as JSON (`{ name, email, url, body, parent }`). */
  action?: string;
}

/**
 * The plain JSON route: comments read from a file or endpoint at `src`, new
 * ones POSTed to `action`. It has one page, and no count. An answer of
 * `{ "status": "waiting" }` to a POST says the comment awaits approval.
 */
export function jsonCommentBackend({ src, action }: JsonCommentBackendOptions): CommentBackend {
  async function read(options?: CommentRequestOptions) {
    if (!src) return failed('unsupported', 'this comment backend has no src to read comments from');
    const answer = await requestComments(src, { headers: { Accept: 'application/json' } }, options);
    if (!answer.ok) return answer;
    const response = answer.value;
    if (!response.ok) return httpFailure(response);
    const json = await readJson(response, src);
    if (!json.ok) return json;
    if (!Array.isArray(json.value)) return failed('invalid', `${src}: comments are not a list`);
    return succeeded(threadComments(json.value));
  }
  return {
    async list(_post, _page, options) {
      const read_ = await read(options);
      if (!read_.ok) return read_;
      const { comments, errors } = read_.value;
      return succeeded({ comments, page: 1, pages: 1, total: comments.length, errors });
    },
    async count() {
      return failed('unsupported', 'the JSON comment route cannot count comments');
    },
    async recent(limit, options) {
      const read_ = await read(options);
      if (!read_.ok) return read_;
      return succeeded(read_.value.comments.slice().reverse().slice(0, limit));
    },
    async submit(_post, submission, options) {
      if (!action) return failed('unsupported', 'this comment backend has no action to send comments to');
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      const answer = await requestComments(action, { method: 'POST', headers, body: JSON.stringify(submission) }, options);
      if (!answer.ok) return answer;
      const response = answer.value;
      if (!response.ok) return httpFailure(response);
      // An empty or non-JSON answer is still a success.
      const json = await readJson(response, action);
      const answer_ = json.ok ? json.value : undefined;
      const reply = typeof answer_ === 'object' && answer_ !== null ? (answer_ as Record<string, unknown>) : {};
      const comment = threadComments([reply]).comments[0] as Comment | undefined;
      return succeeded({ comment, moderation: reply.status === 'waiting' ? 'waiting' : reply.status === 'spam' ? 'spam' : 'approved', answer: answer_ });
    },
  };
}

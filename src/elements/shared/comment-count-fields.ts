import type { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { type BackendChoice, backendFromAttribute } from './comment-backends.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/** Where a byline's comment count comes from, when not from the post itself. */
export interface CommentCountFieldsInterface {
  commentBackend: BackendChoice;
  commentServer: string | undefined;
}

/**
 * The comment server a byline asks for its post's comment count:
 * `post-meta`, and `post-card` and `post-list`, which pass it on. The counts
 * of every byline on a page go to the server in one request.
 */
export const CommentCountFields = <T extends Constructor<LitElement>>(Base: T) => {
  class CommentCountFieldsElement extends Base implements CommentCountFieldsInterface {
    /**
     * The comment server to ask for the comment count: a `CommentBackend`
     * object (property), or `waline` (attribute), with `comment-server`.
     * Without it, the count is the post's own `comments` field, if any.
     */
    @property({ attribute: 'comment-backend', converter: { fromAttribute: backendFromAttribute } }) accessor commentBackend: BackendChoice = undefined;

    /** The Waline server's URL, for `comment-backend="waline"`. */
    @property({ attribute: 'comment-server' }) accessor commentServer: string | undefined = undefined;
  }
  return CommentCountFieldsElement as Constructor<CommentCountFieldsInterface> & T;
};

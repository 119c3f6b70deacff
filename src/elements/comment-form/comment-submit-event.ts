import type { CommentSubmission, ReplyTarget } from '../../core/comment-validation.js';

/**
 * Fired by `comment-form` when the visitor sends a valid comment. Cancelable:
 * `preventDefault()` tells the form that the page sends it, so the form posts
 * nothing and keeps what was typed.
 */
export class CommentSubmitEvent extends Event implements CommentSubmission {
  static readonly eventName = 'comment-submit';
  readonly name: string;
  readonly email: string;
  /** The visitor's website, or undefined when left empty. */
  readonly url: string | undefined;
  /** Markdown with math, as typed. */
  readonly body: string;
  /** Id of the comment answered, or undefined for a new thread. */
  readonly parent: string | undefined;

  constructor(submission: CommentSubmission) {
    super(CommentSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    ({ name: this.name, email: this.email, url: this.url, body: this.body, parent: this.parent } = submission);
  }

  /** The fields as one object, as the form POSTs them. */
  get submission(): CommentSubmission {
    return { name: this.name, email: this.email, url: this.url, body: this.body, parent: this.parent };
  }
}

/** Fired by `comment-form` when its `action` accepted a comment (a 2xx answer). */
export class CommentPostedEvent extends Event {
  static readonly eventName = 'comment-posted';

  constructor(
    /** What was sent. */
    readonly submission: CommentSubmission,
    /** The server's answer parsed as JSON, or undefined when it sent none (or no JSON). */
    readonly response: unknown,
  ) {
    super(CommentPostedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by `comment-form` when the visitor cancels a reply; the form then starts a new thread. */
export class CommentReplyCancelEvent extends Event {
  static readonly eventName = 'comment-reply-cancel';

  constructor(/** The comment that was being answered. */ readonly comment: ReplyTarget) {
    super(CommentReplyCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'comment-submit': CommentSubmitEvent;
    'comment-posted': CommentPostedEvent;
    'comment-reply-cancel': CommentReplyCancelEvent;
  }
}

import type { CommentSubmission, ReplyTarget } from '../../core/comment-validation.js';

/**
 * Fired by `comment-form` when the visitor sends a valid comment. A page that
 * sends the comment itself calls `respondWith(promise)`: the form shows
 * "sending" until the promise settles, then clears on success or keeps the
 * text and offers to retry when it rejects (its error's message is shown).
 * `preventDefault()` tells the form the page takes over entirely: it posts
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

  #response?: Promise<unknown>;

  /** Hands the form the sending of this comment: it clears when `response` resolves, and keeps the text when it rejects. */
  respondWith(response: Promise<unknown>): void {
    if (this.#response) throw new DOMException('respondWith() was already called for this comment', 'InvalidStateError');
    this.#response = response;
  }

  /** What the page passed to `respondWith`, if it did. */
  get response(): Promise<unknown> | undefined {
    return this.#response;
  }

  constructor(submission: CommentSubmission) {
    super(CommentSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    ({ name: this.name, email: this.email, url: this.url, body: this.body, parent: this.parent } = submission);
  }

  /** The fields as one object, as the form POSTs them. */
  get submission(): CommentSubmission {
    return { name: this.name, email: this.email, url: this.url, body: this.body, parent: this.parent };
  }
}

/** Fired by `comment-form` when its `action`, `backend` or the page's `respondWith` accepted a comment. */
export class CommentPostedEvent extends Event {
  static readonly eventName = 'comment-posted';

  constructor(
    /** What was sent. */
    readonly submission: CommentSubmission,
    /** The server's answer: `action`'s JSON (undefined when it sent none), a backend's `SubmittedComment`, or what `respondWith`'s promise resolved to. */
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

import type { Comment } from '../../core/comments.js';

/** Fired by `comment-list` when the reader asks to answer a comment; pass `comment` to `comment-form`'s `replyTo`. */
export class CommentReplyEvent extends Event {
  static readonly eventName = 'comment-reply';

  constructor(readonly comment: Comment) {
    super(CommentReplyEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'comment-reply': CommentReplyEvent;
  }
}

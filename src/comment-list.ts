import { defineElement } from './elements/define.js';
import { CommentListElement } from './elements/comment-list/comment-list.js';

export { CommentListElement } from './elements/comment-list/comment-list.js';
export { CommentReplyEvent } from './elements/comment-list/comment-reply-event.js';

defineElement('comment-list', CommentListElement);

import { defineElement } from './elements/define.js';
import { CommentFormElement } from './elements/comment-form/comment-form.js';

export { CommentFormElement } from './elements/comment-form/comment-form.js';
export { CommentPostedEvent, CommentReplyCancelEvent, CommentSubmitEvent } from './elements/comment-form/comment-submit-event.js';
export { commentFormMessages } from './elements/comment-form/comment-form.messages.js';
export type { CommentFormMessages } from './elements/comment-form/comment-form.messages.js';

defineElement('comment-form', CommentFormElement);

import { defineElement } from './elements/define.js';
import { PostBodyElement } from './elements/post-body/post-body.js';

export { PostBodyElement } from './elements/post-body/post-body.js';
export { PostRenderedEvent, type PostRenderedDetail } from './elements/post-body/rendered-event.js';

defineElement('post-body', PostBodyElement);

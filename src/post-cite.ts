import { defineElement } from './elements/define.js';
import { PostCiteElement } from './elements/post-cite/post-cite.js';

export { PostCiteElement } from './elements/post-cite/post-cite.js';

defineElement('post-cite', PostCiteElement);

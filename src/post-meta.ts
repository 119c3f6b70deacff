import { defineElement } from './elements/define.js';
import { PostMetaElement } from './elements/post-meta/post-meta.js';

export { PostMetaElement } from './elements/post-meta/post-meta.js';

defineElement('post-meta', PostMetaElement);

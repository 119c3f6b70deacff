import { defineElement } from './elements/define.js';
import { PostTocElement } from './elements/post-toc/post-toc.js';

export { PostTocElement } from './elements/post-toc/post-toc.js';

defineElement('post-toc', PostTocElement);

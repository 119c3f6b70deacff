import { defineElement } from './elements/define.js';
import { PostExcerptElement } from './elements/post-excerpt/post-excerpt.js';

export { PostExcerptElement } from './elements/post-excerpt/post-excerpt.js';

defineElement('post-excerpt', PostExcerptElement);

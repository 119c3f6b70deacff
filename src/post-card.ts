import { defineElement } from './elements/define.js';
import { PostCardElement } from './elements/post-card/post-card.js';
// A card shows its byline and excerpt with these two elements.
import './post-excerpt.js';
import './post-meta.js';

export { PostCardElement } from './elements/post-card/post-card.js';

defineElement('post-card', PostCardElement);

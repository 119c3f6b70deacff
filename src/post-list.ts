import { defineElement } from './elements/define.js';
import { PostListElement } from './elements/post-list/post-list.js';
// The list is made of cards.
import './post-card.js';

export { PostListElement } from './elements/post-list/post-list.js';

defineElement('post-list', PostListElement);

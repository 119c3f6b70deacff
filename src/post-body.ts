import { defineElement } from './elements/define.js';
import { registerKatexFonts } from './styles/katex-styles.js';
import { PostBodyElement } from './elements/post-body/post-body.js';

export { PostBodyElement } from './elements/post-body/post-body.js';
export { PostRenderedEvent, type PostRenderedDetail } from './elements/post-body/rendered-event.js';

defineElement('post-body', PostBodyElement);
// A page that defines it shows math: the common fonts start loading now.
registerKatexFonts();

import { defineElement } from './elements/define.js';
import { registerKatexFonts } from './styles/katex-styles.js';
import { MathBlockElement } from './elements/math-block/math-block.js';

export { MathBlockElement } from './elements/math-block/math-block.js';
export { MathErrorEvent } from './elements/math-block/math-error-event.js';

defineElement('math-block', MathBlockElement);
// A page that defines it shows math: the common fonts start loading now.
registerKatexFonts();

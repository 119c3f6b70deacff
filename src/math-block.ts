import { defineElement } from './elements/define.js';
import { MathBlockElement } from './elements/math-block/math-block.js';

export { MathBlockElement } from './elements/math-block/math-block.js';
export { MathErrorEvent } from './elements/math-block/math-error-event.js';

defineElement('math-block', MathBlockElement);

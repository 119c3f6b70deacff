import { defineElement } from './elements/define.js';
import { ArchiveListElement } from './elements/archive-list/archive-list.js';

export { ArchiveListElement } from './elements/archive-list/archive-list.js';

defineElement('archive-list', ArchiveListElement);

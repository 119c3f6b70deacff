import { defineElement } from './elements/define.js';
import { SiteSearchElement } from './elements/site-search/site-search.js';

export { SiteSearchElement } from './elements/site-search/site-search.js';
export { SiteSearchSelectEvent } from './elements/site-search/site-search-select-event.js';

defineElement('site-search', SiteSearchElement);

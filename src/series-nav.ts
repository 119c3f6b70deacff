import { defineElement } from './elements/define.js';
import { SeriesNavElement } from './elements/series-nav/series-nav.js';

export { SeriesNavElement } from './elements/series-nav/series-nav.js';

defineElement('series-nav', SeriesNavElement);

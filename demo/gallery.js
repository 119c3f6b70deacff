// The gallery: the comments its lists show, a loading state on demand, and
// under each element its API as custom-elements.json (written by `npm run
// build`) documents it.
import { apply } from './site.js';

// The loading state lasts as long as the request: this one is never answered.
const pending = 'gallery-pending.json';
const fetchOnce = window.fetch.bind(window);
window.fetch = (input, init) => (String(input instanceof Request ? input.url : input).endsWith(pending) ? new Promise(() => {}) : fetchOnce(input, init));

const comments = await (await fetch('comments.json')).json();
document.getElementById('thread').comments = comments.filter((comment) => comment.post?.url === 'article.html?post=zh-softmax');
document.getElementById('no-comments').comments = [];
document.getElementById('empty-list').posts = [];
document.getElementById('hostile').comments = [
  { id: 'h1', author: '<b>Mallory</b>', date: '2024-05-01T08:00:00Z', url: 'javascript:alert(1)', body: '<img src="x" onerror="alert(1)"> [click](javascript:alert(1)) $\\href{javascript:alert(1)}{x}$' },
  { id: 'h2', author: 'Eve', date: '2024-05-01T09:00:00Z', body: '$$\\def\\a{\\a\\a}\\a$$' },
  { id: 'h3', date: 'not a date', body: 42 },
];

const manifest = await (await fetch('../custom-elements.json')).json();
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);

const text = (tag, content, attributes = {}) => {
  const node = document.createElement(tag);
  if (content !== undefined) node.textContent = content;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};
// The JSDoc's `code` spans as <code>, the rest as text.
const prose = (tag, content, attributes = {}) => {
  const node = text(tag, undefined, attributes);
  content.split(/`([^`]+)`/).forEach((part, index) => node.append(index % 2 ? text('code', part) : part));
  return node;
};
const translated = (zh, en) => text('span', zh, { 'data-zh': zh, 'data-en': en });

// One list per kind of API, each entry a name, a type or default, and what the JSDoc says.
function apiLists(element) {
  const kinds = [
    ['属性（HTML）', 'Attributes', element.attributes, (item) => [item.name, item.type?.text, item.default]],
    ['属性（JS）', 'Properties', (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.privacy), (item) => [item.name, item.type?.text, item.default]],
    ['事件', 'Events', (element.events ?? []).filter((event) => event.name), (item) => [item.name, item.type?.text]],
    ['插槽', 'Slots', element.slots, (item) => [item.name || '(default)']],
    ['部件（::part）', 'Parts', element.cssParts, (item) => [item.name]],
    ['CSS 自定义属性', 'CSS properties', element.cssProperties, (item) => [item.name, undefined, item.default]],
  ];
  const api = text('div', undefined, { class: 'api', 'data-api': element.tagName });
  for (const [zh, en, items, describe] of kinds) {
    if (!items?.length) continue;
    const heading = text('h3');
    heading.append(translated(zh, en), ` (${items.length})`);
    const list = text('dl', undefined, { lang: 'en' });
    for (const item of items) {
      const [name, type, fallback] = describe(item);
      const term = text('dt');
      term.append(text('code', name));
      if (type) term.append(' ', text('span', type, { class: 'api-type' }));
      if (fallback !== undefined && fallback !== 'undefined') term.append(' = ', text('code', fallback));
      list.append(term, prose('dd', item.description ?? item.summary ?? ''));
    }
    api.append(heading, list);
  }
  return api;
}

const index = document.getElementById('gallery-index');
for (const element of elements) {
  const section = document.querySelector(`.gallery-item[data-element="${element.tagName}"]`);
  if (!section) continue; // a test holds the gallery to the manifest
  const item = text('li');
  item.append(text('a', `<${element.tagName}>`, { href: `#g-${element.tagName}` }));
  index.append(item);
  section.querySelector('h2').after(prose('p', element.summary ?? '', { class: 'api-summary', lang: 'en' }));
  if (element.attributes?.some((attribute) => attribute.name === 'src') && element.tagName !== 'site-search') {
    const figure = text('figure');
    const button = text('button', undefined, { type: 'button', class: 'show-loading' });
    button.append(translated('显示加载状态', 'Show the loading state'));
    button.addEventListener('click', () => {
      const loading = document.createElement(element.tagName);
      loading.setAttribute('src', pending);
      button.replaceWith(loading);
    }, { once: true });
    const caption = text('figcaption');
    caption.append(translated('加载中', 'Loading'));
    figure.append(caption, button);
    section.append(figure);
  }
  const details = text('details', undefined, { class: 'api-details' });
  const summary = text('summary');
  summary.append(translated('接口（来自 custom-elements.json）', 'API (from custom-elements.json)'));
  details.append(summary, apiLists(element));
  section.append(details);
}
apply();

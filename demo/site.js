// Shared by every demo page: the header with its language, theme and accent
// controls, remembered across pages and reloads in localStorage. The theme
// starts on "system": no data-theme, so the page and the elements follow
// prefers-color-scheme; light or dark sets data-theme on the root.
const root = document.documentElement;
const storageKey = 'sciblog-demo';

// Reading localStorage throws when the browser refuses storage (cookies
// blocked, some private modes); writing throws when it is full. Then the
// choices travel in the links' query string instead, which the next page reads.
function readSaved() {
  let text;
  try {
    text = localStorage.getItem(storageKey);
  } catch {
    return { stored: false, saved: {} };
  }
  try {
    return { stored: true, saved: JSON.parse(text ?? '{}') ?? {} };
  } catch {
    return { stored: true, saved: {} };
  }
}
let { stored, saved } = readSaved();
const params = new URLSearchParams(location.search);
const settings = {
  lang: params.get('lang') ?? saved.lang ?? 'zh-CN',
  theme: params.get('theme') ?? saved.theme ?? 'system',
  // Tokens set in the theme panel, by name without `--sb-`.
  tokens: saved.tokens && typeof saved.tokens === 'object' ? saved.tokens : {},
};

const pages = [
  ['index.html', '首页', 'Home'],
  ['article.html', '文章', 'Article'],
  ['archive.html', '归档', 'Archive'],
  ['comments.html', '评论', 'Comments'],
  ['search.html', '搜索', 'Search'],
  ['components.html', '组件', 'Components'],
  ['gallery.html', '组件库', 'Gallery'],
  ['playground.html', '试验场', 'Playground'],
];

const themes = [
  ['system', '跟随系统', 'System'],
  ['light', '浅色', 'Light'],
  ['dark', '深色', 'Dark'],
];

function apply() {
  root.lang = settings.lang;
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
  for (const property of [...root.style]) if (property.startsWith('--sb-') && !(property.slice(5) in settings.tokens)) root.style.removeProperty(property);
  for (const [name, value] of Object.entries(settings.tokens)) root.style.setProperty(`--sb-${name}`, value);
  const key = settings.lang.startsWith('zh') ? 'zh' : 'en';
  for (const el of document.querySelectorAll('[data-zh]')) el.textContent = el.dataset[key];
  try {
    if (stored) localStorage.setItem(storageKey, JSON.stringify(settings));
  } catch {
    stored = false;
  }
  // Without storage a reload keeps the choices in the address.
  if (!stored) {
    const url = new URL(location.href);
    url.searchParams.set('lang', settings.lang);
    url.searchParams.set('theme', settings.theme);
    history.replaceState(history.state, '', url);
  }
}

// A link followed without storage carries the choices; the click's composed
// path also finds the links inside the elements' shadow roots (post titles).
function carryInLinks(event) {
  if (stored) return;
  const link = event.composedPath().find((node) => node.localName === 'a' && node.href);
  if (!link) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.endsWith('.html')) return;
  url.searchParams.set('lang', settings.lang);
  url.searchParams.set('theme', settings.theme);
  link.href = url.href;
}
document.addEventListener('click', carryInLinks, true);

// The controls' names are icons on screen (a globe, a half-lit disc) and words to screen readers, so the header fits one row at 1280 px.
const icon = (paths) => `<svg class="control-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${paths}</svg>`;
const globe = icon('<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"/><ellipse cx="8" cy="8" rx="2.8" ry="6.5" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M1.5 8h13" stroke="currentColor" stroke-width="1.3"/>');
const halfMoon = icon('<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.3"/><path d="M8 1.5a6.5 6.5 0 0 1 0 13z" fill="currentColor"/>');

const header = document.querySelector('.site-header');
const current = location.pathname.split('/').pop() || 'index.html';
header.innerHTML = `
  <a class="site-title" href="index.html">sciblog-elements</a>
  <nav class="site-nav" aria-label="Demo pages">
    ${pages.map(([href, zh, en]) => `<a href="${href}" data-zh="${zh}" data-en="${en}"${href === current ? ' aria-current="page"' : ''}>${zh}</a>`).join('')}
  </nav>
  <div class="controls">
    <label>${globe}<span class="control-name" data-zh="语言" data-en="Language">语言</span>
      <select id="locale"><option value="zh-CN">中文</option><option value="en">English</option></select></label>
    <label>${halfMoon}<span class="control-name" data-zh="主题" data-en="Theme">主题</span>
      <select id="theme">${themes.map(([value, zh, en]) => `<option value="${value}" data-zh="${zh}" data-en="${en}">${zh}</option>`).join('')}</select></label>
    <button type="button" id="theme-panel-toggle" aria-expanded="false" aria-controls="theme-panel" data-zh="主题面板" data-en="Theme panel">主题面板</button>
  </div>`;

const locale = header.querySelector('#locale');
const theme = header.querySelector('#theme');
locale.value = settings.lang;
theme.value = settings.theme;
locale.addEventListener('change', () => apply((settings.lang = locale.value)));
theme.addEventListener('change', () => apply((settings.theme = theme.value)));
apply();

// The panel loads on first use.
const toggle = header.querySelector('#theme-panel-toggle');
toggle.addEventListener('click', async () => {
  const { openThemePanel } = await import('./theme-panel.js');
  openThemePanel(toggle);
});

export { apply, settings };

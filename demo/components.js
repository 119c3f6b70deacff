// Demo page controls: language, theme, accent colour, and which sample post is shown.
const root = document.documentElement;
const post = document.getElementById('post');

function applyLocale(lang) {
  root.lang = lang;
  const key = lang.startsWith('zh') ? 'zh' : 'en';
  for (const el of document.querySelectorAll('[data-zh]')) el.textContent = el.dataset[key];
}

document.getElementById('locale').addEventListener('change', (event) => applyLocale(event.target.value));
document.getElementById('theme').addEventListener('change', (event) => (root.dataset.theme = event.target.value));
document.getElementById('accent').addEventListener('input', (event) => root.style.setProperty('--sb-color-accent', event.target.value));

for (const tab of document.querySelectorAll('[role="tab"]')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll('[role="tab"]')) other.setAttribute('aria-selected', String(other === tab));
    post.src = tab.dataset.post;
  });
}

post.addEventListener('rendered', (event) => {
  const { meta, equations, headings, errors } = event.detail;
  document.getElementById('report').textContent = JSON.stringify({ meta, equations, headings, errors }, null, 2);
});

const params = new URLSearchParams(location.search);
if (params.get('lang')) {
  document.getElementById('locale').value = params.get('lang');
  applyLocale(params.get('lang'));
}
if (params.get('theme')) {
  document.getElementById('theme').value = params.get('theme');
  root.dataset.theme = params.get('theme');
}
if (params.get('post')) post.src = `posts/${params.get('post')}.md`;

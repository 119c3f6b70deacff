// The components page: which sample post post-body shows, and its render report.
const post = document.getElementById('post');

for (const tab of document.querySelectorAll('[role="tab"]')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll('[role="tab"]')) other.setAttribute('aria-selected', String(other === tab));
    post.src = tab.dataset.post;
  });
}

post.addEventListener('post-rendered', (event) => {
  const { meta, equations, headings, errors } = event;
  document.getElementById('report').textContent = JSON.stringify({ meta, equations, headings, errors }, null, 2);
});

const requested = new URLSearchParams(location.search).get('post');
if (requested) post.src = `posts/${requested}.md`;

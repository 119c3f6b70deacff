// The article page: ?post=<slug> picks a post from the feed; its markdown comes
// from posts/<slug>.md when there is one, else from the feed's content_text.
import { parseFeed } from '../dist/sciblog-elements.js';

const slug = new URLSearchParams(location.search).get('post') ?? 'zh-softmax';
const { posts } = parseFeed(await (await fetch('feed.json')).text());
const post = posts.find((p) => new URL(p.url, location.href).searchParams.get('post') === slug) ?? posts[0];

document.title = `sciblog-elements · ${post.title}`;
document.getElementById('post-title').textContent = post.title;
document.getElementById('post-meta').post = post;
// The feed's links are relative to the demo (it has no home_page_url), a citation's must be whole.
document.getElementById('cite').post = { ...post, url: new URL(post.url, location.href).href };
const series = document.getElementById('series');
series.current = post.url;
series.hidden = !post.series;

const body = document.getElementById('article');
const file = `posts/${slug}.md`;
if ((await fetch(file, { method: 'HEAD' })).ok) body.src = file;
else body.markdown = post.contentText ?? post.summary ?? '';

// The discussion. With ?waline=<server URL> (`npm run demo:waline` starts a
// local Waline server and prints the link), the list and the form talk to
// that Waline server. Otherwise the comments of this post come from
// comments.json, and the page keeps each new comment itself (respondWith).
const list = document.getElementById('comments');
const form = document.getElementById('comment-form');
const waline = new URLSearchParams(location.search).get('waline');
list.addEventListener('comment-reply', (event) => {
  form.reply(event.comment);
  form.scrollIntoView({ block: 'nearest' });
});
if (waline) {
  for (const element of [list, form]) Object.assign(element, { backend: 'waline', server: waline });
  list.post = form.post = `/posts/${slug}`;
  Object.assign(document.getElementById('post-meta'), { commentBackend: 'waline', commentServer: waline, commentPost: `/posts/${slug}` });
  form.addEventListener('comment-posted', () => list.showPage(1));
} else {
  const comments = await (await fetch('comments.json')).json();
  list.comments = comments.filter((comment) => comment.post?.url === `article.html?post=${slug}`);
  form.addEventListener('comment-submit', (event) => {
    const { name, url, body, parent } = event;
    list.comments = [...list.comments, { id: `new-${Date.now()}`, parent, author: name, url, body, date: new Date().toISOString() }];
    event.respondWith(Promise.resolve());
  });
}

// The article page: ?post=<slug> picks a post from the feed; its markdown comes
// from posts/<slug>.md when there is one, else from the feed's content_text.
import { parseFeed } from '../dist/sciblog-elements.js';

const slug = new URLSearchParams(location.search).get('post') ?? 'zh-softmax';
const { posts } = parseFeed(await (await fetch('feed.json')).text());
const post = posts.find((p) => new URL(p.url).searchParams.get('post') === slug) ?? posts[0];

document.title = `sciblog-elements · ${post.title}`;
document.getElementById('post-title').textContent = post.title;
document.getElementById('post-meta').post = post;
document.getElementById('cite').post = post;
const series = document.getElementById('series');
series.current = post.url;
series.hidden = !post.series;

const body = document.getElementById('article');
const file = `posts/${slug}.md`;
if ((await fetch(file, { method: 'HEAD' })).ok) body.src = file;
else body.markdown = post.contentText ?? post.summary ?? '';

// The sample discussion: the comments of this post from comments.json. The
// form has no server to post to here, so the page takes each new comment.
const comments = await (await fetch('comments.json')).json();
const list = document.getElementById('comments');
list.comments = comments.filter((comment) => comment.post?.url === `article.html?post=${slug}`);
const form = document.getElementById('comment-form');
list.addEventListener('comment-reply', (event) => {
  form.replyTo = event.comment;
  form.scrollIntoView({ block: 'nearest' });
});
form.addEventListener('comment-submit', (event) => {
  const { name, url, body, parent } = event;
  list.comments = [...list.comments, { id: `new-${Date.now()}`, parent, author: name, url, body, date: new Date().toISOString() }];
});

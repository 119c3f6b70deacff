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

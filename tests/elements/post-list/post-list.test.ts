import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/post-list.js';
import type { Post } from '../../../src/core/post.js';
import type { PostListElement } from '../../../src/post-list.js';

const posts: Post[] = Array.from({ length: 23 }, (_, i) => ({
  id: `p${23 - i}`,
  url: `/archives/${23 - i}`,
  title: `第${23 - i}篇`,
  date: `2024-02-${String(23 - i).padStart(2, '0')}`,
  authors: [],
  tags: [],
  summary: `摘要 $a_${23 - i}$`,
}));

const titles = (el: PostListElement) =>
  [...el.shadowRoot!.querySelectorAll('post-card')].map((card) => card.shadowRoot!.querySelector('[part="title-link"]')!.textContent);
const pageLinks = (el: PostListElement) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="page-link"]')];
const current = (el: PostListElement) => el.shadowRoot!.querySelector('[aria-current="page"]')!.textContent;

async function list(template = html`<post-list lang="zh" .posts=${posts} page-size="5"></post-list>`): Promise<PostListElement> {
  const el = await fixture<PostListElement>(template);
  await el.updateComplete;
  await Promise.all([...el.shadowRoot!.querySelectorAll('post-card')].map((card) => card.updateComplete));
  return el;
}

describe('post-list', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  it('shows the first page of cards and links to the others', async () => {
    const el = await list();
    expect(titles(el)).to.deep.equal(['第23篇', '第22篇', '第21篇', '第20篇', '第19篇']);
    expect(pageLinks(el).map((a) => a.textContent!.trim())).to.deep.equal(['1', '2', '3', '4', '5', '下一页 →']);
    expect(current(el)).to.equal('1');
    expect(el.shadowRoot!.querySelector('[part="pagination"]')!.getAttribute('aria-label')).to.equal('分页');
  });

  it('moves to another page, puts it in the URL, and comes back with the back button', async () => {
    const el = await list();
    pageLinks(el).find((a) => a.textContent === '3')!.click();
    await el.updateComplete;
    expect(new URL(location.href).searchParams.get('page')).to.equal('3');
    expect(titles(el)).to.deep.equal(['第13篇', '第12篇', '第11篇', '第10篇', '第9篇']);
    expect(pageLinks(el)[0].textContent).to.equal('← 上一页');
    const popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    await el.updateComplete;
    expect(current(el)).to.equal('1');
    expect(new URL(location.href).searchParams.get('page')).to.equal(null);
  });

  it('opens on the page named in the URL, as after a reload', async () => {
    history.replaceState(null, '', '?page=5');
    const el = await list();
    expect(titles(el)).to.deep.equal(['第3篇', '第2篇', '第1篇']);
    expect(pageLinks(el).map((a) => a.textContent!.trim()).pop()).to.equal('5');
  });

  it('shortens the page bar of a long blog with gaps', async () => {
    history.replaceState(null, '', '?page=10');
    const many = Array.from({ length: 200 }, (_, i) => ({ ...posts[0], id: `m${i}`, url: `/m/${i}` }));
    const el = await list(html`<post-list lang="en" .posts=${many} page-size="10"></post-list>`);
    expect(pageLinks(el).map((a) => a.textContent!.trim())).to.deep.equal(['← Previous', '1', '8', '9', '10', '11', '12', '20', 'Next →']);
    expect(el.shadowRoot!.querySelectorAll('.gap')).to.have.length(2);
  });

  it('reads a JSON Feed, skipping and reporting the invalid item', async () => {
    const el = await fixture<PostListElement>(html`<post-list lang="en" src="/tests/elements/post-list/fixtures/feed.json" page-size="10"></post-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('post-card'), 'feed never rendered');
    expect(el.shadowRoot!.querySelectorAll('post-card')).to.have.length(10);
    expect(el.errors).to.have.length(1);
    expect(el.errors[0].message).to.match(/^item 4: date_published/);
    expect(pageLinks(el).map((a) => a.textContent!.trim())).to.include('3');
  });

  it('says so when there are no posts', async () => {
    const el = await fixture<PostListElement>(html`<post-list lang="zh" src="/tests/elements/post-list/fixtures/empty.json"></post-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="empty"]'));
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('还没有文章。');
  });

  it('shows a loading message while the feed is on its way', async () => {
    const realFetch = window.fetch;
    window.fetch = () => new Promise<Response>(() => {});
    try {
      const el = await fixture<PostListElement>(html`<post-list lang="zh" src="/feed.json"></post-list>`);
      const status = el.shadowRoot!.querySelector('[part="status"]')!;
      expect(status.textContent).to.equal('正在加载…');
      expect(status.getAttribute('role')).to.equal('status');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('shows an error naming the feed that failed, and the fallback content', async () => {
    const el = await fixture<PostListElement>(html`<post-list lang="en" src="/tests/elements/post-list/fixtures/missing.json"><a href="/archive">Archive</a></post-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'));
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('missing.json');
    expect(el.shadowRoot!.querySelector('slot')!.assignedElements()[0].textContent).to.equal('Archive');
  });
});

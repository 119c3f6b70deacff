import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/series-nav.js';
import type { Post } from '../../../src/core/post.js';
import type { SeriesNavElement } from '../../../src/series-nav.js';

const post = (n: number, series?: Post['series'], title = `第${n}篇`): Post => ({
  id: `p${n}`,
  url: `/archives/${n}`,
  title,
  date: `2024-01-${String(n).padStart(2, '0')}`,
  authors: [],
  tags: [],
  series,
});

// Deliberately out of order, with a post of another series and one of none.
const posts = [
  post(3, { name: '微积分学习', index: 3 }),
  post(1, { name: '微积分学习', index: 1 }),
  post(9, { name: '方程与宇宙', index: 1 }),
  post(2, { name: '微积分学习', index: 2 }),
  post(7),
];

const links = (el: SeriesNavElement) => [...el.shadowRoot!.querySelectorAll('[part="list"] a')].map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('aria-current')]);
const part = (el: SeriesNavElement, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`);

describe('series-nav', () => {
  it('lists the series of the current post in order and marks the current one', async () => {
    const el = await fixture<SeriesNavElement>(html`<series-nav lang="zh" .posts=${posts} current="/archives/2"></series-nav>`);
    expect(part(el, 'title')!.textContent).to.equal('系列：微积分学习');
    expect(links(el)).to.deep.equal([
      ['第1篇', '/archives/1', null],
      ['第2篇', '/archives/2', 'page'],
      ['第3篇', '/archives/3', null],
    ]);
  });

  it('links the previous and next posts in the page language', async () => {
    const el = await fixture<SeriesNavElement>(html`<series-nav lang="en" .posts=${posts} current="/archives/2"></series-nav>`);
    expect(part(el, 'previous')!.textContent).to.equal('← Previous: 第1篇');
    expect(part(el, 'previous')!.getAttribute('rel')).to.equal('prev');
    expect(part(el, 'next')!.textContent).to.equal('Next: 第3篇 →');
    expect(part(el, 'next')!.getAttribute('href')).to.equal('/archives/3');
  });

  it('has no previous link on the first post and no next link on the last', async () => {
    const first = await fixture<SeriesNavElement>(html`<series-nav .posts=${posts} current="/archives/1"></series-nav>`);
    expect(part(first, 'previous')).to.not.exist;
    expect(part(first, 'next')).to.exist;
    const last = await fixture<SeriesNavElement>(html`<series-nav .posts=${posts} current="p3"></series-nav>`);
    expect(part(last, 'next')).to.not.exist;
  });

  it('matches the current post by path when the feed has absolute URLs', async () => {
    const absolute = posts.map((p) => ({ ...p, url: `https://blog.example${p.url}` }));
    const el = await fixture<SeriesNavElement>(html`<series-nav .posts=${absolute} current="/archives/3"></series-nav>`);
    expect(links(el).map(([, , current]) => current)).to.deep.equal([null, null, 'page']);
  });

  it('reads a hand-written series from its child links', async () => {
    const el = await fixture<SeriesNavElement>(html`<series-nav lang="en" series="Calculus" current="/c/2">
      <a href="/c/1">Limits</a>
      <a href="/c/2">Derivatives</a>
    </series-nav>`);
    expect(links(el)).to.deep.equal([
      ['Limits', '/c/1', null],
      ['Derivatives', '/c/2', 'page'],
    ]);
    expect(part(el, 'previous')!.textContent).to.equal('← Previous: Limits');
  });

  it('shows its children as they are when it has no series to show', async () => {
    const el = await fixture<SeriesNavElement>(html`<series-nav .posts=${posts} current="/archives/7"><p>No series</p></series-nav>`);
    expect(el.shadowRoot!.querySelector('nav')).to.not.exist;
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
  });
});

describe('series-nav on a site that tells posts apart by query', () => {
  it('matches the current post by path and query, not path alone', async () => {
    const byQuery = posts.map((p) => ({ ...p, url: `https://blog.example/article.html?post=${p.id}` }));
    const el = await fixture<SeriesNavElement>(html`<series-nav .posts=${byQuery} current="/article.html?post=p2"></series-nav>`);
    expect(links(el).map(([, , current]) => current)).to.deep.equal([null, 'page', null]);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/post-card.js';
import type { Post } from '../../../src/core/post.js';
import type { PostCardElement } from '../../../src/post-card.js';

const post: Post = {
  id: 'p1',
  url: '/archives/10001',
  title: '从最大熵到Softmax',
  date: '2024-03-29',
  authors: [{ name: '林知远' }],
  tags: [],
  readers: 12873,
  summary: '设有$n$个类别，分数为$s_i$。<!--more-->后文很长。',
};

const part = (el: PostCardElement, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`)!;
const excerptOf = (el: PostCardElement) => part(el, 'excerpt').shadowRoot!;

async function card(template: ReturnType<typeof html>): Promise<PostCardElement> {
  const host = await fixture<HTMLElement>(template);
  const el = host.localName === 'post-card' ? (host as PostCardElement) : host.querySelector('post-card')!;
  await el.updateComplete;
  await (part(el, 'excerpt') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

describe('post-card', () => {
  it('shows the date badge, title link, byline, excerpt with math and read more in Chinese', async () => {
    const el = await card(html`<div lang="zh-CN"><post-card .post=${post}></post-card></div>`);
    expect(part(el, 'badge-day').textContent).to.equal('29');
    expect(part(el, 'badge-month').textContent).to.equal('3月');
    expect(part(el, 'badge').querySelector('.visually-hidden')!.textContent).to.equal('3月29日');
    expect(part(el, 'title-link').textContent).to.equal('从最大熵到Softmax');
    expect(part(el, 'title-link').getAttribute('href')).to.equal('/archives/10001');
    expect(part(el, 'meta').shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('林知远 | 2024-03-29 | 12873位读者');
    const excerpt = excerptOf(el);
    expect(excerpt.querySelectorAll('.katex')).to.have.length(2);
    expect(excerpt.textContent).to.not.contain('后文很长');
    expect(excerpt.querySelector('[part="read-more"]')!.textContent).to.equal('点击阅读全文...');
    expect(excerpt.querySelector('[part="read-more"]')!.getAttribute('href')).to.equal('/archives/10001');
  });

  it('shows the badge and read more in English', async () => {
    const el = await card(html`<div lang="en"><post-card .post=${post}></post-card></div>`);
    expect(part(el, 'badge-month').textContent).to.equal('Mar');
    expect(part(el, 'badge').querySelector('.visually-hidden')!.textContent).to.equal('29 Mar');
    expect(excerptOf(el).querySelector('[part="read-more"]')!.textContent).to.equal('Read more…');
  });

  it('works written by hand, with math in the excerpt rendered', async () => {
    const el = await card(html`<post-card lang="en" href="/archives/7" title="Hand-written" date="2024-09-06" author="Ada" readers="59659">An excerpt with $x^2$ math.</post-card>`);
    expect(part(el, 'title-link').getAttribute('href')).to.equal('/archives/7');
    expect(part(el, 'title-link').textContent).to.equal('Hand-written');
    expect(part(el, 'badge-day').textContent).to.equal('6');
    expect(part(el, 'meta').shadowRoot!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Ada | September 6, 2024 | 59,659 readers');
    const excerpt = excerptOf(el);
    expect(excerpt.querySelector('.katex annotation')!.textContent).to.equal('x^2');
    expect(excerpt.textContent).to.contain('An excerpt with');
  });

  it('has slots for an image and for actions', async () => {
    const el = await card(html`<post-card .post=${post}><img slot="image" alt="cover" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /><a slot="actions" href="#c">Comments</a></post-card>`);
    const slots = [...el.shadowRoot!.querySelectorAll('slot')].map((slot) => [slot.name, slot.assignedElements().map((e) => e.localName)]);
    expect(slots).to.deep.equal([
      ['image', ['img']],
      ['actions', ['a']],
    ]);
    // Slotted children are not part of the excerpt.
    expect(excerptOf(el).textContent).to.not.contain('Comments');
  });

  it('shows a placeholder title and no badge when the post lacks them', async () => {
    const el = await card(html`<post-card lang="en" .post=${{ ...post, title: '', date: '' }}></post-card>`);
    expect(part(el, 'title').textContent!.trim()).to.equal('Untitled');
    expect(el.shadowRoot!.querySelector('[part="badge"]')).to.not.exist;
  });

  it('shows a post’s citations in its excerpt as the numbers the post gives them, never as TeX, and an author–year key in small capitals', async () => {
    const cited = {
      ...post,
      summary: String.raw`Attention \cite{vaswani2017} replaced recurrence [@bahdanau2014; @vaswani2017, p. 5], as \citet{graves2013} foresaw.`,
    };
    const el = await card(html`<post-card lang="en" .post=${cited}></post-card>`);
    const content = excerptOf(el).querySelector('[part="content"]')!;
    expect(content.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Attention [1] replaced recurrence [2; 1, p. 5], as [3] foresaw.');
    expect([...content.querySelectorAll('.sb-cite')].map((cite) => cite.textContent)).to.deep.equal(['[1]', '[2; 1, p. 5]', '[3]']);
    expect(content.querySelector('.sb-cite a'), 'no link to a list the card does not have').to.not.exist;

    const authorYear = { ...post, summary: `---\ncitation-style: author-year\n---\nAttention [@vaswani2017] replaced recurrence.` };
    const other = await card(html`<post-card lang="en" .post=${authorYear}></post-card>`);
    const key = excerptOf(other).querySelector('.sb-cite-key')!;
    expect(key.textContent).to.equal('vaswani2017');
    expect(getComputedStyle(key).fontVariantCaps).to.equal('small-caps');
  });
});

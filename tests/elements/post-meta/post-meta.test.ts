import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/post-cite.js';
import '../../../src/post-meta.js';
import type { Post } from '../../../src/core/post.js';
import type { PostMetaElement } from '../../../src/post-meta.js';

const post: Post = {
  id: 'https://example.org/archives/10352',
  url: 'https://example.org/archives/10352',
  title: '位置编码',
  date: '2024-09-06',
  authors: [{ name: '林知远', url: 'https://example.org/about' }],
  tags: [],
  readers: 59659,
};

const text = (el: PostMetaElement) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const part = (el: PostMetaElement, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`);

describe('post-meta', () => {
  it('shows author | date | readers | cite in Chinese the way 科学空间 does', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="zh-CN"><post-meta .post=${post} cite-href="#cite"></post-meta></div>`);
    const el = host.querySelector('post-meta')!;
    await el.updateComplete;
    expect(text(el)).to.equal('林知远 | 2024-09-06 | 59659位读者 | 引用');
    expect(part(el, 'date')!.getAttribute('datetime')).to.equal('2024-09-06');
    expect(part(el, 'author')!.getAttribute('href')).to.equal('https://example.org/about');
  });

  it('spells the date and groups the count in English', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en"><post-meta .post=${post}></post-meta></div>`);
    const el = host.querySelector('post-meta')!;
    await el.updateComplete;
    expect(text(el)).to.equal('林知远 | September 6, 2024 | 59,659 readers');
  });

  it('takes hand-written attributes, which win over the post object', async () => {
    const el = await fixture<PostMetaElement>(html`<post-meta lang="en" .post=${post} author="Ada" date="2023-01-02" readers="1"></post-meta>`);
    expect(text(el)).to.equal('Ada | January 2, 2023 | 1 reader');
    expect(part(el, 'author')!.localName).to.equal('span');
  });

  it('leaves out what it does not know, and shows a date it cannot read as written', async () => {
    const el = await fixture<PostMetaElement>(html`<post-meta lang="en" date="last spring" readers="many"></post-meta>`);
    expect(text(el)).to.equal('last spring');
    expect(part(el, 'date')!.hasAttribute('datetime')).to.be.false;
  });

  it('shows the post-cite it links to when cite is clicked', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en">
      <post-meta .post=${post} cite-href="#cite"></post-meta>
      <div style="height: 3000px"></div>
      <post-cite id="cite" .post=${post}></post-cite>
    </div>`);
    const meta = host.querySelector('post-meta')!;
    const cite = host.querySelector('post-cite')!;
    await meta.updateComplete;
    await cite.updateComplete;
    (part(meta, 'cite') as HTMLElement).click();
    expect(cite.shadowRoot!.activeElement).to.equal(cite.shadowRoot!.querySelector('[part="title"]'));
    const { top, bottom } = cite.getBoundingClientRect();
    expect(top).to.be.lessThan(window.innerHeight);
    expect(bottom).to.be.greaterThan(0);
    window.scrollTo(0, 0);
  });
});

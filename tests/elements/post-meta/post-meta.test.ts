import { expect, fixture, html, waitUntil } from '@open-wc/testing';
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

  describe('comment count', () => {
    it("shows the post's comment count from the feed as a link to its comments, in zh and en", async () => {
      const zh = await fixture<PostMetaElement>(html`<post-meta lang="zh" .post=${{ ...post, comments: 1234 }}></post-meta>`);
      expect(text(zh)).to.equal('林知远 | 2024-09-06 | 59659位读者 | 1,234 条评论');
      expect(part(zh, 'comments')!.getAttribute('href')).to.equal('https://example.org/archives/10352#comments');
      const en = await fixture<PostMetaElement>(html`<post-meta lang="en" .post=${{ ...post, comments: 1 }}></post-meta>`);
      expect(part(en, 'comments')!.textContent).to.equal('1 comment');
      const none = await fixture<PostMetaElement>(html`<post-meta lang="en" comments="0" date="2024-01-01"></post-meta>`);
      expect(text(none)).to.equal('January 1, 2024 | No comments');
      expect(part(none, 'comments')!.getAttribute('href'), 'on the post itself, the page’s own comments').to.equal('#comments');
    });

    it('shows no comment item when nothing says how many there are', async () => {
      const el = await fixture<PostMetaElement>(html`<post-meta lang="en" .post=${post}></post-meta>`);
      expect(part(el, 'comments')).to.be.null;
    });

    it("asks a comment backend for the post's count, keyed by its path, and shows the answer", async () => {
      const asked: string[][] = [];
      const backend = {
        count: async (posts: readonly string[]) => (asked.push([...posts]), { ok: true as const, value: posts.map(() => 42) }),
      } as unknown as PostMetaElement['commentBackend'];
      const el = await fixture<PostMetaElement>(html`<post-meta lang="en" .post=${{ ...post, comments: 3 }} .commentBackend=${backend}></post-meta>`);
      await waitUntil(() => part(el, 'comments')!.textContent === '42 comments', 'the server count replaces the feed');
      expect(asked).to.deep.equal([['/archives/10352']]);
    });
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/post-list.js';
import type { Post } from '../../../src/core/post.js';
import type { PostListElement } from '../../../src/post-list.js';

// A file of its own: the page has not loaded markdown-it and KaTeX yet when it starts,
// as on a reader's first visit.

const posts: Post[] = Array.from({ length: 3 }, (_, i) => ({
  id: `p${i}`,
  url: `/archives/${i}`,
  title: `Post ${i}`,
  date: '2024-02-01',
  authors: [],
  tags: [],
  summary: `An excerpt with $\\sum_{k=1}^{${i + 2}} k^2$ and more words that wrap onto a second line of the card.`,
}));

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('post-list, while the excerpts\' renderers load', () => {
  it('keeps its room and shows no card until the excerpts can be shown typeset, so no card grows after it appears', async function () {
    // The renderers load cold here, through the test server's transform: slow on a busy machine.
    this.timeout(60_000);
    // Not open-wc's fixture(): it waits for updateComplete, which waits for the renderers.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('post-list') as PostListElement;
    el.lang = 'en';
    el.posts = posts;
    host.append(el);
    await nextFrame();
    const firstFrame = el.shadowRoot!.querySelector('[part="status"]')?.textContent;
    const reservedHeight = el.getBoundingClientRect().height;
    // Every frame until each card's excerpt is typeset: how many cards showed their excerpt as plain text.
    let plainExcerpts = 0;
    const excerpts = () => [...el.shadowRoot!.querySelectorAll('post-card')].map((card) => card.shadowRoot?.querySelector('post-excerpt')?.shadowRoot);
    while (!(excerpts().length === posts.length && excerpts().every((root) => root?.querySelector('.katex')))) {
      plainExcerpts += excerpts().filter((root) => root?.querySelector('[aria-busy="true"]')).length;
      await nextFrame();
    }
    await el.updateComplete;
    expect(firstFrame).to.equal('Loading…');
    expect(reservedHeight).to.equal(innerHeight, 'the room kept is --sb-post-list-reserved-height, 100vh');
    expect(plainExcerpts).to.equal(0);
  });
});

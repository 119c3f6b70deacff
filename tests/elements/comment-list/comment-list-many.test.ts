import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../../src/comment-list.js';
import type { CommentListElement } from '../../../src/comment-list.js';

// A thread of 10 000 comments: the page gets a window of them and a button
// for more, not 10 000 rendered bodies at once.

const many = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    author: `Reader ${i + 1}`,
    date: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    body: `Comment ${i + 1}: $x_{${i + 1}}^2$`,
  }));

const comments = (el: CommentListElement) => el.shadowRoot!.querySelectorAll('[part="comment"]');
const moreButton = (el: CommentListElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more-button"]');

async function list(n: number, attributes = ''): Promise<CommentListElement> {
  const host = await fixture<HTMLDivElement>(`<div lang="en"><comment-list ${attributes}></comment-list></div>`);
  const el = host.querySelector('comment-list')!;
  el.comments = many(n);
  await el.updateComplete;
  return el;
}

describe('comment-list with 10 000 comments', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('shows the first 50 and a button for more that says how many remain', async () => {
    const el = await list(10_000);
    expect(comments(el).length).to.equal(50);
    expect(moreButton(el)!.textContent!.trim()).to.equal('Show more comments (9,950 more)');
    moreButton(el)!.click();
    await el.updateComplete;
    expect(comments(el).length).to.equal(100);
    expect(comments(el)[99].textContent).to.contain('Reader 100');
    expect(moreButton(el)!.textContent).to.contain('9,900 more');
  });

  it('shows every comment and no button when they fit in the window', async () => {
    const el = await list(30, 'window="30"');
    expect(comments(el).length).to.equal(30);
    expect(moreButton(el)).to.equal(null);
  });

  it('opens at the comment a #comment-ID link points to, far down the thread, with the 50 around it', async () => {
    history.replaceState(null, '', '#comment-9020');
    const el = await list(10_000);
    const linked = el.shadowRoot!.getElementById('comment-9020')!;
    expect(linked, 'the linked comment is shown').to.exist;
    expect(comments(el).length).to.equal(50);
    expect(comments(el)[0].textContent).to.contain('Reader 9001');
    await waitUntil(() => {
      const { top, bottom } = linked.getBoundingClientRect();
      return top >= 0 && bottom <= innerHeight;
    }, 'scrolled into view');
    const earlier = el.shadowRoot!.querySelector<HTMLButtonElement>('.earlier')!;
    expect(earlier.textContent!.trim()).to.equal('Show earlier comments (9,000 before)');
    earlier.click();
    await el.updateComplete;
    expect(comments(el).length).to.equal(100);
    expect(comments(el)[0].textContent).to.contain('Reader 8951');
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/comment-list.js';
import type { CommentListElement, CommentReplyEvent } from '../../../src/comment-list.js';

const comments = [
  { id: '1', author: 'Ada', url: 'https://ada.example', date: '2024-01-01', body: 'Is $\\sum_i p_i = 1$ needed?', post: { title: 'Softmax', url: '/p/softmax' } },
  { id: '2', parent: '1', author: 'Bo', url: 'javascript:alert(1)', date: '2024-01-02', body: 'Yes, **always**.', post: { title: 'Softmax', url: '/p/softmax' } },
  { id: '3', parent: '2', author: 'Cy', date: '2024-01-03', body: 'Level three' },
  { id: '4', parent: '3', author: 'Di', date: '2024-01-04', body: 'Level four' },
  { id: '5', parent: '4', author: 'Ed', date: '2024-01-05', body: 'Level five' },
];

const articles = (el: CommentListElement) => [...el.shadowRoot!.querySelectorAll('[part="comment"]')];
const depthOf = (article: Element) => {
  let depth = 0;
  for (let node: Element | null = article; node; node = node.parentElement) if (node.getAttribute('part') === 'replies') depth++;
  return depth;
};

describe('comment-list', () => {
  it('shows each comment with its author, date and rendered math, replies nested', async () => {
    const el = await fixture<CommentListElement>(html`<comment-list lang="en" .comments=${comments}></comment-list>`);
    const [first, second] = articles(el);
    expect(first.querySelector('[part="author"]')!.getAttribute('href')).to.equal('https://ada.example');
    expect(first.querySelector('[part="date"]')!.textContent).to.equal('January 1, 2024');
    expect(first.querySelector('[part="body"] annotation')!.textContent).to.equal('\\sum_i p_i = 1');
    expect(second.querySelector('[part="body"] strong')!.textContent).to.equal('always');
    // max-depth 3: top level and two levels of replies; deeper replies line up with the third.
    expect(articles(el).map(depthOf)).to.deep.equal([0, 1, 2, 2, 2]);
  });

  it("shows a visitor's picture only when the site sets images: otherwise it stays a link and nothing is fetched", async () => {
    const picture = [{ id: 'p', author: 'Ada', date: '2024-01-01', body: '![cat](https://example.org/cat.png)' }];
    const off = await fixture<CommentListElement>(html`<comment-list .comments=${picture}></comment-list>`);
    await off.updateComplete;
    const body = off.shadowRoot!.querySelector('[part="body"]')!;
    expect(body.querySelector('img')).to.equal(null);
    expect(body.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/cat.png');
    const on = await fixture<CommentListElement>(html`<comment-list images .comments=${picture}></comment-list>`);
    await on.updateComplete;
    expect(on.shadowRoot!.querySelector('[part="body"] img')!.getAttribute('src')).to.equal('https://example.org/cat.png');
  });

  it('does not link an author whose website is not http(s)', async () => {
    const el = await fixture<CommentListElement>(html`<comment-list .comments=${comments}></comment-list>`);
    const bo = articles(el)[1].querySelector('[part="author"]')!;
    expect(bo.localName).to.equal('span');
    expect(el.shadowRoot!.querySelector('[href^="javascript"]')).to.not.exist;
  });

  it('fires comment-reply with the comment when Reply is pressed', async () => {
    const el = await fixture<CommentListElement>(html`<comment-list lang="zh" .comments=${comments}></comment-list>`);
    const button = articles(el)[1].querySelector<HTMLButtonElement>('[part="reply-button"]')!;
    expect(button.textContent!.trim()).to.equal('回复');
    expect(button.getAttribute('aria-label')).to.equal('回复Bo');
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'comment-reply')) as CommentReplyEvent;
    expect(event.comment.id).to.equal('2');
    expect(event.composed).to.be.true;
  });

  it('shows the recent variant as one line per comment, newest first, with its post', async () => {
    const el = await fixture<CommentListElement>(html`<comment-list lang="zh" variant="recent" limit="2" .comments=${comments}></comment-list>`);
    const lines = [...el.shadowRoot!.querySelectorAll('[part="comment"]')];
    expect(lines.map((line) => line.querySelector('[part="author"]')!.textContent)).to.deep.equal(['Ed', 'Di']);
    const ada = await fixture<CommentListElement>(html`<comment-list lang="zh" variant="recent" .comments=${[comments[0]]}></comment-list>`);
    const line = ada.shadowRoot!.querySelector('[part="comment"]')!;
    expect(line.querySelector('[part="excerpt"] .katex')).to.exist;
    expect(line.querySelector('[part="post-link"]')!.textContent).to.equal('《Softmax》');
    expect(line.querySelector('[part="post-link"]')!.getAttribute('href')).to.equal('/p/softmax');
  });

  it('keeps a display formula in a recent comment to the height of a line of text', async () => {
    const body = 'Since $$\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6},$$ the series converges.';
    const el = await fixture<CommentListElement>(html`<div style="width: 15rem"><comment-list lang="en" variant="recent" .comments=${[
      { id: 'f', author: 'Fe', date: '2024-01-06', body, post: { title: 'Basel', url: '/p/basel' } },
      { id: 't', author: 'Ty', date: '2024-01-05', body: 'Plain words only.', post: { title: 'Basel', url: '/p/basel' } },
    ]}></comment-list></div>`).then((wrapper) => wrapper.querySelector('comment-list')!);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="excerpt"] .katex-html'), 'the formula was never typeset');
    const [withFormula, plain] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.line')].map((line) => line.getBoundingClientRect().height);
    expect(withFormula).to.be.above(0);
    // One line, or at most a second one's worth for the fraction: not the three of a display-style sum.
    expect(withFormula).to.be.at.most(plain * 1.5);
    const sum = el.shadowRoot!.querySelector<HTMLElement>('[part="excerpt"] .katex-html')!.getBoundingClientRect().height;
    expect(sum).to.be.at.most(plain * 1.5);
  });

  it('says what is wrong with the data in its language', async () => {
    const el = await fixture<CommentListElement>(html`<comment-list lang="zh" .comments=${{ a: 1 } as never}></comment-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error shown');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal('评论数据不是列表（而是 object）');
    el.strings = { errors: { 'comments-not-list': ({ got }) => `需要一个列表，不是 ${got}` } };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal('需要一个列表，不是 object');
    expect(el.errors[0].message).to.equal('comments are not a list (got object)');
  });

  it('loads comments from src, reporting and skipping the bad record', async () => {
    const el = await fixture<CommentListElement>(html`<comment-list lang="zh" src="/tests/elements/comment-list/fixtures/comments.json"></comment-list>`);
    await waitUntil(() => articles(el).length === 2, 'comments never rendered');
    expect(el.errors.map((e) => e.message)).to.deep.equal(['comment 3: has no author']);
    expect(articles(el)[0].querySelector('[part="date"]')!.textContent).to.equal('2024年9月7日');
  });

  it('shows the empty, loading and error states', async () => {
    const empty = await fixture<CommentListElement>(html`<comment-list lang="zh" .comments=${[]}></comment-list>`);
    expect(empty.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.equal('还没有评论。');

    const realFetch = window.fetch;
    window.fetch = () => new Promise<Response>(() => {});
    try {
      const loading = await fixture<CommentListElement>(html`<comment-list lang="en" src="/c.json"></comment-list>`);
      expect(loading.shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal('Loading…');
    } finally {
      window.fetch = realFetch;
    }

    const missing = await fixture<CommentListElement>(html`<comment-list lang="en" src="/tests/elements/comment-list/fixtures/missing.json"></comment-list>`);
    await waitUntil(() => missing.shadowRoot!.querySelector('[part="error"]'));
    expect(missing.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('missing.json');
  });

  it('says clearly when the data is not a list of comments', async () => {
    const el = await fixture<CommentListElement>(html`<comment-list lang="en" .comments=${{ not: 'a list' } as unknown as unknown[]}></comment-list>`);
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal('comments are not a list (got object)');
  });

  it('shows a notice instead of a comment over the length limit, and the others still render', async () => {
    const huge = { id: 'h', author: 'Big', date: '2024-01-06', body: '$x$'.repeat(400_000) };
    const el = await fixture<CommentListElement>(html`<comment-list lang="en" .comments=${[comments[0], huge]}></comment-list>`);
    expect(articles(el)[1].querySelector('.refused')!.textContent).to.equal('This comment is too long to show.');
    expect(articles(el)[0].querySelector('.katex')).to.exist;
  });
});

import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/comment-list.js';
import '../../../src/post-body.js';
import type { CommentListElement } from '../../../src/comment-list.js';
import type { PostBodyElement } from '../../../src/post-body.js';

// `<comment-list for="post">`: a comment's \eqref reaches the post's equations.

/** A post whose labelled equation (1) is far down, after a long stretch of text with formulas. */
const filler = Array.from({ length: 150 }, (_, i) => `Paragraph ${i} with $x_{${i}}$ in it.`).join('\n\n');
const post = `$$\\begin{equation}E = mc^2 \\label{a}\\end{equation}$$\n\n${filler}\n\n$$\\begin{equation}\\zeta(s) = \\sum_n n^{-s} \\label{far}\\end{equation}$$\n\nThe end.`;

const comments = [
  { id: '1', author: 'Ada', date: '2024-01-01', body: 'By \\eqref{a} and $\\eqref{far}$, and \\eqref{nowhere}.' },
  { id: '2', author: 'Bob', date: '2024-01-02', body: '$$\\begin{equation}y = 2 \\label{a}\\end{equation}$$\n\nMy own \\eqref{a}.' },
];

const bodyOf = (list: CommentListElement, id: string) => list.shadowRoot!.querySelector(`#comment-${id} [part="body"]`)!;
const contentOf = (el: PostBodyElement) => el.shadowRoot!.querySelector('[part="content"]')!;
const links = (body: Element) => [...body.querySelectorAll('a[href^="#"]')] as HTMLAnchorElement[];

async function page(order: 'post first' | 'list first') {
  const root = await fixture<HTMLElement>(`<div><comment-list lang="en" for="the-post"></comment-list><div style="height: 200px"></div><post-body id="the-post" lang="en"></post-body></div>`);
  const list = root.querySelector('comment-list')!;
  const postBody = root.querySelector('post-body')!;
  const rendered = oneEvent(postBody, 'post-rendered');
  if (order === 'post first') {
    postBody.markdown = post;
    await rendered;
    list.comments = comments;
  } else {
    list.comments = comments;
    await list.updateComplete;
    await waitUntil(() => bodyOf(list, '1')?.querySelector('.sb-eqref'), 'the comments did not render', { timeout: 5000 });
    // Before the post is there, every reference is unknown.
    expect(links(bodyOf(list, '1'))).to.have.length(0);
    expect(bodyOf(list, '1').querySelectorAll('.sb-eqref-unknown')).to.have.length(3);
    postBody.markdown = post;
    await rendered;
  }
  await list.updateComplete;
  return { list, postBody };
}

describe('comment-list for a post-body', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    window.scrollTo(0, 0);
  });

  for (const order of ['post first', 'list first'] as const) {
    it(`links \\eqref in a comment to the post's equation, with its number (${order})`, async () => {
      const { list } = await page(order);
      const [first, far] = links(bodyOf(list, '1'));
      expect(first.textContent).to.equal('(1)');
      expect(first.getAttribute('href')).to.equal('#eq-a');
      expect(far.textContent).to.equal('(2)');
      expect(far.getAttribute('href')).to.equal('#eq-far');
    });
  }

  it('leaves an unknown label as (??)', async () => {
    const { list } = await page('post first');
    const body = bodyOf(list, '1');
    expect(links(body)).to.have.length(2);
    const unknown = body.querySelectorAll('.sb-eqref-unknown');
    expect(unknown).to.have.length(1);
    expect(unknown[0].textContent).to.equal('(??)');
    expect(unknown[0].getAttribute('title')).to.equal('nowhere');
  });

  it('keeps a label the comment defines itself inside the comment', async () => {
    const { list } = await page('post first');
    const [own] = links(bodyOf(list, '2'));
    expect(own.textContent).to.equal('(1)');
    expect(own.getAttribute('href')!.startsWith('#c-2-'), own.getAttribute('href')!).to.equal(true);
    expect(list.shadowRoot!.getElementById(decodeURIComponent(own.getAttribute('href')!.slice(1)))).to.exist;
  });

  it('scrolls the post to the equation, typeset, when the link is clicked', async () => {
    const { list, postBody } = await page('list first');
    const equation = contentOf(postBody).querySelector('#eq-far')!;
    expect(equation.getBoundingClientRect().top, 'the equation starts off screen').to.be.greaterThan(innerHeight);
    expect(equation.querySelector('.katex'), 'and not yet typeset').to.equal(null);
    links(bodyOf(list, '1'))[1].click();
    await waitUntil(() => {
      const { top, bottom } = equation.getBoundingClientRect();
      return top >= 0 && bottom <= innerHeight;
    }, 'the equation did not scroll into view');
    expect(equation.querySelector('.katex-tag')!.textContent).to.contain('(2)');
    expect(list.getBoundingClientRect().bottom, 'the post scrolled, not the list').to.be.below(0);
  });
});

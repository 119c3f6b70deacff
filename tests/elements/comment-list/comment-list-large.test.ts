import { expect, fixture } from '@open-wc/testing';
import '../../../src/comment-list.js';
import type { CommentListElement } from '../../../src/comment-list.js';

// Many long comments full of math: the page paints before they are all
// typeset, each shows its source meanwhile, and every one is typeset in the end.
// And a new list of comments renders only the comments that changed.

/** A comment of about `length` characters, one formula in each paragraph of about 200. */
function longBody(id: number, length: number): string {
  let body = '';
  for (let k = 0; body.length < length; k++) {
    body += `Paragraph ${k} of comment ${id}: the bound $\\alpha_{${id},${k}} \\le \\frac{1}{${k + 1}}$ holds, and the words after it fill the line up to the length of a paragraph.\n\n`;
  }
  return body;
}

const formulasIn = (body: string) => body.match(/\$/g)!.length / 2;

const record = (id: number, body: string, parent?: number) => ({
  id: String(id),
  author: `Reader ${id}`,
  date: new Date(Date.UTC(2024, 0, 1) + id * 60_000).toISOString(),
  body,
  ...(parent === undefined ? {} : { parent: String(parent) }),
});

const bodyOf = (el: CommentListElement, id: string) => el.shadowRoot!.getElementById(`comment-${id}`)!.querySelector('[part="body"]')!;
const typesetBodies = (el: CommentListElement) => [...el.shadowRoot!.querySelectorAll('[part="body"]')].filter((body) => body.querySelector('.katex'));
/** Resolves in the next animation frame: after the update that setting `comments` queued, before that update is painted. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** A list that has rendered once, so the math renderers are loaded before the comments under test arrive. */
async function warmList(attributes = ''): Promise<CommentListElement> {
  const host = await fixture<HTMLDivElement>(`<div lang="en"><comment-list ${attributes}></comment-list></div>`);
  const el = host.querySelector('comment-list')!;
  el.comments = [record(0, 'Warm-up: $w$')];
  await el.updateComplete;
  expect(typesetBodies(el)).to.have.length(1);
  return el;
}

describe('comment-list with many large comments', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('paints before every long comment is typeset, shows the others as their source, and typesets them all after', async () => {
    const el = await warmList();
    const large = Array.from({ length: 20 }, (_, i) => record(i + 1, longBody(i + 1, 2500)));
    el.comments = large;
    await nextFrame();
    const atFirstPaint = typesetBodies(el).length;
    expect(atFirstPaint, 'bodies typeset before the first paint').to.be.at.most(3);
    // The last comment is not typeset yet: its text is there as written, for the reader and for find-in-page.
    const last = bodyOf(el, '20');
    expect(last.querySelector('.katex')).to.equal(null);
    expect(last.textContent).to.contain('Paragraph 0 of comment 20: the bound $\\alpha_{20,0} \\le \\frac{1}{1}$ holds');
    await el.updateComplete;
    expect(typesetBodies(el)).to.have.length(20);
    for (const { id, body } of large) {
      expect(bodyOf(el, id).querySelectorAll('.katex'), `formulas of comment ${id}`).to.have.length(formulasIn(body));
      expect(bodyOf(el, id).textContent).to.not.contain('$');
    }
  });

  it('typesets a thread of short comments whole before its first paint', async () => {
    const el = await warmList();
    el.comments = Array.from({ length: 50 }, (_, i) => record(i + 1, `Short comment ${i + 1}: $x_{${i + 1}}^2$.`));
    await nextFrame();
    expect(typesetBodies(el)).to.have.length(50);
  });

  it('scrolls a #comment-ID link to that comment once it and the ones above it are typeset, so that it stays there', async () => {
    history.replaceState(null, '', '#comment-15');
    const el = await warmList();
    let typesetWhenScrolled: boolean | undefined;
    const typesetUpTo15 = () => Array.from({ length: 15 }, (_, i) => bodyOf(el, String(i + 1))).every((body) => body.querySelector('.katex'));
    const onScroll = () => (typesetWhenScrolled ??= typesetUpTo15());
    addEventListener('scroll', onScroll);
    try {
      el.comments = Array.from({ length: 20 }, (_, i) => record(i + 1, longBody(i + 1, 4000)));
      await nextFrame();
      expect(typesetBodies(el).length, 'bodies typeset before the first paint').to.be.below(20);
      await el.updateComplete;
      await nextFrame();
    } finally {
      removeEventListener('scroll', onScroll);
    }
    expect(typesetWhenScrolled, 'the page scrolled, once comments 1 to 15 were typeset').to.equal(true);
    expect(typesetBodies(el)).to.have.length(20);
    const linked = el.shadowRoot!.getElementById('comment-15')!;
    expect(bodyOf(el, '1').getBoundingClientRect().bottom, 'the comments above it are far above').to.be.below(0);
    expect(Math.abs(linked.getBoundingClientRect().top), 'the linked comment is at the top of the window').to.be.below(2);
  });

  it('keeps the rendered bodies of unchanged comments when a comment is added, even one between others', async () => {
    const el = await warmList();
    const thread = Array.from({ length: 40 }, (_, i) => record(i + 1, `Comment ${i + 1}: $y_{${i + 1}}$ and **bold**.`));
    el.comments = thread;
    await el.updateComplete;
    const before = new Map(thread.map(({ id }) => [id, bodyOf(el, id).firstElementChild]));
    // A reply under the third comment; a comment approved late, dated between the fifth and the sixth; a new comment at the end.
    const approvedLate = { ...record(52, 'Approved late: $q$'), date: new Date(Date.UTC(2024, 0, 1) + 5.5 * 60_000).toISOString() };
    el.comments = [...thread, record(51, 'A reply: $z$', 3), approvedLate, record(53, 'The newest: $w_2$')];
    await el.updateComplete;
    for (const [id, node] of before) expect(bodyOf(el, id).firstElementChild === node, `body of comment ${id} kept`).to.equal(true);
    expect(bodyOf(el, '51').querySelector('annotation')!.textContent).to.equal('z');
    expect(bodyOf(el, '52').querySelector('annotation')!.textContent).to.equal('q');
    expect(bodyOf(el, '53').querySelector('annotation')!.textContent).to.equal('w_2');
    // In reading order: the late one between the fifth and the sixth.
    const order = [...el.shadowRoot!.querySelectorAll('[part="list"] > li > [part="comment"]')].map((comment) => comment.id);
    expect(order.slice(4, 7)).to.deep.equal(['comment-5', 'comment-52', 'comment-6']);
  });

  it('renders again only the comment whose body changed', async () => {
    const el = await warmList();
    const thread = Array.from({ length: 40 }, (_, i) => record(i + 1, `Comment ${i + 1}: $y_{${i + 1}}$.`));
    el.comments = thread;
    await el.updateComplete;
    const before = new Map(thread.map(({ id }) => [id, bodyOf(el, id).firstElementChild]));
    el.comments = thread.map((comment) => (comment.id === '10' ? { ...comment, body: 'Edited: $e^{i\\pi}$' } : { ...comment }));
    await el.updateComplete;
    for (const [id, node] of before) {
      if (id === '10') expect(bodyOf(el, id).firstElementChild === node, 'body of comment 10 replaced').to.equal(false);
      else expect(bodyOf(el, id).firstElementChild === node, `body of comment ${id} kept`).to.equal(true);
    }
    expect(bodyOf(el, '10').textContent).to.contain('Edited');
    expect(bodyOf(el, '10').querySelector('annotation')!.textContent).to.equal('e^{i\\pi}');
  });

  it('lays out only the first few screenfuls of long comments; the rest wait, off screen, until they come near', async () => {
    const el = await warmList();
    // Three comments of 2 500 characters: the first two are laid out wherever the page is, the third only near the screen.
    el.comments = Array.from({ length: 3 }, (_, i) => record(i + 1, longBody(i + 1, 2500)));
    await el.updateComplete;
    const skipping = (id: string) => getComputedStyle(bodyOf(el, id)).contentVisibility;
    expect(['1', '2', '3'].map(skipping)).to.deep.equal(['visible', 'visible', 'auto']);
    // Short comments: the first ten are laid out.
    el.comments = Array.from({ length: 12 }, (_, i) => record(i + 1, `Short comment ${i + 1}.`));
    await el.updateComplete;
    expect(['10', '11'].map(skipping)).to.deep.equal(['visible', 'auto']);
  });
});

import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import type { Post } from '../../../src/core/post.js';
import type { CommentListElement, PostBodyElement } from '../../../src/index.js';

const megabyteWord = 'x'.repeat(1 << 20);
const post: Post = { id: 'p', url: '/p', title: megabyteWord, date: '2024-01-01', authors: [{ name: megabyteWord.slice(0, 5000) }], tags: [], summary: `An excerpt ${megabyteWord.slice(0, 5000)}` };

/** A phone-wide box holding `markup`, and how wide its content got. */
async function phone(markup: string, setUp: (box: HTMLElement) => Promise<unknown> | void = () => {}): Promise<{ box: HTMLElement; widest: number }> {
  const box = await fixture<HTMLElement>(`<div lang="en" style="width: 375px">${markup}</div>`);
  await setUp(box);
  for (const element of box.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')) await element.updateComplete;
  return { box, widest: Math.max(box.scrollWidth, ...[...box.children].map((child) => child.scrollWidth)) };
}

describe('long unbroken words', () => {
  it('a 1 MB unbroken title wraps in post-card instead of widening the page', async () => {
    const { widest, box } = await phone('<post-card></post-card>', (box) => {
      (box.firstElementChild as HTMLElement & { post: Post }).post = post;
    });
    expect(widest).to.be.at.most(375);
    const title = box.querySelector('post-card')!.shadowRoot!.querySelector('[part="title"]')!;
    expect(title.getBoundingClientRect().height, 'the title wraps onto many lines').to.be.greaterThan(1000);
  });

  it('a 1 MB unbroken title wraps in post-list, archive-list and series-nav', async () => {
    for (const tag of ['post-list', 'archive-list', 'series-nav']) {
      const { widest } = await phone(`<${tag} series="S" current="/p"></${tag}>`, (box) => {
        (box.firstElementChild as HTMLElement & { posts: Post[] }).posts = [{ ...post, series: { name: 'S', index: 1 } }];
      });
      expect(widest, tag).to.be.at.most(375);
    }
  });

  it('an unbroken word wraps in an article heading and paragraph, a comment and the byline', async () => {
    const word = megabyteWord.slice(0, 20_000);
    const { widest, box } = await phone('<post-body></post-body><comment-list></comment-list><post-meta></post-meta><post-cite></post-cite>', async (box) => {
      const body = box.querySelector<PostBodyElement>('post-body')!;
      const rendered = new Promise((resolve) => body.addEventListener('post-rendered', resolve, { once: true }));
      body.markdown = `# ${word}\n\n${word} and https://example.org/${word}\n`;
      box.querySelector<CommentListElement>('comment-list')!.comments = [{ id: 'c', author: word, date: '2024-01-01', body: word }];
      Object.assign(box.querySelector('post-meta')!, { post });
      Object.assign(box.querySelector('post-cite')!, { post });
      await rendered;
      await waitUntil(() => box.querySelector('comment-list')!.shadowRoot!.querySelector('[part="body"]'), 'the comment is shown');
    });
    expect(widest).to.be.at.most(375);
    const heading = box.querySelector('post-body')!.shadowRoot!.querySelector('h1')!;
    expect(heading.scrollWidth).to.be.at.most(375);
  });

  it('words that fit stay whole: a narrow table keeps its numbers on one line each, and scrolls instead', async () => {
    const { box } = await phone('<post-body></post-body>', async (box) => {
      const body = box.querySelector<PostBodyElement>('post-body')!;
      const rendered = new Promise((resolve) => body.addEventListener('post-rendered', resolve, { once: true }));
      const row = (n: number) => `| ${n} | ${n * 10} | ${'simulated mean of many walks '.repeat(3)}|`;
      body.markdown = `| N | k | notes |\n|---|---|---|\n${[10, 20, 30].map(row).join('\n')}\n`;
      await rendered;
    });
    const table = box.querySelector('post-body')!.shadowRoot!.querySelector('table')!;
    for (const cell of table.querySelectorAll('td:not(:last-child)')) {
      const range = document.createRange();
      range.selectNodeContents(cell);
      expect(range.getClientRects().length, cell.textContent!).to.equal(1);
    }
    expect(table.getBoundingClientRect().width).to.be.at.most(375);
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/comment-form.js';
import '../../../src/comment-list.js';
import '../../../src/post-list.js';
import type { Post } from '../../../src/core/post.js';
import type { CommentFormElement } from '../../../src/comment-form.js';
import { control, part, type } from '../comment-form/visitor.js';

// comment-form and comment-list against a real Waline server on a real
// PostgreSQL database, started by the test runner (web-test-runner.config.mjs)
// on the first request to /tests/waline/start. No mock anywhere.

const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part="${name}"]`)];

async function write(el: CommentFormElement, name: string, body: string): Promise<void> {
  await type(el, 'name', name);
  await type(el, 'email', `${name.toLowerCase()}@example.org`);
  await type(el, 'body', body);
}

const waline = (action: 'start' | 'pause' | 'resume') => fetch(`/tests/waline/${action}`).then((response) => response.json() as Promise<{ url: string }>);

describe('comments on a real Waline server', function () {
  this.timeout(180_000);
  let server: string;
  before(async function () {
    this.timeout(240_000);
    ({ url: server } = await waline('start'));
  });
  afterEach(() => localStorage.clear());

  async function page(post: string, lang = 'en') {
    const host = await fixture<HTMLDivElement>(`<div lang="${lang}">
      <comment-list backend="waline" server="${server}" post="${post}"></comment-list>
      <comment-form backend="waline" server="${server}" post="${post}"></comment-form>
      <comment-list variant="recent" backend="waline" server="${server}"></comment-list>
    </div>`);
    const [list, recent] = host.querySelectorAll('comment-list');
    const form = host.querySelector('comment-form')!;
    form.addEventListener('comment-posted', () => {
      list.showPage(1);
      recent.showPage(1);
    });
    list.addEventListener('comment-reply', (event) => form.reply(event.comment));
    await waitUntil(() => !part(list, 'status'), 'the list has loaded', { timeout: 20_000 });
    return { list, form, recent };
  }

  it('posts through comment-form, then shows the comment with its math in the list and in the recent comments', async () => {
    const { list, form, recent } = await page('/posts/waline-math');
    expect(part(list, 'empty')!.textContent).to.contain('No comments yet.');
    await write(form, 'Ada', 'So $\\frac{\\partial L}{\\partial \\theta} = 0$ at the optimum.');
    (part(form, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => part(form, 'status')?.textContent?.includes('Thank you'), 'the form says it was sent', { timeout: 20_000 });
    expect(control(form, 'body').value).to.equal('');
    await waitUntil(() => parts(list, 'comment').length === 1, 'the list shows the comment', { timeout: 20_000 });
    await list.updateComplete;
    const [comment] = parts(list, 'comment');
    expect(comment.querySelector('[part="author"]')!.textContent).to.equal('Ada');
    expect(comment.querySelector('.katex .mfrac'), 'the fraction is typeset from the TeX as written').to.exist;
    expect(comment.querySelector('annotation')!.textContent).to.equal('\\frac{\\partial L}{\\partial \\theta} = 0');
    await waitUntil(() => parts(recent, 'comment').some((line) => line.textContent!.includes('Ada')), 'the recent list shows it', { timeout: 20_000 });
  });

  it('replies to a comment: the reply appears nested under it', async () => {
    const { list, form } = await page('/posts/waline-replies');
    await write(form, 'Ada', 'A question about $x$.');
    (part(form, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => parts(list, 'comment').length === 1, 'the first comment shows', { timeout: 20_000 });
    (parts(list, 'reply-button')[0] as HTMLButtonElement).click();
    await form.updateComplete;
    expect(part(form, 'reply')!.textContent).to.contain('Replying to Ada');
    await write(form, 'Bo', 'An answer about $y$.');
    (part(form, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => parts(list, 'comment').length === 2, 'the reply shows', { timeout: 20_000 });
    const reply = list.shadowRoot!.querySelector('[part="replies"] [part="comment"]')!;
    expect(reply.querySelector('[part="author"]')!.textContent).to.equal('Bo');
  });

  it('keeps the text when the server goes down mid-submit, and Retry sends it once the server is back', async () => {
    const { list, form } = await page('/posts/waline-outage');
    await write(form, 'Ada', 'Written while the server was down: $e^{i\\pi} = -1$.');
    await waline('pause');
    try {
      (part(form, 'submit-button') as HTMLButtonElement).click();
      await waitUntil(() => part(form, 'error'), 'the form reports the failure', { timeout: 20_000 });
      expect(part(form, 'error')!.textContent).to.contain('network error');
      expect(control(form, 'body').value).to.equal('Written while the server was down: $e^{i\\pi} = -1$.');
    } finally {
      await waline('resume');
    }
    (part(form, 'retry-button') as HTMLButtonElement).click();
    await waitUntil(() => control(form, 'body').value === '', 'sent on retry', { timeout: 20_000 });
    await waitUntil(() => parts(list, 'comment').length === 1, 'and listed', { timeout: 20_000 });
  });

  it("shows Waline's refusal in the reader's language and keeps the text", async () => {
    const { form } = await page('/posts/waline-refusal', 'zh');
    await write(form, 'Ada', '同一句话。');
    (part(form, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => control(form, 'body').value === '', 'the first is sent', { timeout: 20_000 });
    await write(form, 'Ada', '同一句话。');
    (part(form, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => part(form, 'error'), 'the second is refused', { timeout: 20_000 });
    expect(part(form, 'error')!.textContent).to.match(/评论未能提交（.*[\u4e00-\u9fff].*）/);
    expect(control(form, 'body').value).to.equal('同一句话。');
  });

  it('says the server cannot be reached, in the list, while it is down', async () => {
    await waline('pause');
    try {
      const host = await fixture<HTMLDivElement>(`<div lang="en"><comment-list backend="waline" server="${server}" post="/posts/x"></comment-list></div>`);
      const list = host.querySelector('comment-list')!;
      await waitUntil(() => part(list, 'error'), 'the list reports it', { timeout: 20_000 });
      expect(part(list, 'error')!.textContent).to.equal('The comment server cannot be reached.');
    } finally {
      await waline('resume');
    }
  });

  it('shows each post-card its comment count from the server, all asked in one request, a reply counted too', async () => {
    const { list, form } = await page('/posts/waline-counted');
    await write(form, 'Ada', 'First: $a$.');
    (part(form, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => parts(list, 'comment').length === 1, 'the comment shows', { timeout: 20_000 });
    (parts(list, 'reply-button')[0] as HTMLButtonElement).click();
    await write(form, 'Bo', 'A reply: $b$.');
    (part(form, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => parts(list, 'comment').length === 2, 'the reply shows', { timeout: 20_000 });

    const post = (path: string, title: string): Post => ({ id: path, url: `${location.origin}${path}`, title, date: '2024-09-06', authors: [], tags: [] });
    const posts = [post('/posts/waline-counted', 'Counted'), post('/posts/waline-never-commented', 'Quiet')];
    const countRequests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('type=count')).length;
    performance.clearResourceTimings(); // the buffer holds 250 entries, and the test run's modules fill it
    const host = await fixture<HTMLDivElement>(html`<div lang="zh"><post-list .posts=${posts} comment-backend="waline" comment-server=${server}></post-list></div>`);
    const cards = () => [...host.querySelector('post-list')!.shadowRoot!.querySelectorAll('post-card')];
    const counts = () => cards().map((card) => card.shadowRoot!.querySelector('post-meta')!.shadowRoot!.querySelector('[part="comments"]')?.textContent);
    await waitUntil(() => counts().every((text) => text && text !== '评论'), 'both cards show a count', { timeout: 20_000 });
    expect(counts()).to.deep.equal(['2 条评论', '暂无评论']);
    const link = cards()[0]!.shadowRoot!.querySelector('post-meta')!.shadowRoot!.querySelector('[part="comments"]')!;
    expect(link.getAttribute('href')).to.equal(`${location.origin}/posts/waline-counted#comments`);
    expect(countRequests(), 'one count request for the page').to.equal(1);
  });

  it('leaves a plain "Comments" link when the server is down, and says why on hover', async () => {
    await waline('pause');
    try {
      const host = await fixture<HTMLDivElement>(html`<div lang="en"><post-meta href="/posts/waline-down" title="Down" comment-backend="waline" comment-server=${server}></post-meta></div>`);
      const meta = host.querySelector('post-meta')!;
      const link = () => meta.shadowRoot!.querySelector('[part="comments"]');
      await waitUntil(() => link()?.getAttribute('title'), 'the failure is told', { timeout: 20_000 });
      expect(link()!.textContent).to.equal('Comments');
      expect(link()!.getAttribute('title')).to.equal('The comment server cannot be reached.');
    } finally {
      await waline('resume');
    }
  });
});

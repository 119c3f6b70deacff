import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { walineCommentBackend } from 'sciblog-elements/core';
import { startWaline } from '../waline/server.mjs';

// The Waline backend against a real Waline server (@waline/vercel) on a real
// PostgreSQL database, both started here on 127.0.0.1 and removed after.

const visitor = (body, extra = {}) => ({ name: 'Ada', email: 'ada@example.org', url: undefined, body, parent: undefined, ...extra });

describe('the Waline comment backend, on a real Waline server', { timeout: 240_000 }, () => {
  let waline;
  before(async () => {
    waline = await startWaline();
  });
  after(async () => {
    await waline?.stop();
  });

  it('sends a comment with math and lists it with its TeX as written', async () => {
    const backend = walineCommentBackend({ server: waline.url });
    const body = 'The gradient $\\nabla_\\theta \\frac{1}{n}\\sum_i \\sigma(x_i)$ and `code`.';
    const sent = await backend.submit('/posts/gradients', visitor(body, { url: 'https://ada.example.org' }));
    assert.equal(sent.ok, true, JSON.stringify(sent));
    assert.equal(sent.value.moderation, 'approved');
    assert.equal(sent.value.comment.body, body);

    const page = await backend.list('/posts/gradients', 1);
    assert.equal(page.ok, true, JSON.stringify(page));
    assert.deepEqual(page.value.errors, []);
    assert.equal(page.value.total, 1);
    const [comment] = page.value.comments;
    assert.equal(comment.author, 'Ada');
    assert.equal(comment.url, 'https://ada.example.org');
    assert.equal(comment.body, body);
    assert.ok(!Number.isNaN(Date.parse(comment.date)), comment.date);
    assert.equal(comment.id, sent.value.comment.id);
  });

  it('threads replies, and replies to replies, under the comment they answer', async () => {
    const backend = walineCommentBackend({ server: waline.url });
    const post = '/posts/threads';
    const first = await backend.submit(post, visitor('First.'));
    await backend.list(post, 1);
    const reply = await backend.submit(post, visitor('A reply.', { name: 'Bo', email: 'bo@example.org', parent: first.value.comment.id }));
    assert.equal(reply.ok, true, JSON.stringify(reply));
    const nested = await backend.submit(post, visitor('A reply to the reply.', { parent: reply.value.comment.id }));
    assert.equal(nested.ok, true, JSON.stringify(nested));

    // A fresh backend knows nothing of the thread: what it lists comes from the server alone.
    const page = await walineCommentBackend({ server: waline.url }).list(post, 1);
    const byBody = Object.fromEntries(page.value.comments.map((comment) => [comment.body, comment]));
    assert.equal(page.value.total, 3);
    assert.equal(byBody['First.'].parent, undefined);
    assert.equal(byBody['A reply.'].parent, byBody['First.'].id);
    assert.equal(byBody['A reply to the reply.'].parent, byBody['A reply.'].id);
  });

  it('pages the top-level comments, each page with its replies', async () => {
    const backend = walineCommentBackend({ server: waline.url, pageSize: 2 });
    const post = '/posts/pages';
    for (const n of [1, 2, 3]) assert.equal((await backend.submit(post, visitor(`Comment ${n}.`))).ok, true);
    const first = await backend.list(post, 1);
    const second = await backend.list(post, 2);
    assert.equal(first.value.pages, 2);
    assert.deepEqual(first.value.comments.map((comment) => comment.body), ['Comment 1.', 'Comment 2.']);
    assert.deepEqual(second.value.comments.map((comment) => comment.body), ['Comment 3.']);
    assert.equal(second.value.page, 2);
  });

  it('counts the comments of several posts, and lists the newest of the site with their posts', async () => {
    const backend = walineCommentBackend({ server: waline.url });
    // Waline keeps whole seconds and picks the newest by time alone: a second after the earlier tests'
    // comments and a second apart, "Two." and "One." are the two newest.
    const aSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));
    await aSecond();
    await backend.submit('/posts/counted', visitor('One.'));
    await aSecond();
    await backend.submit('/posts/counted', visitor('Two.'));
    const counts = await backend.count(['/posts/counted', '/posts/never-commented']);
    assert.deepEqual(counts, { ok: true, value: [2, 0] });

    const recent = await backend.recent(2);
    assert.equal(recent.ok, true, JSON.stringify(recent));
    assert.deepEqual(recent.value.map((comment) => [comment.body, comment.post?.url]), [
      ['Two.', '/posts/counted'],
      ['One.', '/posts/counted'],
    ]);
  });

  it("reports Waline's refusal in Waline's own words, in the language asked for", async () => {
    const post = '/posts/refused';
    const en = walineCommentBackend({ server: waline.url });
    const zh = walineCommentBackend({ server: waline.url, locale: 'zh' });
    assert.equal((await en.submit(post, visitor('Said once.'))).ok, true);
    const again = await en.submit(post, visitor('Said once.'));
    assert.equal(again.ok, false);
    assert.equal(again.error.kind, 'refused');
    assert.match(again.error.message, /duplicate/i);
    const againZh = await zh.submit(post, visitor('Said once.'));
    assert.equal(againZh.error.kind, 'refused');
    assert.match(againZh.error.message, /[\u4e00-\u9fff]/, againZh.error.message);
  });

  it('says the server is unreachable while it is down, and sends once it is back', async () => {
    const backend = walineCommentBackend({ server: waline.url });
    await waline.pause();
    try {
      const down = await backend.submit('/posts/outage', visitor('Sent during the outage.'));
      assert.equal(down.ok, false);
      assert.equal(down.error.kind, 'network');
    } finally {
      await waline.resume();
    }
    const back = await backend.submit('/posts/outage', visitor('Sent during the outage.'));
    assert.equal(back.ok, true, JSON.stringify(back));
    assert.equal((await backend.list('/posts/outage', 1)).value.total, 1);
  });
});

describe('the Waline comment backend, on a server that moderates', { timeout: 240_000 }, () => {
  let waline;
  before(async () => {
    waline = await startWaline({ audit: true });
  });
  after(async () => {
    await waline?.stop();
  });

  it('says a new comment awaits approval, and does not list it yet', async () => {
    const backend = walineCommentBackend({ server: waline.url });
    const sent = await backend.submit('/posts/moderated', visitor('Please approve me.'));
    assert.equal(sent.ok, true, JSON.stringify(sent));
    assert.equal(sent.value.moderation, 'waiting');
    const page = await backend.list('/posts/moderated', 1);
    assert.equal(page.value.total, 0);
    assert.deepEqual(page.value.comments, []);
  });
});

describe('the Waline comment backend, on a server that never answers', () => {
  it('gives up after the timeout and says so', async () => {
    const silent = createServer(() => {});
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const backend = walineCommentBackend({ server: `http://127.0.0.1:${silent.address().port}` });
      const answer = await backend.list('/posts/a', 1, { timeout: 300 });
      assert.equal(answer.ok, false);
      assert.equal(answer.error.kind, 'timeout');
      assert.match(answer.error.message, /0\.3 s/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

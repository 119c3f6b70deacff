import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderComment, safeAuthorUrl, threadComments } from 'sciblog-elements/core';
import { countCalls, LINEAR_GROWTH_4X } from './support/work.js';

const c = (id, date, extra = {}) => ({ id, author: `A${id}`, date, body: `body ${id}`, ...extra });
const shape = (threads) => threads.map(({ comment, replies }) => (replies.length ? [comment.id, shape(replies)] : comment.id));

describe('threadComments', () => {
  it('nests replies under their parents, oldest first at every level', () => {
    const { threads, errors } = threadComments([
      c('3', '2024-01-03', { parent: '1' }),
      c('1', '2024-01-01'),
      c('2', '2024-01-02'),
      c('4', '2024-01-04T08:00:00+08:00', { parent: '3' }),
      c('5', '2024-01-02T12:00:00Z', { parent: '1' }),
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual(shape(threads), [['1', ['5', ['3', ['4']]]], '2']);
  });

  it('shows a reply whose parent is missing as a thread of its own, and says so', () => {
    const { threads, errors } = threadComments([c('1', '2024-01-01'), c('2', '2024-01-02', { parent: '99' })]);
    assert.deepEqual(shape(threads), ['1', '2']);
    assert.deepEqual(errors.map((e) => e.message), ['comment "2": its parent "99" is missing; shown as a new thread']);
  });

  it('breaks a cycle of parents at its oldest comment instead of looping', () => {
    const { threads, errors } = threadComments([
      c('a', '2024-01-01', { parent: 'c' }),
      c('b', '2024-01-02', { parent: 'a' }),
      c('c', '2024-01-03', { parent: 'b' }),
      c('self', '2024-01-04', { parent: 'self' }),
    ]);
    assert.deepEqual(shape(threads), [['a', [['b', ['c']]]], 'self']);
    assert.equal(errors.length, 2);
    assert.match(errors[0].message, /comment "a": its replies loop back to it/);
  });

  it('reports and skips a duplicate id, keeping the first', () => {
    const { comments, errors } = threadComments([c('1', '2024-01-01'), { ...c('1', '2024-01-02'), body: 'second' }]);
    assert.deepEqual(comments.map((x) => x.body), ['body 1']);
    assert.deepEqual(errors.map((e) => e.message), ['comment 2: duplicate id "1", skipped']);
  });

  it('reports what is wrong with each bad record and keeps the valid ones', () => {
    const { comments, errors } = threadComments([
      c('1', '2024-01-01'),
      null,
      { id: '3', date: '2024-01-01' },
      { id: 4, author: 'Num', date: 'yesterday', body: 'x' },
      { ...c('5', '2024-01-05'), parent: 1, url: 42, post: { title: 'T', url: '/t' } },
    ]);
    assert.deepEqual(comments.map((x) => x.id), ['1', '5']);
    assert.deepEqual(comments[1].parent, '1');
    assert.equal(comments[1].url, undefined);
    assert.deepEqual(comments[1].post, { title: 'T', url: '/t' });
    assert.deepEqual(errors.map((e) => e.message), [
      'comment 2: is not an object',
      'comment 3: has no author, has no body',
      'comment 4: date is not a date',
    ]);
  });

  it('gives one clear error for data that is not a list', () => {
    for (const input of [{ comments: [] }, 'oops', null]) {
      const { threads, errors } = threadComments(input);
      assert.deepEqual(threads, []);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /^comments are not a list/);
    }
  });
});

describe('renderComment', () => {
  it('renders markdown and math but shows raw HTML as text', () => {
    const { html, refused } = renderComment('By $\\sum_i p_i = 1$ we get **this**. <b onclick="x()">hi</b>');
    assert.equal(refused, false);
    assert.match(html, /class="katex"/);
    assert.match(html, /<strong>this<\/strong>/);
    assert.match(html, /&lt;b onclick=&quot;x\(\)&quot;&gt;hi&lt;\/b&gt;/);
  });

  it('marks links as user content that passes no credit', () => {
    assert.match(renderComment('[site](https://example.org)').html, /<a href="https:\/\/example.org" rel="nofollow ugc noopener">site<\/a>/);
  });

  it('leaves images as links unless the site allows them', () => {
    assert.doesNotMatch(renderComment('![cat](https://example.org/cat.png)').html, /<img/);
    assert.match(renderComment('![cat](https://example.org/cat.png)').html, /href="https:\/\/example.org\/cat.png"/);
    assert.match(renderComment('![cat](https://example.org/cat.png)', { images: true }).html, /<img src="https:\/\/example.org\/cat.png" alt="cat">/);
  });

  it('does not read a leading --- as front matter', () => {
    assert.match(renderComment('---\ntitle: x\n---\nhello').html, /title: x/);
  });

  it('refuses a body over the length limit without rendering it', () => {
    const { html, errors, refused } = renderComment('$x$'.repeat(400_000));
    assert.equal(refused, true);
    assert.equal(html, '');
    assert.equal(errors[0].message, 'comment is too long: 1200000 characters, the limit is 10000');
  });
});

describe('safeAuthorUrl', () => {
  it('keeps http(s) websites only', () => {
    assert.equal(safeAuthorUrl(' https://example.org '), 'https://example.org');
    for (const url of ['javascript:alert(1)', '/relative', 'mailto:a@b.c', 'data:text/html,x', undefined, '']) assert.equal(safeAuthorUrl(url), undefined, url);
  });
});

describe('threadComments and the post a comment belongs to', () => {
  it('drops a post link with an unsafe scheme and says so, keeping the comment', () => {
    const { comments, errors } = threadComments([{ ...c('1', '2024-01-01'), post: { title: 'x', url: 'JaVaScRiPt:alert(1)' } }]);
    assert.equal(comments.length, 1);
    assert.equal(comments[0].post, undefined);
    assert.deepEqual(errors.map((e) => e.message), ['comment 1: post.url is not a safe link']);
  });
});

describe('threadComments on long chains', () => {
  const chainOf = (length) => Array.from({ length }, (_, i) => c(String(i), `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, i ? { parent: String(i - 1) } : {}));

  it('threads a chain of 10 000 replies as one thread', () => {
    const { threads, errors } = threadComments(chainOf(10_000));
    assert.deepEqual(errors, []);
    assert.equal(threads.length, 1);
  });

  it('threads a chain with work linear in its length, not a walk to the root from each reply', () => {
    // Every lookup of an id goes through a Map or a Set: a walk from each
    // reply to the root makes their number grow 16-fold for a 4 times longer chain.
    const lookups = (length) => {
      const chain = chainOf(length);
      return countCalls([[Map.prototype, 'get'], [Map.prototype, 'has'], [Set.prototype, 'has']], () => threadComments(chain));
    };
    const [short, long] = [lookups(2500), lookups(10_000)];
    assert.ok(long <= LINEAR_GROWTH_4X * short, `${short} lookups for 2 500 replies, ${long} for 10 000`);
  });

  it('reports a parent that is not an id and shows the comment as a new thread', () => {
    const { threads, errors } = threadComments([c('1', '2024-01-01'), { ...c('2', '2024-01-02'), parent: { id: '1' } }]);
    assert.deepEqual(shape(threads), ['1', '2']);
    assert.deepEqual(errors.map((e) => e.message), ['comment 2: parent is not an id; shown as a new thread']);
  });
});

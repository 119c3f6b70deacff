import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterPosts, groupArchive } from '../../dist/core/archive.js';
import { LINEAR_GROWTH_4X } from './support/work.js';

const post = (id, date, title = `Post ${id}`, tags = []) => ({ id, url: `https://example.org/${id}`, title, date, authors: [], tags });

/** The archive as ids, so a failure shows what went where. */
const shape = (years) =>
  years.map(({ year, count, months }) => ({
    year,
    count,
    months: months.map(({ month, count, posts }) => ({ month, count, ids: posts.map((p) => p.id) })),
  }));

describe('groupArchive', () => {
  const cases = [
    ['gives nothing for no posts', [], []],
    [
      'puts years, months and posts newest first',
      [post('a', '2023-01-05'), post('b', '2024-09-06'), post('c', '2024-02-21'), post('d', '2024-09-01'), post('e', '2023-12-31')],
      [
        { year: 2024, count: 3, months: [{ month: 9, count: 2, ids: ['b', 'd'] }, { month: 2, count: 1, ids: ['c'] }] },
        { year: 2023, count: 2, months: [{ month: 12, count: 1, ids: ['e'] }, { month: 1, count: 1, ids: ['a'] }] },
      ],
    ],
    [
      'keeps the input order of posts with the same date',
      [post('first', '2024-09-06'), post('older', '2024-09-01'), post('second', '2024-09-06'), post('third', '2024-09-06')],
      [{ year: 2024, count: 4, months: [{ month: 9, count: 4, ids: ['first', 'second', 'third', 'older'] }] }],
    ],
    [
      'orders date-times by the moment they name',
      [post('morning', '2024-09-06T08:00:00+08:00'), post('evening', '2024-09-06T20:00:00+08:00'), post('utc', '2024-09-06T03:00:00Z')],
      [{ year: 2024, count: 3, months: [{ month: 9, count: 3, ids: ['evening', 'utc', 'morning'] }] }],
    ],
    [
      'files a date-time under the month its author wrote, wherever the reader is',
      // Tokyo's first of October is earlier, as a moment, than New York's 30th of September evening.
      [post('tokyo', '2024-10-01T00:30:00+09:00'), post('new-york', '2024-09-30T20:00:00-04:00'), post('sep', '2024-09-02')],
      [{ year: 2024, count: 3, months: [{ month: 10, count: 1, ids: ['tokyo'] }, { month: 9, count: 2, ids: ['new-york', 'sep'] }] }],
    ],
    [
      'leaves out posts whose date cannot be read',
      [post('ok', '2024-09-06'), post('typo', '2024-13-06'), post('empty', '')],
      [{ year: 2024, count: 1, months: [{ month: 9, count: 1, ids: ['ok'] }] }],
    ],
  ];
  for (const [name, posts, expected] of cases) {
    it(name, () => assert.deepEqual(shape(groupArchive(posts)), expected));
  }

  it('returns the post objects it was given', () => {
    const only = post('x', '2024-09-06');
    assert.equal(groupArchive([only])[0].months[0].posts[0], only);
  });

  describe('with 10 000 posts', () => {
    // A fixed linear congruential sequence: the same posts every run, many sharing a day.
    let seed = 12345;
    const next = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const pad = (n) => String(n).padStart(2, '0');
    const posts = Array.from({ length: 10_000 }, (_, i) =>
      post(String(i), `${2009 + next(16)}-${pad(1 + next(12))}-${pad(1 + next(28))}`));
    const inputOrder = new Map(posts.map((p, i) => [p, i]));

    const archive = groupArchive(posts);

    it('counts every post once, in the right year and month', () => {
      const expected = new Map();
      for (const p of posts) {
        const key = p.date.slice(0, 7);
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const actual = new Map();
      for (const year of archive) {
        assert.equal(year.count, year.months.reduce((sum, m) => sum + m.count, 0), `${year.year} total`);
        for (const month of year.months) {
          assert.equal(month.count, month.posts.length);
          for (const p of month.posts) assert.equal(p.date.slice(0, 7), `${year.year}-${pad(month.month)}`);
          actual.set(`${year.year}-${pad(month.month)}`, month.count);
        }
      }
      assert.deepEqual(actual, expected);
      assert.equal(archive.reduce((sum, y) => sum + y.count, 0), 10_000);
    });

    it('orders years and months newest first', () => {
      const years = archive.map((y) => y.year);
      assert.deepEqual(years, [...years].sort((a, b) => b - a));
      assert.equal(new Set(years).size, years.length);
      for (const year of archive) {
        const months = year.months.map((m) => m.month);
        assert.deepEqual(months, [...new Set(months)].sort((a, b) => b - a), `${year.year}`);
      }
    });

    it('orders posts newest first and keeps input order for equal dates', () => {
      let checkedTies = 0;
      for (const year of archive) {
        for (const { posts: inMonth } of year.months) {
          for (let i = 1; i < inMonth.length; i++) {
            const [before, after] = [inMonth[i - 1], inMonth[i]];
            assert.ok(before.date >= after.date, `${before.date} before ${after.date}`);
            if (before.date === after.date) {
              checkedTies++;
              assert.ok(inputOrder.get(before) < inputOrder.get(after), `ties on ${before.date} keep input order`);
            }
          }
        }
      }
      assert.ok(checkedTies > 1000, `the data has many same-day posts (${checkedTies})`);
    });

    it('reads each post a number of times that does not grow with the archive', () => {
      // Every property read on the posts is counted. Sorting or grouping that
      // goes back to the posts once per other post (a search for the month of
      // each, a date parsed in every comparison) grows 16-fold for 4 times the
      // posts; reading each post once, 4-fold. The time it takes is in `npm run bench`.
      const reads = (count) => {
        let total = 0;
        const counted = posts.slice(0, count).map((p) => new Proxy(p, { get: (target, key) => (total++, target[key]) }));
        groupArchive(counted);
        return total;
      };
      const [fewer, all] = [reads(2500), reads(10_000)];
      assert.ok(all <= LINEAR_GROWTH_4X * fewer, `${fewer} reads for 2 500 posts, ${all} for 10 000`);
    });
  });
});

describe('filterPosts', () => {
  const posts = [
    post('rope', '2024-03-29', '位置编码杂记：RoPE的二维推广', ['transformer', 'position']),
    post('moe', '2025-02-21', '专家混合小记：负载均衡', ['moe']),
    post('svd', '2024-09-15', 'Low-rank approximation, part 1', ['math', 'Linear Algebra']),
    post('untitled', '2024-09-01', '', ['math']),
  ];
  const ids = (found) => found.map((p) => p.id);
  const cases = [
    ['matches a title substring whatever its case', { text: 'rope' }, ['rope']],
    ['matches Chinese text', { text: '负载' }, ['moe']],
    ['matches full-width letters against half-width ones', { text: 'ＲｏＰＥ' }, ['rope']],
    ['ignores spaces around the text', { text: '  low-RANK ' }, ['svd']],
    ['matches a tag exactly', { tag: 'math' }, ['svd', 'untitled']],
    ['does not match a tag by case or part', { tag: 'linear algebra' }, []],
    ['needs both text and tag when both are given', { text: 'part', tag: 'math' }, ['svd']],
    ['keeps everything for an empty query', {}, ['rope', 'moe', 'svd', 'untitled']],
    ['keeps everything for blank text and an empty tag', { text: '   ', tag: '' }, ['rope', 'moe', 'svd', 'untitled']],
    ['finds nothing when no title has the text', { text: 'diffusion' }, []],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => assert.deepEqual(ids(filterPosts(posts, query)), expected));
  }
});

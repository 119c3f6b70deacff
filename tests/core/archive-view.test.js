import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterArchive, filterPosts, indexArchive, planArchivePass } from 'sciblog-elements/core';

const post = (n, date, title, tags = []) => ({ id: `p${n}`, url: `/p/${n}`, title, date, authors: [], tags });
const posts = [
  post(1, '2024-09-06', 'RoPE 位置编码', ['位置编码', 'Transformer']),
  post(2, '2024-09-01', 'Softmax 的由来', ['概率']),
  post(3, '2024-03-15', '再谈位置编码', ['位置编码']),
  post(4, '2023-12-24', 'Random walks', ['概率', '概率']),
];
const shape = (years) => years.map((y) => [y.year, y.count, y.months.map((m) => [m.month, m.count, m.posts.map((p) => p.id)])]);

describe('archive index', () => {
  const index = indexArchive(posts);

  it('counts every post and each tag once per post, most used first', () => {
    assert.equal(index.total, 4);
    assert.deepEqual(index.tags, [
      { tag: '位置编码', count: 2 },
      { tag: '概率', count: 2 },
      { tag: 'Transformer', count: 1 },
    ]);
  });

  it('returns the whole grouping itself for an empty query', () => {
    assert.equal(filterArchive(index, { text: '  ' }), index.years);
  });

  it('keeps only matching posts, with counts of the matches and empty months and years dropped', () => {
    assert.deepEqual(shape(filterArchive(index, { text: '位置编码' })), [[2024, 2, [[9, 1, ['p1']], [3, 1, ['p3']]]]]);
    assert.deepEqual(shape(filterArchive(index, { tag: '概率' })), [
      [2024, 1, [[9, 1, ['p2']]]],
      [2023, 1, [[12, 1, ['p4']]]],
    ]);
  });

  it('finds the same posts as filterPosts, full-width and case folded', () => {
    for (const query of [{ text: 'ｒｏｐｅ' }, { text: 'WALK' }, { tag: '位置编码', text: '再' }]) {
      const fromIndex = filterArchive(index, query).flatMap((y) => y.months.flatMap((m) => m.posts.map((p) => p.id)));
      assert.deepEqual(fromIndex, filterPosts(posts, query).map((p) => p.id), JSON.stringify(query));
    }
  });
});

describe('planArchivePass', () => {
  const years = indexArchive(posts).years;

  it('lists no month of a closed year', () => {
    const pass = planArchivePass(years, (year) => year === 2023, 100);
    assert.deepEqual(pass.months.map((months) => months.length), [0, 1]);
    assert.equal(pass.complete, true);
  });

  it('stops at whole months once the budget is spent, and says the pass is incomplete', () => {
    const pass = planArchivePass(years, () => true, 1);
    assert.deepEqual(pass.months.map((months) => months.map((m) => m.month)), [[9], []]);
    assert.equal(pass.complete, false);
  });
});

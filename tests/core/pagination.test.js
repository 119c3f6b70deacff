import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paginate } from 'sciblog-elements/core';

describe('paginate', () => {
  const cases = [
    // [items, requested page, page size, expected page, pages, start, end, links]
    [0, 1, 10, 1, 1, 0, 0, [1]],
    [23, 1, 5, 1, 5, 0, 5, [1, 2, 3, 4, 5]],
    [23, 5, 5, 5, 5, 20, 23, [1, 2, 3, 4, 5]],
    [200, 10, 10, 10, 20, 90, 100, [1, undefined, 8, 9, 10, 11, 12, undefined, 20]],
    [200, 1, 10, 1, 20, 0, 10, [1, 2, 3, undefined, 20]],
    [200, 5, 10, 5, 20, 40, 50, [1, 2, 3, 4, 5, 6, 7, undefined, 20]],
  ];
  for (const [items, requested, size, page, pageCount, start, end, links] of cases) {
    it(`page ${requested} of ${items} items by ${size} shows items ${start}–${end} and links ${links.map((n) => n ?? '…').join(' ')}`, () => {
      assert.deepEqual(paginate(items, requested, size), { page, pageCount, start, end, links });
    });
  }

  it('clamps a page number out of range or not a number to the pages there are', () => {
    assert.equal(paginate(23, 99, 5).page, 5);
    assert.equal(paginate(23, -3, 5).page, 1);
    assert.equal(paginate(23, Number.NaN, 5).page, 1);
  });

  it('treats a page size below one as one', () => {
    assert.equal(paginate(3, 1, 0).pageCount, 3);
  });
});

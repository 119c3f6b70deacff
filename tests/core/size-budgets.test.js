// What a page pays for, held to the budgets issue 10 set: measured on the
// built files as a user's bundler would bundle them (sizes are
// deterministic; time is for `npm run bench`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureEntry } from '../../scripts/measure-bundles.mjs';

const KB = 1024;

describe('size budgets (min+gzip)', () => {
  it('a page of post-cards loads at most 35 KB up front, Lit included; KaTeX and markdown-it only on first need', async () => {
    const { initial, lazy } = await measureEntry('dist/post-card.js');
    assert.ok(initial <= 35 * KB, `${(initial / KB).toFixed(1)} KB up front`);
    assert.ok(lazy > 100 * KB, 'the renderers are split off, not gone');
  });

  it('an archive-list page loads at most 30 KB, and nothing later', async () => {
    const { initial, lazy } = await measureEntry('dist/archive-list.js');
    assert.ok(initial <= 30 * KB, `${(initial / KB).toFixed(1)} KB`);
    assert.equal(lazy, 0);
  });

  it('a post-body page loads at most 190 KB in all, its renderers included; the BibTeX parser (at most 100 KB) only for a post with BibTeX', async () => {
    const { initial, chunks } = await measureEntry('dist/post-body.js');
    const isParser = (chunk) => chunk.modules.some((id) => id.includes('/@retorquere/bibtex-parser/'));
    const sum = (list) => list.reduce((total, chunk) => total + chunk.bytes, 0);
    const lazy = sum(chunks.filter((chunk) => !chunk.upFront && !isParser(chunk)));
    const parser = sum(chunks.filter(isParser));
    assert.ok(initial + lazy <= 190 * KB, `${((initial + lazy) / KB).toFixed(1)} KB`);
    assert.ok(!chunks.some((chunk) => chunk.upFront && isParser(chunk)), 'the parser is not loaded up front');
    assert.ok(parser > 0 && parser <= 100 * KB, `parser ${(parser / KB).toFixed(1)} KB`);
  });

  it('every element at once loads at most 45 KB up front, of which our own code (all of it, lazy parts too) is under 60 KB', async () => {
    const { initial, own } = await measureEntry('dist/index.js');
    assert.ok(initial <= 45 * KB, `${(initial / KB).toFixed(1)} KB up front`);
    // 46 KB when this budget was set: room for the features still to come, not for bloat.
    assert.ok(own <= 60 * KB, `${(own / KB).toFixed(1)} KB of our own code`);
  });
});

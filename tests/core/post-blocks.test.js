import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown, renderPostBlocks } from 'sciblog-elements/core';
import { generatePost } from '../../bench/generate-post.mjs';
// Internal modules of the build, for what the public API does not show: the steps and the tokens.
import { markdownFor } from '../../dist/core/markdown-math.js';
import { postBlocksInSteps } from '../../dist/core/post-blocks.js';
import { preparePost } from '../../dist/core/post-preparation.js';
import { drain } from '../../dist/core/steps.js';

const tex = String.raw;
const placeholders = /<span class="sb-tex" data-sb-formula="(\d+)"[^>]*>[^<]*<\/span>/g;

/** The blocks' HTML with every placeholder replaced by its typeset formula. */
function typesetBlocks(blocks) {
  return blocks.blocks.map((_, index) => blocks.blockHtml(index).replace(placeholders, (_, formula) => blocks.formulaHtml(Number(formula)))).join('');
}

describe('renderPostBlocks', () => {
  const post = generatePost({ formulas: 200 }).source;

  it('gives, once every formula is typeset, exactly the HTML of renderMarkdown', () => {
    const blocks = renderPostBlocks(post);
    assert.ok(blocks.blocks.length > 100);
    assert.equal(typesetBlocks(blocks), renderMarkdown(post).html);
    assert.equal(blocks.result.html, renderMarkdown(post).html);
  });

  it('numbers the whole post before any formula is typeset: ids and links are in every block', () => {
    const source = tex`See \eqref{far}.` + '\n\nFiller.\n\n'.repeat(50) + tex`\begin{equation}x\label{far}\end{equation}`;
    const blocks = renderPostBlocks(source);
    assert.match(blocks.blockHtml(0), /<a class="sb-eqref" href="#eq-far">\(1\)<\/a>/);
    const last = blocks.blocks.length - 1;
    assert.equal(blocks.blockOf('eq-far'), last);
    assert.match(blocks.blockHtml(last), /<div class="sb-equation" id="eq-far"><span class="sb-tex" data-sb-formula="1" data-display/);
    assert.doesNotMatch(blocks.blockHtml(last), /katex/);
  });

  it('keeps the TeX of a formula waiting to be typeset as its text, escaped', () => {
    const blocks = renderPostBlocks('Let $a<b$ hold.');
    assert.equal(blocks.blockHtml(0), '<p>Let <span class="sb-tex" data-sb-formula="0">a&lt;b</span> hold.</p>\n');
  });

  it('reports the error of a broken formula once it is typeset', () => {
    const blocks = renderPostBlocks('Fine $x$.\n\nBroken $\\frac{1}{$.');
    assert.deepEqual(blocks.result.errors, []);
    blocks.formulaHtml(1);
    blocks.formulaHtml(1);
    assert.equal(blocks.result.errors.length, 1);
    assert.equal(blocks.result.errors[0].line, 3);
  });

  it('finds the block of a heading', () => {
    const blocks = renderPostBlocks('# One\n\ntext\n\n## Two $x$\n\nmore');
    assert.equal(blocks.blockOf('one'), 0);
    assert.equal(blocks.blockOf('two-x'), 2);
    assert.equal(blocks.result.headings[1].html.includes('katex'), true);
  });

  it('cuts a long post into pieces of work that each look at a bounded part of it', () => {
    // Counted in steps, not time: a post ten times as long takes about ten times as many steps.
    const body = post.replace(/^---[\s\S]*?---\n/, '');
    const long = Array.from({ length: 40 }, (_, i) => body.replaceAll('\\label{', `\\label{r${i}-`).replaceAll('\\eqref{', `\\eqref{r${i}-`)).join('\n\n');
    const count = (text) => {
      let steps = 0;
      const run = postBlocksInSteps(text);
      while (!run.next().done) steps++;
      return steps;
    };
    const short = count(long.slice(0, long.length / 10));
    const whole = count(long);
    assert.ok(whole > 5 * short, `${whole} steps for the whole, ${short} for a tenth`);
  });

  it('parses a long post in pieces into the same tokens as one parse', () => {
    const body = post.replace(/^---[\s\S]*?---\n/, '');
    // Constructs that may hold blank lines, where a post must not be cut.
    const tricky = '\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n<!-- a comment\n\nwith a blank line -->\n\n1. one\n\n2. two\n\n$$\na\n\nb\n$$\n\n[ref]: https://example.org\n\n';
    const text = `${(body + tricky).repeat(8)}See [the ref][ref].\n`;
    const signature = (tokens) => tokens.map((t) => `${t.type}|${t.level}|${t.map}|${t.content}|${(t.children ?? []).map((c) => c.type + c.content).join(',')}`);
    assert.deepEqual(signature(drain(preparePost(text, { frontMatter: false })).tokens), signature(markdownFor(true).parse(text, {})));
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadFootnotes, renderComment, renderMarkdown } from 'sciblog-elements/core';

let footnotes;
before(async () => {
  footnotes = await loadFootnotes();
});

const ids = (html) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
const fragments = (html) => [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]));
const idLists = (html) => [...html.matchAll(/\saria-(?:describedby|labelledby)="([^"]*)"/g)].flatMap((m) => m[1].split(' '));

const post = [
  '# Proof {#proof}',
  '',
  '$$\\begin{equation}E = mc^2\\label{a}\\end{equation}$$',
  '',
  'By \\eqref{a}, see [the proof](#proof), [the note](#fn-1) and a note[^1].',
  '',
  '::: theorem {#thm:main}',
  'True.',
  ':::',
  '',
  '![A figure](a.png){#fig:one}',
  '',
  '[^1]: The note.',
].join('\n');

describe('renderMarkdown idPrefix', () => {
  for (const trusted of [true, false]) {
    it(`prefixes every id, id list and fragment link it writes (${trusted ? 'trusted' : 'untrusted'} text)`, () => {
      const plain = renderMarkdown(post, { trusted, footnotes });
      const { html, equations, headings, blocks } = renderMarkdown(post, { trusted, footnotes, idPrefix: 'c-7-' });
      const plainIds = ids(plain.html);
      // The same ids as without the prefix, each one prefixed: nothing missed, nothing invented.
      assert.ok(plainIds.length >= 4, `ids in ${plain.html}`);
      assert.deepEqual(ids(html), plainIds.map((id) => `c-7-${id}`));
      assert.deepEqual(fragments(html), fragments(plain.html).map((id) => `c-7-${id}`));
      assert.deepEqual(idLists(html), idLists(plain.html).map((id) => `c-7-${id}`));
      assert.ok(ids(html).includes('c-7-eq-a'));
      assert.ok(fragments(html).includes('c-7-proof'));
      assert.ok(fragments(html).includes('c-7-eq-a'), 'the \\eqref link follows its equation');
      assert.deepEqual(equations.map((e) => e.id), plain.equations.map((e) => `c-7-${e.id}`));
      assert.deepEqual(headings.map((h) => h.id), plain.headings.map((h) => `c-7-${h.id}`));
      assert.deepEqual(blocks.map((b) => b.id), plain.blocks.map((b) => `c-7-${b.id}`));
    });
  }

  it('leaves the HTML as it was without a prefix', () => {
    assert.equal(renderMarkdown(post, { footnotes, idPrefix: '' }).html, renderMarkdown(post, { footnotes }).html);
  });

  it('escapes a prefix that holds markup, so it cannot break out of the attribute', () => {
    const { html } = renderMarkdown('# Title', { trusted: false, idPrefix: 'c-"><img src=x onerror=alert(1)>-' });
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /id="c-&quot;&gt;&lt;img/);
  });

  it('does not touch text that only looks like an attribute', () => {
    const { html } = renderMarkdown('He wrote ` id="proof"` and href="#proof" in `code`.', { trusted: false, idPrefix: 'c-1-' });
    assert.deepEqual(ids(html), []);
    assert.deepEqual(fragments(html), []);
  });
});

describe('renderComment idPrefix and headings', () => {
  it('gives a hostile comment no id and no link the page owns', () => {
    const { html } = renderComment('# Proof\n\n$$x\\label{a}\\tag{1}$$\n\n[jump](#proof) [eq](#eq-a)', { idPrefix: 'c-9-' });
    for (const id of ids(html)) assert.ok(id.startsWith('c-9-'), `id ${id}`);
    for (const fragment of fragments(html)) assert.ok(fragment.startsWith('c-9-'), `link #${fragment}`);
    assert.ok(ids(html).includes('c-9-eq-a'));
    assert.ok(fragments(html).includes('c-9-proof') && fragments(html).includes('c-9-eq-a'), 'its own links still point at its own prefixed anchors');
  });

  it('moves headings three levels down, no lower than h6', () => {
    const { html } = renderComment('# One\n\n## Two\n\n### Three\n\n#### Four');
    assert.deepEqual([...html.matchAll(/<(h[1-6])[\s>]/g)].map((m) => m[1]), ['h4', 'h5', 'h6', 'h6']);
    assert.deepEqual([...html.matchAll(/<\/(h[1-6])>/g)].map((m) => m[1]), ['h4', 'h5', 'h6', 'h6']);
  });
});

describe('renderComment labels of the post', () => {
  const labels = new Map([
    ['a', { id: 'eq-a', number: '1', kind: 'equation' }],
    ['fig:one', { id: 'fig-one', number: '2', kind: 'figure' }],
  ]);

  it('links a reference it cannot resolve itself to the post, unprefixed, with the post’s number', () => {
    const { html, errors } = renderComment('By \\eqref{a}, $\\eqref{a}$ and @fig:one.', { idPrefix: 'c-7-', labels });
    assert.deepEqual(fragments(html), ['eq-a', 'eq-a', 'fig-one']);
    assert.match(html, />\(1\)</);
    assert.deepEqual(errors, []);
  });

  it('keeps an unknown label (??) with its error', () => {
    const { html, errors } = renderComment('See \\eqref{b}.', { idPrefix: 'c-7-', labels });
    assert.match(html, /\(\?\?\)/);
    assert.deepEqual(fragments(html), []);
    assert.ok(errors.some((error) => error.message.includes('"b"')), JSON.stringify(errors));
  });

  it('keeps a label the comment defines itself, and its id apart from the post’s', () => {
    const { html } = renderComment('$$\\begin{equation}y\\label{a}\\end{equation}$$\n\nMine: \\eqref{a}; [raw](#eq-a).', { idPrefix: 'c-7-', labels });
    const [own, raw] = fragments(html);
    assert.ok(own.startsWith('c-7-') && ids(html).includes(own), `${own} in ${html}`);
    assert.notEqual(own, 'c-7-eq-a');
    // A hand-written link to the post's equation may stay, as \eqref would make it; any other is prefixed.
    assert.equal(raw, 'eq-a');
    assert.deepEqual(fragments(renderComment('[raw](#proof)', { idPrefix: 'c-7-', labels }).html), ['c-7-proof']);
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadFootnotes, messages, needsFootnotes, renderMarkdown, renderPostBlocks } from 'sciblog-elements/core';
import { annotations, attr, byClass, findAll, links, parseHtml, visibleText } from './support/html.js';

const tex = String.raw;

let footnotes;
before(async () => {
  footnotes = await loadFootnotes();
});

/** Each note of the footnote list: its id, its text (back links left out) and where its back links go. */
function notes(html) {
  return findAll(parseHtml(html), byClass('sb-footnote')).map((note) => {
    const back = findAll(note, byClass('sb-footnote-backref'));
    for (const link of back) link.parent.children.splice(link.parent.children.indexOf(link), 1);
    return { id: attr(note, 'id'), text: visibleText(note).trim(), back: back.map((link) => attr(link, 'href')) };
  });
}

/** Each footnote reference in the text: the number shown, its id and the note it links to. */
function references(html) {
  return findAll(parseHtml(html), byClass('sb-footnote-ref')).map((sup) => {
    const [link] = findAll(sup, (e) => e.tag === 'a');
    return { shown: visibleText(link), id: attr(link, 'id'), href: attr(link, 'href') };
  });
}

function ids(html) {
  return findAll(parseHtml(html), (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id'));
}

describe('footnotes', () => {
  it('number the notes in the order they are first cited, inline notes among them', () => {
    const source = 'First[^b], then inline^[An inline note.], then[^a].\n\n[^a]: Note A.\n[^b]: Note B.';
    const { html, errors } = renderMarkdown(source, { footnotes });
    assert.deepEqual(errors, []);
    assert.deepEqual(references(html), [
      { shown: '1', id: 'fnref-1', href: '#fn-1' },
      { shown: '2', id: 'fnref-2', href: '#fn-2' },
      { shown: '3', id: 'fnref-3', href: '#fn-3' },
    ]);
    assert.deepEqual(notes(html), [
      { id: 'fn-1', text: 'Note B.', back: ['#fnref-1'] },
      { id: 'fn-2', text: 'An inline note.', back: ['#fnref-2'] },
      { id: 'fn-3', text: 'Note A.', back: ['#fnref-3'] },
    ]);
  });

  it('a note cited twice has one back link to each citation', () => {
    const { html } = renderMarkdown('Once[^n] and twice[^n].\n\n[^n]: The note.', { footnotes });
    assert.deepEqual(references(html).map((r) => [r.shown, r.id]), [['1', 'fnref-1'], ['1', 'fnref-1-2']]);
    assert.deepEqual(notes(html)[0].back, ['#fnref-1', '#fnref-1-2']);
    assert.deepEqual(ids(html).filter((id, index, all) => all.indexOf(id) !== index), [], 'every id once');
  });

  it('typeset math inside a note, and its \\eqref links to the equation', () => {
    const source = [
      tex`As shown[^proof], and^[inline: $y_1$ and \eqref{a}].`,
      tex`\begin{equation}x = 1 \label{a}\end{equation}`,
      tex`[^proof]: Square it: $x^2 = 1$, which is \eqref{a} again.`,
    ].join('\n\n');
    const { html, errors } = renderMarkdown(source, { footnotes });
    assert.deepEqual(errors, []);
    const list = findAll(parseHtml(html), byClass('sb-footnotes'))[0];
    assert.deepEqual(findAll(list, (e) => e.tag === 'annotation').map(visibleText), ['x^2 = 1', 'y_1']);
    assert.deepEqual(
      findAll(list, byClass('sb-eqref')).map((a) => [attr(a, 'href'), visibleText(a)]),
      [['#eq-a', '(1)'], ['#eq-a', '(1)']],
    );
    assert.deepEqual(notes(html).map((n) => n.text), ['Square it: x2=1, which is (1) again.', 'inline: y1 and (1)']);
  });

  it('a display equation inside a note takes the next number', () => {
    const source = tex`See[^n].` + '\n\n' + tex`\begin{equation}a\label{a}\end{equation}` + '\n\n' + '[^n]: We have\n\n    $$b \\tag{★}$$\n\n    and \\eqref{a}.';
    const { html, errors, equations } = renderMarkdown(source, { footnotes });
    assert.deepEqual(errors, []);
    assert.deepEqual(equations.map((e) => e.number), ['1', '★']);
    assert.ok(annotations(html).includes(tex`b \tag{★}`));
  });

  it('the list is labelled in the reader\'s language', () => {
    const source = 'A note[^1].\n\n[^1]: Here.';
    const section = (html) => findAll(parseHtml(html), byClass('sb-footnotes'))[0];
    const english = renderMarkdown(source, { footnotes }).html;
    assert.equal(attr(section(english), 'aria-label'), 'Footnotes');
    assert.equal(attr(section(english), 'role'), 'doc-endnotes');
    const { zh } = messages;
    const chinese = renderMarkdown(source, { footnotes, footnoteLabels: { list: zh.footnotes, back: zh.footnoteBack } }).html;
    assert.equal(attr(section(chinese), 'aria-label'), '脚注');
    assert.deepEqual(findAll(parseHtml(chinese), byClass('sb-footnote-backref')).map((a) => attr(a, 'aria-label')), ['返回正文']);
  });

  it('a label with HTML and quotes in it is never markup', () => {
    const label = '"><img/src=x/onerror=alert(1)>';
    const source = `Cite[^${label}].\n\n[^${label}]: The note.`;
    for (const trusted of [true, false]) {
      const { html } = renderMarkdown(source, { footnotes, trusted });
      assert.deepEqual(findAll(parseHtml(html), (e) => e.tag === 'img'), [], html);
      assert.doesNotMatch(html, /onerror/, html);
      assert.equal(notes(html)[0].text, 'The note.');
    }
  });

  it('without the footnotes option there are no notes (markdown-it-footnote is loaded only when asked for)', () => {
    const { html } = renderMarkdown('A note[^1] and^[inline].\n\n[^1]: Here.');
    assert.deepEqual(references(html), []);
    assert.deepEqual(findAll(parseHtml(html), byClass('sb-footnotes')), []);
  });

  it('needsFootnotes tells a post with notes from one without', () => {
    assert.equal(needsFootnotes('A[^1].\n\n[^1]: note'), true);
    assert.equal(needsFootnotes('An inline^[note].'), true);
    assert.equal(needsFootnotes('Just $x^2$ and [a link](x) and a[^1] reference without a definition.'), false);
  });
});

describe('footnotes in visitor text', () => {
  const comment = 'A visitor cites[^1] and^[inline].\n\n[^1]: Their note with <b>html</b> and [a link](javascript:alert(1)).';

  it('have ids of their own, never the post\'s fn-/fnref- ids, that still link up', () => {
    const { html } = renderMarkdown(comment, { footnotes, trusted: false });
    const postIds = ids(renderMarkdown(comment, { footnotes }).html);
    for (const id of ids(html)) assert.ok(!postIds.includes(id), `${id} is also a post's id`);
    for (const { href } of references(html)) assert.ok(ids(html).includes(href.slice(1)), `${href} has its note`);
    for (const { back } of notes(html)) for (const href of back) assert.ok(ids(html).includes(href.slice(1)), `${href} has its reference`);
  });

  it('two visitors\' notes do not share ids', () => {
    const first = ids(renderMarkdown('One[^1].\n\n[^1]: a', { footnotes, trusted: false }).html);
    const second = ids(renderMarkdown('Two[^1].\n\n[^1]: b', { footnotes, trusted: false }).html);
    assert.deepEqual(first.filter((id) => second.includes(id)), []);
  });

  it('show raw HTML as text and drop unsafe links', () => {
    const { html } = renderMarkdown(comment, { footnotes, trusted: false });
    assert.deepEqual(findAll(parseHtml(html), (e) => e.tag === 'b'), []);
    assert.match(notes(html)[0].text, /<b>html<\/b>/);
    assert.deepEqual(links(html).filter((l) => !l.href.startsWith('#')), []);
  });
});

describe('footnotes in a long post (prepared in chunks)', () => {
  // Far over the size at which the block parse is cut into chunks (4 × 50 000 characters).
  const filler = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} with $x_{${i}}$ and some words to fill the line out.`).join('\n\n');
  const source = `The first line cites a note[^far] and an inline one^[near, $a^2$].\n\n${filler}\n\n[^far]: Defined at the very end, with $\\sum_i x_i$.\n`;

  it('resolves a note defined in the last chunk, and makes one list', () => {
    assert.ok(source.length > 200_000, `${source.length} characters`);
    const { html, errors } = renderMarkdown(source, { footnotes });
    assert.deepEqual(errors, []);
    assert.deepEqual(references(html).map((r) => r.href), ['#fn-1', '#fn-2']);
    assert.equal(findAll(parseHtml(html), byClass('sb-footnotes')).length, 1);
    assert.deepEqual(notes(html).map((n) => [n.id, n.back]), [['fn-1', ['#fnref-1']], ['fn-2', ['#fnref-2']]]);
    assert.doesNotMatch(html, /\[\^far\]/);
  });

  it('cut into blocks, the list is the last block, whole, and a link to a note finds it', () => {
    const blocks = renderPostBlocks(source, { footnotes });
    const last = blocks.blocks.length - 1;
    const listHtml = blocks.blockHtml(last);
    assert.match(listHtml, /^<section class="sb-footnotes"[\s\S]*<\/section>\n$/);
    assert.equal(blocks.blockOf('fn-1'), last);
    assert.equal(blocks.blockOf('fn-2'), last);
    assert.doesNotMatch(blocks.blockHtml(last - 1), /sb-footnote/);
  });
});

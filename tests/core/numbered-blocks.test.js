import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown, renderPostBlocks } from 'sciblog-elements/core';
import { attr, byClass, findAll, hasClass, links, parseHtml, visibleText } from './support/html.js';

// What each error says in English, and where (error-messages.test.js checks their codes and other languages).
const messagesOf = (errors) => errors.map(({ message, line }) => (line === undefined ? { message } : { message, line }));

const tex = String.raw;
const normalized = (text) => text.replace(/\s+/g, ' ').trim();

/** Each `<figure>` of the rendered post: id, image src and alt, caption text. */
function figures(html) {
  return findAll(parseHtml(html), (e) => e.tag === 'figure').map((figure) => ({
    id: attr(figure, 'id'),
    src: attr(findAll(figure, (e) => e.tag === 'img')[0], 'src'),
    caption: normalized(visibleText(findAll(figure, (e) => e.tag === 'figcaption')[0] ?? { text: '' })),
  }));
}

/** Each theorem-like block: its kind (from its class), id, head (name, number, title) and all its text. */
function theorems(html) {
  return findAll(parseHtml(html), byClass('sb-theorem')).map((block) => ({
    kind: attr(block, 'class').split(' ').find((name) => name.startsWith('sb-theorem-')).slice('sb-theorem-'.length),
    id: attr(block, 'id'),
    head: normalized(visibleText(findAll(block, byClass('sb-theorem-head'))[0])),
    text: normalized(visibleText(block)),
  }));
}

/** Each `<table>`: id and caption text. */
function tables(html) {
  return findAll(parseHtml(html), (e) => e.tag === 'table').map((table) => ({
    id: attr(table, 'id'),
    caption: normalized(visibleText(findAll(table, (e) => e.tag === 'caption')[0] ?? { text: '' })),
  }));
}

const linkTexts = (html) => links(html).map(({ href, text }) => [href, text]);

describe('figures', () => {
  it('an image alone in its paragraph becomes a numbered figure captioned by its alt text', () => {
    const { html, errors } = renderMarkdown('Before.\n\n![The unit circle](circle.svg)\n\nAfter.');
    assert.deepEqual(errors, []);
    assert.deepEqual(figures(html), [{ id: 'fig-1', src: 'circle.svg', caption: 'Figure 1: The unit circle' }]);
    assert.deepEqual(findAll(parseHtml(html), (e) => e.tag === 'p').map(visibleText), ['Before.', 'After.']);
  });

  it('an image inside running text stays an image in its paragraph', () => {
    const { html } = renderMarkdown('The icon ![gear](gear.svg) opens the settings.');
    assert.deepEqual(figures(html), []);
    assert.equal(findAll(parseHtml(html), (e) => e.tag === 'img').length, 1);
  });

  it('takes the caption from the title when the alt text is empty, and makes no figure of an image with neither', () => {
    const { html } = renderMarkdown('![](a.png "Sampled points")\n\n![](b.png)');
    assert.deepEqual(figures(html), [{ id: 'fig-1', src: 'a.png', caption: 'Figure 1: Sampled points' }]);
    assert.equal(findAll(parseHtml(html), (e) => e.tag === 'img').length, 2);
  });

  it('renders markdown and math in a caption, and numbers figures in order', () => {
    const { html, errors } = renderMarkdown(tex`![First](1.png)` + '\n\n' + tex`![The graph of *f*, $y = x^2$](2.png)`);
    assert.deepEqual(errors, []);
    const [, second] = figures(html);
    assert.equal(second.caption.startsWith('Figure 2: The graph of f, '), true, second.caption);
    const [caption] = findAll(parseHtml(html), (e) => e.tag === 'figcaption').slice(1);
    assert.equal(findAll(caption, (e) => e.tag === 'em').length, 1);
    assert.equal(findAll(caption, byClass('katex')).length, 1);
  });

  it('`{#fig:x}` labels a figure: its id, \\ref{fig:x} gives its number and @fig:x its name and number, even before it', () => {
    const source = tex`As \ref{fig:circle} and @fig:circle show:` + '\n\n' + '![The circle](c.svg){#fig:circle}';
    const { html, errors, blocks } = renderMarkdown(source);
    assert.deepEqual(errors, []);
    assert.equal(figures(html)[0].id, 'fig-circle');
    assert.deepEqual(linkTexts(html), [['#fig-circle', '1'], ['#fig-circle', 'Figure 1']]);
    assert.deepEqual(blocks, [{ kind: 'figure', id: 'fig-circle', number: '1', label: 'fig:circle' }]);
  });

  it('names figures in Chinese for a Chinese post (option or front matter lang)', () => {
    const source = '见 @fig:a。\n\n![单位圆](c.svg){#fig:a}';
    for (const [name, result] of [
      ['locale option', renderMarkdown(source, { locale: 'zh' })],
      ['front matter', renderMarkdown(`---\nlang: zh-CN\n---\n${source}`)],
    ]) {
      assert.equal(figures(result.html)[0].caption, '图 1：单位圆', name);
      assert.deepEqual(linkTexts(result.html), [['#fig-a', '图 1']], name);
    }
  });
});

describe('tables with captions', () => {
  const table = '| n | n² |\n|---|----|\n| 2 | 4 |';

  it('a `Table:` line before the table becomes its numbered caption, with its label', () => {
    const { html, errors } = renderMarkdown(`See @tbl:squares.\n\nTable: Squares {#tbl:squares}\n\n${table}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(tables(html), [{ id: 'tbl-squares', caption: 'Table 1: Squares' }]);
    assert.deepEqual(linkTexts(html), [['#tbl-squares', 'Table 1']]);
    assert.equal(normalized(visibleText(parseHtml(html))).includes('Table: Squares'), false);
  });

  it('a `:` caption after the table counts as well, and \\ref{tbl:x} gives the number', () => {
    const { html, errors } = renderMarkdown(`${table}\n\n: Squares of *small* numbers {#tbl:s}\n\nBy table \\ref{tbl:s}.`);
    assert.deepEqual(errors, []);
    assert.deepEqual(tables(html), [{ id: 'tbl-s', caption: 'Table 1: Squares of small numbers' }]);
    assert.deepEqual(linkTexts(html), [['#tbl-s', '1']]);
  });

  it('a table without a caption line is not numbered; the next captioned one is table 1', () => {
    const { html } = renderMarkdown(`${table}\n\nText.\n\n${table}\n\nTable: 表格\n`, { locale: 'zh' });
    assert.deepEqual(tables(html), [{ id: undefined, caption: '' }, { id: 'tbl-1', caption: '表 1：表格' }]);
  });
});

describe('theorem-like blocks', () => {
  it('\\begin{theorem}[title] … \\end{theorem} shows its name, number and title in bold before the text', () => {
    const source = tex`\begin{theorem}[Cauchy]` + '\nEvery *Cauchy* sequence converges.\n' + tex`\end{theorem}`;
    const { html, errors } = renderMarkdown(source);
    assert.deepEqual(errors, []);
    assert.deepEqual(theorems(html), [{ kind: 'theorem', id: 'thm-1', head: 'Theorem 1 (Cauchy).', text: 'Theorem 1 (Cauchy). Every Cauchy sequence converges.' }]);
    const [name] = findAll(parseHtml(html), byClass('sb-theorem-name'));
    assert.equal(name.tag, 'strong');
    assert.equal(findAll(parseHtml(html), (e) => e.tag === 'em').length, 1);
  });

  it('`::: lemma [title] {#label}` is the same block written as a fenced div', () => {
    const { html, errors } = renderMarkdown('By @lem:bound.\n\n::: lemma [A bound] {#lem:bound}\nFor all $x$, $|x| \\ge 0$.\n:::');
    assert.deepEqual(errors, []);
    assert.deepEqual(theorems(html).map(({ kind, id, head }) => ({ kind, id, head })), [{ kind: 'lemma', id: 'lem-bound', head: 'Lemma 1 (A bound).' }]);
    assert.deepEqual(linkTexts(html), [['#lem-bound', 'Lemma 1']]);
  });

  it('numbers each kind on its own counter by default', () => {
    const source = ['theorem', 'lemma', 'theorem', 'definition', 'lemma'].map((kind) => `::: ${kind}\nText.\n:::`).join('\n\n');
    assert.deepEqual(theorems(renderMarkdown(source).html).map((t) => t.head), ['Theorem 1.', 'Lemma 1.', 'Theorem 2.', 'Definition 1.', 'Lemma 2.']);
  });

  it('numbers every kind on one counter when asked (option or front matter), figures apart', () => {
    const source = ['theorem', 'lemma', 'corollary'].map((kind) => `::: ${kind}\nText.\n:::`).join('\n\n') + '\n\n![A](a.png)';
    for (const result of [renderMarkdown(source, { theoremNumbering: 'shared' }), renderMarkdown(`---\ntheorem-numbering: shared\n---\n${source}`)]) {
      assert.deepEqual(theorems(result.html).map((t) => t.head), ['Theorem 1.', 'Lemma 2.', 'Corollary 3.']);
      assert.equal(figures(result.html)[0].caption, 'Figure 1: A');
    }
  });

  it('reports a theorem-numbering it does not know, with its line', () => {
    const { errors } = renderMarkdown('---\ntitle: t\ntheorem-numbering: by-section\n---\nText.');
    assert.deepEqual(messagesOf(errors), [{ message: 'front matter: theorem-numbering "by-section" is not one of "per-kind", "shared"', line: 3 }]);
  });

  it('has the Chinese and English names of every kind', () => {
    const kinds = ['theorem', 'lemma', 'proposition', 'corollary', 'definition', 'example', 'remark', 'proof'];
    const source = kinds.map((kind) => `::: ${kind}\nText.\n:::`).join('\n\n');
    assert.deepEqual(theorems(renderMarkdown(source).html).map((t) => t.head), [
      'Theorem 1.', 'Lemma 1.', 'Proposition 1.', 'Corollary 1.', 'Definition 1.', 'Example 1.', 'Remark 1.', 'Proof.',
    ]);
    assert.deepEqual(theorems(renderMarkdown(source, { locale: 'zh' }).html).map((t) => t.head), [
      '定理 1', '引理 1', '命题 1', '推论 1', '定义 1', '例 1', '注 1', '证明',
    ]);
  });

  it('a Chinese title is set in full-width brackets', () => {
    const { html } = renderMarkdown(tex`\begin{theorem}[柯西]` + '\n内容。\n' + tex`\end{theorem}`, { locale: 'zh' });
    assert.equal(theorems(html)[0].head, '定理 1（柯西）');
  });

  it('a proof is not numbered and ends with ∎ at the end of its last paragraph', () => {
    const { html, errors, blocks } = renderMarkdown(tex`\begin{proof}` + '\nFirst.\n\nSo $x = 1$.\n' + tex`\end{proof}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(blocks, []);
    const [proof] = theorems(html);
    assert.deepEqual([proof.kind, proof.id, proof.head], ['proof', undefined, 'Proof.']);
    const root = parseHtml(html);
    const paragraphs = findAll(root, (e) => e.tag === 'p');
    const [qed] = findAll(root, byClass('sb-qed'));
    assert.equal(visibleText(qed), '∎');
    assert.ok(qed.parent === paragraphs[paragraphs.length - 1], 'in the last paragraph');
  });

  it('a proof that ends in a display puts its ∎ on a line of its own after it', () => {
    const { html } = renderMarkdown('::: proof\nHence\n\n$$x = 1.$$\n:::');
    const [qed] = findAll(parseHtml(html), byClass('sb-qed'));
    assert.equal(qed.tag, 'p');
    assert.equal(hasClass(qed.parent, 'sb-theorem-proof'), true);
    assert.equal(hasClass(findAll(parseHtml(html), byClass('sb-equation'))[0].parent, 'sb-theorem-proof'), true);
  });

  it('renders markdown and math inside, and the equation numbering runs through', () => {
    const source = [
      tex`\begin{equation}a = 1 \label{a}\end{equation}`,
      tex`\begin{theorem}\label{thm:sum}`,
      '- a list item with $x$',
      '',
      tex`\begin{equation}b = 2 \label{b}\end{equation}`,
      tex`\end{theorem}`,
      '',
      tex`\begin{equation}c = 3\end{equation}`,
      '',
      tex`By \eqref{b} in theorem \ref{thm:sum}.`,
    ].join('\n');
    const { html, errors, equations } = renderMarkdown(source);
    assert.deepEqual(errors, []);
    assert.deepEqual(equations.map((e) => e.number), ['1', '2', '3']);
    const [theorem] = findAll(parseHtml(html), byClass('sb-theorem'));
    assert.equal(findAll(theorem, (e) => e.tag === 'li').length, 1);
    assert.equal(findAll(theorem, byClass('sb-equation')).length, 1);
    assert.deepEqual(linkTexts(html), [['#eq-b', '(2)'], ['#thm-sum', '1']]);
  });

  it('a \\label in the text labels the theorem it stands in and is not shown', () => {
    const source = 'See @thm:main.\n\n' + tex`\begin{theorem}` + '\nA statement. ' + tex`\label{thm:main}` + '\n' + tex`\end{theorem}`;
    const { html, errors } = renderMarkdown(source);
    assert.deepEqual(errors, []);
    assert.deepEqual(theorems(html).map(({ id, text }) => ({ id, text })), [{ id: 'thm-main', text: 'Theorem 1. A statement.' }]);
    assert.deepEqual(linkTexts(html), [['#thm-main', 'Theorem 1']]);
  });

  it('a \\label in text outside any block stays as it is written', () => {
    const { html, errors } = renderMarkdown(tex`Write \label{x} in a theorem.`);
    assert.deepEqual(errors, []);
    assert.equal(visibleText(parseHtml(html)).trim(), tex`Write \label{x} in a theorem.`);
  });

  it('a LaTeX environment in the middle of a paragraph line splits the paragraph around it', () => {
    const source = tex`We now state \begin{lemma}[Key] if $x > 0$ then $x^2 > 0$. \label{lem:key}\end{lemma} and use @lem:key.`;
    const { html, errors } = renderMarkdown(source);
    assert.deepEqual(errors, []);
    const root = parseHtml(html);
    assert.deepEqual(root.children.filter((c) => c.tag).map((c) => c.tag), ['p', 'div', 'p']);
    assert.deepEqual(findAll(root, (e) => e.tag === 'p' && e.parent === root).map((p) => normalized(visibleText(p))), ['We now state', 'and use Lemma 1.']);
    const [lemma] = theorems(html);
    assert.equal(lemma.id, 'lem-key');
    assert.match(lemma.text, /^Lemma 1 \(Key\)\. if .+ then .+\.$/);
  });

  it('a LaTeX environment right after a paragraph line starts a block of its own', () => {
    const { html } = renderMarkdown('Some text\n' + tex`\begin{remark}` + '\nA remark.\n' + tex`\end{remark}` + '\nMore text.');
    const root = parseHtml(html);
    assert.deepEqual(root.children.filter((c) => c.tag).map((c) => c.tag), ['p', 'div', 'p']);
    assert.equal(theorems(html)[0].text, 'Remark 1. A remark.');
  });

  it('`\\begin{theorem}` in code stays code', () => {
    const { html, blocks } = renderMarkdown('Write `\\begin{theorem} … \\end{theorem}` for a theorem.');
    assert.deepEqual(blocks, []);
    assert.equal(findAll(parseHtml(html), (e) => e.tag === 'code').length, 1);
  });

  it('\\eqref to a theorem shows its number in parentheses and says to use \\ref', () => {
    const { html, errors } = renderMarkdown('::: theorem {#thm:a}\nT.\n:::\n\n' + tex`By \eqref{thm:a}.`);
    assert.deepEqual(linkTexts(html), [['#thm-a', '(1)']]);
    assert.deepEqual(messagesOf(errors), [{ message: tex`\eqref{thm:a} refers to a theorem, not an equation: write \ref{thm:a} or @thm:a`, line: 5 }]);
  });

  it('a \\begin without its \\end is shown as text and reported', () => {
    const { html, errors } = renderMarkdown('Text.\n\n' + tex`\begin{theorem}` + '\nNo end.');
    assert.match(visibleText(parseHtml(html)), /\\begin\{theorem\}/);
    assert.deepEqual(messagesOf(errors), [{ message: tex`\begin{theorem} has no \end{theorem}: shown as text`, line: 3 }]);
  });
});

describe('labels and references across blocks and equations', () => {
  it('an unknown label renders ?? (\\ref) or its kind and ?? (@) and is reported with its line', () => {
    const source = '---\ntitle: t\n---\nFine.\n\n' + tex`See \ref{fig:none} and @thm:none.`;
    const { html, errors } = renderMarkdown(source);
    assert.equal(normalized(visibleText(parseHtml(html))), 'Fine. See ?? and Theorem ??.');
    assert.deepEqual(messagesOf(errors), [{ message: 'unknown label "fig:none"', line: 6 }, { message: 'unknown label "thm:none"', line: 6 }]);
    assert.deepEqual(links(html), []);
  });

  it('labels of equations, figures and theorems share one namespace: a duplicate is reported and the first kept', () => {
    const source = ['::: theorem {#x}', 'T.', ':::', '', tex`\begin{equation}a \label{x}\end{equation}`, '', '![F](f.png){#x}', '', tex`\ref{x} and @x`].join('\n');
    const { html, errors } = renderMarkdown(source);
    assert.deepEqual(messagesOf(errors), [
      { message: 'duplicate label "x": references use the first one, theorem 1', line: 5 },
      { message: 'duplicate label "x": references use the first one, theorem 1', line: 7 },
    ]);
    assert.equal(links(html)[0].href, '#thm-x');
  });

  it('@eq:x names an equation', () => {
    const { html } = renderMarkdown(tex`\begin{equation}a \label{eq:a}\end{equation}` + '\n\nBy @eq:a.');
    assert.deepEqual(linkTexts(html), [['#eq-eq:a', 'Eq. (1)']]);
  });

  it('@fig:x ends where Chinese text goes on without a space', () => {
    const { html, errors } = renderMarkdown('如@fig:a所示。\n\n![图](a.png){#fig:a}', { locale: 'zh' });
    assert.deepEqual(errors, []);
    assert.equal(normalized(visibleText(findAll(parseHtml(html), (e) => e.tag === 'p')[0])), '如图 1所示。');
  });

  it('an e-mail address or a word with @ is no reference', () => {
    const { html, errors } = renderMarkdown('Write to me@fig:x or see foo@thm:y.');
    assert.deepEqual(errors, []);
    assert.equal(findAll(parseHtml(html), byClass('sb-ref')).length, 0);
  });

  it('a figure id does not take a heading\'s', () => {
    const { html } = renderMarkdown('## Fig 1\n\n![A](a.png)');
    assert.equal(findAll(parseHtml(html), (e) => e.tag === 'h2').map((h) => attr(h, 'id'))[0], 'fig-1');
    assert.equal(figures(html)[0].id, 'fig-1-2');
  });

  it('a long post prepared in chunks numbers its blocks as one: a reference in the first chunk reaches a theorem far below', () => {
    const filler = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i} with some words to make the post long enough to be cut.`).join('\n\n');
    const source = tex`By theorem \ref{thm:far} and @fig:far.` + `\n\n${filler}\n\n::: theorem {#thm:far}\nFar.\n:::\n\n![Far](far.png){#fig:far}\n`;
    assert.ok(source.length > 250_000);
    const blocks = renderPostBlocks(source);
    assert.deepEqual(blocks.result.errors, []);
    assert.deepEqual(linkTexts(blocks.blockHtml(0)), [['#thm-far', '1'], ['#fig-far', 'Figure 1']]);
    assert.equal(blocks.blockOf('thm-far'), blocks.blocks.length - 2);
    assert.equal(blocks.blockOf('fig-far'), blocks.blocks.length - 1);
  });
});

describe('numbered blocks in untrusted text', () => {
  it('render, with ids made of the label\'s safe characters only', () => {
    const source = '::: theorem [<img src=x onerror=alert(1)>] {#"><script>alert(1)</script>}\nT.\n:::\n\n' + tex`\begin{lemma}\label{a" onclick="alert(1)}` + '\nL.\n' + tex`\end{lemma}` + '\n\n![cap <b>x</b>](https://example.com/a.png){#fig:"x"}\n\nSee @lem:a.';
    const { html } = renderMarkdown(source, { trusted: false });
    const root = parseHtml(html);
    assert.equal(findAll(root, (e) => ['script', 'b'].includes(e.tag) || (e.tag === 'img' && attr(e, 'onerror') !== undefined)).length, 0);
    for (const element of findAll(root, (e) => attr(e, 'id') !== undefined)) assert.match(attr(element, 'id'), /^(?:thm|lem|fig)-[\p{L}\p{N}:._-]+$/u);
    for (const element of findAll(root, (e) => e.attrs.some((a) => a.name.startsWith('on')))) assert.fail(`event handler on <${element.tag}>`);
    assert.equal(theorems(html).length, 1 + findAll(root, byClass('sb-theorem-lemma')).length);
    assert.equal(figures(html).length, 1);
  });

  it('a figure\'s javascript: image is dropped like any unsafe link', () => {
    const { html } = renderMarkdown('![x](javascript:alert(1)){#fig:a}', { trusted: false });
    for (const image of findAll(parseHtml(html), (e) => e.tag === 'img')) assert.doesNotMatch(attr(image, 'src'), /javascript/i);
  });
});

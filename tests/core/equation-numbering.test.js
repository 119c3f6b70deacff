import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { numberEquations, renderMarkdown } from 'sciblog-elements/core';
import { annotations, attr, byClass, equationBlocks, findAll, links, parseHtml, visibleText } from './support/html.js';

const tex = String.raw;

/** The tags a reader sees, per display formula, per row. */
const tagsOf = (source) => equationBlocks(renderMarkdown(source).html).map((block) => block.tags);

describe('which equations get a number', () => {
  const cases = [
    ['an equation environment is numbered', tex`\begin{equation}E = mc^2\end{equation}`, [['(1)']]],
    ['each row of align is numbered', tex`\begin{align}a &= b \\ c &= d \\ e &= f\end{align}`, [['(1)', '(2)', '(3)']]],
    ['each row of gather is numbered', tex`\begin{gather}a = b \\ c = d\end{gather}`, [['(1)', '(2)']]],
    ['a row with \\nonumber or \\notag gets no number and does not use one up',
      tex`\begin{align}a &= b \\ c &= d \nonumber \\ e &= f \notag \\ g &= h\end{align}`, [['(1)', '', '', '(2)']]],
    ['\\notag works in gather too', tex`\begin{gather}a \notag \\ b\end{gather}`, [['', '(1)']]],
    ['\\nonumber wins over a \\label on the same row, as in LaTeX',
      tex`\begin{align}a \nonumber \label{x} \\ b \label{y} \notag \\ c\end{align}`, [['', '', '(1)']]],
    ['\\nonumber in an equation leaves it unnumbered, as amsmath does',
      tex`\begin{equation}a \nonumber\end{equation}` + '\n\n' + tex`\begin{equation}b\end{equation}`, [[], ['(1)']]],
    ['equation* is not numbered', tex`\begin{equation*}a\end{equation*}`, [[]]],
    ['align* is not numbered', tex`\begin{align*}a &= b \\ c &= d\end{align*}`, [[]]],
    ['gather* is not numbered', tex`\begin{gather*}a \\ b\end{gather*}`, [[]]],
    ['multline* is not numbered', tex`\begin{multline*}a \\ b\end{multline*}`, [[]]],
    ['aligned inside an equation gives the whole block one number',
      tex`\begin{equation}\begin{aligned}a &= b \\ c &= d\end{aligned}\end{equation}`, [['(1)']]],
    ['split inside an equation gives the whole block one number',
      tex`\begin{equation}\begin{split}a &= b \\ &= c\end{split}\end{equation}`, [['(1)']]],
    ['\\[..\\] is not numbered', tex`\[a = b\]`, [[]]],
    ['$$..$$ is not numbered', tex`$$a = b$$`, [[]]],
    ['\\[..\\] with a \\label is numbered', tex`\[a = b \label{x}\]`, [['(1)']]],
    ['$$..$$ with a \\label is numbered', tex`$$a = b \label{x}$$`, [['(1)']]],
    ['$$..$$ with a \\tag shows the tag', tex`$$a = b \tag{A}$$`, [['(A)']]],
    ['equation* with a \\tag shows the tag', tex`\begin{equation*}a \tag{B}\end{equation*}`, [['(B)']]],
    ['a labelled row of align* is numbered, the others are not', tex`\begin{align*}a &= b \\ c &= d \label{x}\end{align*}`, [['', '(1)']]],
    ['\\tag* shows its text without parentheses', tex`$$a \tag*{A.1}$$`, [['A.1']]],
    ['multline gets one number, on its last line',
      tex`\begin{multline}a + b \\ + c \\ + d \label{m}\end{multline}`, [['', '', '(1)']]],
    ['numbers run on across environments in order of appearance',
      [tex`\begin{equation}a\end{equation}`, tex`$$u$$`, tex`\begin{align}b \\ c\end{align}`, tex`\[v\]`, tex`\begin{gather}d\end{gather}`].join('\n\n'),
      [['(1)'], [], ['(2)', '(3)'], [], ['(4)']]],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () => assert.deepEqual(tagsOf(source), expected));
  }

  it('an aligned block inside equation keeps both of its rows, untouched', () => {
    const aligned = tex`\begin{aligned}a &= b \\ c &= d\end{aligned}`;
    const { html } = renderMarkdown(tex`\begin{equation}` + aligned + tex`\end{equation}`);
    const [block] = equationBlocks(html);
    const rows = findAll(block.element, (e) => e.tag === 'mtable').at(-1).children.filter((c) => c.tag === 'mtr');
    assert.equal(rows.length, 2);
    assert.ok(annotations(html)[0].includes(aligned), annotations(html)[0]);
  });

  it('multline shows every line of its body', () => {
    const { html } = renderMarkdown(tex`\begin{multline}first \\ second \\ third\end{multline}`);
    const [block] = equationBlocks(html);
    const text = visibleText(block.element);
    for (const word of ['first', 'second', 'third']) assert.ok(text.includes(word), `${word} in ${text}`);
  });
});

describe('\\tag', () => {
  it('\\tag{★} shows ★ and does not consume a number: the next equation continues the count', () => {
    const source = [tex`\begin{equation}a\end{equation}`, tex`$$b \tag{★}$$`, tex`\begin{equation}c\end{equation}`].join('\n\n');
    assert.deepEqual(tagsOf(source), [['(1)'], ['(★)'], ['(2)']]);
    assert.deepEqual(renderMarkdown(source).equations.map((e) => e.number), ['1', '★', '2']);
  });

  it('a \\tag on one row of align replaces that row\'s number only', () => {
    assert.deepEqual(tagsOf(tex`\begin{align}a \tag{★} \\ b \\ c\end{align}`), [['(★)', '(1)', '(2)']]);
  });

  it('an \\eqref to a tagged equation shows the tag', () => {
    const { html } = renderMarkdown(tex`\begin{equation}a \tag{★} \label{star}\end{equation}` + '\n\n' + tex`See \eqref{star} and \ref{star}.`);
    assert.deepEqual(
      links(html).map(({ href, text }) => ({ href, text })),
      [{ href: '#eq-star', text: '(★)' }, { href: '#eq-star', text: '★' }],
    );
  });
});

describe('\\eqref and \\ref', () => {
  const equation = tex`\begin{equation}E = mc^2 \label{energy}\end{equation}`;
  const writings = [
    ['bare in text', tex`\eqref{energy}`, '(1)'],
    ['inside $..$', tex`$\eqref{energy}$`, '(1)'],
    ['\\ref bare in text', tex`\ref{energy}`, '1'],
    ['\\ref inside $..$', tex`$\ref{energy}$`, '1'],
  ];
  for (const [how, reference, text] of writings) {
    for (const [where, source] of [
      ['after', `${equation}\n\nBy ${reference} we see.`],
      ['before', `As ${reference} will show,\n\n${equation}`],
    ]) {
      it(`${how}, written ${where} its equation, links to it as ${text}`, () => {
        const { html, errors } = renderMarkdown(source);
        assert.deepEqual(errors, []);
        assert.deepEqual(links(html).map(({ href, text }) => ({ href, text })), [{ href: '#eq-energy', text }]);
        assert.equal(equationBlocks(html)[0].id, 'eq-energy');
      });
    }
  }

  it('an \\eqref before its equation still links to it', () => {
    const { html } = renderMarkdown(tex`First \eqref{later}, then` + '\n\n' + tex`\begin{equation}x \label{later}\end{equation}`);
    assert.deepEqual(links(html).map((l) => [l.href, l.text]), [['#eq-later', '(1)']]);
  });

  it('references inside a larger inline formula become links too', () => {
    const { html, errors } = renderMarkdown(`${equation}\n\n${tex`Hence $F = \eqref{energy} + \ref{energy}$ holds.`}`);
    assert.deepEqual(errors, []);
    const [paragraph] = findAll(parseHtml(html), (e) => e.tag === 'p');
    const inFormula = findAll(paragraph, byClass('katex'))
      .flatMap((k) => findAll(k, (e) => e.tag === 'a'))
      .map((a) => [attr(a, 'href'), visibleText(a)]);
    assert.deepEqual(inFormula, [['#eq-energy', '(1)'], ['#eq-energy', '1']]);
  });

  it('references inside another display equation become links', () => {
    const source = `${equation}\n\n${tex`\begin{align}F &= \eqref{energy} \\ G &= 2\ref{energy}\end{align}`}`;
    const { html } = renderMarkdown(source);
    const [, second] = equationBlocks(html);
    assert.deepEqual(second.tags, ['(2)', '(3)']);
    const inFormula = findAll(second.element, (e) => e.tag === 'a').map((a) => [attr(a, 'href'), visibleText(a)]);
    assert.deepEqual(inFormula, [['#eq-energy', '(1)'], ['#eq-energy', '1']]);
  });

  it('a reference to a row of align links to that row', () => {
    const { html } = renderMarkdown(tex`\begin{align}a &= b \label{first} \\ c &= d \label{second}\end{align}` + '\n\n' + tex`See \eqref{second}.`);
    const [block] = equationBlocks(html);
    assert.equal(block.id, 'eq-first');
    assert.deepEqual(block.anchors, ['eq-second']);
    assert.deepEqual(links(html).map((l) => [l.href, l.text]), [['#eq-second', '(2)']]);
  });

  it('a reference in a code span stays code, not a link', () => {
    const { html, errors } = renderMarkdown(`${equation}\n\nWrite \`\\eqref{energy}\` to refer to it.`);
    assert.deepEqual(links(html), []);
    assert.match(html, /<code>\\eqref\{energy\}<\/code>/);
    assert.deepEqual(errors, []);
  });
});

describe('unknown and duplicate labels', () => {
  it('an unknown label renders (??), as LaTeX does, and is reported by name and line', () => {
    const { html, errors } = renderMarkdown('# Title\n\n' + tex`See \eqref{nowhere} here.`);
    const text = visibleText(parseHtml(html));
    assert.match(text, /See \(\?\?\) here\./);
    assert.deepEqual(links(html).filter((l) => l.href !== undefined && l.href.startsWith('#eq')), []);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /nowhere/);
    assert.equal(errors[0].line, 3);
  });

  it('an unknown \\ref renders ?? without parentheses', () => {
    const { html, errors } = renderMarkdown(tex`See \ref{nowhere}.`);
    assert.match(visibleText(parseHtml(html)), /See \?\?\./);
    assert.match(errors[0].message, /nowhere/);
  });

  it('an unknown label inside a formula renders (??) in the formula and is reported', () => {
    const { html, errors } = renderMarkdown('Intro.\n\n' + tex`$$F = \eqref{missing}$$`);
    const [block] = equationBlocks(html);
    assert.match(visibleText(block.element), /\(\?\?\)/);
    assert.deepEqual(findAll(block.element, (e) => e.tag === 'a'), []);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /missing/);
    assert.equal(errors[0].line, 3);
  });

  it('an unknown label on a later line of a paragraph is reported at that line', () => {
    const source = ['---', 'title: t', '---', 'First line of the paragraph,', tex`second line with \eqref{gone},`, 'third line.'].join('\n');
    const { errors } = renderMarkdown(source);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /gone/);
    assert.equal(errors[0].line, 5);
  });

  it('a duplicate label is reported and both equations keep unique ids', () => {
    const source = [tex`\begin{equation}a \label{same}\end{equation}`, tex`\begin{equation}b \label{same}\end{equation}`].join('\n\n');
    const { html, errors, equations } = renderMarkdown(source);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /duplicate/i);
    assert.match(errors[0].message, /same/);
    assert.equal(errors[0].line, 3);
    const ids = equationBlocks(html).map((b) => b.id);
    assert.equal(new Set(ids).size, 2);
    assert.deepEqual(ids, equations.map((e) => e.id));
    assert.deepEqual(tagsOf(source), [['(1)'], ['(2)']]);
  });
});

describe('equation ids', () => {
  it('a labelled equation has id eq-<label>, an unlabelled one eq-<number>', () => {
    const source = [tex`\begin{equation}a\end{equation}`, tex`\begin{equation}b \label{two}\end{equation}`, tex`\begin{equation}c\end{equation}`].join('\n\n');
    assert.deepEqual(equationBlocks(renderMarkdown(source).html).map((b) => b.id), ['eq-1', 'eq-two', 'eq-3']);
  });

  it('each numbered row of align has its own anchor id; unnumbered rows have none', () => {
    const { html } = renderMarkdown(tex`\begin{align}a \\ b \nonumber \\ c \label{c} \\ d\end{align}`);
    const [block] = equationBlocks(html);
    assert.equal(block.id, 'eq-1');
    assert.deepEqual(block.anchors, ['eq-c', 'eq-3']);
  });

  it('an unnumbered display formula has no id', () => {
    const [block] = equationBlocks(renderMarkdown(tex`$$a$$`).html);
    assert.equal(block.id, undefined);
  });

  it('ids are unique across a document, even when labels collide with numbers or with each other', () => {
    const source = [
      tex`\begin{equation}a \label{2}\end{equation}`,
      tex`\begin{equation}b\end{equation}`,
      tex`\begin{equation}c \label{x y}\end{equation}`,
      tex`\begin{equation}d \label{x-y}\end{equation}`,
      tex`$$e \tag{★}$$`,
      tex`$$f \tag{☆}$$`,
    ].join('\n\n');
    const { html, equations } = renderMarkdown(source);
    const ids = findAll(parseHtml(html), (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id'));
    assert.equal(ids.length, 6);
    assert.equal(new Set(ids).size, ids.length, ids.join(' '));
    assert.deepEqual(ids, equations.map((e) => e.id));
    for (const id of ids) assert.match(id, /^eq-[^\s"'<>#]+$/);
  });

  it('a label with spaces or other characters still gives a usable id that its references point to', () => {
    const { html } = renderMarkdown(tex`\begin{equation}a \label{eq:loss fn}\end{equation}` + '\n\n' + tex`See \eqref{eq:loss fn} and $\ref{eq:loss fn}$.`);
    const [block] = equationBlocks(html);
    assert.doesNotMatch(block.id, /\s/);
    assert.deepEqual(links(html).map((l) => l.href), [`#${block.id}`, `#${block.id}`]);
  });

  it('ids and numbers are the same every time a document is rendered, whatever was rendered before', () => {
    const source = [tex`\begin{equation}a\end{equation}`, tex`\begin{align}b \label{b} \\ c\end{align}`].join('\n\n');
    const first = renderMarkdown(source);
    renderMarkdown(tex`\begin{gather}x \\ y \\ z \label{b}\end{gather}`);
    const second = renderMarkdown(source);
    assert.equal(second.html, first.html);
    assert.deepEqual(second.equations, [
      { id: 'eq-1', number: '1' },
      { id: 'eq-b', number: '2', label: 'b' },
      { id: 'eq-3', number: '3' },
    ]);
  });
});

describe('the equations array', () => {
  it('lists numbered and tagged equations in order of appearance, with their labels', () => {
    const source = [
      'Intro with $x$ inline.',
      tex`$$\text{unnumbered}$$`,
      tex`\begin{align}a \label{a} \\ b \nonumber \\ c\end{align}`,
      tex`\[d \tag{★} \label{star}\]`,
      tex`\begin{equation}e\end{equation}`,
    ].join('\n\n');
    assert.deepEqual(renderMarkdown(source).equations, [
      { id: 'eq-a', number: '1', label: 'a' },
      { id: 'eq-2', number: '2' },
      { id: 'eq-star', number: '★', label: 'star' },
      { id: 'eq-3', number: '3' },
    ]);
  });

  it('is empty for a post without numbered equations', () => {
    assert.deepEqual(renderMarkdown('Just $x$ and $$y$$.').equations, []);
  });
});

describe('how environments are written', () => {
  it('\\begin{equation} directly after a paragraph line, without a blank line, is still a numbered display', () => {
    const { html } = renderMarkdown('We have\n' + tex`\begin{equation}a = b \label{ab}\end{equation}` + '\nand more text.');
    const root = parseHtml(html);
    const paragraphs = findAll(root, (e) => e.tag === 'p').map(visibleText);
    assert.deepEqual(paragraphs, ['We have', 'and more text.']);
    const [block] = equationBlocks(html);
    assert.equal(block.id, 'eq-ab');
    assert.deepEqual(block.tags, ['(1)']);
  });

  it('an environment spread over several lines is numbered like a one-line one', () => {
    const source = 'Text\n\n\\begin{align}\n  a &= b \\label{p} \\\\\n  c &= d\n\\end{align}\n\nMore.';
    assert.deepEqual(tagsOf(source), [['(1)', '(2)']]);
  });

  it('\\\\[2pt] row spacing is kept: the rows sit 2pt further apart', () => {
    const gap = (source) => {
      const [block] = equationBlocks(renderMarkdown(source).html);
      const tops = findAll(block.element, byClass('katex-tag'))
        .flatMap((tag) => findAll(tag, (e) => /^top:/.test(attr(e, 'style') ?? '')))
        .map((e) => Number.parseFloat(/^top:(-?[\d.]+)em/.exec(attr(e, 'style'))[1]));
      assert.equal(tops.length, 2);
      return tops[1] - tops[0];
    };
    const plain = gap(tex`\begin{align}a \\ b\end{align}`);
    const spaced = gap(tex`\begin{align}a \\[2pt] b\end{align}`);
    // KaTeX sets 10pt to the em.
    assert.ok(Math.abs(spaced - plain - 0.2) < 0.005, `gap ${plain}em became ${spaced}em`);
    assert.match(annotations(renderMarkdown(tex`\begin{align}a \\[2pt] b\end{align}`).html)[0], /\\\\\[2pt\]/);
  });

  for (const [name, ending] of [
    ['\\\\', tex`\\`],
    ['\\\\ and a newline', '\\\\\n'],
    ['\\\\[4pt]', tex`\\[4pt]`],
  ]) {
    it(`a trailing ${name} does not create an extra numbered row`, () => {
      const source = tex`\begin{align}a &= b \\ c &= d` + ending + tex`\end{align}` + '\n\n' + tex`\begin{equation}e\end{equation}`;
      assert.deepEqual(tagsOf(source), [['(1)', '(2)'], ['(3)']]);
    });
  }

  it('a \\\\ inside a nested matrix or aligned does not split the row', () => {
    assert.deepEqual(tagsOf(tex`\begin{align}A &= \begin{pmatrix}1 \\ 2\end{pmatrix} \\ B &= {x \\ y}\end{align}`), [['(1)', '(2)']]);
  });

  it('an escaped \\\\label (a line break, then the word) is not a label', () => {
    const { equations } = renderMarkdown(tex`\begin{gather}a \\label{no}\end{gather}`);
    assert.deepEqual(equations.map((e) => e.label), [undefined, undefined]);
  });
});

describe('numberEquations', () => {
  it('numbers a list of formulas and rewrites them with \\tag and links', () => {
    const result = numberEquations([
      { tex: tex`\eqref{x}`, display: false },
      { tex: tex`\begin{equation}a \label{x}\end{equation}`, display: true },
      { tex: tex`b = \ref{x}`, display: true },
    ]);
    assert.deepEqual(result.equations, [{ id: 'eq-x', number: '1', label: 'x' }]);
    assert.deepEqual(result.formulas.map((f) => f.ids), [[], ['eq-x'], []]);
    assert.equal(result.formulas[1].tex, tex`\begin{equation}a \tag{1}\end{equation}`);
    assert.equal(result.formulas[2].tex, tex`b = \href{#eq-x}{\text{1}}`);
    assert.deepEqual(result.errors, []);
  });

  it('resolves a label for a reference written outside any formula', () => {
    const { resolve } = numberEquations([{ tex: tex`a \label{x}`, display: true }]);
    assert.deepEqual(resolve('x', true), { href: '#eq-x', text: '(1)', found: true });
    assert.deepEqual(resolve('x', false), { href: '#eq-x', text: '1', found: true });
    assert.equal(resolve('y', true).text, '(??)');
    assert.equal(resolve('y', false).found, false);
  });

  it('reports which formula holds an unknown reference', () => {
    const { errors } = numberEquations([
      { tex: 'a', display: true },
      { tex: tex`b + \eqref{nope}`, display: true },
    ]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].formula, 1);
    assert.match(errors[0].message, /nope/);
  });

  it('never numbers inline formulas', () => {
    const { equations, formulas } = numberEquations([{ tex: tex`x \label{i}`, display: false }]);
    assert.deepEqual(equations, []);
    assert.doesNotMatch(formulas[0].tex, /\\label/);
  });
});

// Posts as their authors write them: macros defined in a formula, environments
// in the middle of a line, eqnarray and subequations, hard-wrapped inline
// math, entities from HTML migrations, kramdown's `$$`. Where an expectation
// is a numbering or a reference text, it is what LaTeX (amsmath) prints and
// what MathJax 3 with `tags: 'ams'` shows for the same source, unless a
// comment says they differ.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerpt, renderComment, renderMarkdown } from 'sciblog-elements/core';
import { annotations, attr, byClass, findAll, hasClass, parseHtml, visibleText } from './support/html.js';

const tex = String.raw;
/** TeX with `¶` for a line break, for sources whose lines matter. */
const post = (strings, ...values) => String.raw(strings, ...values).replaceAll('¶', '\n');

/** Each KaTeX formula: its TeX and whether it is a display. */
function formulas(html) {
  return findAll(parseHtml(html), byClass('katex')).map((katex) => ({
    tex: findAll(katex, (e) => e.tag === 'annotation').map(visibleText)[0],
    display: hasClass(katex.parent, 'katex-display'),
  }));
}

/** The visible text of each `\eqref`/`\ref` in order. */
function referenceTexts(html) {
  return findAll(parseHtml(html), byClass('sb-eqref')).map((e) => {
    const annotation = findAll(e, (n) => n.tag === 'annotation').map(visibleText)[0];
    return annotation ?? visibleText(e);
  });
}

const numbers = (result) => result.equations.map((e) => e.number);
const errorMessages = (result) => result.errors.map((e) => e.message);
const mathErrors = (html) => findAll(parseHtml(html), byClass('sb-math-error'));

describe('macros a post defines', () => {
  const definitions = [
    ['\\newcommand', tex`$\newcommand{\vv}{\boldsymbol{v}}$`, tex`\vv`],
    ['\\newcommand with arguments', tex`$\newcommand{\inner}[2]{\langle #1, #2\rangle}$`, tex`\inner{a}{b}`],
    ['\\renewcommand of a KaTeX built-in', tex`$\renewcommand{\R}{\mathcal{R}}$`, tex`\R`],
    ['\\newcommand of a KaTeX built-in, which MathJax allows', tex`$\newcommand{\R}{\mathcal{R}}$`, tex`\R`],
    ['\\def', tex`$\def\half{\frac12}$`, tex`\half`],
    ['\\def with parameters', tex`$\def\sq#1{#1^2}$`, tex`\sq{x}`],
    ['\\gdef', tex`$\gdef\half{\frac12}$`, tex`\half`],
    ['\\let', tex`$\let\eps=\varepsilon$`, tex`\eps`],
    ['\\DeclareMathOperator', tex`$\DeclareMathOperator{\tr}{tr}$`, tex`\tr A`],
    ['\\DeclareMathOperator*', tex`$\DeclareMathOperator*{\argmax}{arg\,max}$`, tex`\argmax_x f`],
    ['MathJax\'s \\newcommand{name} without a backslash', tex`$\newcommand{tr}{\mathop{\text{tr}}}$`, tex`\tr(\Sigma)`],
  ];
  for (const [name, definition, use] of definitions) {
    it(`${name} holds for every later formula of the post`, () => {
      const result = renderMarkdown(`${definition} First $${use}$.\n\nMuch later:\n\n$$${use}$$`);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(mathErrors(result.html), []);
      assert.deepEqual(formulas(result.html).map((f) => f.tex), [use, use], 'the definition itself shows nothing');
    });
  }

  it('a definition and its use may share a formula', () => {
    const result = renderMarkdown(tex`Here $\newcommand{tr}{\mathop{\text{tr}}}\tr(\Sigma)$ is the trace.`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(formulas(result.html).map((f) => f.tex), [tex`\tr(\Sigma)`]);
  });

  it('\\require{…} is accepted and does nothing', () => {
    const result = renderMarkdown(tex`$\require{cancel}\cancel{x}$ and $\require{physics}$`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(formulas(result.html).map((f) => f.tex), [tex`\cancel{x}`]);
  });

  it('a macro used before its definition is an error, as in MathJax', () => {
    const result = renderMarkdown(tex`Early $\vv$, then $\newcommand{\vv}{v}\vv$.`);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].message, /Undefined control sequence: \\vv/);
  });

  it('the result lists the macros the post defined, and only those', () => {
    const result = renderMarkdown(tex`$\newcommand{\vv}{\boldsymbol{v}}\DeclareMathOperator{\tr}{tr}\def\sq#1{#1^2}$ $\vv$`, { macros: { '\\E': '\\mathbb{E}' } });
    assert.deepEqual(result.macros, { '\\vv': '\\boldsymbol{v}', '\\tr': '\\operatorname{tr}', '\\sq': '#1^2' });
  });

  it('definitions never leak into another post, an excerpt of another post or a comment', () => {
    renderMarkdown(tex`$\newcommand{\leak}{LEAKED}\def\leaktoo{LEAKED}$ $\leak\leaktoo$`);
    const other = renderMarkdown(tex`Another post: $\leak$`);
    assert.match(errorMessages(other).join(), /Undefined control sequence: \\leak/);
    assert.doesNotMatch(visibleText(parseHtml(excerpt(tex`An excerpt: $\leaktoo$ here.`).html)), /LEAKED/);
    assert.doesNotMatch(visibleText(parseHtml(renderComment(tex`A comment: $\leak$`).html)), /LEAKED/);
  });

  it('an excerpt reads the post as the whole post does: its macros, front matter macros and dialect', () => {
    const source = ['---', 'dialect: kramdown', 'macros:', '  E: \\mathbb{E}', '---', '', '$\\newcommand{\\vv}{\\boldsymbol{v}}$ Take $$\\vv$$ and $\\E[X]$ in a line.'].join('\n');
    const result = excerpt(source, { length: 200 });
    assert.deepEqual(findAll(parseHtml(result.html), byClass('sb-math-error')), []);
    assert.deepEqual(formulas(result.html), [{ tex: tex`\vv`, display: false }, { tex: tex`\E[X]`, display: false }]);
    assert.deepEqual(formulas(result.html).map((f) => f.tex), formulas(renderMarkdown(source).html).map((f) => f.tex));
  });

  it('the formula cache tells apart one TeX under different macros', () => {
    const first = renderMarkdown(tex`$\newcommand{\thing}{A}$ $\thing$`);
    const second = renderMarkdown(tex`$\newcommand{\thing}{B}$ $\thing$`);
    assert.match(visibleText(parseHtml(first.html)), /A/);
    assert.doesNotMatch(visibleText(parseHtml(first.html)), /B/);
    assert.match(visibleText(parseHtml(second.html)), /B/);
    assert.doesNotMatch(visibleText(parseHtml(second.html)), /A/);
  });

  it('front matter macros add to the site macros', () => {
    const source = ['---', 'macros:', '  vv: \\boldsymbol{v}', '  \\E: \\mathbb{F}', '---', '', '$\\vv + \\E + \\P$'].join('\n');
    const result = renderMarkdown(source, { macros: { '\\P': '\\mathbb{P}', '\\E': '\\mathbb{E}' } });
    assert.deepEqual(result.errors, []);
    const doubleStruck = findAll(parseHtml(result.html), (e) => e.tag === 'mi' && attr(e, 'mathvariant') === 'double-struck').map(visibleText);
    assert.deepEqual(doubleStruck, ['F', 'P'], 'the post overrides the site\'s \\E and keeps its \\P');
    assert.equal(findAll(parseHtml(result.html), (e) => e.tag === 'mi' && attr(e, 'mathvariant') === 'bold-italic').map(visibleText).join(), 'v');
  });

  it('a bad front matter macro or dialect is an error at its line, and the post renders', () => {
    const source = ['---', 'macros:', '  good: x', '  bad: [1, 2]', 'dialect: gfm', '---', '', '$\\good$ and $$y$$'].join('\n');
    const result = renderMarkdown(source);
    assert.deepEqual(result.errors.map((e) => e.line), [4, 5]);
    assert.match(result.errors[0].message, /macros: \\bad/);
    assert.match(result.errors[1].message, /dialect "gfm"/);
    assert.deepEqual(formulas(result.html).map((f) => f.display), [false, true], 'the default dialect is used');
    assert.deepEqual(mathErrors(result.html), []);
  });

  it('a definition inside an equation does not cost the equation its number', () => {
    const result = renderMarkdown(tex`\begin{equation}\newcommand{\vv}{v}\vv = 1\label{a}\end{equation} See \eqref{a}, then $\vv$.`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(numbers(result), ['1']);
  });
});

describe('environments anywhere', () => {
  const placements = [
    ['on lines of their own', post`Before.¶¶\begin{equation}a\label{x}\end{equation}¶¶After \eqref{x}.`],
    ['after text on the same line', post`We have \begin{equation}a\label{x}\end{equation}¶¶and so \eqref{x}.`],
    ['followed by text on the same line', tex`\begin{equation}a\label{x}\end{equation} where a is \eqref{x}.`],
    ['in the middle of a line', tex`We have \begin{equation}a\label{x}\end{equation} where a is \eqref{x}.`],
    ['over several lines in a paragraph', post`We have \begin{equation}¶ a = b¶\label{x}¶\end{equation} so that \eqref{x}.`],
    ['inside a list item', post`- first \begin{equation}a\label{x}\end{equation} and \eqref{x}¶- second`],
    ['on its own lines inside a list item', post`- first¶  \begin{equation}¶  a\label{x}¶  \end{equation}¶- \eqref{x}`],
    ['inside a blockquote', tex`> quoted \begin{equation}a\label{x}\end{equation} and \eqref{x}`],
    ['inside $$…$$, as older posts write it', post`$$\begin{equation}\label{x}a\end{equation}$$¶¶See \eqref{x}.`],
    ['inside $$…$$ over lines', post`$$¶\begin{equation}\label{x}¶a¶\end{equation}¶$$¶¶See \eqref{x}.`],
  ];
  for (const [name, source] of placements) {
    it(`an equation ${name} is a numbered display and the text around it stays text`, () => {
      const result = renderMarkdown(source);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(formulas(result.html).map((f) => f.display), [true]);
      assert.deepEqual(numbers(result), ['1']);
      assert.deepEqual(referenceTexts(result.html), ['(1)']);
      assert.doesNotMatch(visibleText(parseHtml(result.html)), /\\begin|\\end|\\label/);
    });
  }

  it('two environments on one line are two numbered displays', () => {
    const result = renderMarkdown(tex`First \begin{equation}a\end{equation} and \begin{equation}b\end{equation} end.`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(numbers(result), ['1', '2']);
    assert.match(visibleText(parseHtml(result.html)), /First[\s\S]*and[\s\S]*end\./);
  });

  it('an unlabelled equation left in a line never shifts the numbers after it', () => {
    const result = renderMarkdown(post`Text \begin{equation}a\end{equation} text.¶¶\begin{equation}b\label{b}\end{equation}¶¶See \eqref{b}.`);
    assert.deepEqual(referenceTexts(result.html), ['(2)']);
  });

  it('displays KaTeX supports go to KaTeX wherever they stand: split, cases, dcases, matrices, CD', () => {
    const source = [
      tex`\begin{equation}\begin{split}a &= b\\ &= c\end{split}\end{equation}`,
      tex`\begin{cases}1 & x>0\\ 0 & x\le 0\end{cases}`,
      tex`Inline \begin{dcases}1 & x\end{dcases} text.`,
      tex`\begin{pmatrix}1&0\\0&1\end{pmatrix}`,
      tex`\begin{bmatrix}a\end{bmatrix}, \begin{vmatrix}b\end{vmatrix} and \begin{matrix}c\end{matrix}`,
      tex`\begin{CD}A @>f>> B\end{CD}`,
    ].join('\n\n');
    const result = renderMarkdown(source);
    assert.deepEqual(result.errors, []);
    assert.equal(formulas(result.html).filter((f) => f.display).length, 8);
    assert.deepEqual(numbers(result), ['1'], 'only the equation is numbered');
  });

  it('an environment KaTeX lacks shows KaTeX\'s message with its source, listed in errors', () => {
    const result = renderMarkdown(post`Before.¶¶\begin{tikzcd}¶a \\ b¶\end{tikzcd}¶¶After.`);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].message, /No such environment: tikzcd/);
    assert.equal(result.errors[0].line, 3);
    const [shown] = mathErrors(result.html);
    assert.match(visibleText(shown), /a \\\\ b/, 'the source keeps its \\\\');
  });

  it('a \\begin without its \\end stays text', () => {
    const result = renderMarkdown(tex`Unclosed \begin{equation} a = b.`);
    assert.deepEqual(formulas(result.html), []);
    assert.deepEqual(result.errors, []);
  });
});

describe('eqnarray, subequations, alignat', () => {
  it('eqnarray numbers its rows like align, aligned at the relation', () => {
    const result = renderMarkdown(
      post`\begin{eqnarray}¶a &=& b \label{r1}\\¶  &=& c \nonumber\\¶d &\le& e \label{r3}¶\end{eqnarray}¶¶See \eqref{r1} and \eqref{r3}.`,
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(numbers(result), ['1', '2']);
    assert.deepEqual(referenceTexts(result.html), ['(1)', '(2)']);
  });

  it('eqnarray* numbers nothing unless tagged', () => {
    const result = renderMarkdown(tex`\begin{eqnarray*}a &=& b\\ c &=& d \tag{T}\end{eqnarray*}`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(numbers(result), ['T']);
  });

  it('subequations share one number, lettered per row; \\eqref works to the group and to each row', () => {
    const source = [
      tex`\begin{equation}x\end{equation}`,
      '',
      tex`\begin{subequations}\label{g}`,
      tex`\begin{equation}a\label{a}\end{equation}`,
      tex`\begin{align}b &= c \label{b}\\ d &= e\end{align}`,
      tex`\end{subequations}`,
      '',
      tex`\begin{equation}y\end{equation}`,
      '',
      tex`See \eqref{g}, \eqref{a}, \eqref{b} and \ref{g}.`,
    ].join('\n');
    const result = renderMarkdown(source);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(numbers(result), ['1', '2a', '2b', '2c', '3']);
    assert.deepEqual(referenceTexts(result.html), ['(2)', '(2a)', '(2b)', '2']);
    const ids = findAll(parseHtml(result.html), (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id'));
    for (const link of findAll(parseHtml(result.html), (e) => e.tag === 'a' && hasClass(e, 'sb-eqref'))) {
      assert.ok(ids.includes(attr(link, 'href').slice(1)), `${attr(link, 'href')} has a target`);
    }
  });

  it('alignat and xalignat number each row', () => {
    const result = renderMarkdown(tex`\begin{alignat}{2}a &= b &\quad c &= d\\ e &= f & g &= h\end{alignat}` + '\n\n' + tex`\begin{xalignat}{2}p &= q & r &= s\end{xalignat}`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(numbers(result), ['1', '2', '3']);
  });
});

describe('inline math as people type it', () => {
  it('$…$ and \\(…\\) may run over a soft line break', () => {
    const result = renderMarkdown('Hard-wrapped text where $a +\nb$ and \\(c +\nd\\) are\nformulas.');
    assert.deepEqual(result.errors, []);
    assert.deepEqual(formulas(result.html), [{ tex: 'a +\nb', display: false }, { tex: 'c +\nd', display: false }]);
  });

  it('a formula never runs over a blank line', () => {
    const result = renderMarkdown('Costs $a +\n\nb$ here.');
    assert.deepEqual(formulas(result.html), []);
  });

  it('prices stay text, on one line and wrapped', () => {
    for (const source of ['It costs $5 and $10.', 'It costs $5 and\n$10 with tax.', 'From $5 to $ 10.']) {
      assert.deepEqual(formulas(renderMarkdown(source).html), [], source);
    }
  });

  it('a price before a formula leaves the formula whole', () => {
    assert.deepEqual(formulas(renderMarkdown('It costs $5, where\n$x$ is the tax.').html).map((f) => f.tex), ['x']);
  });

  it('\\\\$x$ is an escaped backslash followed by math', () => {
    const result = renderMarkdown(tex`A backslash \\$x$ then math.`);
    assert.deepEqual(formulas(result.html).map((f) => f.tex), ['x']);
    assert.match(visibleText(parseHtml(result.html)), /backslash \\/);
  });

  it('\\$ is an escaped dollar, not math', () => {
    assert.deepEqual(formulas(renderMarkdown(tex`Pay \$x$ now.`).html), []);
  });

  it('character references in TeX are decoded, as the browser does before MathJax sees a page', () => {
    const result = renderMarkdown(tex`$a &lt; b &gt; c$ and $$\begin{aligned}x &amp;= y\\ &amp;&lt; z\end{aligned}$$ and $a&nbsp;b$`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(formulas(result.html).map((f) => f.tex), ['a < b > c', tex`\begin{aligned}x &= y\\ &< z\end{aligned}`, 'a\u00a0b']);
  });
});

describe('kramdown dialect', () => {
  const source = 'Inline $$x^2$$ in a paragraph.\n\n$$\ny^2\n$$\n\nText\n$$z^2$$\nmore.';
  it('$$…$$ inside a paragraph is inline math; on lines of its own it is a display', () => {
    const result = renderMarkdown(source, { dialect: 'kramdown' });
    assert.deepEqual(formulas(result.html).map((f) => [f.tex.trim(), f.display]), [['x^2', false], ['y^2', true], ['z^2', true]]);
  });

  it('front matter dialect: kramdown sets it for the post', () => {
    const result = renderMarkdown(`---\ndialect: kramdown\n---\n${source}`);
    assert.deepEqual(formulas(result.html).map((f) => f.display), [false, true, true]);
  });

  it('the default keeps $$…$$ a display everywhere', () => {
    assert.deepEqual(formulas(renderMarkdown(source).html).map((f) => f.display), [true, true, true]);
  });
});

describe('details LaTeX users notice', () => {
  it('\\eqref and \\ref to a tagged equation show the tag as math', () => {
    const result = renderMarkdown(tex`$$a\tag{$\star$}\label{s}$$` + '\n\n' + tex`$$b\tag{\text{B}}\label{b}$$` + '\n\n' + tex`See \eqref{s}, \ref{b} and $\eqref{s}$, and in a formula $x = \eqref{b}$.`);
    assert.deepEqual(result.errors, []);
    const references = findAll(parseHtml(result.html), byClass('sb-eqref'));
    assert.equal(references.length, 3);
    for (const reference of references) assert.equal(findAll(reference, byClass('katex')).length, 1, 'rendered by KaTeX');
    assert.doesNotMatch(visibleText(parseHtml(result.html)).replace(/<annotation[\s\S]*?<\/annotation>/g, ''), /\$\\star\$|\\text\{B\}/);
  });

  it('% starts a TeX comment: a commented \\label or \\nonumber has no effect', () => {
    const result = renderMarkdown(
      tex`\begin{align}a &= b % \label{gone}` + '\n' + tex`\label{kept} \\` + '\n' + tex`c &= d % \nonumber` + '\n' + tex`\end{align}` + '\n\n' + tex`See \eqref{kept}; 50\% of $x$.`,
    );
    assert.deepEqual(result.equations.map((e) => [e.number, e.label]), [['1', 'kept'], ['2', undefined]]);
    assert.deepEqual(result.errors, []);
  });

  it('two labels in one row are an error naming both', () => {
    const result = renderMarkdown(tex`\begin{equation}a\label{one}\label{two}\end{equation}`);
    assert.deepEqual(errorMessages(result), ['one equation has two labels: "one" and "two" (the first is used)']);
  });

  it('a duplicate label is an error; references use the first definition', () => {
    const result = renderMarkdown(tex`\begin{equation}a\label{x}\end{equation}` + '\n\n' + tex`\begin{equation}b\label{x}\end{equation}` + '\n\nSee \\eqref{x}.');
    assert.deepEqual(errorMessages(result), ['duplicate label "x": references use the first one, (1)']);
    assert.equal(result.errors[0].line, 3);
    assert.deepEqual(referenceTexts(result.html), ['(1)']);
  });

  it('\\eqref {a} with a space works in text as in formulas', () => {
    const result = renderMarkdown(tex`\begin{equation}a\label{a}\end{equation}` + '\n\n' + tex`See \eqref {a} and $\eqref {a}$.`);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(referenceTexts(result.html), ['(1)', '(1)']);
  });

  it('a reference in a link\'s text never nests a link in a link', () => {
    const result = renderMarkdown(tex`\begin{equation}a\label{a}\end{equation}` + '\n\n' + tex`[see \eqref{a}](https://example.org/) and \eqref{a}`);
    const links = findAll(parseHtml(result.html), (e) => e.tag === 'a');
    for (const link of links) assert.deepEqual(findAll(link, (e) => e.tag === 'a' && e !== link), [], 'no link inside a link');
    assert.deepEqual(links.map((e) => attr(e, 'href')), ['https://example.org/', '#eq-a']);
    assert.deepEqual(referenceTexts(result.html), ['(1)', '(1)']);
  });

  it('a tall formula in a trusted post renders', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `x_{${i}} &= ${i}`).join('\\\\\n');
    const result = renderMarkdown(`$$\\begin{aligned}${rows}\\end{aligned}$$`);
    assert.deepEqual(result.errors, []);
    assert.equal(formulas(result.html).length, 1);
  });

  it('the size guard still refuses a huge negative offset in untrusted text', () => {
    const result = renderMarkdown(tex`$a\kern-100000em b$`, { trusted: false });
    assert.match(errorMessages(result).join(), /formula is too large/);
  });
});

describe('untrusted text has a size limit', () => {
  it('past the limit: a clear message, the text kept as written, nothing rendered', () => {
    const source = `${'$x$ <b>word</b> '.repeat(8000)}`;
    const result = renderMarkdown(source, { trusted: false });
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].message, /too long to render: 128000 characters \(the limit is 100000\)/);
    assert.ok(visibleText(parseHtml(result.html)).trim() === source.trim(), 'the text itself, escaped');
    assert.equal(findAll(parseHtml(result.html), (e) => e.tag === 'b').length, 0);
  });

  it('the limit is an option', () => {
    assert.equal(renderMarkdown('a'.repeat(50), { trusted: false, maxLength: 40 }).errors.length, 1);
    assert.deepEqual(renderMarkdown('a'.repeat(50), { trusted: false, maxLength: 60 }).errors, []);
  });

  it('trusted text has no limit', () => {
    assert.deepEqual(renderMarkdown('word '.repeat(30000)).errors, []);
  });

  it('a single 200 KB formula in untrusted text ends as an error without reaching KaTeX', () => {
    const result = renderMarkdown(`$${'x+'.repeat(50000)}y$`, { trusted: false, maxLength: 300000 });
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].message, /formula is too long: 100001 characters \(the limit for untrusted formulas is 10000\)/);
    assert.equal(findAll(parseHtml(result.html), byClass('katex')).length, 0);
  });
});

describe('references to displays', () => {
  it('every \\eqref link has a target', () => {
    const result = renderMarkdown(tex`See \eqref{late}.` + '\n\n' + tex`Text \begin{equation}a\label{late}\end{equation} text.`);
    const ids = findAll(parseHtml(result.html), (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id'));
    for (const link of findAll(parseHtml(result.html), (e) => e.tag === 'a')) assert.ok(ids.includes(attr(link, 'href').slice(1)));
    assert.deepEqual(annotations(result.html).length, 1);
  });
});

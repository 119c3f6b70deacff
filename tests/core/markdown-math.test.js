import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from 'sciblog-elements/core';
import { annotations, attr, byClass, findAll, hasClass, parseHtml, visibleText } from './support/html.js';

const tex = String.raw;

/** Each formula KaTeX rendered: its TeX (from the MathML annotation) and whether it is set as a display. */
function formulas(html) {
  return findAll(parseHtml(html), byClass('katex')).map((katex) => ({
    tex: findAll(katex, (e) => e.tag === 'annotation').map(visibleText)[0],
    display: hasClass(katex.parent, 'katex-display'),
  }));
}

describe('math delimiters', () => {
  const cases = [
    ['$..$ is inline math', 'Let $x^2$ be.', [{ tex: 'x^2', display: false }]],
    ['\\(..\\) is inline math', tex`Let \(x^2\) be.`, [{ tex: 'x^2', display: false }]],
    ['$$..$$ on its own line is display math', tex`$$x^2$$`, [{ tex: 'x^2', display: true }]],
    ['$$..$$ over several lines is display math', '$$\nx^2\n$$', [{ tex: '\nx^2\n', display: true }]],
    ['$$..$$ inside a paragraph is display math', 'We get $$x^2$$ here.', [{ tex: 'x^2', display: true }]],
    ['\\[..\\] on its own line is display math', tex`\[x^2\]`, [{ tex: 'x^2', display: true }]],
    ['\\[..\\] over several lines is display math', '\\[\nx^2\n\\]', [{ tex: '\nx^2\n', display: true }]],
    ['\\[..\\] directly after a paragraph line is display math', 'We get\n\\[\nx^2\n\\]\nhere.', [{ tex: '\nx^2\n', display: true }]],
    ['$$..$$ directly after a paragraph line is display math', 'We get\n$$\nx^2\n$$\nhere.', [{ tex: '\nx^2\n', display: true }]],
    ['two inline formulas in one line stay apart', 'Both $a$ and $b$.', [{ tex: 'a', display: false }, { tex: 'b', display: false }]],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () => {
      const { html, errors } = renderMarkdown(source);
      assert.deepEqual(errors, []);
      assert.deepEqual(formulas(html), expected);
    });
  }

  const environments = [
    tex`\begin{equation}x^2\end{equation}`,
    tex`\begin{equation*}x^2\end{equation*}`,
    tex`\begin{align}a &= b \\ c &= d\end{align}`,
    tex`\begin{align*}a &= b \\ c &= d\end{align*}`,
    tex`\begin{gather}a \\ b\end{gather}`,
    tex`\begin{gather*}a \\ b\end{gather*}`,
    tex`\begin{multline}a \\ b\end{multline}`,
    tex`\begin{alignat}{2}a &= b &\quad c &= d\end{alignat}`,
    tex`\begin{flalign}a &= b\end{flalign}`,
  ];
  for (const environment of environments) {
    const name = /\\begin\{([a-z*]+)\}/.exec(environment)[1];
    it(`a bare \\begin{${name}} block is display math`, () => {
      const { html, errors } = renderMarkdown(`Text before.\n\n${environment.replace(/ \\\\ /g, ' \\\\\n')}\n\nText after.`);
      assert.deepEqual(errors, []);
      const found = formulas(html);
      assert.equal(found.length, 1);
      assert.equal(found[0].display, true);
      assert.match(found[0].tex, /^\\begin\{/);
      assert.deepEqual(findAll(parseHtml(html), (e) => e.tag === 'p').map(visibleText), ['Text before.', 'Text after.']);
    });
  }

  for (const [name, source] of [
    ['$$..$$', tex`$$x^2$$, where x is`],
    ['$$..$$ over several lines', '$$\nx^2\n$$, where x is'],
    ['\\[..\\]', tex`\[x^2\], where x is`],
  ]) {
    it(`text after a ${name} display on the same line is kept`, () => {
      const { html, errors } = renderMarkdown(`${source}\nthe unknown.\n\nNext paragraph.`);
      assert.deepEqual(errors, []);
      assert.deepEqual(formulas(html).map((f) => f.display), [true]);
      const text = visibleText(parseHtml(html));
      assert.match(text, /, where x is\nthe unknown\./);
      assert.match(text, /Next paragraph\./);
    });
  }

  it('a \\begin block inside a blockquote is display math without the > markers', () => {
    const { html, errors } = renderMarkdown('> Quote\n> \\begin{equation}\n> a = b\n> \\end{equation}');
    assert.deepEqual(errors, []);
    const [quote] = findAll(parseHtml(html), (e) => e.tag === 'blockquote');
    const [formula] = findAll(quote, byClass('katex-display'));
    assert.ok(formula);
    assert.doesNotMatch(annotations(html)[0], />/);
  });
});

describe('punctuation after an inline formula', () => {
  /** What each glue span holds: the TeX of its formula (or the text of its link) and the punctuation after it. */
  const glued = (html) => findAll(parseHtml(html), byClass('sb-math-glue')).map((span) => {
    const formula = findAll(span, (e) => e.tag === 'annotation').map(visibleText)[0];
    return `${formula ?? visibleText(span.children[0])}|${span.children.slice(1).map(visibleText).join('')}`;
  });
  const cases = [
    ['a Chinese full stop', '期望等于 $\\bar{s}$。满足', ['\\bar{s}|。']],
    ['a Chinese colon', '都不超过 $1$：', ['1|：']],
    ['an English comma, and the closing bracket and full stop after another formula', 'With $N - k$, and ($k$).', ['N - k|,', 'k|).']],
    ['a closing quote', '“$x$”就是', ['x|”']],
    ['an equation reference', String.raw`由\eqref{eq:e}。

\begin{equation}E \label{eq:e}\end{equation}`, ['(1)|。']],
  ];
  for (const [name, source, expected] of cases) {
    it(`keeps ${name} on the formula's line, and shows it once`, () => {
      const { html, errors } = renderMarkdown(source);
      assert.deepEqual(errors, []);
      assert.deepEqual(glued(html), expected);
      const text = visibleText(parseHtml(html));
      for (const entry of expected) {
        const punctuation = entry.split('|')[1];
        assert.equal(text.split(punctuation).length - 1, source.split(punctuation).length - 1, `${punctuation} shown once`);
      }
    });
  }

  it('leaves a formula followed by a space or a letter, a display formula inside a line and a long formula, which may break, unwrapped', () => {
    assert.deepEqual(glued(renderMarkdown('Both $a$ and $b$ here, $$x^2$$. Then $c$x.').html), []);
    const long = String.raw`\mathbb{E}_k[X_T^2] - \mathbb{E}_k[T] = k^2 + \sum_{i=1}^{n} a_i`;
    assert.deepEqual(glued(renderMarkdown(`So $${long}$, and`).html), []);
  });
});

describe('dollar signs that are not math', () => {
  const cases = [
    ['$5 and $10 stays text', 'It costs $5 and $10.', 'It costs $5 and $10.'],
    ['a price followed later by a formula stays text', 'It costs $5, where $x$ is the tax.', 'It costs $5, where x is the tax.'],
    ['two prices and a formula in one paragraph', 'From $5 to $10 per $n$ items.', 'From $5 to $10 per n items.'],
    ['escaped dollars stay text', tex`Write \$x\$ for money.`, 'Write $x$ for money.'],
    ['a lone $ stays text', 'Just one $ here.', 'Just one $ here.'],
    ['a dollar amount with a space before the next $', '$20,000 and $30,000', '$20,000 and $30,000'],
  ];
  for (const [name, source, text] of cases) {
    it(name, () => {
      const { html, errors } = renderMarkdown(source);
      assert.deepEqual(errors, []);
      assert.equal(visibleText(parseHtml(html)).trim(), text);
    });
  }
});

describe('markdown does not touch the TeX', () => {
  const sources = [
    tex`$a_1 * b_2 * c_3$ and $x_{i}^* y_j$`,
    tex`$a*b*c$ then $d_e f_g$ then $g*h$`,
    tex`$\,a\,\!b\;\:c$`,
    tex`$\begin{matrix}a \\ b\end{matrix}$`,
    tex`$\{x\}$ and $\#\%\&\_$`,
    tex`$$a_1 \\ b_2 * c_3 * d \,\, e$$`,
    tex`\(a_1 *b* c_1\) and \(\,\\\)`,
    tex`\[a_*b_* \\ c\]`,
    tex`\begin{align}a_1 &= b*c*d \\ e_1 &= f\,g\end{align}`,
    tex`$<b>x</b>$ and $a<b>c$`,
  ];
  for (const source of sources) {
    it(`keeps ${source} as written`, () => {
      const { html, errors } = renderMarkdown(source);
      assert.doesNotMatch(html, /<em>|<strong>/);
      const written = [...source.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+)\$|\\\((.+?)\\\)|\\\[([\s\S]+?)\\\]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
      const rendered = annotations(html);
      if (written.length > 0) {
        assert.deepEqual(rendered, written);
      } else {
        // An environment: numbering adds \tag, everything else survives.
        assert.equal(rendered.length, 1);
        assert.equal(rendered[0].replace(/\\tag\{\d+\}/g, ''), source);
      }
      assert.deepEqual(errors, []);
    });
  }

  it('emphasis outside formulas still works next to them', () => {
    const { html } = renderMarkdown(tex`$a*b$ is *emphasised* and $c*d$ and __strong__ $e_f$`);
    assert.deepEqual(findAll(parseHtml(html), (e) => e.tag === 'em').map(visibleText), ['emphasised']);
    assert.deepEqual(findAll(parseHtml(html), (e) => e.tag === 'strong').map(visibleText), ['strong']);
    assert.deepEqual(annotations(html), ['a*b', 'c*d', 'e_f']);
  });
});

describe('code stays code', () => {
  const cases = [
    ['a code span', 'Write `$x^2$` for a square.', ['$x^2$']],
    ['a code span holding display math', 'Write `$$x$$` or `\\(x\\)` or `\\[x\\]`.', ['$$x$$', tex`\(x\)`, tex`\[x\]`]],
    ['a fenced code block', '```latex\n$$x$$\n\\begin{equation}y\\end{equation}\n$z$\n```', ['$$x$$\n\\begin{equation}y\\end{equation}\n$z$\n']],
    ['an indented code block', 'Text.\n\n    $x$ and \\eqref{y}\n    \\begin{equation}z\\end{equation}', ['$x$ and \\eqref{y}\n\\begin{equation}z\\end{equation}\n']],
  ];
  for (const [name, source, codes] of cases) {
    it(`math inside ${name} is shown as written, not rendered`, () => {
      const { html, errors, equations } = renderMarkdown(source);
      assert.deepEqual(errors, []);
      assert.deepEqual(equations, []);
      const root = parseHtml(html);
      assert.deepEqual(findAll(root, byClass('katex')), []);
      assert.deepEqual(findAll(root, (e) => e.tag === 'code').map(visibleText), codes);
    });
  }
});

describe('broken formulas', () => {
  const cases = [
    ['an unclosed group', tex`$\frac{1}{$`, tex`\frac{1}{`, 'span'],
    ['an undefined macro', tex`$\notamacro{x}$`, tex`\notamacro{x}`, 'span'],
    ['a broken display formula', tex`$$\frac{1}{$$`, tex`\frac{1}{`, 'div'],
    ['a bad environment', tex`\begin{equation}\left( x\end{equation}`, undefined, 'div'],
  ];
  for (const [name, formula, source, tag] of cases) {
    it(`${name} shows its source and KaTeX's message, and the rest of the post renders`, () => {
      const post = ['---', 'title: Broken', 'tags: [a, b]', '---', '# Heading', '', 'Before $a$.', '', formula, '', 'After $b$.', ''].join('\n');
      const { html, errors, headings } = renderMarkdown(post);
      const root = parseHtml(html);
      const [error] = findAll(root, byClass('sb-math-error'));
      assert.ok(error, html);
      assert.equal(error.tag, tag);
      const message = visibleText(findAll(error, byClass('sb-math-error-message'))[0]);
      assert.match(message, /KaTeX parse error/);
      assert.equal(attr(error, 'title'), message);
      if (source !== undefined) assert.equal(visibleText(findAll(error, byClass('sb-math-error-source'))[0]), source);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].message, message);
      assert.equal(errors[0].line, 9, 'four front matter lines, then the formula on the ninth line');
      assert.deepEqual(annotations(html), ['a', 'b']);
      assert.deepEqual(headings.map((h) => h.text), ['Heading']);
    });
  }

  it('a broken formula on a later line of a paragraph is reported at that line', () => {
    const { errors } = renderMarkdown(['---', 'title: t', '---', 'One,', 'two,', tex`three $\frac{$ four.`].join('\n'));
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 6);
  });

  it('errors come in the order of their lines', () => {
    const { errors } = renderMarkdown([tex`$\bad$`, '', tex`\eqref{nope}`, '', tex`$$\frac{$$`].join('\n'));
    assert.deepEqual(errors.map((e) => e.line), [1, 3, 5]);
  });

  it('a broken formula never leaks its source as HTML', () => {
    const { html } = renderMarkdown(tex`$\frac{<img src=x onerror=alert(1)>}{$`);
    assert.doesNotMatch(html, /<img/);
    assert.match(visibleText(parseHtml(html)), /<img src=x onerror=alert\(1\)>/);
  });
});

describe('options.macros', () => {
  const macros = { '\\RR': '\\mathbb{R}', '\\norm': '\\left\\lVert #1 \\right\\rVert' };

  it('site-wide macros are available in every kind of formula', () => {
    const source = [tex`Inline $x \in \RR$.`, tex`$$\norm{v}$$`, tex`\begin{equation}f: \RR \to \RR\end{equation}`].join('\n\n');
    const { html, errors } = renderMarkdown(source, { macros });
    assert.deepEqual(errors, []);
    assert.equal(findAll(parseHtml(html), byClass('mathbb')).length, 3);
    assert.match(visibleText(parseHtml(html)), /∥v∥/);
  });

  it('without the macros the same TeX is an undefined control sequence', () => {
    const { errors } = renderMarkdown(tex`Inline $x \in \RR$.`);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /\\RR/);
  });

  it('a \\gdef in one post does not change how another post renders', () => {
    renderMarkdown(tex`$\gdef\RR{\text{hacked}} \RR$`, { macros, trusted: false });
    const { html, errors } = renderMarkdown(tex`$\RR$`, { macros });
    assert.deepEqual(errors, []);
    assert.doesNotMatch(visibleText(parseHtml(html)), /hacked/);
    assert.equal(renderMarkdown(tex`$\RR$`).errors.length, 1);
  });
});

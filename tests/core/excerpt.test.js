import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerpt, renderMarkdown, renderMath } from 'sciblog-elements/core';
import { annotations, attr, byClass, findAll, links, parseHtml, visibleText } from './support/html.js';

const tex = String.raw;
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** What a reader sees, spaces collapsed (KaTeX's hidden MathML left out). */
function seen(html) {
  return visibleText(parseHtml(html)).replace(/\s+/g, ' ').trim();
}

/** The `$..$` formulas of an excerpt's plain text. */
function textFormulas(text) {
  return text.match(/\$[^$]+\$/g) ?? [];
}

/** Start tags without a matching end tag, or end tags without a start tag, by element name. */
function unbalancedTags(html) {
  const counts = new Map();
  for (const [, slash, name] of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/g)) {
    const key = name.toLowerCase();
    if (voidElements.has(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + (slash ? -1 : 1));
  }
  return [...counts].filter(([, count]) => count !== 0).map(([name]) => name);
}

/** What must hold for the HTML of any excerpt a reader sees, whatever its text holds. */
function assertReadableHtml(result, label) {
  const { html, text, truncated } = result;
  assert.doesNotMatch(html + text, /\[公式\]|\[formula\]/i, `${label}: no placeholder for a formula`);
  assert.doesNotMatch(html, /<h[1-6][\s>]/i, `${label}: no heading enters the page outline`);
  assert.deepEqual(findAll(parseHtml(html), (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id')), [], `${label}: no ids`);
  assert.deepEqual(unbalancedTags(html), [], `${label}: every element closed`);
  assert.doesNotMatch(html, /sb-math-error|sb-eqref-unknown|\(\?\?\)/, `${label}: no error shown`);
  assert.equal(seen(html).endsWith('…'), truncated, `${label}: an ellipsis exactly when truncated`);
  assert.equal(text.endsWith('…'), truncated, `${label}: the plain text ends like the html`);
}

/** Everything that must hold for any excerpt a reader sees, of a text without literal dollar signs. */
function assertReadable(result, label) {
  const { html, text } = result;
  assertReadableHtml(result, label);
  assert.equal((text.match(/\$/g) ?? []).length % 2, 0, `${label}: no half formula in ${JSON.stringify(text)}`);
  assert.equal(textFormulas(text).length, annotations(html).length, `${label}: each kept formula is rendered by KaTeX`);
}

// A post written for these tests in the style of the reference blog: Chinese
// and English prose, inline and display math, numbered equations referenced
// before and after they appear, a link, code, emphasis, emoji.
const post = [
  '---',
  'title: 旋转矩阵的一个小性质',
  'date: 2024-03-01',
  '---',
  '',
  '# 旋转矩阵的一个小性质',
  '',
  tex`在二维平面上，旋转矩阵 $\boldsymbol{R}_\theta$ 满足 $\boldsymbol{R}_\alpha\boldsymbol{R}_\beta = \boldsymbol{R}_{\alpha+\beta}$，这是**群结构最直接的体现**。本文从这一点出发，推导一个在位置编码中常用的恒等式，见式 \eqref{eq:inner}。`,
  '',
  '## 基本推导',
  '',
  tex`设 $\boldsymbol{q}, \boldsymbol{k} \in \mathbb{R}^2$，则`,
  tex`\begin{equation}`,
  tex`(\boldsymbol{R}_m \boldsymbol{q})^{\top}(\boldsymbol{R}_n \boldsymbol{k}) = \boldsymbol{q}^{\top}\boldsymbol{R}_{n-m}\boldsymbol{k} \label{eq:inner}`,
  tex`\end{equation}`,
  '也就是说，内积只依赖于相对位置 $n-m$，与绝对位置无关。',
  tex`换句话说，旋转不改变长度 \(\Vert \boldsymbol{R}_\theta \boldsymbol{x}\Vert = \Vert \boldsymbol{x}\Vert\)，即`,
  tex`\[\det \boldsymbol{R}_\theta = \cos^2\theta + \sin^2\theta = 1\]`,
  '',
  '$$',
  tex`\boldsymbol{R}_\theta = \begin{pmatrix}\cos\theta & -\sin\theta \\ \sin\theta & \cos\theta\end{pmatrix}`,
  '$$',
  '',
  'In English: the inner product after a rotation depends only on the offset; see [the paper that introduced it](https://example.org/rotary)',
  'and the helper `rotate_pairs(x, theta)` in the code. 🇨🇳 👩‍👩‍👧‍👦 Cafe\u0301 au lait.',
  '',
  tex`\begin{align}`,
  tex`a &= b + c \label{eq:a} \\`,
  tex`d &= e - f`,
  tex`\end{align}`,
  '',
  tex`由式 \eqref{eq:a} 与 $\eqref{eq:inner}$ 可知，结论成立。全文完。`,
].join('\n');

describe('excerpt: <!--more-->', () => {
  it('keeps everything before <!--more--> and nothing after it', () => {
    const result = excerpt('First paragraph with $x^2$ in it.\n\nSecond paragraph.\n\n<!--more-->\n\nThe rest of the post.');
    assert.equal(seen(result.html).replace(/\S*x2\S*/, 'FORMULA'), 'First paragraph with FORMULA in it. Second paragraph.…');
    assert.deepEqual(annotations(result.html), ['x^2']);
    assert.equal(result.text, 'First paragraph with $x^2$ in it. Second paragraph.…');
    assert.equal(result.truncated, true);
  });

  it('cuts at <!--more--> even when the text before it is longer than length', () => {
    const result = excerpt(`${'word '.repeat(60)}end.\n\n<!--more-->\n\nRest.`, { length: 20 });
    assert.equal(result.text, `${'word '.repeat(60)}end.…`);
  });

  it('is not truncated when nothing follows <!--more-->', () => {
    const result = excerpt('Only this.\n\n<!--more-->\n');
    assert.equal(result.truncated, false);
    assert.equal(seen(result.html), 'Only this.');
  });

  it('ignores <!--more--> written inside a code span', () => {
    const result = excerpt('Write `<!--more-->` where the excerpt should end. Then go on writing.');
    assert.equal(result.truncated, false);
    assert.equal(seen(result.html), 'Write <!--more--> where the excerpt should end. Then go on writing.');
  });

  it('cuts HTML input at a <!--more--> comment', () => {
    const result = excerpt('<p>Before the fold.</p>\n<!--more-->\n<p>After the fold.</p>', { format: 'html' });
    assert.equal(seen(result.html), 'Before the fold.…');
    assert.equal(result.truncated, true);
  });
});

describe('excerpt: where a long text is cut', () => {
  const cases = [
    [
      'an English text ends on the sentence end nearest the length',
      'The quick brown fox jumps over the lazy dog. It was a sunny day and everyone was happy. Then the rain came.',
      { length: 60 },
      'The quick brown fox jumps over the lazy dog.…',
    ],
    [
      'a sentence ending a little after the length is preferred to one far before it',
      'Short one. This second sentence ends just after the limit. And a third sentence goes on for much longer than that.',
      { length: 50 },
      'Short one. This second sentence ends just after the limit.…',
    ],
    [
      'an English text without a sentence end within reach ends on a word boundary',
      'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma',
      { length: 30 },
      'alpha beta gamma delta epsilon…',
    ],
    [
      'a word cut drops a dangling comma',
      'alpha beta gamma delta, epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma',
      { length: 24 },
      'alpha beta gamma delta…',
    ],
    [
      'a Chinese text ends on a sentence boundary although it has no spaces',
      '我们知道，位置编码的核心是让模型能够区分不同位置的词。为了方便理解，我们先从二维的情形开始推导，然后再推广到一般的偶数维。可以看到，这个结果只依赖于相对位置。',
      { length: 40, locale: 'zh' },
      '我们知道，位置编码的核心是让模型能够区分不同位置的词。…',
    ],
    [
      'a Chinese sentence end with 。 is still marked as truncated',
      '第一句话在这里结束。第二句话要长得多，一直写下去，直到超过长度的限制为止，还要再写一些。',
      { length: 12, locale: 'zh' },
      '第一句话在这里结束。…',
    ],
    [
      'a Chinese text without a sentence end within reach ends between words, not inside one',
      '为了方便理解我们先从二维的情形开始推导然后再推广到一般的偶数维并且讨论远程衰减的性质',
      { length: 20, locale: 'zh' },
      undefined,
    ],
    [
      'paragraphs count as sentences',
      'A heading-like first paragraph without a period\n\nThen a second paragraph that runs on for quite a while without stopping at all.',
      { length: 55 },
      'A heading-like first paragraph without a period…',
    ],
  ];
  for (const [name, source, options, expected] of cases) {
    it(name, () => {
      const result = excerpt(source, options);
      assertReadable(result, name);
      assert.equal(result.truncated, true);
      if (expected !== undefined) assert.equal(seen(result.html), expected);
      else {
        // The kept text is a run of whole words: ICU's word boundaries in the full text include its end.
        const kept = seen(result.html).slice(0, -1);
        const ends = new Set([...new Intl.Segmenter('zh', { granularity: 'word' }).segment(source)].map((s) => s.index));
        assert.ok(source.startsWith(kept) && ends.has(kept.length), `${kept} ends on a word boundary`);
        assert.ok(kept.length >= 10 && kept.length <= 20, `${kept} is about 20 characters`);
      }
    });
  }

  it('returns a short text whole, not truncated and without an ellipsis', () => {
    const result = excerpt('A short post with $a+b$ and **bold** text.');
    assert.equal(result.truncated, false);
    assert.equal(result.text, 'A short post with $a+b$ and bold text.');
    assert.doesNotMatch(result.html, /…/);
    assert.deepEqual(annotations(result.html), ['a+b']);
  });

  it('returns a short HTML text whole, not truncated', () => {
    const result = excerpt('<p>Short <em>HTML</em> post.</p>', { format: 'html' });
    assert.equal(result.truncated, false);
    assert.equal(result.html, '<p>Short <em>HTML</em> post.</p>');
  });
});

describe('excerpt: a cut never falls inside an atom', () => {
  const long = tex`\sum_{i=1}^{n}\sum_{j=1}^{m} w_{ij}\,\exp\left(-\frac{\Vert x_i - y_j\Vert^2}{2\sigma^2}\right)\log p(y_j \mid x_i)`;
  // [name, source, options, formulas KaTeX must show, plain text]
  const cases = [
    ['inside $..$, a short formula is kept whole', 'Energy is conserved, so $E = mc^2$ holds in every frame we consider here.', { length: 25 }, ['E = mc^2'], 'Energy is conserved, so $E = mc^2$…'],
    ['inside $..$, a long formula is left out', `Energy is conserved, so $${long}$ holds in every frame.`, { length: 25 }, [], 'Energy is conserved, so…'],
    [
      'inside $$..$$, a short display is kept whole',
      'Intro text here.\n\n$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$\n\nAfter the display, more words follow for a while.',
      { length: 20 },
      ['\n\\int_0^1 x\\,dx = \\frac{1}{2}\n'],
      'Intro text here. $\\int_0^1 x\\,dx = \\frac{1}{2}$…',
    ],
    ['inside $$..$$, a long display is left out', `Intro text goes here.\n\n$$\n${long}\n$$\n\nAfter the display.`, { length: 30 }, [], 'Intro text goes here.…'],
    [
      'inside \\begin{equation}, a short environment is kept whole',
      'We start from the definition.\n\n\\begin{equation}\nf(x) = \\sum_{n} a_n x^n\n\\end{equation}\n\nwhich converges for small x, as we will see later on.',
      { length: 34 },
      ['\\begin{equation}\nf(x) = \\sum_{n} a_n x^n\n\\tag{1}\\end{equation}'],
      'We start from the definition. $\\begin{equation} f(x) = \\sum_{n} a_n x^n \\end{equation}$…',
    ],
    [
      'inside \\begin{equation}, a long environment is left out',
      `We start from the definition.\n\n\\begin{equation}\n${long}\n\\end{equation}\n\nwhich converges.`,
      { length: 34 },
      [],
      'We start from the definition.…',
    ],
    ['inside \\(..\\), the formula is kept whole', tex`The map \(x \mapsto x^2\) is convex on the whole real line, as is well known.`, { length: 10 }, ['x \\mapsto x^2'], 'The map $x \\mapsto x^2$…'],
  ];
  for (const [name, source, options, formulas, text] of cases) {
    it(name, () => {
      const result = excerpt(source, options);
      assertReadable(result, name);
      assert.deepEqual(annotations(result.html), formulas);
      assert.equal(result.text, text);
    });
  }

  it('inside a code span, the code is kept whole or left out', () => {
    const source = 'Call `someFunction(argument)` to start the engine now, then wait.';
    const kept = excerpt(source, { length: 20 });
    assert.deepEqual(findAll(parseHtml(kept.html), (e) => e.tag === 'code').map(visibleText), ['someFunction(argument)']);
    assert.equal(seen(kept.html), 'Call someFunction(argument)…');
    const left = excerpt(source, { length: 12 });
    assert.deepEqual(findAll(parseHtml(left.html), (e) => e.tag === 'code'), []);
    assert.equal(seen(left.html), 'Call…');
  });

  it('inside a link, the link is kept whole or left out', () => {
    const source = 'Read [the full derivation of the formula](https://example.com/derivation) before you continue.';
    const kept = excerpt(source, { length: 30 });
    assert.deepEqual(
      findAll(parseHtml(kept.html), (e) => e.tag === 'a').map((a) => [attr(a, 'href'), visibleText(a)]),
      [['https://example.com/derivation', 'the full derivation of the formula']],
    );
    const left = excerpt(source, { length: 20 });
    assert.deepEqual(findAll(parseHtml(left.html), (e) => e.tag === 'a'), []);
    assert.equal(seen(left.html), 'Read…');
  });

  it('inside a bare URL, the URL is kept whole or left out', () => {
    const result = excerpt('Code: https://example.com/some/long/path/to/the/repository and more words after it.', { length: 20 });
    const hrefs = findAll(parseHtml(result.html), (e) => e.tag === 'a').map((a) => attr(a, 'href'));
    assert.ok(hrefs.length === 0 || hrefs[0] === 'https://example.com/some/long/path/to/the/repository', String(hrefs));
  });

  const graphemes = [
    ['an emoji ZWJ sequence', '👩‍👩‍👧‍👦', 3],
    ['a flag', '🇨🇳', 4],
    ['a letter with a combining mark', 'e\u0301', 4],
  ];
  for (const [name, grapheme, length] of graphemes) {
    it(`inside ${name}, which counts as one character`, () => {
      const result = excerpt(grapheme.repeat(10), { length });
      assert.equal(result.text, `${grapheme.repeat(length)}…`);
      assert.equal(seen(result.html), `${grapheme.repeat(length)}…`);
    });
  }

  it('inside an emoji in running text, the emoji stays whole', () => {
    const result = excerpt('Our family 👩‍👩‍👧‍👦 went to China 🇨🇳 last summer and loved it very much.', { length: 12 });
    assert.doesNotMatch(result.text, /\u200d…|[\ud800-\udbff]…/);
    assert.ok(['Our family…', 'Our family 👩‍👩‍👧‍👦…'].includes(result.text), result.text);
  });

  it('inside a markdown table, the table is kept whole or left out', () => {
    const source = 'Results below.\n\n| method | score |\n| --- | --- |\n| ours | 0.91 |\n| baseline | 0.85 |\n\nThat is all for today, thanks for reading this far.';
    for (const length of [16, 30]) {
      const result = excerpt(source, { length });
      assertReadable(result, `length ${length}`);
      assert.doesNotMatch(seen(result.html), /\|/);
      const rows = findAll(parseHtml(result.html), (e) => e.tag === 'tr');
      assert.ok(rows.length === 0 || rows.length === 3, `length ${length}: ${rows.length} rows`);
    }
  });

  it('inside an HTML block, no emphasis closer is added where markdown shows asterisks as text', () => {
    const result = excerpt('<div class="note">\n**not bold here because markdown is off inside this block</div>\n\nAfter.', { length: 20 });
    assert.equal((seen(result.html).match(/\*\*/g) ?? []).length, 1);
  });

  it('inside emphasis, the emphasis is closed rather than shown as asterisks', () => {
    const result = excerpt('Some **bold text that runs long beyond the limit** end.', { length: 20 });
    assert.equal(seen(result.html), 'Some bold text that…');
    assert.deepEqual(findAll(parseHtml(result.html), (e) => e.tag === 'strong').map(visibleText), ['bold text that']);
  });
});

describe('excerpt: what an excerpt on a home page must not do', () => {
  it('turns headings into paragraphs, so no <h1> enters the page', () => {
    const result = excerpt('# Big title\n\nFirst paragraph of the post.\n\n## A section\n\nMore.', { length: 400 });
    assert.doesNotMatch(result.html, /<h\d/);
    assert.deepEqual(findAll(parseHtml(result.html), (e) => e.tag === 'p').map(visibleText), ['Big title', 'First paragraph of the post.', 'A section', 'More.']);
    assert.doesNotMatch(seen(result.html), /#/);
  });

  it('does not end on a heading that announces what the excerpt leaves out', () => {
    const result = excerpt('First paragraph ends here.\n\n## Next section\n\nThe next section has a long body that goes far beyond the length.', { length: 40 });
    assert.equal(seen(result.html), 'First paragraph ends here.…');
  });

  it('shows the number of an equation beyond the excerpt for \\eqref, without an error', () => {
    const source = tex`By \eqref{eq:b} and $\eqref{eq:a}$ we see it.

\begin{equation}a=1\label{eq:a}\end{equation}

Long text follows here and goes on and on and on and on and on and on.

\begin{equation}b=2\label{eq:b}\end{equation}`;
    const result = excerpt(source, { length: 30 });
    assertReadable(result, 'eqref');
    assert.match(seen(result.html), /^By \(2\) and \(1\) we see it\./);
    assert.deepEqual(findAll(parseHtml(result.html), (e) => e.tag === 'a'), [], 'no link to an equation id the page may not have');
  });

  it('numbers a reference inside a table to an equation beyond the excerpt', () => {
    const source = tex`| quantity | see |
| --- | --- |
| energy | \eqref{eq:e} |

Long text follows here and goes on and on and on and on and on and on and on.

\begin{equation}E = mc^2 \label{eq:e}\end{equation}`;
    const result = excerpt(source, { length: 20 });
    assertReadable(result, 'table reference');
    assert.deepEqual(findAll(parseHtml(result.html), (e) => e.tag === 'td').map(visibleText), ['energy', '(1)']);
  });

  it('puts the ellipsis after a table, not into its last cell', () => {
    const result = excerpt('| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 |\n\nText after the table that goes on and on for a long while.', { length: 8 });
    assert.deepEqual(findAll(parseHtml(result.html), (e) => e.tag === 'td').map(visibleText), ['1', '2', '3', '']);
    assert.match(result.html, /<\/table>\s*<p>…<\/p>$/);
  });

  it('leaves no ids, so many excerpts with the same labels can share a page', () => {
    const source = tex`## Setup

\begin{equation}x = 1 \label{eq:one}\end{equation}

See \eqref{eq:one}.`;
    const page = [excerpt(source).html, excerpt(source).html].join('\n');
    assert.deepEqual(findAll(parseHtml(page), (e) => attr(e, 'id') !== undefined), []);
    assert.doesNotMatch(page, /href="#/);
    assert.equal(annotations(page).length, 2);
  });

  it('drops scripts and event handlers from HTML input', () => {
    const result = excerpt('<p onclick="steal()">Hello <script>steal()</script>world.</p>', { format: 'html' });
    assert.equal(result.html, '<p>Hello world.</p>');
  });

  it('drops javascript: links from untrusted HTML input', () => {
    const result = excerpt('<p><a href="javascript:alert(1)">click</a> me</p>', { format: 'html', trusted: false });
    assert.doesNotMatch(result.html, /javascript/);
    assert.equal(seen(result.html), 'click me');
  });
});

describe('excerpt: HTML input (JSON Feed content_html)', () => {
  it('closes a <strong> left open by the cut', () => {
    const result = excerpt('<p>Some <strong>very important words that continue for quite a while</strong> after.</p>', { format: 'html', length: 20 });
    assertReadable(result, 'strong');
    assert.equal(seen(result.html), 'Some very important…');
    assert.deepEqual(findAll(parseHtml(result.html), (e) => e.tag === 'strong').map(visibleText), ['very important']);
    assert.match(result.html, /<\/strong>…<\/p>$/);
  });

  it('renders raw TeX in text nodes with KaTeX', () => {
    const result = excerpt('<p>The energy $E = mc^2$ and \\(p = mv\\) are conserved.</p>', { format: 'html' });
    assert.deepEqual(annotations(result.html), ['E = mc^2', 'p = mv']);
    assert.equal(result.text, 'The energy $E = mc^2$ and $p = mv$ are conserved.');
  });

  it('never cuts inside an element with class katex', () => {
    const formula = renderMath(tex`\frac{a+b}{c+d} = \sum_{k=0}^{n} x_k`);
    const source = `<p>Energy ${formula} is conserved in every frame that we consider here.</p>`;
    for (let length = 4; length <= 30; length++) {
      const result = excerpt(source, { format: 'html', length });
      assertReadable(result, `length ${length}`);
      const kept = annotations(result.html);
      assert.ok(kept.length === 0 || kept[0] === tex`\frac{a+b}{c+d} = \sum_{k=0}^{n} x_k`, `length ${length}: whole formula or none`);
    }
  });

  it('renders raw TeX inside a link and never cuts the link', () => {
    const source = '<p>See <a href="/proof">the proof that $a^2 + b^2 = c^2$ holds in general</a> for details on this.</p>';
    for (const length of [6, 12, 30, 60]) {
      const result = excerpt(source, { format: 'html', length });
      assertReadable(result, `length ${length}`);
      const found = links(result.html);
      assert.ok(found.length === 0 || found[0].text.startsWith('the proof that') && found[0].text.endsWith('holds in general'), `length ${length}: whole link or none`);
      if (found.length > 0) assert.deepEqual(annotations(result.html), ['a^2 + b^2 = c^2']);
    }
  });

  it('never cuts inside a table', () => {
    const source = '<p>Results:</p><table><tr><td>alpha beta gamma</td><td>delta epsilon zeta</td></tr></table><p>The end of the post.</p>';
    const cells = (html) => findAll(parseHtml(html), (e) => e.tag === 'td').map(visibleText);
    const kept = excerpt(source, { format: 'html', length: 30 });
    assertReadable(kept, 'kept');
    assert.deepEqual(cells(kept.html), ['alpha beta gamma', 'delta epsilon zeta']);
    const left = excerpt(source, { format: 'html', length: 20 });
    assertReadable(left, 'left out');
    assert.deepEqual(cells(left.html), []);
    assert.match(seen(left.html), /^Results:?…$/);
  });

  it('never cuts inside a character reference', () => {
    const result = excerpt('<p>AT&amp;T&amp;T&amp;T&amp;T&amp;T&amp;T</p>', { format: 'html', length: 5 });
    assert.doesNotMatch(result.html.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi, ''), /&/);
    assert.equal(result.truncated, true);
  });

  it('turns headings into paragraphs and drops ids', () => {
    const result = excerpt('<h1 id="top">Title</h1><p id="p1">Body text.</p>', { format: 'html' });
    assert.equal(result.html, '<p class="sb-excerpt-heading">Title</p><p>Body text.</p>');
  });
});

describe('excerpt: a whole post at every length', () => {
  it('is readable at every length from markdown: whole formulas, closed tags, no ids, no headings', () => {
    for (let length = 4; length <= 420; length += 3) {
      const result = excerpt(post, { length, locale: 'zh' });
      assertReadable(result, `markdown, length ${length}`);
      assert.equal(result.truncated, true);
    }
  });

  it('is readable at every length from the rendered post as HTML', () => {
    const { html } = renderMarkdown(post);
    for (let length = 4; length <= 420; length += 3) {
      const result = excerpt(html, { length, locale: 'zh', format: 'html' });
      assertReadable(result, `html, length ${length}`);
    }
  });

  it('shows each kept formula in the plain text as its TeX between dollars', () => {
    const result = excerpt(post, { length: 60, locale: 'zh' });
    assert.deepEqual(textFormulas(result.text), [tex`$\boldsymbol{R}_\theta$`, tex`$\boldsymbol{R}_\alpha\boldsymbol{R}_\beta = \boldsymbol{R}_{\alpha+\beta}$`]);
    assert.ok(result.text.startsWith('旋转矩阵的一个小性质 在二维平面上，旋转矩阵 $'), result.text);
  });

  it('returns the whole post, not truncated, when length is Infinity', () => {
    const result = excerpt(post, { length: Infinity });
    assertReadable(result, 'whole');
    assert.equal(result.truncated, false);
    assert.match(result.text, /全文完。$/);
    assert.match(result.text, /由式 \(2\) 与 \(1\) 可知/);
  });
});

describe('excerpt: markdown-it decides what is math, code and text', () => {
  /** The excerpt's formulas are the first formulas of the rendered post, and its text is the start of the post's text. */
  function assertAgreesWithRenderer(source, options, label) {
    const result = excerpt(source, options);
    // The plain text writes formulas as $TeX$: literal dollar signs in it are no half formulas.
    assertReadableHtml(result, label);
    const whole = renderMarkdown(source, { trusted: options.trusted ?? true });
    const kept = annotations(result.html);
    assert.deepEqual(kept, annotations(whole.html).slice(0, kept.length), `${label}: the formulas renderMarkdown renders, in order`);
    const shown = seen(result.html).replace(/…$/, '').trim();
    assert.ok(seen(whole.html).startsWith(shown), `${label}: ${JSON.stringify(shown)} starts the rendered post's text`);
    return result;
  }

  /** The text of each code block, and whether a formula sits inside one. */
  function codeBlocks(html) {
    const blocks = findAll(parseHtml(html), (e) => e.tag === 'pre');
    return { texts: blocks.map(visibleText), math: blocks.some((block) => findAll(block, (e) => e.tag === 'annotation').length > 0) };
  }

  const longLine = 'a long line of code that goes on '.repeat(8);
  const codeLines = [tex`$x$ and $y + 1$`, tex`\begin{equation}`, tex`E = mc^2 \label{eq:code}`, tex`\end{equation}`, longLine, '<!--more-->'];
  const codeText = `${codeLines.join('\n')}\n`;
  const codeCases = [
    ['an indented code block (4 spaces)', codeLines.map((line) => `    ${line}`).join('\n')],
    ['a fenced code block', ['```', ...codeLines, '```'].join('\n')],
  ];
  for (const [name, block] of codeCases) {
    it(`never cuts inside ${name}, and nothing in it becomes math or a marker`, () => {
      const source = `Before the code, $a^2$ is math.\n\n${block}\n\nAfter the code, $b^2$ is math and the text goes on for a while longer.`;
      const lengths = [];
      for (let length = 5; length <= 401; length += 9) {
        const result = assertAgreesWithRenderer(source, { length }, `${name}, length ${length}`);
        const code = codeBlocks(result.html);
        assert.ok(code.texts.length === 0 || (code.texts.length === 1 && code.texts[0] === codeText), `length ${length}: the code whole or not at all`);
        assert.equal(code.math, false, `length ${length}: no formula inside the code`);
        assert.ok(annotations(result.html).every((formula) => formula === 'a^2' || formula === 'b^2'), `length ${length}: ${annotations(result.html)}`);
        if (code.texts.length === 1) lengths.push(length);
      }
      assert.ok(lengths.includes(401), `long enough excerpts keep the code: ${lengths}`);
      assert.equal(excerpt(source, { length: 1000 }).truncated, false, 'the <!--more--> in the code ends nothing');
    });
  }

  it('leaves $5 and $10 as prices, as renderMarkdown does', () => {
    const source = 'The book costs $5 and the course $10, while $x$ is a variable; prices like $3.50 stay text as well.';
    for (const length of [10, 20, 30, 45, 60, 200]) {
      const result = assertAgreesWithRenderer(source, { length }, `length ${length}`);
      assert.ok(annotations(result.html).every((formula) => formula === 'x'), `length ${length}: ${annotations(result.html)}`);
    }
    const whole = excerpt(source, { length: 200 });
    assert.deepEqual(annotations(whole.html), ['x']);
    assert.match(seen(whole.html), /costs \$5 and the course \$10, while/);
  });

  const agreement = [
    ['escaped dollars', tex`Escaped \$x\$ stays text, while $y$ is math, and the sentence goes on.`],
    ['a code span', 'The span `$code$` is code, while $real$ is math, and the sentence goes on.'],
    ['a dollar before a space', 'A formula $a $ with a space is text, $b$ is math, and so on and so on.'],
    ['display math with text after it on its line', '$$\na+b\n$$ and text after it on the same line, which goes on.'],
    ['an environment with text after it on its line', tex`\begin{equation}x\end{equation} in a line of text that goes on and on.`],
    ['an environment inside a paragraph', tex`Some text first` + '\n' + tex`\begin{equation}y = 2\end{equation}` + '\nand text after it.'],
    ['\\[ starting a line of a paragraph', tex`A line of text` + '\n' + tex`\[d = 1\]` + '\nand after it, more.'],
    ['\\[ in the middle of a line', tex`An escaped \[bracket\] and \(p\) in a line of text.`],
    ['a quote', tex`> quoted $q$ and \(r\)` + '\n> and more quoted text $s$.'],
    ['a list', tex`- item $i$ with words` + '\n' + tex`- item \(j\) with more words` + '\n- a third item $k$'],
    ['an HTML block', '<div>\n$html$ inside an HTML block is text\n</div>\n\nAfter it, $m$ is math.'],
    ['a table', tex`| a | $t$ |` + '\n|---|---|\n' + tex`| \eqref{eq:e} | $u$ |` + '\n\nText.\n\n' + tex`\begin{equation}e\label{eq:e}\end{equation}`],
    ['lone dollars', 'A lone $ sign, a $ 4 price, and $z$ at the end of the line.'],
    ['an unclosed environment', tex`\begin{align}` + '\na &= b\n\nno closing here, and $w$ after.'],
  ];
  for (const [name, source] of agreement) {
    it(`agrees with renderMarkdown on what is math: ${name}`, () => {
      for (const length of [5, 12, 25, 50, 100, 1000]) assertAgreesWithRenderer(source, { length }, `${name}, length ${length}`);
      for (const length of [12, 1000]) assertAgreesWithRenderer(source, { length, trusted: false }, `${name}, untrusted, length ${length}`);
    });
  }

  it('ignores <!--more--> in code blocks and cuts at the first one that is a comment', () => {
    for (const code of ['```\n<!--more-->\n```', '    <!--more-->']) {
      const result = excerpt(`${code}\n\nText after the code.\n\n<!--more-->\n\nThe rest.`);
      assert.equal(seen(result.html), '<!--more--> Text after the code.…');
      assert.equal(result.truncated, true);
    }
  });

  it('resolves a reference link whose definition is at the end of the post', () => {
    const source = `See [the docs][docs] and [intro] before you start.\n\n${'Filler text that goes on. '.repeat(40)}\n\n[docs]: https://example.com/docs "The docs"\n[intro]: /intro`;
    const result = excerpt(source, { length: 40 });
    assert.deepEqual(
      links(result.html).map((link) => [link.href, link.text]),
      [['https://example.com/docs', 'the docs'], ['/intro', 'intro']],
    );
    assert.equal(seen(result.html), 'See the docs and intro before you start.…');
  });
});

describe('excerpt: footnotes', () => {
  const post = 'A walk[^walk] goes on^[or so [it] seems] forever.\n\n[^walk]: The note, long enough\n  to go on a second line.\n\n    And a second paragraph of it.\n\nThe text goes on after the note, and on.';

  it('shows neither the footnote marks nor the notes', () => {
    const result = excerpt(post, { length: 200 });
    assert.equal(seen(result.html), 'A walk goes on forever. The text goes on after the note, and on.');
    assert.equal(result.text, 'A walk goes on forever. The text goes on after the note, and on.');
    assert.doesNotMatch(result.html, /\^|note, long|second paragraph|<sup/);
  });

  it('leaves out a note defined far below the excerpt, and keeps [^x] as text when no note defines it, as the post does', () => {
    const far = `Text[^1] and [^nope] here.\n\n${'More text. '.repeat(80)}\n\n[^1]: Far below.`;
    const result = excerpt(far, { length: 40 });
    assert.match(seen(result.html), /^Text and \[\^nope\] here\./);
    assert.ok(result.truncated);
  });

  it('keeps a footnote mark written in code as code', () => {
    assert.equal(seen(excerpt('Write `a[^1]` for a note.\n\n[^1]: The note.').html), 'Write a[^1] for a note.');
  });
});

describe('excerpt: numbered blocks at the start of a post', () => {
  it('shows a theorem with its name and number, as in the post', () => {
    const post = tex`\begin{theorem}[Central limit]\label{thm:clt}` + '\nThe sum of many small variables tends to a normal one.\n' + tex`\end{theorem}` + '\n\nAfter it, more.';
    const result = excerpt(post, { length: 200 });
    assert.match(seen(result.html), /^Theorem 1 \(Central limit\)\. The sum of many small variables tends to a normal one\./);
    assert.equal(seen(excerpt(post, { length: 200, locale: 'zh' }).html).slice(0, 4), '定理 1');
  });

  it('numbers a figure at the start as the post does', () => {
    const result = excerpt('![A random walk](walk.png)\n\nAfter it.', { length: 200 });
    assert.match(seen(result.html), /^Figure 1: A random walk/);
  });
});

describe('excerpt: citations, with no bibliography to show', () => {
  const citationTexts = (html) => findAll(parseHtml(html), byClass('sb-cite')).map((element) => visibleText(element));
  // A post as a blogger writes one: its references in a .bib file beside it, which an excerpt does not load.
  const body = [
    'Attention \\cite{vaswani2017} replaced recurrence in translation models, which had aligned words with',
    'a soft search [@bahdanau2014; @vaswani2017, p. 5]. As \\citet{graves2013} showed, a recurrent network',
    'can also generate sequences, one step at a time \\citep{graves2013,sutskever2014,bahdanau2014}.',
    '',
    'The rest of the post explains each of these models in turn, with the formulas that define them and',
    'the experiments that compare them, before a section on what remains open.',
    '',
    '[[references]]',
  ].join('\n');
  const post = `---\ntitle: From recurrence to attention\nbibliography: refs.bib\n---\n${body}`;
  const items = ['vaswani2017', 'bahdanau2014', 'graves2013', 'sutskever2014'].map((id, i) => ({
    id, type: 'article-journal', title: `Paper ${i + 1}`, author: [{ family: `Author${i + 1}` }], issued: { 'date-parts': [[2013 + i]] },
  }));

  it('shows each citation as the number the post gives it, from the order of first citation', () => {
    const result = excerpt(post, { length: 400 });
    // The post itself, once its bibliography is loaded, numbers them so: an in-text \citet shows its number alone.
    assert.deepEqual(citationTexts(renderMarkdown(post, { bibliography: items }).html), ['[1]', '[2; 1, p. 5]', 'Author3 [3]', '[2–4]']);
    assert.deepEqual(citationTexts(result.html), ['[1]', '[2; 1, p. 5]', '[3]', '[2–4]']);
    assert.match(result.text, /^Attention \[1\] replaced .* a soft search \[2; 1, p\. 5\]\. As \[3\] showed, .* at a time \[2–4\]\./);
    assertReadable(result, 'citations');
  });

  it('never shows a citation as written, nor half of one, at any length', () => {
    const whole = citationTexts(excerpt(post, { length: Infinity }).html);
    for (let length = 4; length <= 260; length++) {
      const result = excerpt(post, { length });
      assert.doesNotMatch(result.html + result.text, /\\cite|@[a-z]|\[\[references/, `length ${length}: ${result.text}`);
      const kept = citationTexts(result.html);
      assert.deepEqual(kept, whole.slice(0, kept.length), `length ${length}: each citation whole, in order`);
      const visible = seen(result.html);
      assert.ok(!/\[[^\]]*…$/.test(visible), `length ${length}: no bracket left open in ${visible}`);
    }
  });

  it('shows no reference list, wherever the post puts it', () => {
    const result = excerpt(post, { length: Infinity });
    assert.doesNotMatch(result.html, /sb-references|References|Paper 1/);
    assert.equal(result.truncated, false);
  });

  it('shows the keys, in their own class, for an author–year post: names and years are in the bibliography', () => {
    const result = excerpt(post.replace('bibliography:', 'citation-style: author-year\nbibliography:'), { length: 400 });
    assert.deepEqual(citationTexts(result.html), ['(vaswani2017)', '(bahdanau2014; vaswani2017, p. 5)', '(graves2013)', '(graves2013; sutskever2014; bahdanau2014)']);
    assert.deepEqual(findAll(parseHtml(result.html), byClass('sb-cite-key')).slice(0, 2).map(visibleText), ['vaswani2017', 'bahdanau2014']);
  });

  it('shows what the post shows when the front matter holds the references (CSL), unknown keys included', () => {
    const yaml = items.slice(0, 3).map((item) => `  - id: ${item.id}\n    title: ${item.title}\n    author: [{ family: ${item.author[0].family} }]\n    issued: { date-parts: [[${item.issued['date-parts'][0][0]}]] }`).join('\n');
    const withItems = `---\ncitation-style: author-year\nbibliography:\n${yaml}\n---\n${body}`;
    const expected = citationTexts(renderMarkdown(withItems).html);
    assert.deepEqual(expected, ['(Author1, 2013)', '(Author2, 2014; Author1, 2013, p. 5)', 'Author3 (2015)', '(Author3, 2015; ?; Author2, 2014)']);
    assert.deepEqual(citationTexts(excerpt(withItems, { length: 400 }).html), expected);
  });

  it('leaves a bare @name as text, as the post does when the bibliography lacks it, and numbers it when the excerpt cites the key too', () => {
    assert.deepEqual(seen(excerpt('Ask @ada about it [@vaswani2017].').html), 'Ask @ada about it [1].');
    assert.deepEqual(seen(excerpt('[@knuth1984] says so, and @knuth1984 again, with [@vaswani2017].').html), '[1] says so, and [1] again, with [2].');
  });

  it('keeps a visitor’s \\cite as written, as the comment itself shows it', () => {
    const comment = 'I think \\cite{vaswani2017} disagrees.';
    assert.equal(seen(excerpt(comment, { trusted: false }).html), seen(renderMarkdown(comment, { trusted: false }).html));
    assert.match(seen(excerpt(comment, { trusted: false }).html), /\\cite\{vaswani2017\}/);
  });

  it('numbers the zh post’s citations the same way', () => {
    const zh = '---\nlang: zh\nbibliography: refs.bib\n---\n注意力机制\\cite{vaswani2017}取代了循环网络[@bahdanau2014]，详见下文。';
    assert.equal(seen(excerpt(zh, { locale: 'zh' }).html), '注意力机制[1]取代了循环网络[2]，详见下文。');
  });
});

describe('excerpt: references to figures and theorems beyond the excerpt', () => {
  const post = [
    'The walk of @fig:walk spreads as the square root of time, which Theorem \\ref{thm:spread} states and',
    '@thm:spread proves; @tbl:steps lists the first steps.',
    '',
    ...Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} of the derivation, long enough to be left out of a short excerpt of the post.\n`),
    '![A random walk of 1000 steps](walk.png){#fig:walk}',
    '',
    '\\begin{theorem}[Spread]\\label{thm:spread}',
    'After $n$ steps the distance is about $\\sqrt{n}$.',
    '\\end{theorem}',
  ].join('\n');

  it('shows their numbers as the post does, never the label as written', () => {
    const result = excerpt(post, { length: 120 });
    assert.match(seen(result.html), /^The walk of Figure 1 spreads as the square root of time, which Theorem 1 states and Theorem 1 proves;/);
    assert.doesNotMatch(result.html + result.text, /@fig|@thm|\\ref|Figure \?\?|Theorem \?\?/);
    assert.ok(result.truncated);
  });

  it('shows a label the post never defines as the post does: "Table ??", marked unknown', () => {
    const result = excerpt(post, { length: 120 });
    assert.match(seen(result.html), /proves; Table \?\? lists/);
    assert.match(seen(renderMarkdown(post).html), /proves; Table \?\? lists/);
    assert.equal(findAll(parseHtml(result.html), byClass('sb-ref-unknown')).length, 1);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearMathCache, renderMarkdown } from 'sciblog-elements/core';
import { untrustedFormulaLimit } from '../../dist/core/render-math.js';
import { untrustedTextLimit } from '../../dist/core/render-markdown.js';
import { attr, findAll, links, parseHtml, undecodedEntities, visibleText } from './support/html.js';
import { katexInputs, LINEAR_GROWTH_4X, searchWork } from './support/work.js';

const tex = String.raw;

// Attributes whose value a browser loads or navigates to.
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'cite', 'ping']);
const allowedSchemes = new Set(['http', 'https', 'mailto']);

/** The scheme a browser would read from an attribute value (entities already decoded), or undefined for a relative URL. */
function schemeOf(url) {
  // Browsers drop ASCII whitespace and control characters anywhere in a scheme.
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1].toLowerCase();
}

/** Fails unless `html` is inert: nothing in it can run script or load a script URL. */
function assertInert(html, payload) {
  const context = `payload ${JSON.stringify(payload)} gave\n${html}`;
  assert.doesNotMatch(html, /<script/i, context);
  assert.doesNotMatch(html, /<iframe/i, context);
  assert.doesNotMatch(html, /<(object|embed|style|base|meta|link|form|frame|frameset)\b/i, context);
  for (const element of findAll(parseHtml(html), () => true)) {
    for (const { name, value, raw } of element.attrs) {
      assert.doesNotMatch(name, /^on/i, `event handler attribute ${name} on <${element.tag}>; ${context}`);
      assert.notEqual(name, 'srcdoc', context);
      if (urlAttributes.has(name)) {
        assert.deepEqual(undecodedEntities(raw), [], `unknown entity in ${name}; ${context}`);
        const scheme = schemeOf(value);
        assert.ok(scheme === undefined || allowedSchemes.has(scheme), `${name}="${value}" on <${element.tag}>; ${context}`);
      }
      if (name === 'style') assert.doesNotMatch(value, /url\s*\(|expression\s*\(|javascript:|@import/i, context);
    }
    if (element.tag === 'a' && !(attr(element, 'href') ?? '#').startsWith('#')) {
      assert.equal(attr(element, 'rel'), 'nofollow ugc noopener', `a visitor's link without rel; ${context}`);
    }
  }
}

// Each payload is what a visitor might put in a comment.
const payloads = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">text after',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body { background: url(javascript:alert(1)) }</style>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<div onmouseover="alert(1)">hover</div>',
  '<details open ontoggle=alert(1)>',
  '<!-- comment --><img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;avascript&colon;alert(1))',
  '[click](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))',
  '[click](<java\tscript:alert(1)>)',
  '[click](java&Tab;script:alert(1))',
  '[click](\u0001javascript:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![img](javascript:alert(1))',
  '![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![img](x "title\\" onerror=\\"alert(1)")',
  '[click](https://example.com "title\\" onmouseover=\\"alert(1)")',
  "[click](https://example.com 'a\" onmouseover=\"alert(1)')",
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '[click][ref]\n\n[ref]: https://example.com "x\\" onclick=\\"alert(1)"',
  '<javascript:alert(1)>',
  '<JAVASCRIPT:alert(1)>',
  '<vbscript:msgbox(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  'https://example.com/"onmouseover="alert(1)',
  '<https://example.com/"onmouseover="alert(1)>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  tex`$\href{javascript:alert(1)}{x}$`,
  tex`$\href{JaVaScRiPt:alert(1)}{x}$`,
  tex`$\href{&#106;avascript:alert(1)}{x}$`,
  tex`$$\href{data:text/html,<script>alert(1)</script>}{x}$$`,
  tex`$\url{javascript:alert(1)}$`,
  tex`$\htmlData{onclick=alert(1)}{y}$`,
  tex`$\htmlId{x" onclick="alert(1)}{y}$`,
  tex`$\htmlClass{x" onclick="alert(1)}{y}$`,
  tex`$\htmlStyle{background:url(javascript:alert(1))}{y}$`,
  tex`$\includegraphics{javascript:alert(1)}$`,
  tex`$\includegraphics[height=1em]{data:image/svg+xml,<svg onload=alert(1)>}$`,
  tex`$\href{#x" onclick="alert(1)}{y}$`,
  tex`$\text{<img src=x onerror=alert(1)>}$`,
  tex`$<img src=x onerror=alert(1)>$`,
  tex`$\frac{1}{<script>alert(1)</script>$`,
  tex`\eqref{"><img src=x onerror=alert(1)>}`,
  tex`\begin{equation}x \label{"><img src=x onerror=alert(1)>}\end{equation}` + '\n\n' + tex`\eqref{"><img src=x onerror=alert(1)>}`,
  tex`$$x \tag{<img src=x onerror=alert(1)>}$$`,
  '$$x$$ (a"onmouseover="alert(1))',
];

describe('untrusted text (trusted: false)', () => {
  it('has a corpus of at least 25 payloads', () => assert.ok(payloads.length >= 25));

  for (const payload of payloads) {
    it(`renders ${JSON.stringify(payload)} inert`, () => {
      const { html } = renderMarkdown(payload, { trusted: false });
      assertInert(html, payload);
    });
  }

  const rawHtml = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<iframe src="https://example.com"></iframe>',
    '<b>bold</b> and <i onclick="x">it</i>',
  ];
  for (const source of rawHtml) {
    it(`shows raw HTML as text: ${source}`, () => {
      const { html } = renderMarkdown(source, { trusted: false });
      assert.equal(visibleText(parseHtml(html)).trim(), source);
    });
  }

  it('a link to javascript: is not a link at all, its text stays', () => {
    const { html } = renderMarkdown('[click](javascript:alert(1))', { trusted: false });
    assert.deepEqual(links(html), []);
    assert.match(visibleText(parseHtml(html)), /click/);
  });

  const goodLinks = [
    ['[site](https://example.com/a?b=1#c)', 'https://example.com/a?b=1#c', 'site'],
    ['[mail](mailto:me@example.com)', 'mailto:me@example.com', 'mail'],
    ['[post](/archives/8265)', '/archives/8265', 'post'],
    ['<https://example.com>', 'https://example.com', 'https://example.com'],
    ['see https://example.com/x for more', 'https://example.com/x', 'https://example.com/x'],
    ['[ref]\n\n[ref]: https://example.com/r', 'https://example.com/r', 'ref'],
  ];
  for (const [source, href, text] of goodLinks) {
    it(`keeps a safe link (${source.split('\n')[0]}) with rel="nofollow ugc noopener"`, () => {
      const { html } = renderMarkdown(source, { trusted: false });
      const found = links(html);
      assert.equal(found.length, 1, html);
      assert.equal(found[0].href, href);
      assert.equal(found[0].text, text);
      assert.equal(found[0].rel, 'nofollow ugc noopener');
      assertInert(html, source);
    });
  }

  it('keeps images from http(s)', () => {
    const { html } = renderMarkdown('![plot](https://example.com/p.png)', { trusted: false });
    const [image] = findAll(parseHtml(html), (e) => e.tag === 'img');
    assert.equal(attr(image, 'src'), 'https://example.com/p.png');
    assert.equal(attr(image, 'alt'), 'plot');
  });

  it('still renders math, numbered equations and their links', () => {
    const source = tex`By \eqref{e}, $x^2 \ge 0$.` + '\n\n' + tex`\begin{equation}x^2 \ge 0 \label{e}\end{equation}`;
    const { html, errors } = renderMarkdown(source, { trusted: false });
    assert.deepEqual(errors, []);
    assert.equal(findAll(parseHtml(html), (e) => (attr(e, 'class') ?? '').split(' ').includes('katex')).length, 2);
    assert.deepEqual(links(html).map((l) => [l.href, l.text]), [['#eq-e', '(1)']]);
    assertInert(html, source);
  });

  it('an \\eqref link inside a visitor\'s formula still works', () => {
    const source = tex`\begin{equation}a \label{a}\end{equation}` + '\n\n' + tex`$x = \eqref{a}$`;
    const { html } = renderMarkdown(source, { trusted: false });
    assert.deepEqual(links(html).map((l) => [l.href, l.text]), [['#eq-a', '(1)']]);
  });

  it('a visitor\'s \\href shows as unsupported, not as a link, whatever its URL', () => {
    for (const url of ['https://example.com', 'javascript:alert(1)']) {
      const { html } = renderMarkdown(`$\\href{${url}}{x}$`, { trusted: false });
      assert.deepEqual(links(html), [], url);
    }
  });
});

describe('trusted text (the default)', () => {
  it('keeps the site owner\'s raw HTML', () => {
    const source = '<details><summary>Proof</summary>\n\nIt follows from $x$.\n\n</details>\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n\nA <span style="color:red">red</span> word.';
    const { html } = renderMarkdown(source);
    assert.match(html, /<details><summary>Proof<\/summary>/);
    assert.match(html, /<iframe src="https:\/\/www\.youtube\.com\/embed\/x"><\/iframe>/);
    assert.match(html, /<span style="color:red">red<\/span>/);
    assert.match(html, /class="katex"/);
  });

  it('does not add rel to the owner\'s links', () => {
    const [link] = links(renderMarkdown('[site](https://example.com)').html);
    assert.equal(link.rel, undefined);
  });

  it('still refuses javascript: in markdown links and in \\href', () => {
    for (const source of ['[x](javascript:alert(1))', tex`$\href{javascript:alert(1)}{x}$`, '<javascript:alert(1)>']) {
      assert.deepEqual(links(renderMarkdown(source).html), [], source);
    }
  });

  it('allows the owner\'s \\href to https', () => {
    assert.deepEqual(links(renderMarkdown(tex`$\href{https://example.com}{x}$`).html).map((l) => l.href), ['https://example.com']);
  });
});

describe('hostile TeX', () => {
  /**
   * Renders `source` as a visitor's comment with an empty formula cache.
   * Whatever the TeX does, KaTeX's work stays bounded: it sees no formula
   * longer than the limit for untrusted formulas and none twice. Returns the
   * result and the TeX KaTeX was given.
   */
  function renderHostile(source) {
    clearMathCache();
    const { result, inputs } = katexInputs(() => renderMarkdown(`Before.\n\n${source}\n\nAfter.`, { trusted: false }));
    assert.match(visibleText(parseHtml(result.html)), /Before\.[\s\S]*After\./, 'the rest of the comment renders');
    assertInert(result.html, source.slice(0, 80));
    for (const input of inputs) assert.ok(input.length <= untrustedFormulaLimit, `KaTeX was given ${input.length} characters`);
    assert.equal(new Set(inputs).size, inputs.length, 'KaTeX rendered a formula twice');
    return { ...result, inputs };
  }

  /** The search work (see support/work.js) of rendering `source` as a visitor's comment. */
  const lexingWork = (source) => searchWork(() => renderMarkdown(`Before.\n\n${source}\n\nAfter.`, { trusted: false }));

  /** Fails unless each measure of `work(n)` grows at most linearly from n to 4n. */
  function assertLinear(work, n) {
    const [small, large] = [work(n), work(4 * n)];
    for (const measure of ['searches', 'scanned']) {
      assert.ok(large[measure] <= LINEAR_GROWTH_4X * small[measure], `${measure}: ${small[measure]} at size ${n}, ${large[measure]} at ${4 * n}`);
    }
  }

  it('a self-recursive \\def ends as an error', () => {
    const { errors, html, inputs } = renderHostile(tex`$\def\a{\a\a}\a$`);
    assert.equal(inputs.length, 1, 'KaTeX ran once, and stopped itself');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /Too many expansions/);
    assert.match(html, /sb-math-error/);
  });

  it('a macro expansion bomb via \\newcommand ends as an error', () => {
    const bomb = [
      tex`\newcommand{\xa}{xxxxxxxxxx}`,
      tex`\newcommand{\xb}{\xa\xa\xa\xa\xa\xa\xa\xa\xa\xa}`,
      tex`\newcommand{\xc}{\xb\xb\xb\xb\xb\xb\xb\xb\xb\xb}`,
      tex`\newcommand{\xd}{\xc\xc\xc\xc\xc\xc\xc\xc\xc\xc}`,
      tex`\newcommand{\xe}{\xd\xd\xd\xd\xd\xd\xd\xd\xd\xd}`,
      tex`\newcommand{\xf}{\xe\xe\xe\xe\xe\xe\xe\xe\xe\xe}`,
      tex`\xf`,
    ].join('');
    const { errors, inputs } = renderHostile(`$$${bomb}$$`);
    assert.equal(inputs.length, 1, 'KaTeX ran once, and stopped itself');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /Too many expansions/);
  });

  it('a doubling macro with arguments ends as an error', () => {
    const nested = tex`\xa{`.repeat(30) + 'x' + '}'.repeat(30);
    const { errors, inputs } = renderHostile(`$\\newcommand{\\xa}[1]{#1#1}${nested}$`);
    assert.equal(inputs.length, 1, 'KaTeX ran once, and stopped itself');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /Too many expansions/);
  });

  it('a huge \\rule renders, capped to maxSize', () => {
    const { errors, html } = renderHostile(tex`$\rule{100000em}{1em}$`);
    assert.deepEqual(errors, []);
    // KaTeX 0.19 calls it katex-rule, earlier versions rule.
    const rules = findAll(parseHtml(html), (e) => (attr(e, 'class') ?? '').split(' ').some((c) => c === 'katex-rule' || c === 'rule'));
    assert.equal(rules.length, 1);
    const widths = [...attr(rules[0], 'style').matchAll(/(?:border-right-width|width):\s*([\d.]+)em/g)].map((m) => Number(m[1]));
    assert.ok(widths.length > 0, attr(rules[0], 'style'));
    for (const width of widths) assert.ok(width <= 50, `${width}em`);
  });

  it('huge spaces and kerns are capped too', () => {
    const { html } = renderHostile(tex`$a\hspace{100000em}b\kern{100000em}c\mkern{100000mu}d$`);
    for (const [, size] of html.matchAll(/margin-right:\s*([\d.]+)em/g)) assert.ok(Number(size) <= 50, `${size}em`);
  });

  for (const [name, formula] of [
    ['10 000 nested braces', `$${'{'.repeat(10000)}x${'}'.repeat(10000)}$`],
    ['10 000 nested braces in a display', `$$${'{'.repeat(10000)}x${'}'.repeat(10000)}$$`],
    ['10 000 unclosed braces', `$${'{'.repeat(10000)}x$`],
    ['3 000 nested environments', `$$${tex`\begin{aligned}`.repeat(3000)}x${tex`\end{aligned}`.repeat(3000)}$$`],
    ['10 000 nested \\sqrt', `$${tex`\sqrt{`.repeat(10000)}x${'}'.repeat(10000)}$`],
  ]) {
    it(`${name} end as an error or a rendered formula, never a crash`, () => {
      const { errors, html } = renderHostile(formula);
      if (errors.length > 0) assert.match(html, /sb-math-error/);
      else assert.match(html, /class="katex"/);
    });
  }

  const deepLabel = (depth) => tex`\begin{equation}x \label{` + '{'.repeat(depth) + tex`}\end{equation}` + '\n\n' + tex`\eqref{` + '{'.repeat(depth);

  it('a \\label or \\eqref nested 10 000 deep leaves the rest of the comment rendered', () => {
    renderHostile(deepLabel(10_000));
  });

  it('a deeply nested \\label or \\eqref is read with work linear in its depth', () => {
    assertLinear((depth) => lexingWork(deepLabel(depth)), 250);
  });

  // Text of many openers that never close: finding no closing delimiter must
  // not cost a scan to the end of the text from every opener.
  const tooLong = /^text is too long to render: \d+ characters \(the limit is 100000\)$/;
  for (const [what, count, make] of [
    ['unclosed \\begin{equation}', 10_000, (n) => `${tex`\begin{equation}`} x\n\n`.repeat(n)],
    ['unclosed \\[ blocks', 10_000, (n) => `${tex`\[`} x\n\n`.repeat(n)],
    ['unclosed \\[ in one paragraph', 20_000, (n) => `a\n${tex`\[ `.repeat(n)}`],
    ['prices on one line', 40_000, (n) => '$5 '.repeat(n)],
    ['unclosed openers of each kind', 2000, (n) => [tex`\begin{equation}`, tex`\begin{align}`, '$$', tex`\[`, '$', tex`\(`].map((o) => `${o} x\n\n`.repeat(n)).join('')],
  ]) {
    const source = make(count);
    const overLimit = source.length > untrustedTextLimit;
    it(`a comment of ${count.toLocaleString('en').replace(',', ' ')} ${what} ${overLimit ? 'is refused as too long' : 'renders as text'}`, () => {
      const { errors, inputs } = renderHostile(source);
      assert.deepEqual(inputs, [], 'no formula');
      if (overLimit) {
        assert.equal(errors.length, 1);
        assert.match(errors[0].message, tooLong);
      } else {
        assert.deepEqual(errors, []);
      }
    });

    it(`text of ${what} is lexed with work linear in its length`, () => {
      // Sizes under the length limit, so that the lexer does run.
      const n = count / 40;
      assert.ok(make(4 * n).length < untrustedTextLimit);
      assertLinear((size) => lexingWork(make(size)), n);
    });
  }
});

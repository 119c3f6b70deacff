import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeLanguagesIn, loadCodeHighlighter, parseFenceInfo, renderMarkdown } from 'sciblog-elements/core';
import { attr, byClass, findAll, hasClass, parseHtml, visibleText } from './support/html.js';

// What each error says in English, and where (error-messages.test.js checks their codes and other languages).
const messagesOf = (errors) => errors.map(({ message, line }) => (line === undefined ? { message } : { message, line }));

const tex = String.raw;

/** Renders markdown the way a Node user does: the highlighter loaded first for the languages the post names. */
async function render(markdown, options = {}) {
  const highlighter = await loadCodeHighlighter(codeLanguagesIn(markdown));
  return renderMarkdown(markdown, { ...options, highlighter });
}

const codeElements = (html) => findAll(parseHtml(html), (e) => e.tag === 'code');
/** The highlighted tokens of a code block: [class, text] of each `hljs-*` span. */
const tokensOf = (code, kind) => findAll(code, byClass(`hljs-${kind}`)).map(visibleText);

describe('highlighting fenced code', () => {
  const cases = [
    ['python', '```python\ndef area(r):\n    return 3.14 * r ** 2  # a comment\n```', { keyword: ['def', 'return'], comment: ['# a comment'], number: ['3.14', '2'] }],
    ['js (an alias of javascript)', '```js\nconst answer = 42;\n// done\n```', { keyword: ['const'], number: ['42'], comment: ['// done'] }],
    ['tex (an alias of latex)', '```tex\n\\section{Intro} % note\n```', { keyword: ['\\section'], comment: ['% note'] }],
    ['bash', '```bash\nif [ -f x ]; then echo "hi"; fi\n```', { keyword: ['if', 'then', 'fi'], string: ['"hi"'] }],
  ];
  for (const [name, source, expected] of cases) {
    it(`marks the tokens of ${name} code with hljs classes`, async () => {
      const { html, errors } = await render(source);
      assert.deepEqual(errors, []);
      const [code] = codeElements(html);
      assert.ok(hasClass(code, 'hljs'));
      for (const [kind, texts] of Object.entries(expected)) assert.deepEqual(tokensOf(code, kind), texts, kind);
    });
  }

  it('shows the code text exactly as written, whatever the highlighting', async () => {
    const code = 'x = "<b>&amp;</b>"\nprint(x)\n';
    const [element] = codeElements((await render(`\`\`\`python\n${code}\`\`\``)).html);
    assert.equal(visibleText(element), code);
  });

  it('keeps markdown-it’s language-* class on the code element', async () => {
    const [code] = codeElements((await render('```Python\nx = 1\n```')).html);
    assert.equal(attr(code, 'class'), 'language-python hljs');
  });

  it('renders code in an unknown language as plain escaped text, with no error', async () => {
    const { html, errors } = await render('```klingon\n<b>qapla\'</b>\n```');
    assert.deepEqual(errors, []);
    const [code] = codeElements(html);
    assert.equal(visibleText(code), "<b>qapla'</b>\n");
    assert.equal(attr(code, 'class'), 'language-klingon');
    assert.deepEqual(findAll(code, (e) => e.tag !== 'code'), []);
  });

  it('renders plain code when no highlighter is given', () => {
    const [code] = codeElements(renderMarkdown('```python\ndef f(): pass\n```').html);
    assert.equal(visibleText(code), 'def f(): pass\n');
    assert.deepEqual(findAll(code, (e) => e.tag === 'span'), []);
  });

  it('highlights the code of visitors too, still escaping what they wrote', async () => {
    const { html } = await render('```html\n<script>alert(1)</script>\n```', { trusted: false });
    assert.doesNotMatch(html, /<script/);
    const [code] = codeElements(html);
    assert.equal(visibleText(code), '<script>alert(1)</script>\n');
    assert.deepEqual(tokensOf(code, 'name'), ['script', 'script']);
  });

  it('puts each code block in a div.sb-code around its pre', async () => {
    const root = parseHtml((await render('```python\nx = 1\n```\n\n    indented\n')).html);
    const wrappers = findAll(root, byClass('sb-code'));
    assert.deepEqual(wrappers.map((wrapper) => [wrapper.tag, wrapper.children.filter((child) => child.tag).map((child) => child.tag)]), [
      ['div', ['pre']],
      ['div', ['pre']],
    ]);
  });
});

describe('hostile info strings', () => {
  const hostile = [
    '"><img src=x onerror=alert(1)>',
    "python' onmouseover='alert(1)",
    'js"autofocus onfocus="alert(1)',
    '<script>alert(1)</script>',
  ];
  for (const trusted of [false, true]) {
    for (const info of hostile) {
      it(`${info} can add no element or attribute (${trusted ? 'trusted' : 'untrusted'})`, async () => {
        const { html } = await render(`\`\`\`${info}\nx = 1\n\`\`\``, { trusted });
        const elements = findAll(parseHtml(html), () => true);
        assert.deepEqual(elements.map((e) => e.tag), ['div', 'pre', 'code']);
        // Only the classes, and the tabindex that lets a keyboard scroll the block.
        const ours = (e, a) => a.name === 'class' || (e.tag === 'pre' && a.name === 'tabindex' && a.value === '0');
        assert.deepEqual(elements.flatMap((e) => e.attrs.filter((a) => !ours(e, a)).map((a) => a.name)), []);
        const [code] = codeElements(html);
        assert.equal(visibleText(code), 'x = 1\n');
      });
    }
  }
});

describe('line numbers', () => {
  const lines = (html) => findAll(parseHtml(html), byClass('sb-code-line')).map((line) => [attr(line, 'data-line'), visibleText(line)]);

  it('{linenos} numbers the lines from 1, each line a span of its own', async () => {
    const { html } = await render('```python {linenos}\na = 1\n\nb = 2\n```');
    assert.deepEqual(lines(html), [['1', 'a = 1'], ['2', ''], ['3', 'b = 2']]);
  });

  it('{linenos=5} starts at 5, also without a language', async () => {
    assert.deepEqual(lines((await render('```python {linenos=5}\na\nb\n```')).html), [['5', 'a'], ['6', 'b']]);
    assert.deepEqual(lines((await render('``` {linenos=5}\na\n```')).html), [['5', 'a']]);
  });

  it('the numbers are not in the text: the code reads as written', async () => {
    const code = 'def f():\n    """a docstring\n    over two lines"""\n    return 1\n';
    const [element] = codeElements((await render(`\`\`\`python {linenos}\n${code}\`\`\``)).html);
    assert.equal(visibleText(element), code);
  });

  it('a token over several lines (a docstring) is closed and reopened on each line', async () => {
    const { html } = await render('```python {linenos}\n"""one\ntwo"""\n```');
    const numbered = findAll(parseHtml(html), byClass('sb-code-line'));
    assert.deepEqual(numbered.map((line) => tokensOf(line, 'string')), [['"""one'], ['two"""']]);
  });

  it('a code block without {linenos} has no numbers', async () => {
    assert.deepEqual(lines((await render('```python\na = 1\n```')).html), []);
  });

  it('reports an option it cannot read, with its line, and renders the code anyway', async () => {
    const { html, errors } = await render('---\ntitle: T\n---\n\nText.\n\n```js {linenos=ten}\nlet a;\n```\n\n```js {wrap}\nb\n```');
    assert.deepEqual(messagesOf(errors), [
      { message: 'code block: linenos=ten is not a line number (write linenos or linenos=5)', line: 7 },
      { message: 'code block: unknown option "wrap" (known: linenos, linenos=N)', line: 11 },
    ]);
    assert.deepEqual(codeElements(html).map(visibleText), ['let a;\n', 'b\n']);
  });
});

describe('code stays code, highlighted or not', () => {
  const cases = [
    ['a fenced python block', '```python\nprint("$x$ and \\eqref{a}")\n\\[y\\]\n```', 'print("$x$ and \\eqref{a}")\n\\[y\\]\n'],
    ['a fenced latex block', '```latex\n$$x$$\n\\begin{equation}\\label{a}y\\end{equation}\n\\eqref{a}\n```', '$$x$$\n\\begin{equation}\\label{a}y\\end{equation}\n\\eqref{a}\n'],
    ['a numbered block', '```tex {linenos}\n\\[ x \\]\n$y$\n```', '\\[ x \\]\n$y$\n'],
    ['an indented block', 'Text.\n\n    $x$ and \\eqref{a}\n    \\[ y \\]\n', '$x$ and \\eqref{a}\n\\[ y \\]\n'],
    ['a code span', 'Write `$x$`, `\\eqref{a}` or `\\[y\\]`.', ['$x$', tex`\eqref{a}`, tex`\[y\]`]],
  ];
  for (const [name, source, expected] of cases) {
    it(`${name}: $..$, \\eqref and \\[ stay as written`, async () => {
      const { html, equations, errors } = await render(source);
      assert.deepEqual(errors, []);
      assert.deepEqual(equations, []);
      assert.deepEqual(findAll(parseHtml(html), byClass('katex')), []);
      assert.deepEqual(findAll(parseHtml(html), byClass('sb-eqref')), []);
      const texts = codeElements(html).map(visibleText);
      assert.deepEqual(texts, Array.isArray(expected) ? expected : [expected]);
    });
  }
});

describe('what a post needs loaded', () => {
  it('codeLanguagesIn finds the languages of fenced blocks, also in quotes and lists, each once', () => {
    const source = '```python\na\n```\n\n> ~~~JS\n> b\n> ~~~\n\n- ```bash {linenos}\n  c\n  ```\n\n```python\nd\n```\n\n```\nno language\n```';
    assert.deepEqual(codeLanguagesIn(source), ['python', 'js', 'bash']);
  });

  it('a post without fenced code (inline and indented code included) needs nothing, and loading for it loads nothing', async () => {
    const source = 'Some `code` here.\n\n    indented\n\nAnd $x$.';
    assert.deepEqual(codeLanguagesIn(source), []);
    assert.equal(await loadCodeHighlighter(codeLanguagesIn(source)), undefined);
  });

  it('a post whose only languages are unknown gets no highlighter', async () => {
    assert.equal(await loadCodeHighlighter(['klingon', 'text']), undefined);
  });

  it('parseFenceInfo reads the language and line numbers', () => {
    assert.deepEqual(parseFenceInfo('python {linenos=5}'), { language: 'python', firstLine: 5 });
    assert.deepEqual(parseFenceInfo('{linenos}'), { language: undefined, firstLine: 1 });
    assert.deepEqual(parseFenceInfo(' C++ '), { language: 'c++' });
  });
});

// A post-body loads the code of a feature (footnotes, citations, theorems,
// figures, code) only when `postFeaturesUsedBy` says the post may use it. A
// false positive costs a chunk; a false negative would render the post
// wrong. So: every construct is found, a plain post finds nothing, and every
// markdown text the tests, the demo and the fidelity posts hold renders the
// same with the features the scan names as with all of them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import ts from 'typescript';
import { loadFootnotes } from 'sciblog-elements/core';
import { generatePost } from '../../bench/generate-post.mjs';
// Internal modules of the build: rendering with some features only.
import { allPostFeatures } from '../../dist/core/all-post-features.js';
import { theoremKinds } from '../../dist/core/block-kinds.js';
import { postFeatureNames, postFeaturesUsedBy } from '../../dist/core/post-features.js';
import { renderPost } from '../../dist/core/render-post.js';

const tex = String.raw;

let all;
before(async () => {
  all = allPostFeatures(await loadFootnotes());
});

const withFeatures = (names) => Object.fromEntries([...names].map((name) => [name, all[name]]));
/** What a reader and a page see of a rendering. */
const seen = ({ html, errors, citations, blocks, headings, equations }) => ({ html, errors, citations, blocks, headings, equations });
const renderWith = (source, names, options = {}) => seen(renderPost(source, options, withFeatures(names)));

// Each construct of issue 11, as written in posts, and the feature that renders it.
const constructs = [
  ['footnotes', 'A claim.[^1]\n\n[^1]: Its note, with $x^2$.'],
  ['footnotes', 'Named[^note].\n\n[^note]:\n    A note of two paragraphs.\n\n    The second.'],
  ['footnotes', 'An inline note^[with $\\alpha$] here.'],
  ['footnotes', 'A label with a tab[^a\tb].\n\n[^a\tb]: markdown-it-footnote allows any character but a space.'],
  ['citations', tex`As shown \cite{vaswani2017}, and \citep[p.~3]{a,b}, and \citet{c}.`],
  ['citations', 'As pandoc writes it [see @vaswani2017, p. 3; @devlin2019] and [-@vaswani2017].'],
  ['citations', '---\nbibliography:\n  - id: vaswani2017\n    title: Attention\n---\nIn text, @vaswani2017 says so.'],
  ['citations', 'Text.\n\n[[references]]\n'],
  ['citations', tex`Text.

\bibliography{refs}
`],
  ['citations', '---\ncitation-style: nonsense\n---\nA wrong style is reported.'],
  ['theorems', tex`\begin{theorem}[Cauchy]\label{thm:c}
Every $f$ holds.
\end{theorem}`],
  ['theorems', tex`\begin{proof}
Clear.
\end{proof}`],
  ['theorems', '::: lemma [Zorn] {#lem:z}\nA chain.\n:::'],
  ['theorems', tex`A paragraph, then \begin{remark}inline\end{remark} after it.`],
  ['theorems', tex`\begin{example}
Short.
\end{example}`],
  ['figures', '![A plot of $f$](plot.svg){#fig:plot}\n\nSee @fig:plot.'],
  ['figures', '![A picture alone](a.png)'],
  ['figures', '![by reference][pic]\n\n[pic]: a.png "Its title"'],
  ['figures', 'Table: Results {#tbl:r}\n\n| a | b |\n|---|---|\n| 1 | 2 |'],
  ['figures', '| a | b |\n|:-:|--:|\n| 1 | 2 |'],
  ['figures', '| one column\n---\n| x'],
  ['figures', '> | quoted | table |\n> |---|---|\n> | 1 | 2 |'],
  ['figures', '- | listed | table |\n  | --- | --- |\n  | 1 | 2 |'],
  ['code', '```python {linenos}\nprint(1)\n```'],
  ['code', '~~~\nplain\n~~~'],
  ['code', 'Text.\n\n    indented code\n'],
  ['code', '> quoted\n>\n>     indented code in a quote'],
  ['code', '1. item\n\n       code in a list item'],
  ['code', 'Text.\n\n\tcode after a tab'],
  ['code', '-\t\tcode after tabs in a list item'],
  ['code', tex`\begin{theorem}    indented code inside a theorem's first line
\end{theorem}`],
  ['code', '```js {nonsense}\nx\n```'],
];

describe('postFeaturesUsedBy', () => {
  for (const [feature, source] of constructs) {
    it(`finds ${feature} in ${JSON.stringify(source.slice(0, 60))}`, () => {
      assert.ok(postFeaturesUsedBy(source).has(feature), [...postFeaturesUsedBy(source)].join(', '));
    });
  }

  it('finds every kind of theorem-like block', () => {
    for (const kind of theoremKinds) assert.ok(postFeaturesUsedBy(`\\begin{${kind}}\nx\n\\end{${kind}}`).has('theorems'), kind);
  });

  it('finds each construct with \\r\\n line ends too', () => {
    for (const [feature, source] of constructs) assert.ok(postFeaturesUsedBy(source.replace(/\n/g, '\r\n')).has(feature), source);
  });

  it('finds none in a post of headings, math, lists, quotes, links, emphasis and inline code', () => {
    const plain = [
      '---\ntitle: A plain post\ndate: 2024-05-01\ntags: [math]\n---',
      '# Heading $x$',
      tex`Text with $a^2+b^2=c^2$, a price of $5, \(x\) and \eqref{eq:e}, **bold**, *it*, \`code\` and [a link](https://example.org).`,
      tex`$$
E = mc^2 \label{eq:e}
$$`,
      tex`\begin{equation}
\int_0^1 f(x)\,dx
\end{equation}`,
      tex`\begin{align}
a &= b \\
c &= d
\end{align}`,
      '- one\n- two\n  - nested\n\n1. first\n2. second',
      '> A quote.\n>\n> Its second paragraph.',
      '---',
      '中文的段落，含有公式 $\\sum_i x_i$ 和链接。',
    ].join('\n\n');
    assert.deepEqual([...postFeaturesUsedBy(plain)], []);
  });

  it('is linear on a long line of the characters its tests look for', () => {
    // Counted in characters, not time: each test reads the text a bounded number of times, with no backtracking.
    for (const line of ['|'.repeat(200_000), '[^'.repeat(100_000), ' '.repeat(199_999) + 'x', '@'.repeat(200_000)]) {
      assert.doesNotThrow(() => postFeaturesUsedBy(`${line}\n${line}`));
    }
  });
});

describe('a post rendered with the features the scan names', () => {
  for (const [feature, source] of constructs) {
    it(`renders ${feature} as with every feature, and otherwise without it: ${JSON.stringify(source.slice(0, 50))}`, () => {
      const found = postFeaturesUsedBy(source);
      assert.deepEqual(renderWith(source, found), renderWith(source, postFeatureNames));
      // The construct is the feature's: without its code the post renders otherwise.
      const without = [...found].filter((name) => name !== feature);
      assert.notDeepEqual(renderWith(source, without), renderWith(source, postFeatureNames));
    });
  }

  it('renders every markdown text of the tests, the demo and the fidelity posts as with every feature', () => {
    const texts = corpus();
    assert.ok(texts.length > 1000, `${texts.length} texts`);
    let differing = [];
    for (const text of texts) {
      const found = postFeaturesUsedBy(text);
      if (found.size === postFeatureNames.length) continue;
      for (const trusted of [true, false]) {
        const options = { trusted, lang: 'zh' };
        if (JSON.stringify(renderWith(text, found, options)) !== JSON.stringify(renderWith(text, postFeatureNames, options))) differing.push(text);
      }
    }
    differing = [...new Set(differing)];
    assert.deepEqual(differing.slice(0, 5), [], `${differing.length} of ${texts.length} texts render otherwise`);
  });
});

/** Every string in the tests' sources (markdown or not: a text without markdown must also render the same), and the posts. */
function corpus() {
  const texts = new Set();
  const testsDir = new URL('./', import.meta.url);
  const elementsDir = new URL('../elements/', import.meta.url);
  const sources = [
    ...readdirSync(testsDir).filter((name) => name.endsWith('.test.js')).map((name) => new URL(name, testsDir)),
    ...readdirSync(elementsDir, { recursive: true }).filter((name) => name.endsWith('.ts')).map((name) => new URL(name, elementsDir)),
  ];
  for (const file of sources) {
    const code = readFileSync(file, 'utf8');
    const js = file.pathname.endsWith('.ts') ? ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText : code;
    visit(parseAst(js), (node) => {
      if (node.type === 'Literal' && typeof node.value === 'string') texts.add(node.value);
      if (node.type === 'TemplateLiteral') {
        for (const quasi of node.quasis) {
          if (quasi.value.cooked) texts.add(quasi.value.cooked);
          texts.add(quasi.value.raw);
        }
      }
    });
  }
  for (const dir of ['../../demo/posts/', './fidelity/']) {
    const url = new URL(dir, import.meta.url);
    for (const name of readdirSync(url)) if (name.endsWith('.md')) texts.add(readFileSync(new URL(name, url), 'utf8'));
  }
  texts.add(generatePost({ formulas: 50 }).source);
  return [...texts].filter((text) => text.length > 0 && text.length < 50_000);
}

function visit(node, callback) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) visit(child, callback);
    return;
  }
  if (typeof node.type === 'string') callback(node);
  for (const key of Object.keys(node)) if (key !== 'type') visit(node[key], callback);
}

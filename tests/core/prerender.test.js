// prerender(html) renders a page's elements into declarative shadow DOM, from
// the built package, as a static-site build would call it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { prerender } from 'sciblog-elements/node';

const feed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Blog',
  items: [
    { id: '1', url: '/posts/euler/', title: 'Euler', content_text: 'On $e^{i\\pi}$.', date_published: '2024-03-01' },
    { id: '2', url: '/posts/gauss/', title: 'Gauss', content_text: 'On $\\int e^{-x^2}$.', date_published: '2023-07-09' },
  ],
});
const files = { '/feed.json': feed };
const readFile = (url) => {
  if (url in files) return files[url];
  throw new Error(`no such file: ${url}`);
};

const page = `<!doctype html>
<html lang="en">
<head><title>A post</title></head>
<body>
<post-toc for="post"></post-toc>
<post-body id="post"><script type="text/markdown">
  # Euler's identity
  $$e^{i\\pi} + 1 = 0 \\label{euler}$$
  By \\eqref{euler}, everything follows.
  ## A second section
</script><p class="fallback">Read the post as markdown.</p></post-body>
<math-block>x^2 &lt; 1</math-block>
<post-card href="/posts/euler/" title="Euler" date="2024-03-01" author="Ada">An excerpt with $x^2$ in it.</post-card>
<post-excerpt href="/posts/gauss/"><p>Hand-written <b>markup</b>.</p></post-excerpt>
<post-meta date="2024-03-01" author="Ada" readers="1234"></post-meta>
<series-nav series="Identities" current="/b"><a href="/a">Part one</a><a href="/b">Part two</a></series-nav>
<post-cite href="https://example.org/posts/euler/" title="Euler" date="2024-03-01" author="Ada"></post-cite>
<archive-list src="/feed.json"></archive-list>
<comment-list src="/comments.json"></comment-list>
<section lang="zh"><post-meta date="2024-03-01" readers="1234"></post-meta></section>
</body>
</html>`;

const result = await prerender(page, { readFile });
// The styles every shadow root carries are the same in each; leaving them out keeps failures readable.
const withoutStyles = (output) => output.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
const html = withoutStyles(result.html);

/** The markup of the first `<tag …>` element in the page, start tag to end tag (elements here do not nest in themselves). */
function elementOf(output, tag, from = 0) {
  const start = output.indexOf(`<${tag}`, from);
  assert.notEqual(start, -1, `a <${tag}>`);
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}[\\s>]`, 'g');
  pattern.lastIndex = start;
  for (let match; (match = pattern.exec(output)); ) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return output.slice(start, match.index + tag.length + 3);
  }
  throw new Error(`<${tag}> is not closed`);
}
const shadowRootOf = (element) => {
  const match = /^<[^>]+>(<template shadowroot="open" shadowrootmode="open">)/.exec(element);
  assert.ok(match, `the first child is a declarative shadow root: ${element.slice(0, 200)}`);
  return element;
};

describe('prerender', () => {
  it('gives every element a declarative shadow root as its first child', () => {
    for (const tag of ['post-toc', 'post-body', 'math-block', 'post-card', 'post-excerpt', 'post-meta', 'series-nav', 'post-cite', 'archive-list']) {
      shadowRootOf(elementOf(html, tag));
    }
    assert.equal(result.rendered, 10);
  });

  it('typesets the article: KaTeX formulas, numbered equations and \\eqref links', () => {
    const body = elementOf(html, 'post-body');
    assert.match(body, /class="katex-display"/);
    assert.match(body, /id="eq-euler"/);
    assert.match(body, /<a[^>]+href="#eq-euler"[^>]*>\(1\)<\/a>/);
  });

  it('lists the headings of the article named by post-toc for=', () => {
    const toc = elementOf(html, 'post-toc');
    assert.match(toc, /href="#euler-s-identity|href="#euler/);
    assert.match(toc, /A second section/);
  });

  it('keeps the light children, which the elements read and which serve readers without the script', () => {
    assert.match(elementOf(html, 'post-body'), /<\/template><script type="text\/markdown">[\s\S]*<p class="fallback">Read the post as markdown.<\/p><\/post-body>$/);
    assert.match(elementOf(html, 'series-nav'), /<\/template><a href="\/a">Part one<\/a><a href="\/b">Part two<\/a><\/series-nav>$/);
  });

  it('reads a math-block formula from its text', () => {
    const block = elementOf(html, 'math-block');
    assert.match(block, /class="katex-display"/);
    assert.match(block, /<annotation encoding="application\/x-tex">x\^2 &lt; 1<\/annotation>/);
  });

  it('makes excerpts of hand-written children: plain text as markdown with math, markup as HTML', () => {
    const card = elementOf(html, 'post-card');
    assert.match(card, /An excerpt with <span class="katex">/);
    assert.match(card, /Read more/);
    assert.match(elementOf(html, 'post-excerpt', html.indexOf('<post-excerpt href')), /<div part="content"><!--lit-part [^>]*--><p>Hand-written <b>markup<\/b>.<\/p>/);
  });

  it('renders series links written as children and feeds read through readFile', () => {
    const series = elementOf(html, 'series-nav');
    assert.match(series, /<a part="link" href="\/b" aria-current="page">/);
    assert.match(series, /rel="prev" href="\/a"/);
    const archive = elementOf(html, 'archive-list');
    assert.match(archive, /2024 \(1 post\)/);
    assert.match(archive, /2023 \(1 post\)/);
    assert.match(archive, /href="\/posts\/euler\/">/);
  });

  it('reports an element that cannot be rendered, leaves it as it was and renders the rest', () => {
    assert.deepEqual(result.errors, [{ element: 'comment-list at 19:1', message: 'no such file: /comments.json' }]);
    assert.equal(elementOf(html, 'comment-list'), '<comment-list src="/comments.json"></comment-list>');
  });

  it('gives an element the language of its nearest ancestor with lang', () => {
    const zh = elementOf(html, 'post-meta', html.indexOf('<section lang="zh">'));
    assert.match(zh, /1234位读者/);
    assert.match(elementOf(html, 'post-meta', html.indexOf('<post-meta date')), /1,234 readers/);
  });

  it('passes the language on to elements inside another element\'s shadow root', async () => {
    const { html: zh } = await prerender('<html lang="zh"><body><post-card title="T" date="2024-03-01" author="Ada"></post-card></body></html>');
    assert.match(elementOf(zh, 'post-meta'), /2024-03-01/);
    assert.doesNotMatch(zh, /March/);
  });

  it('changes nothing outside the elements, and nothing at all in a prerendered page', async () => {
    assert.ok(html.startsWith('<!doctype html>\n<html lang="en">\n<head><title>A post</title></head>\n<body>\n<post-toc for="post"><template'));
    const again = await prerender(result.html, { readFile });
    assert.equal(again.html, result.html);
    assert.equal(again.rendered, 0);
  });

  it('writes an article read from src into the page, so the browser renders the same without fetching', async () => {
    const { html: inlined, errors } = await prerender('<post-body src="post.md"></post-body>', {
      baseUrl: 'https://example.org/posts/',
      readFile: (url) => (url === 'https://example.org/posts/post.md' ? '# Hello\n\n$a^2$' : undefined),
    });
    assert.deepEqual(errors, []);
    assert.match(inlined, /^<post-body><template shadowroot="open" shadowrootmode="open">[\s\S]*Hello[\s\S]*<\/template><script type="text\/markdown">\n# Hello\n\n\$a\^2\$\n<\/script><\/post-body>$/);
  });

  it('writes a feed it read into the element, as JSON no string inside can break out of', async () => {
    const hostile = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'B', items: [{ id: '1', url: '/p', title: '</script><script>alert(1)</script> <!--', content_text: 'x', date_published: '2024-03-01' }] });
    const { html: written } = await prerender('<archive-list src="/feed.json?a=1&amp;b=2"></archive-list>', { readFile: () => hostile });
    const script = /<script type="application\/json" data-src="\/feed\.json\?a=1&amp;b=2">([\s\S]*?)<\/script><\/archive-list>$/.exec(written);
    assert.ok(script, 'the feed is the last child of the element, under the URL it was read from');
    assert.doesNotMatch(script[1], /</);
    assert.deepEqual(JSON.parse(script[1]), JSON.parse(hostile));
    assert.match(written, /^<archive-list src="\/feed.json\?a=1&amp;b=2">/, 'src stays: a page that changes it later fetches the new one');
  });

  it('preloads the faces every formula uses beside the page\'s katex.css, once, when an element has math', async () => {
    const head = '<head><link rel="stylesheet" href="/assets/katex.css"></head>';
    const { html: withMath } = await prerender(`<html>${head}<body><math-block>x^2</math-block></body></html>`);
    const preloads = [...withMath.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin>/g)].map((match) => match[1]);
    assert.deepEqual(preloads, ['/assets/fonts/KaTeX_Main-Regular.woff2', '/assets/fonts/KaTeX_Math-Italic.woff2', '/assets/fonts/KaTeX_Size1-Regular.woff2']);
    assert.ok(withMath.indexOf('rel="preload"') < withMath.indexOf('katex.css'), 'before the stylesheet, so they are asked for first');
    const { html: withoutMath } = await prerender(`<html>${head}<body><post-meta date="2024-03-01"></post-meta></body></html>`);
    assert.doesNotMatch(withoutMath, /rel="preload"/);
    const { html: turnedOff } = await prerender(`<html>${head}<body><math-block>x^2</math-block></body></html>`, { preloadFonts: false });
    assert.doesNotMatch(turnedOff, /rel="preload"/);
    const { html: noSheet } = await prerender('<html><head></head><body><math-block>x^2</math-block></body></html>');
    assert.doesNotMatch(noSheet, /rel="preload"/);
  });

  it('leaves an element whose src it cannot read to the browser', async () => {
    const input = '<archive-list src="https://example.org/feed.json"></archive-list>';
    assert.deepEqual(await prerender(input), { html: input, errors: [], rendered: 0 });
  });
});

describe('prerender, a post with a bibliography and code', () => {
  const bibtex = '@article{pearson1905,\n  author = {Pearson, Karl},\n  title = {The Problem of the Random Walk},\n  journal = {Nature},\n  year = {1905}\n}\n';
  const body = 'As \\cite{pearson1905} asked.\n\n```python\ndef walk(n):\n    return n\n```\n';
  /** The post-body's shadow root: the article as the server wrote it. */
  const articleOf = (output) => withoutStyles(/<template shadowroot="open" shadowrootmode="open">([\s\S]*?)<\/template>/.exec(output)?.[1] ?? '');

  it('lists the references of a bibliography file named relative to the post, read with readFile, and highlights its code', async () => {
    const read = [];
    const { html: output, errors } = await prerender('<post-body src="/posts/walk.md"></post-body>', {
      baseUrl: 'https://example.org/index.html',
      readFile: (url) => {
        read.push(url);
        if (url === 'https://example.org/posts/walk.md') return `---\nbibliography: refs/walk.bib\n---\n${body}`;
        if (url === 'https://example.org/posts/refs/walk.bib') return bibtex;
        return undefined;
      },
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(read, ['https://example.org/posts/walk.md', 'https://example.org/posts/refs/walk.bib']);
    const article = articleOf(output);
    assert.match(article, /<li class="sb-reference" id="[^"]+"><span class="sb-reference-label">\[1\] <\/span>[^<]*Pearson/);
    assert.match(article, /The Problem of the Random Walk/);
    assert.match(article, /<span class="hljs-keyword">def<\/span> <span class="hljs-title function_">walk<\/span>/);
    assert.match(article, /As <span class="sb-cite">\[<a href="#ref-pearson1905">1<\/a>\]<\/span> asked/, 'the citation is its number, a link to its reference');
  });

  it('reads BibTeX written in the front matter itself; without the file it names, the rest still renders', async () => {
    const inline = `---\nbibliography: |\n${bibtex.trimEnd().replace(/^/gm, '  ')}\n---\n${body}`;
    const { html: output } = await prerender(`<post-body><script type="text/markdown">\n${inline}</script></post-body>`);
    assert.match(articleOf(output), /<span class="sb-reference-label">\[1\] <\/span>[^<]*Pearson/);
    const missing = await prerender('<post-body src="walk.md"></post-body>', {
      baseUrl: 'https://example.org/posts/',
      readFile: (url) => (url.endsWith('walk.md') ? `---\nbibliography: gone.bib\n---\n${body}` : undefined),
    });
    assert.match(articleOf(missing.html), /<span class="hljs-keyword">def<\/span>/, 'the rest still renders');
    assert.doesNotMatch(articleOf(missing.html), /sb-reference-label/);
  });

  it('gives an untrusted post no bibliography of its own', async () => {
    const { html: output } = await prerender(`<post-body untrusted><script type="text/markdown">\n---\nbibliography: |\n${bibtex.trimEnd().replace(/^/gm, '  ')}\n---\n${body}</script></post-body>`);
    const article = articleOf(output);
    assert.match(article, /As \\cite\{pearson1905\} asked/, 'the citation stays as written');
    assert.doesNotMatch(article, /sb-reference-label|Random Walk/);
  });
});

describe('prerender, the bibliography a post names by URL', () => {
  const bibtex = '@book{feller1968,\n  author = {Feller, William},\n  title = {An Introduction to Probability Theory and Its Applications},\n  publisher = {Wiley},\n  year = {1968}\n}\n';

  it('reads an absolute URL with readFile and lists its references; the page keeps them for the browser', async () => {
    const read = [];
    const { html: output, errors } = await prerender('<post-body><script type="text/markdown">\n---\nbibliography: https://cdn.example.org/refs/probability.bib\n---\nSee [@feller1968, chap. 3].\n</script></post-body>', {
      baseUrl: 'https://example.org/posts/walk.html',
      readFile: (url) => {
        read.push(url);
        return url === 'https://cdn.example.org/refs/probability.bib' ? bibtex : undefined;
      },
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(read, ['https://cdn.example.org/refs/probability.bib']);
    assert.match(output, /See <span class="sb-cite">\[<a href="#ref-feller1968">1<\/a>, chap\. 3\]<\/span>/);
    assert.match(output, /<li class="sb-reference" id="ref-feller1968"><span class="sb-reference-label">\[1\] <\/span>William Feller\. <i>An Introduction to Probability Theory/);
    const kept = JSON.parse(/<script type="application\/json" data-bibliography>([\s\S]*?)<\/script>/.exec(output)[1]);
    assert.deepEqual(kept.references.map((reference) => reference.key), ['feller1968']);
  });
});

describe('prerender, module preloads for what a post uses', () => {
  const bibtex = '@article{pearson1905, author = {Pearson, Karl}, title = {The Problem of the Random Walk}, journal = {Nature}, year = {1905}}';
  const page = (markdown, script = '/assets/sciblog-elements.hydrate.js') =>
    `<!doctype html><html><head><link rel="stylesheet" href="/assets/katex.css"><script type="module" src="${script}"></script></head><body><post-body><script type="text/markdown">\n${markdown}\n</script></post-body></body></html>`;
  const cited = '---\nbibliography: refs.bib\n---\nAs \\cite{pearson1905} asked, where does the walker end up?\n\n```python\ndef walk(n):\n    return n\n```\n';
  const options = { baseUrl: 'https://example.org/posts/walk.html', readFile: (url) => (url.endsWith('/refs.bib') ? bibtex : undefined) };
  const preloads = (html) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
  /** The chunk a preload names, without its folder and hash: `citation-support`. */
  const chunkName = (href) => /\/([^/]+)-[\w-]{8}\.js$/.exec(href)?.[1];

  it('preloads the chunks of a post with citations and code, and no others, before the page script', async () => {
    const { html, errors } = await prerender(page(cited), options);
    assert.deepEqual(errors, []);
    const hrefs = preloads(html);
    assert.deepEqual(hrefs.map(chunkName).sort(), ['citation-support', 'code-block-rendering', 'code-highlighter', 'core', 'post-citation-options', 'python']);
    for (const href of hrefs) {
      assert.match(href, /^\/assets\/hydrate-chunks\//);
      assert.ok(existsSync(new URL(`../../dist/${href.slice('/assets/'.length)}`, import.meta.url)), `${href} is a chunk of this build`);
    }
    assert.ok(html.indexOf('rel="modulepreload"') < html.indexOf('<script type="module"'), 'before the script that imports them');
    // No BibTeX parser: the references the build read are in the page.
    assert.doesNotMatch(html, /modulepreload[^>]*(?:esm|bibtex)/);
  });

  it('preloads nothing for a plain post, with math or without', async () => {
    for (const markdown of ['A plain post about $e^{i\\pi} + 1 = 0$.\n\n$$\\int_0^1 x\\,dx = \\tfrac12$$', 'No math at all.']) {
      assert.deepEqual(preloads((await prerender(page(markdown), options)).html), [], markdown);
    }
  });

  it('preloads the footnotes with their margin layout, theorems and figures for a post that has them', async () => {
    const markdown = 'A walk[^1].\n\n[^1]: A note with $x$.\n\n\\begin{theorem}\nIt ends.\n\\end{theorem}\n\n![A walk](walk.png)\n';
    assert.deepEqual(preloads((await prerender(page(markdown), options)).html).map(chunkName).sort(), ['figure-blocks', 'footnote-markup', 'footnote-support', 'sidenote-layout', 'theorem-blocks']);
  });

  it('names the chunks of the plain-page bundle beside sciblog-elements.js, relative as the script is', async () => {
    const hrefs = preloads((await prerender(page(cited, '../lib/sciblog-elements.js'), options)).html);
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) assert.match(href, /^\.\.\/lib\/chunks\//);
  });

  it('preloads nothing for a page that bundles the elements itself, nor when told not to, nor twice', async () => {
    assert.deepEqual(preloads((await prerender(page(cited, '/main-3f2a.js'), options)).html), []);
    assert.deepEqual(preloads((await prerender(page(cited), { ...options, preloadModules: false })).html), []);
    const once = (await prerender(page(cited), options)).html;
    const twice = (await prerender(once, options)).html;
    assert.equal(twice, once);
  });
});

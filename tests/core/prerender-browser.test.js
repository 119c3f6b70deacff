// A prerendered page in Chromium: its math shows with JavaScript off, and once
// the elements load they hydrate the server's shadow DOM instead of replacing it.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { prerender } from 'sciblog-elements/node';

const root = new URL('../../', import.meta.url).pathname;
const feed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'B', items: [{ id: '1', url: '/p/1', title: 'One', content_text: 'x', date_published: '2024-03-01' }] });
const source = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="stylesheet" href="/dist/katex.css"></head>
<body>
<post-body id="post"><script type="text/markdown">
  # Euler
  $$e^{i\\pi} + 1 = 0 \\label{euler}$$
  By \\eqref{euler}.
  ## More
</script></post-body>
<post-toc for="post"></post-toc>
<math-block>x^2 &lt; 1</math-block>
<post-card href="/p/1" title="One" date="2024-03-01" author="Ada">An excerpt with $x^2$.</post-card>
<post-excerpt href="/p/2"><p>Hand-written <b>markup</b>.</p></post-excerpt>
<post-meta date="2024-03-01" author="Ada" readers="1234"></post-meta>
<series-nav series="S" current="/b"><a href="/a">A</a><a href="/b">B</a></series-nav>
<post-cite href="https://example.org/p/1" title="One" date="2024-03-01" author="Ada"></post-cite>
<section lang="zh"><post-meta date="2024-03-01" readers="1234"></post-meta></section>
<post-body id="cited"><script type="text/markdown">
  ---
  bibliography: refs.bib
  ---
  As \\cite{knuth1984} shows.
</script></post-body>
<archive-list src="/feed.json"></archive-list>
<post-list src="/feed.json"></post-list>
</body>
</html>`;
const bib = '@article{knuth1984, author = {Knuth, Donald E.}, title = {Literate Programming}, journal = {The Computer Journal}, year = {1984}}';
const files = { '/feed.json': feed, 'refs.bib': bib };
const { html: page, errors } = await prerender(source, { readFile: (url) => files[url] });
// As a site serves it: the hydrate file in the head.
const pageWithScript = page.replace('</head>', '<script type="module" src="/dist/sciblog-elements.hydrate.js"></script></head>');
const tags = ['post-body', 'post-toc', 'math-block', 'post-card', 'post-excerpt', 'post-meta', 'series-nav', 'post-cite', 'archive-list', 'post-list'];
// A post with citations, a footnote and code, and a plain one, each as a site serves it, prerendered with its module preloads.
const withScript = (markdown) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/dist/katex.css"><script type="module" src="/dist/sciblog-elements.hydrate.js"></script></head><body><post-body><script type="text/markdown">\n${markdown}\n</script></post-body></body></html>`;
const featured = await prerender(withScript('---\nbibliography: refs.bib\n---\nAs \\cite{knuth1984} says[^1].\n\n[^1]: Literate, $x$.\n\n```python\nprint(1)\n```\n'), { readFile: (url) => files[url] });
const plain = await prerender(withScript('A plain post, $e^{i\\pi} + 1 = 0$.'), { readFile: (url) => files[url] });
const preloads = (html) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
const withoutPreloads = (html) => html.replace(/<link rel="modulepreload"[^>]*>\n/g, '');
const pages = { '/featured.html': featured.html, '/featured-without-preloads.html': withoutPreloads(featured.html), '/plain.html': plain.html };
/** Requests the test server answered, by path. */
const requested = [];

const types = { '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.json': 'application/json' };
let server;
let browser;
let base;

before(async () => {
  server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    requested.push(path);
    if (path === '/favicon.ico') return response.writeHead(204).end();
    if (path === '/page.html') return response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (path === '/page-with-script.html') return response.writeHead(200, { 'content-type': 'text/html' }).end(pageWithScript);
    if (Object.hasOwn(pages, path)) return response.writeHead(200, { 'content-type': 'text/html' }).end(pages[path]);
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

describe('a prerendered page in Chromium', () => {
  it('prerendered without errors', () => assert.deepEqual(errors, []));

  it('shows its math, article and byline with JavaScript disabled', async () => {
    const tab = await browser.newPage();
    await tab.setJavaScriptEnabled(false);
    await tab.goto(`${base}/page.html`);
    const seen = await tab.evaluate(() => ({
      formula: document.querySelector('math-block').shadowRoot?.querySelector('.katex-display') !== null,
      equationLink: document.querySelector('post-body').shadowRoot?.querySelector('a[href="#eq-euler"]')?.textContent,
      byline: [...document.querySelector('section post-meta').shadowRoot.querySelectorAll('[part]:not([part="separator"])')].map((part) => part.textContent).join(' '),
      definedElements: customElements.get('post-body') !== undefined,
    }));
    await tab.close();
    assert.deepEqual(seen, { formula: true, equationLink: '(1)', byline: '2024-03-01 1234位读者', definedElements: false });
  });

  it('keeps the server-rendered shadow DOM when the elements load: the same nodes, no mutations', async () => {
    const tab = await browser.newPage();
    const consoleErrors = [];
    tab.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    tab.on('pageerror', (error) => consoleErrors.push(error.message));
    await tab.goto(`${base}/page.html`);
    const outcome = await tab.evaluate(async (tags) => {
      const elements = tags.flatMap((tag) => [...document.querySelectorAll(tag)]);
      // Taken before any script of ours runs: the nodes the reader already sees.
      const before = elements.map((element) => [...element.shadowRoot.querySelectorAll('*')]);
      const changes = [];
      const observer = new MutationObserver((records) => changes.push(...records.filter((record) => record.type === 'childList' || record.type === 'characterData')));
      for (const element of elements) observer.observe(element.shadowRoot, { childList: true, characterData: true, subtree: true });
      await (await import('/dist/sciblog-elements.hydrate.js')).defined;
      await Promise.all(elements.map((element) => element.updateComplete));
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      observer.disconnect();
      return {
        upgraded: elements.every((element) => element.updateComplete !== undefined),
        replaced: elements.filter((element, i) => before[i].some((node) => !node.isConnected)).map((element) => element.localName),
        mutations: changes.map((record) => `${record.target.getRootNode().host?.localName}: ${record.type}`),
        stillLinks: document.querySelector('post-body').shadowRoot.querySelector('a[href="#eq-euler"]') === before[0].find((node) => node.matches?.('a[href="#eq-euler"]')),
      };
    }, tags);
    await tab.close();
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(outcome, { upgraded: true, replaced: [], mutations: [], stillLinks: true });
  });

  it('feed-fed elements hydrate from the feed the build read: the browser never fetches it', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${base}/page.html`);
    const shown = await tab.evaluate(async () => {
      await (await import('/dist/sciblog-elements.hydrate.js')).defined;
      const archive = document.querySelector('archive-list');
      const list = document.querySelector('post-list');
      await Promise.all([archive.updateComplete, list.updateComplete]);
      const titles = (root) => [...root.querySelectorAll('a')].map((link) => link.textContent.trim()).filter((text) => text === 'One');
      return {
        archive: titles(archive.shadowRoot).length,
        cards: [...list.shadowRoot.querySelectorAll('post-card')].map((card) => titles(card.shadowRoot).length),
      };
    });
    await tab.close();
    assert.deepEqual(shown, { archive: 1, cards: [1] });
    assert.equal(requested.filter((path) => path === '/feed.json').length, 0);
  });

  it('a post whose bibliography the build read hydrates with its references: the browser neither fetches nor parses the file', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${base}/page.html`);
    const seen = await tab.evaluate(async () => {
      const shown = (post) => ({ citation: post.shadowRoot.querySelector('.sb-cite')?.textContent, listed: post.shadowRoot.textContent.includes('Literate Programming') });
      const post = document.querySelector('#cited');
      const before = shown(post);
      await (await import('/dist/sciblog-elements.hydrate.js')).defined;
      await post.updateComplete;
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100)));
      await post.updateComplete;
      return { before, after: shown(post), errors: post.result?.errors.map((error) => error.message) };
    });
    await tab.close();
    assert.deepEqual(seen, { before: { citation: '[1]', listed: true }, after: { citation: '[1]', listed: true }, errors: [] });
    // The BibTeX parser is the chunk that knows BibTeX's @preamble.
    const parser = [];
    for (const folder of ['chunks', 'hydrate-chunks']) {
      for (const name of await readdir(join(root, 'dist', folder))) if ((await readFile(join(root, 'dist', folder, name), 'utf8')).includes('preamble')) parser.push(`/dist/${folder}/${name}`);
    }
    assert.ok(parser.length > 0, 'the parser chunk is found');
    assert.deepEqual(requested.filter((path) => path.endsWith('.bib') || parser.includes(path)), []);
  });

  it('paints the server\'s HTML before the hydrate script defines any element, then hydrates it', async () => {
    const tab = await browser.newPage();
    // At the first animation frame (just before the first paint), and once the script says the elements are in.
    await tab.evaluateOnNewDocument(() => {
      requestAnimationFrame(() => {
        window.definedAtFirstFrame = customElements.get('post-body') !== undefined;
        window.articleAtFirstFrame = document.querySelector('post-body')?.shadowRoot?.querySelector('a[href="#eq-euler"]') != null;
      });
    });
    await tab.goto(`${base}/page-with-script.html`);
    const seen = await tab.evaluate(async () => {
      const link = document.querySelector('post-body').shadowRoot.querySelector('a[href="#eq-euler"]');
      await customElements.whenDefined('post-body');
      await document.querySelector('post-body').updateComplete;
      return {
        definedAtFirstFrame: window.definedAtFirstFrame,
        articleAtFirstFrame: window.articleAtFirstFrame,
        sameLinkAfterHydration: document.querySelector('post-body').shadowRoot.querySelector('a[href="#eq-euler"]') === link,
      };
    });
    await tab.close();
    assert.deepEqual(seen, { definedAtFirstFrame: false, articleAtFirstFrame: true, sameLinkAfterHydration: true });
  });

  it('hydrated elements still respond: a click on an equation link targets the equation', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${base}/page.html`);
    const targeted = await tab.evaluate(async () => {
      await (await import('/dist/sciblog-elements.hydrate.js')).defined;
      const body = document.querySelector('post-body');
      await body.updateComplete;
      body.shadowRoot.querySelector('a[href="#eq-euler"]').click();
      return body.shadowRoot.querySelector('#eq-euler').closest('.sb-equation').hasAttribute('data-targeted');
    });
    await tab.close();
    assert.equal(targeted, true);
  });

  it('a prerendered post preloads exactly the chunks it then imports for its features, each fetched once', async () => {
    /** The module chunks a page fetches until its post has hydrated, by path, with how often each. */
    const chunksFetched = async (path) => {
      const tab = await browser.newPage();
      const fetched = [];
      tab.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/dist/hydrate-chunks/')) fetched.push(pathname);
      });
      await tab.goto(`${base}${path}`);
      const hydrated = await tab.evaluate(async () => {
        await customElements.whenDefined('post-body');
        const post = document.querySelector('post-body');
        await post.updateComplete;
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100)));
        await post.updateComplete;
        return post.result !== undefined;
      });
      await tab.close();
      assert.ok(hydrated, `${path} hydrated`);
      return fetched;
    };
    const preloaded = [...featured.html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
    assert.deepEqual(preloads(plain.html), [], 'a plain post preloads nothing');
    const forPlain = new Set(await chunksFetched('/plain.html'));
    // What post-body asks for, with no preloads to tell the browser earlier: the chunks a plain post does not need.
    const asked = new Set((await chunksFetched('/featured-without-preloads.html')).filter((path) => !forPlain.has(path)));
    assert.deepEqual([...asked].sort(), [...preloaded].sort());
    const withPreloads = await chunksFetched('/featured.html');
    for (const href of preloaded) assert.equal(withPreloads.filter((path) => path === href).length, 1, `${href} fetched once`);
  });
});


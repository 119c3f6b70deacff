// Whole pages in headless Chromium: `node bench/pages.bench.mjs` after a build,
// or the `pages` section of run.mjs (BENCH_ONLY=pages).
//
// Variants of the same post (bench/generate-post.mjs, 50, 200 and 1 000 formulas):
//   client      <post-body> with the markdown in <script type="text/markdown">,
//               dist/sciblog-elements.js (+ chunks/, fonts/): rendered in the browser;
//   prerendered the client page through prerender() (dist/node/index.js):
//               declarative shadow DOM, katex.css, dist/sciblog-elements.hydrate.js;
//   mathjax     plain markdown-it HTML with the math left as TeX (tex-html.mjs) and
//               MathJax 3's tex-chtml.js, tags: 'ams', inline $…$, as blogs set it up;
//   static      renderMarkdown's HTML in the page with katex.css, no script at all.
// And a home page of 20 cards: <post-list src=feed.json page-size=20> (client,
// prerendered with the feed read at build time) against static HTML of the same
// cards (excerpt()'s HTML).
//
// Every page has the same shell: a header, the title, the article, a footer
// (what follows an article on a real page, and what moves if the article grows
// after the first paint).
//
// Per load (a fresh incognito context, so a cold cache; viewport 1280×800), a
// script injected before the page's own records, in requestAnimationFrame
// callbacks, performance.now() (ms since navigation start) when:
//   first screen  every formula that intersects the first viewport in the
//                 page's final layout is typeset (K of them: KaTeX `.katex`,
//                 MathJax `mjx-container`, counted through open shadow roots),
//                 and no font face is loading. K and the total come from one
//                 untimed load of the same page, let to settle. The check
//                 measures rectangles first, which forces layout, so faces that
//                 the frame needs have started loading when the fonts are read;
//   whole page    every formula of the page is typeset, and no face is loading;
//   CLS           layout-shift entries (buffered) without recent input, summed
//                 until 500 ms after the whole page is typeset;
//   JS bytes      transferSize of every .js resource (the server gzips, as sites do).
// Rounds are interleaved (every page once per round, variants of a size side by
// side); medians of BENCH_ROUNDS rounds (default 5). Then the 200-formula post
// once more per variant with the CPU throttled 4× (CDP), as a note.

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { excerpt, renderMarkdown } from 'sciblog-elements/core';
import { generatePost } from './generate-post.mjs';
import { median, printReport, quantile } from './harness.mjs';
import { markdownWithTex, splitFrontMatter } from './tex-html.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [50, 200, 1000];
const CARDS = 20;
const VIEWPORT = { width: 1280, height: 800 };
const LOAD_TIMEOUT = 60_000;

// The issue's goals, as ratios within one run.
const GOAL_FIRST_VS_MATHJAX = 10; // first screen at least 10× sooner than MathJax page-wide
const GOAL_FIRST_VS_STATIC = 1.5; // client first screen within 1.5× of the static page
const GOAL_PRERENDERED_VS_STATIC = 1.1; // prerendered page within 1.1× of static
const GOAL_CLS_CLIENT = 0.01;
const GOAL_FLAT_FIRST_SCREEN = 1.5; // "does not grow with the length": 1 000 formulas / 50 formulas

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.md']);

/**
 * A static server on 127.0.0.1: /dist/… from the build, /mathjax/… from
 * mathjax's es5/ bundles, everything else from the pages folder. Text is
 * gzipped (once per file, kept) so transferred sizes are what a site sends.
 */
async function serve(pagesDirectory) {
  const mounts = [
    ['/dist/', path.join(root, 'dist')],
    ['/mathjax/', path.join(root, 'node_modules', 'mathjax', 'es5')],
    ['/', pagesDirectory],
  ];
  const cache = new Map();
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
      const [prefix, directory] = mounts.find(([prefix]) => pathname.startsWith(prefix));
      const file = path.join(directory, decodeURIComponent(pathname.slice(prefix.length)));
      if (!file.startsWith(directory + path.sep)) throw new Error('outside');
      const extension = path.extname(file);
      let body = cache.get(file);
      if (!body) {
        const bytes = await readFile(file);
        body = compressible.has(extension) ? { bytes: gzipSync(bytes), gzip: true } : { bytes, gzip: false };
        cache.set(file, body);
      }
      response.writeHead(200, {
        'content-type': contentTypes[extension] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(body.gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(body.bytes);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const shellStyle = `<style>
  body { margin: 0; font: 16px/1.7 system-ui, sans-serif; color: #222; }
  header, footer { background: #f4f4f4; padding: 0.75rem 1rem; }
  main { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
  footer { min-height: 12rem; }
  /* As the README recommends: the article's room is kept before the script defines the element. */
  post-body:not(:defined), post-list:not(:defined) { display: block; min-height: 100vh; }
  .card { display: flex; gap: 1rem; padding: 1.25em 0; border-bottom: 1px solid #ddd; }
  .card .badge { flex: none; width: 3.4em; height: 3.4em; background: #eef; text-align: center; line-height: 1.2; padding-top: 0.4em; }
  .card h2 { margin: 0 0 0.25em; font-size: 1.25em; }
  .card .meta { margin: 0; color: #666; font-size: 0.9em; }
</style>`;

function shell({ title, head, content }) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head}
${shellStyle}
</head><body>
<header>科学小站 · a science blog</header>
<main><h1>${escapeHtml(title)}</h1>
${content}
</main>
<footer>评论 · comments, links, licence</footer>
</body></html>
`;
}

const clientHead = '<script type="module" src="/dist/sciblog-elements.js"></script>';
const hydrateHead = '<link rel="stylesheet" href="/dist/katex.css">\n<script type="module" src="/dist/sciblog-elements.hydrate.js"></script>';
const staticHead = '<link rel="stylesheet" href="/dist/katex.css">';
// MathJax 3 as a blog sets it up: numbered like amsmath, $…$ inline, the script async.
const mathjaxHead = `<script>
  window.MathJax = {
    tex: { tags: 'ams', inlineMath: [['$', '$'], ['\\\\(', '\\\\)']] },
    chtml: { fontURL: '/mathjax/output/chtml/fonts/woff-v2' },
  };
</script>
<script id="MathJax-script" async src="/mathjax/tex-chtml.js"></script>`;

/** The four pages of one post: { client, prerendered, mathjax, static } as HTML. */
async function postPages(source, prerender) {
  const { title } = splitFrontMatter(source);
  // The markdown goes into the page as written; it has no "</script".
  const article = `<post-body>\n<script type="text/markdown">\n${source}\n</script>\n</post-body>`;
  const client = shell({ title, head: clientHead, content: article });
  const prerendered = await prerender(shell({ title, head: hydrateHead, content: article }), { lang: 'zh-CN' });
  if (prerendered.errors.length) throw new Error(`prerender: ${JSON.stringify(prerendered.errors)}`);
  return {
    client,
    prerendered: prerendered.html,
    mathjax: shell({ title, head: mathjaxHead, content: `<article>\n${markdownWithTex(source).html}</article>` }),
    static: shell({ title, head: staticHead, content: `<article>\n${renderMarkdown(source).html}</article>` }),
  };
}

/** The home page of 20 cards: a JSON Feed, and { client, prerendered, static } pages. */
async function cardPages(prerender) {
  const authors = [{ name: '林知远' }];
  const items = Array.from({ length: CARDS }, (_, i) => {
    const { source } = generatePost({ seed: 7000 + i, formulas: 12 });
    const day = String(28 - i).padStart(2, '0');
    return {
      id: `https://blog.example/archives/${10_000 + i}`,
      url: `/archives/${10_000 + i}`,
      title: `旋转位置编码的推导（${i + 1}）`,
      content_text: splitFrontMatter(source).body,
      date_published: `2024-05-${day}`,
      authors,
      tags: ['位置编码'],
      _sciblog: { readers: 1000 + i * 37 },
    };
  });
  const feed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: '科学小站', items });
  const list = '<post-list src="/cards/feed.json" page-size="20"></post-list>';
  const title = '科学小站 · 首页';
  const client = shell({ title, head: clientHead, content: list });
  const prerendered = await prerender(shell({ title, head: hydrateHead, content: list }), {
    lang: 'zh-CN',
    baseUrl: 'http://127.0.0.1/cards/',
    readFile: (url) => (new URL(url).pathname === '/cards/feed.json' ? feed : undefined),
  });
  if (prerendered.errors.length) throw new Error(`prerender: ${JSON.stringify(prerendered.errors)}`);
  // The same cards as hand-made static HTML: badge, title, byline, excerpt, read more.
  const cards = items
    .map((item) => {
      const { html } = excerpt(item.content_text, { length: 200, locale: 'zh' });
      const [, month, day] = item.date_published.split('-');
      return `<article class="card"><div class="badge">${Number(month)}月<br>${day}</div><div>
<h2><a href="${item.url}">${escapeHtml(item.title)}</a></h2>
<p class="meta">${authors[0].name} | ${item.date_published} | ${item._sciblog.readers}位读者</p>
<div class="excerpt">${html}</div>
<a href="${item.url}">点击阅读全文...</a></div></article>`;
    })
    .join('\n');
  return { feed, pages: { client, prerendered: prerendered.html, static: shell({ title, head: staticHead, content: cards }) } };
}

/**
 * Injected into every page before its own scripts (serialised by puppeteer:
 * it must not refer to anything outside itself). See the header for what it records.
 */
export function probe({ selector, expected, inView }) {
  // A settling load passes null (JSON, which puppeteer sends arguments as, has no Infinity): never done.
  expected ??= Infinity;
  inView ??= Infinity;
  const state = (window.__bench = { cls: 0, shifts: 0, firstScreen: null, whole: null, count: 0, visible: 0, frames: 0, done: false, sources: {} });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      state.cls += entry.value;
      state.shifts++;
      // What moved, for the notes: the largest shifts by the first source's element.
      const node = entry.sources?.[0]?.node;
      const what = node ? `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.getRootNode?.() instanceof ShadowRoot ? ` in ${node.getRootNode().host.localName}` : ''}` : '?';
      state.sources[what] = (state.sources[what] ?? 0) + entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  // Only our elements have shadow roots here: walking just them is far cheaper than every node.
  const hosts = 'post-body, post-list, post-card, post-excerpt, post-meta, math-block';
  const collect = (scope, out) => {
    for (const element of scope.querySelectorAll(selector)) out.push(element);
    for (const host of scope.querySelectorAll(hosts)) if (host.shadowRoot) collect(host.shadowRoot, out);
    return out;
  };
  const fontsSettled = () => {
    if (document.fonts.status !== 'loaded') return false;
    for (const face of document.fonts) if (face.status === 'loading') return false;
    return true;
  };
  const tick = () => {
    state.frames++;
    const now = performance.now();
    const found = collect(document, []);
    if (state.firstScreen === null) {
      let visible = 0;
      for (const element of found) {
        const r = element.getBoundingClientRect();
        if ((r.width || r.height) && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth) visible++;
      }
      state.visible = visible;
    }
    // Read after the rectangles, which forced a layout: the faces it needs are loading by now.
    const fonts = fontsSettled();
    state.count = found.length;
    state.fonts = fonts;
    if (state.firstScreen === null && state.visible > 0 && state.visible >= inView && fonts) state.firstScreen = now;
    if (state.whole === null && found.length > 0 && found.length >= expected && fonts) state.whole = now;
    if (state.firstScreen !== null && state.whole !== null) {
      state.done = true;
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** JS bytes and all bytes transferred, from the page's resource timing. */
function transferred() {
  const entries = performance.getEntriesByType('resource');
  const navigation = performance.getEntriesByType('navigation')[0];
  const sum = (list) => list.reduce((total, entry) => total + entry.transferSize, 0);
  return {
    js: sum(entries.filter((entry) => /\.m?js(\?|$)/.test(new URL(entry.name).pathname))),
    jsFiles: entries.filter((entry) => /\.m?js(\?|$)/.test(new URL(entry.name).pathname)).length,
    all: sum(entries) + (navigation?.transferSize ?? 0),
  };
}

/** One cold load. Without `expected`/`inView`: a settling load that reports the final counts. */
async function load(browser, url, { selector, expected = null, inView = null, throttle = 1 }) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(VIEWPORT);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    if (throttle > 1) await page.emulateCPUThrottling(throttle);
    await page.evaluateOnNewDocument(probe, { selector, expected, inView });
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    if (expected !== null) {
      await page.waitForFunction(() => window.__bench.done, { timeout: LOAD_TIMEOUT, polling: 50 });
      // Shifts that come just after (a late re-render, a last font) still count.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } else {
      // Settling: until the count has not changed for 1.5 s and no face is loading.
      let last = -1;
      let since = Date.now();
      const deadline = Date.now() + LOAD_TIMEOUT;
      while (Date.now() < deadline) {
        const { count, fonts } = await page.evaluate(() => window.__bench);
        if (count !== last || !fonts) [last, since] = [count, Date.now()];
        else if (Date.now() - since > 1500) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const state = await page.evaluate(() => ({ ...window.__bench }));
    return { ...state, bytes: await page.evaluate(transferred), errors };
  } finally {
    await context.close();
  }
}

function summarise(samples) {
  const clean = samples.filter((value) => Number.isFinite(value));
  if (!clean.length) return { median: NaN, p25: NaN, p75: NaN };
  return { median: median(clean), p25: quantile(clean, 0.25), p75: quantile(clean, 0.75) };
}

const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(0) : '—');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const status = (ok) => (ok ? 'PASS' : 'MISS');

/** The section for run.mjs: `{ rows, notes }`. Options: rounds ($BENCH_ROUNDS or 5), sizes, executablePath. */
export async function pages({
  rounds = Number(process.env.BENCH_ROUNDS) || 5,
  sizes = SIZES,
  executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium',
} = {}) {
  const { prerender } = await import(pathToFileURL(path.join(root, 'dist', 'node', 'index.js')).href);
  const directory = await mkdtemp(path.join(os.tmpdir(), 'sciblog-bench-pages-'));
  let server;
  let browser;
  try {
    // The subjects: { key, size, variant, file, selector }.
    const subjects = [];
    for (const size of sizes) {
      const pagesOfPost = await postPages(generatePost({ formulas: size }).source, prerender);
      for (const [variant, html] of Object.entries(pagesOfPost)) {
        const file = `post-${size}-${variant}.html`;
        await writeFile(path.join(directory, file), html);
        subjects.push({ key: `${variant}-${size}`, size: String(size), variant, file, selector: variant === 'mathjax' ? 'mjx-container' : '.katex' });
      }
    }
    const cards = await cardPages(prerender);
    await mkdir(path.join(directory, 'cards'));
    await writeFile(path.join(directory, 'cards', 'feed.json'), cards.feed);
    for (const [variant, html] of Object.entries(cards.pages)) {
      const file = `cards/${variant}.html`;
      await writeFile(path.join(directory, file), html);
      subjects.push({ key: `${variant}-cards`, size: 'cards', variant, file, selector: '.katex' });
    }

    const served = await serve(directory);
    server = served.server;
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    const url = (subject) => `${served.origin}/${subject.file}`;

    // One settling load per page: its final number of formulas, how many the first viewport shows, its bytes.
    const settled = {};
    for (const subject of subjects) {
      const result = await load(browser, url(subject), { selector: subject.selector });
      settled[subject.key] = { expected: result.count, inView: result.visible, bytes: result.bytes, errors: result.errors, sources: result.sources, cls: result.cls };
    }

    const samples = Object.fromEntries(subjects.map((subject) => [subject.key, { first: [], whole: [], cls: [] }]));
    const timeouts = {};
    for (let round = 0; round < rounds; round++) {
      for (const subject of subjects) {
        const { expected, inView } = settled[subject.key];
        try {
          const result = await load(browser, url(subject), { selector: subject.selector, expected, inView });
          samples[subject.key].first.push(result.firstScreen);
          samples[subject.key].whole.push(result.whole);
          samples[subject.key].cls.push(result.cls);
        } catch (error) {
          timeouts[subject.key] = (timeouts[subject.key] ?? 0) + 1;
          if (!/timeout/i.test(error.message)) throw error;
        }
      }
    }

    // The 200-formula post once more per variant, the CPU throttled 4×.
    const throttled = {};
    for (const subject of subjects.filter((s) => s.size === '200')) {
      const { expected, inView } = settled[subject.key];
      try {
        throttled[subject.variant] = await load(browser, url(subject), { selector: subject.selector, expected, inView, throttle: 4 });
      } catch (error) {
        throttled[subject.variant] = { error: error.message };
      }
    }

    // Summaries and the table.
    const stats = {};
    for (const subject of subjects) {
      const s = samples[subject.key];
      stats[subject.key] = { first: summarise(s.first), whole: summarise(s.whole), cls: summarise(s.cls), clsMax: Math.max(0, ...s.cls) };
    }
    const rows = [];
    const notes = [];
    for (const subject of subjects) {
      const { first, whole, cls, clsMax } = stats[subject.key];
      const { expected, inView, bytes } = settled[subject.key];
      rows.push({
        section: subject.size === 'cards' ? `page: ${CARDS} cards, ${subject.variant}` : `page: ${subject.size} formulas, ${subject.variant}`,
        measure: 'first screen / whole page',
        ours: fmt(first.median),
        baseline: fmt(whole.median),
        result: `CLS ${cls.median.toFixed(3)}${clsMax > cls.median + 0.0005 ? ` (max ${clsMax.toFixed(3)})` : ''}`,
        goal: '',
        status: '',
        gc: `JS ${kb(bytes.js)}`,
        spread: `${fmt(first.p25)}–${fmt(first.p75)} / ${fmt(whole.p25)}–${fmt(whole.p75)}; ${inView}/${expected} in view`,
      });
    }

    // Ratio rows: against MathJax page-wide and against the static page, per size.
    const ratioRow = (section, measure, value, goal, ok, detail = '') => ({
      section,
      measure,
      ours: '',
      baseline: '',
      result: Number.isFinite(value) ? `${value.toFixed(2)}x` : '—',
      goal,
      status: Number.isFinite(value) ? status(ok) : 'MISS',
      gc: '',
      spread: detail,
    });
    for (const size of sizes) {
      const get = (variant) => stats[`${variant}-${size}`];
      const [client, prerendered, mathjax, plain] = ['client', 'prerendered', 'mathjax', 'static'].map(get);
      for (const [name, side] of [['client', client], ['prerendered', prerendered]]) {
        const sooner = mathjax.first.median / side.first.median;
        rows.push(ratioRow(`${size} formulas: ${name}`, 'first screen, MathJax / ours', sooner, `>= ${GOAL_FIRST_VS_MATHJAX}x`, sooner >= GOAL_FIRST_VS_MATHJAX));
      }
      const clientVsStatic = client.first.median / plain.first.median;
      rows.push(ratioRow(`${size} formulas: client`, 'first screen, ours / static', clientVsStatic, `<= ${GOAL_FIRST_VS_STATIC}x`, clientVsStatic <= GOAL_FIRST_VS_STATIC));
      const preFirst = prerendered.first.median / plain.first.median;
      const preWhole = prerendered.whole.median / plain.whole.median;
      rows.push(ratioRow(`${size} formulas: prerendered`, 'first screen, ours / static', preFirst, `<= ${GOAL_PRERENDERED_VS_STATIC}x`, preFirst <= GOAL_PRERENDERED_VS_STATIC));
      rows.push(ratioRow(`${size} formulas: prerendered`, 'whole page, ours / static', preWhole, `<= ${GOAL_PRERENDERED_VS_STATIC}x`, preWhole <= GOAL_PRERENDERED_VS_STATIC));
      rows.push(ratioRow(`${size} formulas: client`, 'CLS', client.cls.median, `<= ${GOAL_CLS_CLIENT}`, client.cls.median <= GOAL_CLS_CLIENT, `max ${client.clsMax.toFixed(3)}`));
      rows.push(ratioRow(`${size} formulas: prerendered`, 'CLS', prerendered.cls.median, '= 0', prerendered.clsMax === 0, `max ${prerendered.clsMax.toFixed(3)}`));
      rows.at(-1).result = prerendered.cls.median.toFixed(3);
      rows.at(-2).result = client.cls.median.toFixed(3);
    }
    if (sizes.includes(50) && sizes.includes(1000)) {
      for (const variant of ['client', 'prerendered']) {
        const growth = stats[`${variant}-1000`].first.median / stats[`${variant}-50`].first.median;
        rows.push(ratioRow(`first screen, ${variant}`, '1,000 / 50 formulas', growth, `<= ${GOAL_FLAT_FIRST_SCREEN}x`, growth <= GOAL_FLAT_FIRST_SCREEN, 'does not grow with the post'));
      }
    }
    if (stats['client-cards']) {
      const { client, prerendered, static: plain } = { client: stats['client-cards'], prerendered: stats['prerendered-cards'], static: stats['static-cards'] };
      const c = client.first.median / plain.first.median;
      const p = prerendered.first.median / plain.first.median;
      rows.push(ratioRow(`${CARDS} cards: client`, 'first screen, ours / static', c, `<= ${GOAL_FIRST_VS_STATIC}x`, c <= GOAL_FIRST_VS_STATIC));
      rows.push(ratioRow(`${CARDS} cards: prerendered`, 'first screen, ours / static', p, `<= ${GOAL_PRERENDERED_VS_STATIC}x`, p <= GOAL_PRERENDERED_VS_STATIC));
      rows.push(ratioRow(`${CARDS} cards: client`, 'CLS', client.cls.median, `<= ${GOAL_CLS_CLIENT}`, client.cls.median <= GOAL_CLS_CLIENT, `max ${client.clsMax.toFixed(3)}`));
      rows.at(-1).result = client.cls.median.toFixed(3);
      rows.push(ratioRow(`${CARDS} cards: prerendered`, 'CLS', prerendered.cls.median, '= 0', prerendered.clsMax === 0, `max ${prerendered.clsMax.toFixed(3)}`));
      rows.at(-1).result = prerendered.cls.median.toFixed(3);
    }

    const version = await browser.version();
    notes.push(
      `pages: ${version}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, cold cache (a new context per load), ${rounds} interleaved rounds; ` +
        `"first screen / whole page" are medians in ms from navigation start, spread p25–p75; "K/N in view": formulas in the first viewport / in the page ` +
        `(MathJax counts the \\eqref in text as math too); JS = gzip bytes of scripts transferred`,
    );
    for (const subject of subjects) {
      const { bytes, errors } = settled[subject.key];
      if (subject.variant === 'static' || subject.size === '1000') notes.push(`${subject.key}: page ${kb(bytes.all)} transferred in all (${bytes.jsFiles} scripts)`);
      const { sources, cls, expected } = settled[subject.key];
      if (subject.variant !== 'mathjax' && subject.size !== 'cards' && expected !== Number(subject.size)) {
        notes.push(`WARNING: ${subject.key} settled with ${expected} formulas typeset, not ${subject.size}: its times measure something else`);
      }
      if (cls > 0.001) {
        const top = Object.entries(sources).sort((a, b) => b[1] - a[1]).slice(0, 3);
        notes.push(`${subject.key}: what shifts (settling load, CLS ${cls.toFixed(3)}): ${top.map(([what, value]) => `${what} ${value.toFixed(3)}`).join(', ')}`);
      }
      if (errors.length) notes.push(`${subject.key}: page errors: ${errors.slice(0, 3).join('; ')}`);
      if (timeouts[subject.key]) notes.push(`${subject.key}: ${timeouts[subject.key]} of ${rounds} loads did not finish within ${LOAD_TIMEOUT / 1000} s (left out)`);
    }
    const line = Object.entries(throttled)
      .map(([variant, r]) => (r.error ? `${variant} did not finish (${r.error})` : `${variant} ${fmt(r.firstScreen)} / ${fmt(r.whole)} ms, CLS ${r.cls.toFixed(3)}`))
      .join('; ');
    notes.push(`CPU throttled 4× (one load each), 200 formulas, first screen / whole page: ${line}`);
    return { rows, notes };
  } finally {
    await browser?.close();
    server?.close();
    // BENCH_KEEP_PAGES=1 keeps the pages, to open them by hand.
    if (process.env.BENCH_KEEP_PAGES) console.log(`pages kept in ${directory}`);
    else await rm(directory, { recursive: true, force: true });
  }
}

// Run on its own: print the rows the way run.mjs does.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows, notes } = await pages();
  printReport(rows, notes);
}

// Browser benchmark of <archive-list>: `node bench/archive-list.bench.mjs` after a
// build, or as a section of run.mjs (`sections.push(runArchiveBench)`).
//
// archive-list needs a DOM, so the timing happens in headless Chromium driven by
// puppeteer-core; Node only serves the built bundle and summarises the samples
// with harness.mjs. Subjects, interleaved round by round in the page:
// - ours: <archive-list> given 10 000 posts, until updateComplete and a layout;
// - baseline: the naive page, every year's posts grouped and written into one
//   HTML string (same details/summary/ul/li/time/a structure), set as innerHTML,
//   then a layout;
// - keystroke: one character typed in the filter box of a 10 000-post archive,
//   from the moment the filter applies (typing is batched per animation frame)
//   to the layout of the first pass of the result, and to the last pass.

import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { median, printReport, quantile, ratios } from './harness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const POSTS = 10_000;
const GOAL_RATIO = 2;
// A keystroke should be answered within a few frames, even when one letter matches most of 10 000 posts.
const GOAL_KEYSTROKE_MS = 50;

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const pageHtml = (bundleUrl) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>archive-list bench</title></head>
<body><main id="stage"></main>
<script type="module">
  import ${JSON.stringify(bundleUrl)};
  window.benchReady = Boolean(customElements.get('archive-list'));
</script></body></html>`;

/** Serves `directory` read-only on 127.0.0.1 at an ephemeral port, plus the bench page at `/`. */
async function serve(directory, bundlePath) {
  const bundleUrl = `/${path.relative(directory, bundlePath).split(path.sep).join('/')}`;
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/') {
      response.writeHead(200, { 'content-type': contentTypes['.html'] }).end(pageHtml(bundleUrl));
      return;
    }
    const file = path.join(directory, decodeURIComponent(pathname));
    try {
      if (!file.startsWith(directory + path.sep) || !(await stat(file)).isFile()) throw new Error('not a file');
      const type = contentTypes[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/**
 * Runs in the page (serialised by puppeteer: it must not refer to anything
 * outside itself). Returns the samples in ms and a sanity check that both
 * sides show the same years and counts.
 */
async function pageBench({ posts: postCount, rounds, warmup }) {
  const stage = document.getElementById('stage');
  const forceLayout = () => document.body.offsetHeight;
  const collect = () => (typeof window.gc === 'function' ? window.gc() : undefined);

  // Deterministic posts over 16 years, titled like a science blog in Chinese and English.
  const words = ['RoPE', 'Transformer', '低秩近似', 'Attention', '熵', '矩阵', 'Softmax', '扩散模型', 'VAE', '梯度', 'Adam', '位置编码'];
  const tags = ['Transformer', '矩阵', '优化', '生成模型', '概率', '位置编码'];
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const posts = Array.from({ length: postCount }, (_, i) => {
    const year = 2009 + (i % 16);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return {
      id: String(i),
      url: `/archives/${i}`,
      title: `${pick(words)}与${pick(words)}：${pick(['浅谈', 'a note on', '再探', 'revisited'])} ${pick(words)} (${i})`,
      date,
      authors: [{ name: '苏剑林' }],
      tags: [pick(tags)],
    };
  });

  // The naive page: group, sort and write every post of every year into one string.
  const monthFormat = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  function baselineHtml() {
    const sorted = [...posts].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    const years = new Map();
    for (const post of sorted) {
      const year = post.date.slice(0, 4);
      const month = post.date.slice(0, 7);
      if (!years.has(year)) years.set(year, new Map());
      const months = years.get(year);
      if (!months.has(month)) months.set(month, []);
      months.get(month).push(post);
    }
    let html = '<input type="search"><select></select><nav>';
    let first = true;
    for (const [year, months] of years) {
      const count = [...months.values()].reduce((sum, list) => sum + list.length, 0);
      html += `<details${first ? ' open' : ''}><summary>${year}年（${count}篇）</summary>`;
      first = false;
      for (const [month, list] of months) {
        const label = monthFormat.format(new Date(`${month}-01T00:00:00Z`));
        html += `<div><p>${label}（${list.length}篇）</p><ul>`;
        for (const post of list) {
          html += `<li><time datetime="${post.date}">${post.date}</time> <a href="${escape(post.url)}">${escape(post.title)}</a></li>`;
        }
        html += '</ul></div>';
      }
      html += '</details>';
    }
    return `${html}</nav>`;
  }

  async function runOurs() {
    collect();
    const start = performance.now();
    const element = document.createElement('archive-list');
    element.posts = posts;
    stage.append(element);
    await element.updateComplete;
    forceLayout();
    const time = performance.now() - start;
    const summaries = [...element.shadowRoot.querySelectorAll('summary')].map((s) => s.textContent.replace(/\s+/g, ' ').trim());
    element.remove();
    return { time, summaries };
  }

  function runBaseline() {
    collect();
    const start = performance.now();
    const div = document.createElement('div');
    div.innerHTML = baselineHtml();
    stage.append(div);
    forceLayout();
    const time = performance.now() - start;
    const summaries = [...div.querySelectorAll('summary')].map((s) => s.textContent);
    div.remove();
    return { time, summaries };
  }

  // Times one keystroke per call, from the moment the filter reaches the element's update (not
  // the key press: the element waits for the next animation frame, idle time): `answer` ends at the layout
  // after the first pass, what the reader sees first; `complete` once every match is listed.
  const keystrokeArchive = document.createElement('archive-list');
  keystrokeArchive.posts = posts;
  stage.append(keystrokeArchive);
  await keystrokeArchive.updateComplete;
  const filterBox = keystrokeArchive.shadowRoot.querySelector('[part="filter"]');
  const { willUpdate, updated } = keystrokeArchive;
  let started = 0;
  let answered = 0;
  keystrokeArchive.willUpdate = function (changed) {
    if (!started) started = performance.now();
    return willUpdate.call(this, changed);
  };
  keystrokeArchive.updated = function (changed) {
    if (started && !answered) {
      forceLayout();
      answered = performance.now();
    }
    return updated.call(this, changed);
  };
  async function type(value) {
    started = answered = 0;
    filterBox.value = value;
    filterBox.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    while (!answered) await new Promise((resolve) => setTimeout(resolve, 5));
    await keystrokeArchive.updateComplete;
    forceLayout();
    return { answer: answered - started, complete: performance.now() - started };
  }
  async function runKeystrokes() {
    collect();
    // One letter from an empty box opens every year with a match: the heaviest keystroke.
    const first = await type('a');
    const narrowing = [await type('ad'), await type('ada')];
    await type('');
    return { first, narrowing };
  }

  const samples = { ours: [], baseline: [], first: [], firstComplete: [], narrowing: [] };
  let check;
  for (let round = -warmup; round < rounds; round++) {
    // Alternate which side goes first, so each sees a warm and a cold start equally often.
    const order = round % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    for (const side of order) {
      const result = side === 'ours' ? await runOurs() : runBaseline();
      if (round >= 0) samples[side].push(result.time);
      check ??= {};
      check[side] = result.summaries;
    }
    const keystrokes = await runKeystrokes();
    if (round >= 0) {
      samples.first.push(keystrokes.first.answer);
      samples.firstComplete.push(keystrokes.first.complete);
      samples.narrowing.push(...keystrokes.narrowing.map((keystroke) => keystroke.answer));
    }
  }
  await type('a');
  const matchesOfA = keystrokeArchive.shadowRoot.querySelectorAll('[part="post-link"]').length;
  keystrokeArchive.remove();
  return {
    samples,
    sameYears: JSON.stringify(check.ours) === JSON.stringify(check.baseline),
    years: check.ours,
    baselineYears: check.baseline,
    matchesOfA,
    gcExposed: typeof window.gc === 'function',
    userAgent: navigator.userAgent,
  };
}

function summarise(samples) {
  return { median: median(samples), p25: quantile(samples, 0.25), p75: quantile(samples, 0.75), samples };
}

const fmt = (ms) => ms.toFixed(1);
const spread = (s) => `${fmt(s.p25)}–${fmt(s.p75)}`;
const status = (ok) => (ok ? 'PASS' : 'MISS');

/**
 * Measures <archive-list> in headless Chromium and returns `{ rows, notes }`
 * in the shape of run.mjs's sections. Options: `bundle` (the self-contained
 * build, default dist/sciblog-elements.js; it must register archive-list),
 * `rounds` (default $BENCH_ROUNDS or 15), `warmup` (3), `posts` (10 000),
 * `executablePath` ($CHROME_PATH or /usr/bin/chromium).
 */
export async function runArchiveBench({
  bundle = path.join(root, 'dist', 'sciblog-elements.js'),
  rounds = Number(process.env.BENCH_ROUNDS) || 15,
  warmup = 3,
  posts = POSTS,
  executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium',
} = {}) {
  const bundlePath = path.resolve(bundle);
  // Serve the bundle's package directory, so its fonts/ beside it resolve too.
  const directory = path.dirname(path.dirname(bundlePath));
  const { server, url } = await serve(directory, bundlePath);
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // expose-gc lets the page collect garbage between samples, outside the timed part.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    const ready = await page.waitForFunction(() => window.benchReady !== undefined, { timeout: 30_000 }).then(() => page.evaluate(() => window.benchReady));
    if (!ready) {
      throw new Error(`${path.relative(process.cwd(), bundlePath)} does not register archive-list: export it from src/index.ts and rebuild${pageErrors.length ? ` (${pageErrors.join('; ')})` : ''}`);
    }
    const result = await page.evaluate(pageBench, { posts, rounds, warmup });
    const ours = summarise(result.samples.ours);
    const baseline = summarise(result.samples.baseline);
    const first = summarise(result.samples.first);
    const firstComplete = summarise(result.samples.firstComplete);
    const narrowing = summarise(result.samples.narrowing);
    const { ratio, pairedRatio } = ratios(ours, baseline);
    const notes = [
      `archive-list: ${posts.toLocaleString('en')} posts in ${result.years.length} years; ${rounds} interleaved rounds in ${result.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}` +
        `${result.gcExposed ? ', GC between samples' : ''}`,
      `archive-list render ratio from per-round pairs: ${pairedRatio.toFixed(2)}x`,
      `archive-list keystroke "a" (from an empty box) lists ${result.matchesOfA.toLocaleString('en')} posts: first pass laid out in ${fmt(first.median)} ms, ` +
        `all passes ${fmt(firstComplete.median)} ms (${spread(firstComplete)}); narrowing keystrokes ("ad", "ada") ${fmt(narrowing.median)} ms (${spread(narrowing)})`,
    ];
    if (!result.sameYears) {
      notes.push(`WARNING: the two sides show different years or counts; the timings compare different work: ${JSON.stringify(result.years.slice(0, 3))} vs ${JSON.stringify(result.baselineYears.slice(0, 3))}`);
    }
    if (pageErrors.length) notes.push(`page errors: ${pageErrors.join('; ')}`);
    return {
      rows: [
        {
          section: `archive-list, ${posts.toLocaleString('en')} posts`,
          measure: 'ours / innerHTML of all posts',
          ours: fmt(ours.median),
          baseline: fmt(baseline.median),
          result: `${ratio.toFixed(2)}x`,
          goal: `<= ${GOAL_RATIO.toFixed(2)}x`,
          status: status(ratio <= GOAL_RATIO),
          gc: '',
          spread: `${spread(ours)} / ${spread(baseline)}`,
        },
        {
          section: 'archive-list filter keystroke',
          measure: 'first letter, until laid out',
          ours: fmt(first.median),
          baseline: '',
          result: `${fmt(first.median)} ms`,
          goal: `<= ${GOAL_KEYSTROKE_MS} ms`,
          status: status(first.median <= GOAL_KEYSTROKE_MS),
          gc: '',
          spread: spread(first),
        },
      ],
      notes,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

// Run on its own: print the rows the way run.mjs does.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bundle = process.argv[2];
  const { rows, notes } = await runArchiveBench(bundle ? { bundle } : {});
  printReport(rows, notes);
}

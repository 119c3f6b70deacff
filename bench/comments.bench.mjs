// The first paint of a comment thread: 10 000 comments against 50, side by
// side in one browser, rounds interleaved. The time is from setting
// `comments` to the first frame after the list has rendered (its
// updateComplete, then a requestAnimationFrame): what a reader waits for.
//
// Then 200 large comments (about 9 500 characters each, 120 formulas, all on
// show) against 50 small ones: the first paint, and the longest time the page
// went without a frame until every body was rendered (the gap between two
// animation frames: a task that long would have delayed a click or a scroll).
// Every round's comments have new ids and new formulas, so neither the list's
// cache nor KaTeX's helps.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { median } from './harness.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const page = `<!doctype html><html lang="en"><meta charset="utf-8"><body>
<comment-list></comment-list>
<script type="module">
  import '/dist/sciblog-elements.js';
  const list = document.querySelector('comment-list');
  await customElements.whenDefined('comment-list');
  // The renderers load once, before timing: both threads pay the same.
  list.comments = [{ id: 'w', author: 'w', date: '2024-01-01', body: '$w$' }];
  await list.updateComplete;
  window.firstPaint = async (n) => {
    const comments = Array.from({ length: n }, (_, i) => ({
      id: String(i + 1), author: 'Reader ' + (i + 1), date: new Date(Date.UTC(2024, 0, 1) + i * 60000).toISOString(),
      body: 'Comment ' + (i + 1) + ' with $x_{' + i + '}^2 + \\\\frac{a}{b}$ and some words after it.',
      ...(i % 5 === 4 ? { parent: String(i) } : {}),
    }));
    list.comments = [];
    await list.updateComplete;
    const start = performance.now();
    list.comments = comments;
    await list.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { ms: performance.now() - start, shown: list.shadowRoot.querySelectorAll('[part="comment"]').length };
  };
  window.ready = true;
</script>`;

// String.raw: the TeX's backslashes reach the page as written.
const largePage = String.raw`<!doctype html><html lang="en"><meta charset="utf-8"><body>
<comment-list window="200"></comment-list>
<script type="module">
  import '/dist/sciblog-elements.js';
  const list = document.querySelector('comment-list');
  await customElements.whenDefined('comment-list');
  list.comments = [{ id: 'w', author: 'w', date: '2024-01-01', body: '$w$' }];
  await list.updateComplete;
  const largeBody = (round, i) => {
    let body = '';
    for (let k = 0; body.length < 9400; k++) {
      body += 'Step ' + k + ' of reply ' + i + ': we bound $\\sum_{j=1}^{' + (k + i) + '} a_j x^{' + round + '} \\le \\frac{C_{' + i + '}}{' + (k + 1) + '}$ for every $n > ' + k + '$, ' +
        'and the rest follows from the estimate above, as the post says in its second section.\n\n';
      if (k % 4 === 3) body += '$$\\int_0^{' + k + '} f_{' + i + '}(t)\\,dt = \\sqrt{' + (round + k) + '}$$\n\n';
    }
    return body;
  };
  const records = (round, n, body) => Array.from({ length: n }, (_, i) => ({
    id: round + '-' + i, author: 'Reader ' + i, date: new Date(Date.UTC(2024, 0, 1) + i * 60000).toISOString(), body: body(round, i),
  }));
  const smallBody = (round, i) => 'Comment ' + i + ' with $x_{' + i + '}^{' + round + '} + \\frac{a}{b}$ and some words after it.';
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const renderedBodies = () => [...list.shadowRoot.querySelectorAll('[part="body"]')].filter((body) => body.querySelector('.katex')).length;
  window.paintLarge = async (round, kind) => {
    const comments = kind === 'large' ? records(round, 200, largeBody) : records(round, 50, smallBody);
    list.comments = [];
    await list.updateComplete;
    await frame();
    const frames = [];
    let running = true;
    const tick = (time) => {
      frames.push(performance.now());
      if (running) requestAnimationFrame(tick);
    };
    const start = performance.now();
    list.comments = comments;
    requestAnimationFrame(tick);
    await frame();
    const firstPaint = performance.now() - start;
    const atFirstPaint = renderedBodies();
    await list.updateComplete;
    await frame();
    running = false;
    const end = performance.now();
    const times = [start, ...frames, end];
    let longest = 0;
    for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i] - times[i - 1]);
    return { firstPaint, longest, total: end - start, atFirstPaint, rendered: renderedBodies(), chars: comments.reduce((sum, c) => sum + c.body.length, 0) };
  };
  window.ready = true;
</script>`;

export async function commentThreads({ rounds = 7, executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium' } = {}) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (pathname === '/large') return response.writeHead(200, { 'content-type': 'text/html' }).end(largePage);
    try {
      const file = path.join(root, pathname);
      if (!file.startsWith(path.join(root, 'dist'))) throw new Error('outside');
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction('window.ready === true', { timeout: 60_000 });
    const times = { 50: [], 10000: [] };
    let shown = {};
    for (let round = 0; round < rounds; round++) {
      for (const n of round % 2 ? [50, 10000] : [10000, 50]) {
        const result = await tab.evaluate((count) => window.firstPaint(count), n);
        times[n].push(result.ms);
        shown[n] = result.shown;
      }
    }
    const large = await largeComments(browser, `http://127.0.0.1:${server.address().port}/large`, rounds);
    const small = median(times[50]);
    const many = median(times[10000]);
    const ratio = many / small;
    const goal = 1.5;
    return {
      rows: [
        {
          section: 'comment thread, first paint',
          measure: '10 000 comments / 50',
          ours: many.toFixed(1),
          baseline: small.toFixed(1),
          result: `${ratio.toFixed(2)}x`,
          goal: `<= ${goal.toFixed(2)}x`,
          status: ratio <= goal ? 'PASS' : 'MISS',
        },
        ...large.rows,
      ],
      notes: [`comment thread: ${rounds} rounds; comments on screen after the first paint: ${shown[10000]} of 10 000, ${shown[50]} of 50 (one in five is a reply)`, ...large.notes],
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/** 200 large comments against 50 small ones, rounds interleaved: first paint, and the longest gap between frames until all are rendered. */
async function largeComments(browser, url, rounds) {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 800 });
  await tab.goto(url);
  await tab.waitForFunction('window.ready === true', { timeout: 60_000 });
  const runs = { large: [], small: [] };
  for (let round = 0; round < rounds; round++) {
    for (const kind of round % 2 ? ['small', 'large'] : ['large', 'small']) runs[kind].push(await tab.evaluate((r, k) => window.paintLarge(r, k), round + 1, kind));
  }
  await tab.close();
  const of = (kind, key) => median(runs[kind].map((run) => run[key]));
  const [large, small] = [runs.large.at(-1), runs.small.at(-1)];
  const paintRatio = of('large', 'firstPaint') / of('small', 'firstPaint');
  const gapRatio = of('large', 'longest') / of('small', 'longest');
  const paintGoal = 2;
  const gapGoal = 2;
  return {
    rows: [
      {
        section: 'large comments, first paint',
        measure: '200 x 9,500 chars / 50 small',
        ours: of('large', 'firstPaint').toFixed(1),
        baseline: of('small', 'firstPaint').toFixed(1),
        result: `${paintRatio.toFixed(2)}x`,
        goal: `<= ${paintGoal.toFixed(2)}x`,
        status: paintRatio <= paintGoal ? 'PASS' : 'MISS',
      },
      {
        section: 'large comments, longest frame gap',
        measure: '200 x 9,500 chars / 50 small',
        ours: of('large', 'longest').toFixed(1),
        baseline: of('small', 'longest').toFixed(1),
        result: `${gapRatio.toFixed(2)}x`,
        goal: `<= ${gapGoal.toFixed(2)}x`,
        status: gapRatio <= gapGoal ? 'PASS' : 'MISS',
      },
    ],
    notes: [
      `large comments: ${rounds} rounds; ${(large.chars / 1e6).toFixed(2)} M characters in ${large.rendered} bodies, ${large.atFirstPaint} rendered at the first paint, ` +
        `all after ${of('large', 'total').toFixed(0)} ms (50 small: ${small.atFirstPaint} of ${small.rendered} at the first paint, all after ${of('small', 'total').toFixed(0)} ms)`,
    ],
  };
}

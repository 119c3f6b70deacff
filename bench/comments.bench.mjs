// The first paint of a comment thread: 10 000 comments against 50, side by
// side in one browser, rounds interleaved. The time is from setting
// `comments` to the first frame after the list has rendered (its
// updateComplete, then a requestAnimationFrame): what a reader waits for.
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

export async function commentThreads({ rounds = 7, executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium' } = {}) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/') return response.writeHead(200, { 'content-type': 'text/html' }).end(page);
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
    const small = median(times[50]);
    const large = median(times[10000]);
    const ratio = large / small;
    const goal = 1.5;
    return {
      rows: [
        {
          section: 'comment thread, first paint',
          measure: '10 000 comments / 50',
          ours: large.toFixed(1),
          baseline: small.toFixed(1),
          result: `${ratio.toFixed(2)}x`,
          goal: `<= ${goal.toFixed(2)}x`,
          status: ratio <= goal ? 'PASS' : 'MISS',
        },
      ],
      notes: [`comment thread: ${rounds} rounds; comments on screen after the first paint: ${shown[10000]} of 10 000, ${shown[50]} of 50 (one in five is a reply)`],
    };
  } finally {
    await browser.close();
    server.close();
  }
}

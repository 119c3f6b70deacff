// The demo pages in Debian's Chromium, for the accessibility and overflow
// tests and the screenshot script: a static server over the repository (the
// demo loads ../dist/), a browser, and each page opened in a given theme,
// language and width, once its elements have finished rendering.
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = new URL('../', import.meta.url).pathname;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * Every page of the demo (each HTML file, and the article page with each
 * sample post) as paths under /demo/, and the plain-HTML example.
 */
export async function demoPages() {
  const html = (await readdir(join(root, 'demo'))).filter((name) => name.endsWith('.html')).sort();
  const posts = (await readdir(join(root, 'demo/posts'))).filter((name) => name.endsWith('.md') && name !== 'broken.md');
  const articles = posts.map((name) => `article.html?post=${name.slice(0, -'.md'.length)}`);
  return [...[...html.filter((name) => name !== 'article.html'), ...articles].map((page) => `/demo/${page}`), '/examples/plain.html'];
}

/**
 * Whether `page` has the demo's header, with its language and theme
 * switches. A page without it (the plain example) is in one language, and
 * follows the system's colour scheme.
 */
export const hasSiteControls = (page) => page.startsWith('/demo/');

/** Serves the repository's files; `close()` stops it. */
export async function serveRepository() {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    try {
      const body = await readFile(join(root, path));
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

export function launchChromium() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--font-render-hinting=none'],
  });
}

// In the page: true once every element has rendered and no element still shows a loading message
// (nor, with `typeset`, a formula still to be typeset: post-body typesets those near the viewport).
const settled = async (typeset) => {
  const all = (node, found = []) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) all(element.shadowRoot, found);
    }
    return found;
  };
  const elements = all(document).filter((element) => element.localName.includes('-'));
  if (elements.some((element) => !customElements.get(element.localName))) return false;
  const pending = await Promise.all(elements.map((element) => element.updateComplete ?? true));
  if (pending.some((done) => done === false)) return false;
  const loading = elements.some((element) => element.shadowRoot?.querySelector(typeset ? '[part~="status"][aria-busy="true"], .sb-tex' : '[part~="status"][aria-busy="true"]'));
  await document.fonts.ready;
  return !loading;
};

/**
 * Opens `page` (from `demoPages()`) in a new tab of `browser`, in `theme`
 * (`light`, `dark`, `system`, or null for the page's own choice; the system
 * is set to `scheme`, and on a page without the demo's switches to `theme`),
 * `lang` (`zh-CN` or `en`) and a viewport `width` px wide, and resolves with
 * the tab once the page has finished rendering; with `whole`, the viewport is
 * then made as tall as the page, so that every formula is typeset.
 */
export async function openDemoPage(browser, base, page, { theme = 'light', scheme = 'light', lang = 'zh-CN', width = 1280, whole = false } = {}) {
  const tab = await browser.newPage();
  const failed = [];
  failedRequests.set(tab, failed);
  tab.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await tab.setViewport({ width, height: 900 });
  const controls = hasSiteControls(page);
  await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: !controls && (theme === 'light' || theme === 'dark') ? theme : scheme }]);
  const url = new URL(page, base);
  if (controls && theme) url.searchParams.set('theme', theme);
  if (controls) url.searchParams.set('lang', lang);
  await tab.goto(url.href, { waitUntil: 'networkidle0' });
  await waitUntilSettled(tab, page, false);
  if (whole) {
    await tab.setViewport({ width, height: await tab.evaluate(() => document.documentElement.scrollHeight) });
    await waitUntilSettled(tab, page, true);
  }
  return tab;
}

const failedRequests = new WeakMap();

/**
 * The requests of a tab opened by `openDemoPage` that the server answered
 * with an error (4xx or 5xx), as `404 /demo/missing.json` lines, in order.
 */
export const failedRequestsOf = (tab) => [...(failedRequests.get(tab) ?? [])];

/** Makes the tab's viewport `width` px wide and resolves once the page has laid itself out again. */
export async function resizeDemoPage(tab, page, width) {
  await tab.setViewport({ width, height: 900 });
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await waitUntilSettled(tab, page, false);
}

async function waitUntilSettled(tab, page, typeset) {
  // Two quiet checks in a row: a post-body renders in slices between which nothing is loading.
  for (let quiet = 0, checks = 0; quiet < 2; checks++) {
    if (checks > 400) throw new Error(`${page} did not finish rendering`);
    quiet = (await tab.evaluate(settled, typeset)) ? quiet + 1 : 0;
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * In the page: what overflows horizontally, as `tag.class: why` lines. An
 * element may stick out of the viewport only inside an ancestor that clips
 * or scrolls it; and only formulas, code and tables may scroll sideways.
 */
export function horizontalOverflow() {
  const width = document.documentElement.clientWidth;
  const found = [];
  const name = (element) => `${element.localName}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}${element.part?.length ? `[part=${element.part.value}]` : ''}`;
  const mayScroll = (element) => element.matches('pre, table, .sb-equation, .katex-display, [part~="formula"], .sb-code, .sb-preview-body');
  if (document.documentElement.scrollWidth > width) found.push(`the page: ${document.documentElement.scrollWidth}px wide in a ${width}px viewport`);
  const visit = (root, clipped) => {
    for (const element of root.children) {
      const style = getComputedStyle(element);
      if (style.display === 'none') continue;
      const rect = element.getBoundingClientRect();
      const visible = rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.position !== 'fixed';
      if (visible && !clipped && (rect.right > width + 0.5 || rect.left < -0.5)) found.push(`${name(element)}: from ${Math.round(rect.left)} to ${Math.round(rect.right)}px`);
      const clips = style.overflowX !== 'visible';
      if (clips && /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1 && !mayScroll(element)) {
        found.push(`${name(element)}: scrolls sideways (${element.scrollWidth}px in ${element.clientWidth}px)`);
      }
      const inside = clipped || clips;
      if (element.shadowRoot) visit(element.shadowRoot, inside);
      visit(element, inside);
    }
  };
  visit(document.body, false);
  return found;
}

const axeSource = new URL('../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

/** axe-core's violations on the tab's page, each as `rule: target, target…`. */
export async function axeViolations(tab) {
  await tab.addScriptTag({ path: axeSource });
  const violations = await tab.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' >> ')) })));
  return violations.map(({ id, help, targets }) => `${id} (${help}): ${targets.join(', ')}`);
}

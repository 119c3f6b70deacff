// Screenshots of every demo page in light and dark, zh and en, 375 px and
// 1280 px wide, into a folder (default .scratch/screenshots/), to look at.
// Needs a build: `npm run build && node scripts/screenshot-demo.mjs [folder]`.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { demoPages, hasSiteControls, launchChromium, openDemoPage, serveRepository } from './demo-pages.mjs';

const folder = process.argv[2] ?? new URL('../.scratch/screenshots/', import.meta.url).pathname;
await mkdir(folder, { recursive: true });
const server = await serveRepository();
const browser = await launchChromium();
try {
  for (const page of await demoPages()) {
    for (const theme of ['light', 'dark']) {
      // A page without the demo's switches (the plain example) is in one language.
      for (const lang of hasSiteControls(page) ? ['zh-CN', 'en'] : ['en']) {
        for (const width of [375, 1280]) {
          const tab = await openDemoPage(browser, server.url, page, { theme, lang, width, whole: true });
          const name = `${page.replace(/^\/(demo|examples)\//, '').replace('.html', '').replace(/\W+/g, '-')}-${theme}-${lang}-${width}.png`;
          // The viewport is already the page's height: a capture beyond it would paint the blocks
          // that content-visibility skips off screen as blank.
          await tab.screenshot({ path: join(folder, name), fullPage: true, captureBeyondViewport: false });
          await tab.close();
          console.log(name);
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

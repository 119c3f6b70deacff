// examples/plain.html works with the classic script alone, opened from disk
// (where module scripts do not load) and from a static server: the article's
// equation is numbered and referenced, the hand-written formula typeset.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { launchChromium, serveRepository } from '../../scripts/demo-pages.mjs';

let server;
let browser;
before(async () => {
  server = await serveRepository();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const page = new URL('../../examples/plain.html', import.meta.url);

for (const [where, url] of [['opened from disk', () => page.href], ['served', () => new URL('/examples/plain.html', server.url).href]]) {
  it(`renders every tag when ${where}`, async () => {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('pageerror', (error) => problems.push(error.message));
    tab.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    try {
      await tab.goto(url(), { waitUntil: 'load' });
      await tab.waitForFunction(() => document.querySelector('post-body')?.shadowRoot?.querySelector('[part="content"] .katex'));
      const shown = await tab.evaluate(async () => {
        await document.querySelector('post-body').updateComplete;
        const body = document.querySelector('post-body').shadowRoot;
        return {
          references: [...body.querySelectorAll('a[href="#eq-eq:euler"]')].map((link) => link.textContent.trim()),
          inline: Boolean(document.querySelector('math-block').shadowRoot?.querySelector('.katex')),
          card: document.querySelector('post-card').shadowRoot?.querySelector('[part="title"]')?.textContent.trim(),
          cite: Boolean(document.querySelector('post-cite').shadowRoot?.textContent.includes('The Basel problem')),
          errors: body.querySelectorAll('.sb-math-error').length,
        };
      });
      assert.deepEqual(shown, { references: ['(1)', '(1)'], inline: true, card: 'The Basel problem, by Euler', cite: true, errors: 0 });
      assert.deepEqual(problems, []);
    } finally {
      await tab.close();
    }
  });
}

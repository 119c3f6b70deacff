/**
 * The README's HTML samples, pasted into a page with the elements defined,
 * work as written: every element in them upgrades and shows something, and
 * nothing throws. (A sample's `src` may point at a server this page does not
 * have; then the element must show its error state, not break.)
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';

const readme = await (await fetch('/README.md')).text();
const samples = [...readme.matchAll(/^```html\n([\s\S]*?)^```$/gm)].map((match) => ({
  code: match[1],
  line: readme.slice(0, match.index).split('\n').length,
}));

/** Puts a sample into the page; inline module scripts run, scripts that load the library (already here) do not. */
async function paste(code: string): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div lang="zh"></div>`);
  host.innerHTML = code;
  for (const old of host.querySelectorAll('script:not([type="text/markdown"])')) {
    const script = document.createElement('script');
    if (old.hasAttribute('src')) {
      old.remove();
      continue;
    }
    script.type = old.getAttribute('type') ?? '';
    script.textContent = old.textContent;
    old.replaceWith(script);
  }
  return host;
}

describe('README HTML samples', () => {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  before(() => window.addEventListener('error', onError));
  after(() => window.removeEventListener('error', onError));

  it('there are samples to try', () => {
    expect(samples.length).to.be.greaterThan(3);
  });

  for (const { code, line } of samples.filter((sample) => !/<[a-z]+-[a-z-]+/.test(sample.code))) {
    it(`the script the sample at line ${line} loads is one the build makes`, async () => {
      const sources = [...code.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1].split('/').pop());
      expect(sources.length).to.be.greaterThan(0);
      for (const file of sources) expect((await fetch(`/dist/${file}`, { method: 'HEAD' })).ok, file).to.equal(true);
    });
  }

  for (const { code, line } of samples.filter((sample) => /<[a-z]+-[a-z-]+/.test(sample.code))) {
    it(`the sample at line ${line} upgrades every element and shows each`, async () => {
      const host = await paste(code);
      const elements = [...host.querySelectorAll('*')].filter((element) => element.localName.includes('-'));
      expect(elements.length, 'elements in the sample').to.be.greaterThan(0);
      for (const element of elements) {
        expect(customElements.get(element.localName), `${element.localName} is defined`).to.exist;
        await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      }
      // A src that cannot load ends in the element's error state; give fetches time to fail.
      await waitUntil(() => elements.every((element) => (element.shadowRoot?.textContent ?? '').trim() !== '' || element.shadowRoot?.querySelector('*')), 'every element shows something', { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors, 'uncaught errors').to.deep.equal([]);
    });
  }

  it('the hand-written post-card sample shows its math typeset', async () => {
    const sample = samples.find(({ code }) => code.includes('<post-card'))!;
    const host = await paste(sample.code);
    const card = host.querySelector('post-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('post-excerpt')?.shadowRoot?.querySelector('.katex'), 'the excerpt has KaTeX');
  });
});

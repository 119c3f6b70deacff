import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/site-search.js';
import type { SiteSearchElement } from '../../../src/site-search.js';

// The demo's posts, prerendered and indexed by `prerender --search` when the test server first
// serves /tests/pagefind-site/ (see web-test-runner.config.mjs).
const bundle = '/tests/pagefind-site/pagefind';

const part = (el: SiteSearchElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const results = (el: SiteSearchElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="result"]')];
const titles = (el: SiteSearchElement) => results(el).map((item) => item.querySelector('[part="title"]')!.textContent);
const hrefs = (el: SiteSearchElement) => results(el).map((item) => item.getAttribute('href'));

async function search(el: SiteSearchElement, text: string) {
  const input = part(el, 'input') as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('site-search with a Pagefind bundle', () => {
  before(async function () {
    // Prerendering the demo and running Pagefind over it, on the first request.
    this.timeout(240_000);
    const response = await fetch(`${bundle}/pagefind-entry.json`);
    expect(response.status, 'the test server built the Pagefind bundle').to.equal(200);
  });
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('loads Pagefind only when the field is focused, and finds an English phrase', async () => {
    const loaded = () => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(`${bundle}/pagefind.js`)).length;
    const el = await fixture<SiteSearchElement>(html`<site-search lang="en" pagefind=${bundle}></site-search>`);
    expect(loaded()).to.equal(0);
    await search(el, 'random walk');
    expect(loaded()).to.equal(1);
    expect(titles(el)).to.deep.equal(['How Long Does a Random Walk Take to Leave an Interval?']);
    expect(hrefs(el)[0]).to.match(/en-random-walk\.html$/);
    expect([...part(el, 'snippet')!.querySelectorAll('mark')].map((mark) => mark.textContent!.toLowerCase())).to.include('walk');
    expect(part(el, 'status')!.textContent).to.equal('1 post found');
  });

  it('finds Chinese words inside a run of text without spaces, from a page in any language', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="en" pagefind=${bundle}></site-search>`);
    // 归一化 stands in 用归一化条件: Pagefind alone reads the run as one word and finds only its beginning.
    for (const query of ['温度', '归一化', '期望分数']) {
      await search(el, query);
      expect(titles(el), query).to.deep.equal(['从最大熵原理推导Softmax']);
      const marked = [...part(el, 'snippet')!.querySelectorAll('mark')].map((mark) => mark.textContent).join('');
      expect(marked, query).to.match(/[\u4e00-\u9fff]/);
      expect(part(el, 'snippet')!.textContent, 'no spaces left between Chinese words').not.to.match(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    }
  });

  it('renders the formulas of Pagefind\'s excerpts', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" pagefind=${bundle}></site-search>`);
    await search(el, '温度');
    expect(part(el, 'snippet')!.querySelector('.katex annotation')?.textContent).to.equal(String.raw`\tau = 1/\beta`);
    expect(part(el, 'snippet')!.textContent).not.to.contain('\\(');
  });

  it('says so when nothing is found', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" pagefind=${bundle}></site-search>`);
    await search(el, '量子纠缠');
    expect(results(el)).to.have.length(0);
    expect(part(el, 'status')!.textContent).to.equal('没有找到“量子纠缠”相关的文章。');
  });

  it('says what went wrong when the bundle is not there', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="en" pagefind="/tests/no-such-bundle"></site-search>`);
    await search(el, 'walk');
    expect(part(el, 'status')!.textContent).to.match(/^Search is not available \(.*\/tests\/no-such-bundle\/pagefind\.js/);
  });
});

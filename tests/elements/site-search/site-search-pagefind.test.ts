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
    // The post about it first, then the one that mentions it.
    expect(titles(el)).to.deep.equal(['How Long Does a Random Walk Take to Leave an Interval?', 'Waiting for Two Heads in a Row']);
    expect(hrefs(el)[0]).to.match(/en-random-walk\.html$/);
    expect([...part(el, 'snippet')!.querySelectorAll('mark')].map((mark) => mark.textContent!.trim().toLowerCase())).to.include('walk');
    expect(part(el, 'status')!.textContent).to.equal('2 posts found');
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

  it('renders the formulas of its snippets', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" pagefind=${bundle}></site-search>`);
    await search(el, '温度');
    // The window around the post's first 温度 has formulas of its own ($n$ among them).
    expect([...part(el, 'snippet')!.querySelectorAll('.katex annotation')].map((tex) => tex.textContent)).to.include('n');
    expect(part(el, 'snippet')!.textContent).to.contain('温度');
    expect(part(el, 'snippet')!.textContent).not.to.contain('\\(');
  });

  it('finds the demo\'s feed posts, Chinese words whole: 矩阵 and 低秩近似 find the post on low-rank approximation', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" pagefind=${bundle}></site-search>`);
    for (const query of ['矩阵', '低秩近似']) {
      await search(el, query);
      expect(titles(el)[0], query).to.equal('用奇异值分解做矩阵的低秩近似');
      expect(part(el, 'snippet')!.textContent, query).to.contain(query);
    }
  });

  it('cuts its snippets from the page like the feed\'s: a TeX query shows its formulas whole, rendered and marked', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" pagefind=${bundle}></site-search>`);
    await search(el, '\\sigma');
    expect(titles(el)).to.have.members(['用奇异值分解做矩阵的低秩近似', '固定方差的最大熵分布：正态分布', 'Sigmoid从何而来：两个正态类别的后验概率']);
    for (const snippet of el.shadowRoot!.querySelectorAll<HTMLElement>('[part="snippet"]')) {
      const marked = [...snippet.querySelectorAll('mark.sb-search-formula annotation')].map((tex) => tex.textContent);
      expect(marked.some((tex) => tex!.includes('\\sigma')), snippet.textContent!).to.equal(true);
      const prose = snippet.cloneNode(true) as HTMLElement;
      for (const formula of prose.querySelectorAll('.katex')) formula.remove();
      expect(prose.textContent, 'no TeX outside the formulas').not.to.match(/\\[a-zA-Z]|\{|\}/);
    }
  });

  it('lists only pages that hold every word, not Pagefind\'s matches of a piece of one', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="en" pagefind=${bundle}></site-search>`);
    // Pagefind alone finds the b of formulas in five posts, and the 量 of 量纲.
    for (const query of ['blackhole', '量子', 'random blackhole']) {
      await search(el, query);
      expect(titles(el), query).to.deep.equal([]);
    }
  });

  it('shows no piece of a formula Pagefind cut off at either end of its excerpt', async () => {
    const el = await fixture<SiteSearchElement>(html`<site-search lang="en" pagefind=${new URL('./fixtures/cut-formulas-pagefind', import.meta.url).pathname}></site-search>`);
    await search(el, 'and');
    const [cut, display] = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="snippet"]')];
    // What is left outside the rendered formulas is text a reader can read: no TeX.
    const prose = (snippet: HTMLElement) => {
      const copy = snippet.cloneNode(true) as HTMLElement;
      for (const formula of copy.querySelectorAll('.katex')) formula.replaceWith('□');
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    };
    const whole = ['a', 'b = 0', 'm_0 = 0', 'm_N = 0', String.raw`\begin{align} m_{k+1} &= \tfrac12 m_k + \tfrac12 m_{k+2} + b \nonumber\\ m_k &= k(N - k) \tag{4}\end{align}`];
    for (const tex of cut.querySelectorAll('.katex annotation')) expect(whole, 'a whole formula').to.include(tex.textContent!.trim());
    expect(prose(cut)).to.contain('The constants □ and b are fixed by the boundary conditions: □ forces □');
    expect(prose(cut)).not.to.match(/\\[a-zA-Z]|[{}&]/);
    expect(display.querySelector('.katex-display annotation')?.textContent).to.contain(String.raw`\begin{equation}`);
    expect(display.querySelector('.katex-error, .sb-math-error')).to.equal(null);
    expect(prose(display)).to.equal('… the temperature □ and then let □.');
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

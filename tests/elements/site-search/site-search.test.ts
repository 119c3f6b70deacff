import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/site-search.js';
import type { Post } from '../../../src/core/post.js';
import type { SiteSearchElement, SiteSearchSelectEvent } from '../../../src/site-search.js';

const feedUrl = new URL('./fixtures/feed.json', import.meta.url).href;

const posts: Post[] = [
  { id: 'svd', url: '/archives/svd', title: '矩阵分解与低秩近似', date: '2024-03-01', authors: [], tags: ['线性代数'], contentText: String.raw`保留最大的奇异值 $\sigma_i$ 就得到最优的低秩近似。` },
  { id: 'softmax', url: '/archives/softmax', title: 'Softmax 的温度', date: '2024-02-01', authors: [], tags: ['attention'], contentHtml: '<p>The temperature $\\tau$ sharpens the distribution.</p>' },
  { id: 'attention', url: '/archives/attention', title: 'Attention', date: '2024-01-01', authors: [], tags: [], contentText: 'Attention uses a softmax too.' },
];

const part = (el: SiteSearchElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const results = (el: SiteSearchElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="result"]')];
const titles = (el: SiteSearchElement) => results(el).map((item) => item.querySelector('[part="title"]')!.textContent);
const hrefs = (el: SiteSearchElement) => results(el).map((item) => item.getAttribute('href'));
const input = (el: SiteSearchElement) => part(el, 'input') as HTMLInputElement;

async function typeInto(el: SiteSearchElement, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

function setQueryInUrl(query: string | undefined) {
  const url = new URL(location.href);
  if (query === undefined) url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  history.replaceState(null, '', url);
}

describe('site-search', () => {
  afterEach(() => setQueryInUrl(undefined));

  describe('searching posts', () => {
    it('shows the posts a Chinese query finds, with the snippet\'s math rendered and the words marked', async function () {
      this.timeout(60_000);
      const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" .posts=${posts}></site-search>`);
      await typeInto(el, '低秩');
      expect(titles(el)).to.deep.equal(['矩阵分解与低秩近似']);
      const snippet = part(el, 'snippet')!;
      expect(snippet.querySelector('.katex annotation')?.textContent).to.equal(String.raw`\sigma_i`);
      expect([...snippet.querySelectorAll('mark')].map((mark) => mark.textContent)).to.include('低秩');
      expect(hrefs(el)).to.deep.equal(['/archives/svd']);
      expect(part(el, 'date')!.textContent).to.equal('2024年3月1日');
      expect(part(el, 'tags')!.textContent).to.contain('线性代数');
      expect(part(el, 'status')!.textContent).to.equal('找到 1 篇文章');
    });

    it('finds English, mixed and TeX queries: "softmax 温度", "\\sigma", "temperature"', async () => {
      const el = await fixture<SiteSearchElement>(html`<site-search lang="en" .posts=${posts}></site-search>`);
      await typeInto(el, 'softmax 温度');
      expect(titles(el)[0]).to.equal('Softmax 的温度');
      expect(titles(el)).to.include('Attention');
      input(el).select();
      await typeInto(el, '\\sigma');
      expect(titles(el)).to.deep.equal(['矩阵分解与低秩近似']);
      expect(part(el, 'snippet')!.querySelector('mark.sb-search-formula .katex')).to.exist;
      input(el).select();
      await typeInto(el, 'temperature');
      expect(titles(el)).to.deep.equal(['Softmax 的温度']);
      expect(part(el, 'status')!.textContent).to.equal('1 post found');
    });

    it('marks the query in every snippet: an English word after Chinese, a hit only in the summary', async () => {
      const chinese: Post[] = [
        { id: 'sigmoid', url: '/archives/sigmoid', title: 'Sigmoid从何而来', date: '2024-03-05', authors: [], tags: [], contentText: `${'先写一些别的内容。'.repeat(20)}类别多于两个时，同样的推导会给出Softmax。` },
        { id: 'gauss', url: '/archives/gauss', title: '最大熵与正态分布', date: '2024-11-23', authors: [], tags: [], summary: '上一篇我们从最大熵原理得到了Softmax。', contentText: '正文讲连续的情形。'.repeat(20) },
      ];
      const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" .posts=${chinese}></site-search>`);
      await typeInto(el, 'softmax');
      expect(titles(el)).to.have.members(['Sigmoid从何而来', '最大熵与正态分布']);
      for (const snippet of el.shadowRoot!.querySelectorAll('[part="snippet"]')) {
        expect([...snippet.querySelectorAll('mark')].map((mark) => mark.textContent), snippet.textContent!).to.deep.equal(['Softmax']);
      }
    });

    it('says so when nothing is found, in Chinese and in English', async () => {
      const zh = await fixture<SiteSearchElement>(html`<site-search lang="zh" .posts=${posts}></site-search>`);
      await typeInto(zh, '量子');
      expect(results(zh)).to.have.length(0);
      expect(part(zh, 'status')!.textContent).to.equal('没有找到“量子”相关的文章。');
      setQueryInUrl(undefined);
      const en = await fixture<SiteSearchElement>(html`<site-search lang="en" .posts=${posts}></site-search>`);
      await typeInto(en, 'quantum');
      expect(part(en, 'status')!.textContent).to.equal('No posts found for “quantum”.');
    });

    it('is a combobox whose live region says how many posts were found', async () => {
      const el = await fixture<SiteSearchElement>(html`<site-search lang="en" .posts=${posts}></site-search>`);
      expect(input(el).getAttribute('role')).to.equal('combobox');
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      await typeInto(el, 'softmax');
      expect(input(el).getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.getElementById(input(el).getAttribute('aria-controls')!)!.getAttribute('role')).to.equal('listbox');
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      expect(part(el, 'status')!.textContent).to.equal('2 posts found');
      await expect(el).shadowDom.to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('focuses the field on /, but not while the reader types elsewhere', async () => {
      const host = await fixture<HTMLDivElement>(html`<div><textarea></textarea><site-search .posts=${posts}></site-search></div>`);
      const el = host.querySelector('site-search')!;
      const textarea = host.querySelector('textarea')!;
      textarea.focus();
      await sendKeys({ press: '/' });
      expect(textarea.value).to.equal('/');
      textarea.blur();
      await sendKeys({ press: '/' });
      expect(el.shadowRoot!.activeElement).to.equal(input(el));
      expect(input(el).value).to.equal('');
    });

    it('chooses results with ↑/↓ and opens the chosen one with Enter', async () => {
      const el = await fixture<SiteSearchElement>(html`<site-search lang="en" .posts=${posts}></site-search>`);
      await typeInto(el, 'softmax');
      const selected = () => results(el).map((item) => item.getAttribute('aria-selected'));
      expect(selected()).to.deep.equal(['false', 'false']);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(selected()).to.deep.equal(['false', 'true']);
      expect(input(el).getAttribute('aria-activedescendant')).to.equal(results(el)[1].id);
      await sendKeys({ press: 'ArrowUp' });
      expect(selected()).to.deep.equal(['true', 'false']);
      let picked: SiteSearchSelectEvent | undefined;
      el.addEventListener('site-search-select', (event) => {
        picked = event;
        event.preventDefault();
      });
      await sendKeys({ press: 'Enter' });
      expect(picked?.url).to.equal(hrefs(el)[0]);
      expect(picked?.query).to.equal('softmax');
    });

    it('clears the query, the results and the URL on Esc', async () => {
      const el = await fixture<SiteSearchElement>(html`<site-search lang="en" .posts=${posts}></site-search>`);
      await typeInto(el, 'softmax');
      expect(new URL(location.href).searchParams.get('q')).to.equal('softmax');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(input(el).value).to.equal('');
      expect(results(el)).to.have.length(0);
      expect(new URL(location.href).searchParams.has('q')).to.equal(false);
    });
  });

  describe('the URL', () => {
    it('keeps the query in ?q= as it is typed, and shows its results on load', async () => {
      const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" .posts=${posts}></site-search>`);
      await typeInto(el, '矩阵');
      expect(new URL(location.href).searchParams.get('q')).to.equal('矩阵');
      // A reload, or a shared link: a new element on a page whose URL holds the query.
      const again = await fixture<SiteSearchElement>(html`<site-search lang="zh" .posts=${posts}></site-search>`);
      expect(input(again).value).to.equal('矩阵');
      expect(titles(again)).to.deep.equal(['矩阵分解与低秩近似']);
    });

    it('follows the query in the URL back and forward through the history', async () => {
      const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" .posts=${posts}></site-search>`);
      await typeInto(el, '矩阵');
      const withQuery = (query: string) => {
        const url = new URL(location.href);
        url.searchParams.set('q', query);
        return url;
      };
      history.pushState(null, '', withQuery('softmax'));
      history.pushState(null, '', withQuery('attention'));
      window.dispatchEvent(new PopStateEvent('popstate'));
      await el.updateComplete;
      expect(input(el).value).to.equal('attention');
      const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      history.back();
      await popped;
      await el.updateComplete;
      expect(input(el).value).to.equal('softmax');
      expect(titles(el)).to.deep.equal(['Softmax 的温度', 'Attention']);
    });
  });

  describe('a JSON Feed at src', () => {
    it('fetches the feed only when the field is first focused (or a query is in the URL), then searches it', async () => {
      const fetched = () => performance.getEntriesByType('resource').filter((entry) => entry.name === feedUrl).length;
      const before = fetched();
      const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" src=${feedUrl}></site-search>`);
      expect(fetched()).to.equal(before);
      await typeInto(el, '低秩近似');
      expect(fetched()).to.equal(before + 1);
      expect(titles(el)).to.deep.equal(['矩阵分解与低秩近似']);
      input(el).select();
      await typeInto(el, 'temperature');
      expect(titles(el)).to.deep.equal(['Softmax 的温度']);
      expect(part(el, 'snippet')!.querySelector('.katex')).to.exist;
    });

    it('says what went wrong when the feed cannot be loaded, and keeps what was typed', async () => {
      const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" src="/tests/no-such-feed.json"></site-search>`);
      await typeInto(el, '矩阵');
      expect(part(el, 'status')!.textContent).to.match(/^搜索暂不可用（.*\/tests\/no-such-feed\.json.*404/);
      expect(input(el).value).to.equal('矩阵');
    });
  });

  describe('a large feed', () => {
    it('is indexed in a worker, and finds the same posts', async function () {
      this.timeout(60_000);
      const filler = 'Words about nothing in particular, repeated to make the feed large. '.repeat(80);
      const many: Post[] = Array.from({ length: 120 }, (_, i) => ({
        id: `p${i}`,
        url: `/p/${i}`,
        title: i === 77 ? '矩阵分解的第七十七篇' : `Post ${i}`,
        date: '2024-01-01',
        authors: [],
        tags: [],
        contentText: filler,
      }));
      // Each worker started, with how many answers it sent back.
      const workers: { answers: number }[] = [];
      const RealWorker = window.Worker;
      window.Worker = class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          const worker = { answers: 0 };
          workers.push(worker);
          this.addEventListener('message', () => worker.answers++);
        }
      };
      try {
        const el = await fixture<SiteSearchElement>(html`<site-search lang="zh" .posts=${many}></site-search>`);
        await typeInto(el, '矩阵');
        expect(workers).to.have.length(1);
        expect(workers[0].answers).to.equal(1);
        expect(titles(el)).to.deep.equal(['矩阵分解的第七十七篇']);
        expect(part(el, 'snippet')!.textContent).to.contain('Words about nothing');
      } finally {
        window.Worker = RealWorker;
      }
    });
  });
});

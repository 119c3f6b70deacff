import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/archive-list.js';
import type { ArchiveListElement } from '../../../src/archive-list.js';
import type { Post } from '../../../src/core/post.js';

const fixtures = '/tests/elements/archive-list/fixtures';

const post = (id: string, title: string, date: string, tags: string[] = []): Post => ({ id, url: `/archives/${id}`, title, date, authors: [], tags });

const posts: Post[] = [
  post('1', 'Attention is all you need, revisited', '2022-11-30', ['Transformer']),
  post('2', '低秩近似之路：伪逆', '2024-09-15', ['矩阵']),
  post('3', 'RoPE的外推', '2024-03-02', ['Transformer', '位置编码']),
  post('4', '多模态位置编码：RoPE-Tie', '2024-09-06', ['Transformer', '位置编码']),
  post('5', '从熵不变性看Attention', '2023-12-20', ['Transformer']),
  post('6', '', '2023-12-01'),
];

async function archive(list: readonly Post[] = posts, lang = 'en'): Promise<ArchiveListElement> {
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang}><archive-list .posts=${list}></archive-list></div>`);
  const el = host.querySelector('archive-list')!;
  await el.updateComplete;
  return el;
}

const shadow = (el: ArchiveListElement) => el.shadowRoot!;
const part = (el: ArchiveListElement, name: string) => shadow(el).querySelector<HTMLElement>(`[part="${name}"]`);
const yearsOf = (el: ArchiveListElement) => [...shadow(el).querySelectorAll<HTMLDetailsElement>('[part="year"]')];
const yearOf = (el: ArchiveListElement, year: number) => yearsOf(el).find((details) => details.dataset.year === String(year))!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** Each year as its summary reads, with `open` or `closed`. */
const summaries = (el: ArchiveListElement) => yearsOf(el).map((details) => `${text(details.querySelector('summary'))} ${details.open ? 'open' : 'closed'}`);
const monthsOf = (details: Element) => [...details.querySelectorAll('[part="month"]')].map((month) => text(month.querySelector('.month-label')));
const titlesOf = (details: Element) => [...details.querySelectorAll('[part="post-link"]')].map(text);
const filterBox = (el: ArchiveListElement) => part(el, 'filter') as HTMLInputElement;

/** Types into the filter box one character at a time, as a reader does. */
function type(el: ArchiveListElement, value: string): void {
  const input = filterBox(el);
  for (let end = value === '' ? 0 : 1; end <= value.length; end++) {
    input.value = value.slice(0, end);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

async function chooseTag(el: ArchiveListElement, tag: string): Promise<void> {
  const select = part(el, 'tag-select') as HTMLSelectElement;
  select.value = tag;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function toggle(el: ArchiveListElement, year: number): Promise<void> {
  const details = yearOf(el, year);
  const wasOpen = details.open;
  details.querySelector('summary')!.click();
  await waitUntil(() => yearOf(el, year).open !== wasOpen && (yearOf(el, year).querySelector('[part="month"]') !== null) === !wasOpen, `${year} did not toggle`);
}

/** Deterministic posts spread over 2009–2024, every seventh about RoPE, every fifth tagged 矩阵. */
function manyPosts(count: number): Post[] {
  return Array.from({ length: count }, (_, i) => {
    const year = 2009 + (i % 16);
    const month = 1 + (Math.floor(i / 16) % 12);
    const day = 1 + (Math.floor(i / 192) % 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return post(String(i), i % 7 === 0 ? `RoPE note ${i}` : `Post number ${i}`, date, i % 5 === 0 ? ['矩阵'] : []);
  });
}

describe('archive-list', () => {
  describe('grouping', () => {
    it('groups posts by year and month, newest first, with counts', async () => {
      const el = await archive();
      expect(summaries(el)).to.deep.equal(['2024 (3 posts) open', '2023 (2 posts) closed', '2022 (1 post) closed']);
      expect(monthsOf(yearOf(el, 2024))).to.deep.equal(['September 2024 (2 posts)', 'March 2024 (1 post)']);
      expect(titlesOf(yearOf(el, 2024))).to.deep.equal(['低秩近似之路：伪逆', '多模态位置编码：RoPE-Tie', 'RoPE的外推']);
    });

    it('labels years and months in Chinese on a Chinese page', async () => {
      const el = await archive(posts, 'zh-CN');
      expect(summaries(el)).to.deep.equal(['2024年（3篇） open', '2023年（2篇） closed', '2022年（1篇） closed']);
      expect(monthsOf(yearOf(el, 2024))).to.deep.equal(['2024年9月（2篇）', '2024年3月（1篇）']);
      expect(shadow(el).querySelector('nav')!.getAttribute('aria-label')).to.equal('文章归档');
      expect(filterBox(el).placeholder).to.equal('按标题筛选');
    });

    it('renders no posts for a closed year until it is opened', async () => {
      const el = await archive();
      expect(yearOf(el, 2023).querySelector('[part="month"]')).to.not.exist;
      await toggle(el, 2023);
      expect(monthsOf(yearOf(el, 2023))).to.deep.equal(['December 2023 (2 posts)']);
      expect(titlesOf(yearOf(el, 2023))).to.deep.equal(['从熵不变性看Attention', 'Untitled']);
    });

    it('shows each post as its date and a link to it', async () => {
      const el = await archive();
      const item = yearOf(el, 2024).querySelector('li')!;
      expect(item.querySelector('time')!.textContent).to.equal('2024-09-15');
      expect(item.querySelector('time')!.getAttribute('datetime')).to.equal('2024-09-15');
      expect(item.querySelector('a')!.getAttribute('href')).to.equal('/archives/2');
    });

    it('keeps the years the reader opened or closed when the posts change', async () => {
      const el = await archive();
      await toggle(el, 2023);
      await toggle(el, 2024);
      el.posts = [...posts, post('7', 'Another one', '2024-01-05')];
      await el.updateComplete;
      expect(summaries(el)).to.deep.equal(['2024 (4 posts) closed', '2023 (2 posts) open', '2022 (1 post) closed']);
    });

    it('shows the no-posts message for an empty list', async () => {
      const el = await archive([]);
      expect(text(part(el, 'empty'))).to.equal('No posts yet.');
      expect(yearsOf(el)).to.have.length(0);
    });

    it('follows a change of the page language', async () => {
      const el = await archive();
      el.parentElement!.lang = 'zh';
      await waitUntil(() => summaries(el)[0] === '2024年（3篇） open', `summary reads ${summaries(el)[0]}`);
      expect(monthsOf(yearOf(el, 2024))[0]).to.equal('2024年9月（2篇）');
    });

    it('takes interface text from strings', async () => {
      const el = await archive();
      el.strings = { withCount: (label, n) => `${label} (${n} articles)` };
      await el.updateComplete;
      expect(summaries(el)[0]).to.equal('2024 (3 articles) open');
    });
  });

  describe('filtering', () => {
    it('filters by title as the reader types, updating counts and hiding empty months and years', async () => {
      const el = await archive();
      type(el, 'rope');
      await waitUntil(() => yearsOf(el).length === 1, 'filter was not applied');
      expect(summaries(el)).to.deep.equal(['2024 (2 posts) open']);
      expect(monthsOf(yearOf(el, 2024))).to.deep.equal(['September 2024 (1 post)', 'March 2024 (1 post)']);
      expect(titlesOf(yearOf(el, 2024))).to.deep.equal(['多模态位置编码：RoPE-Tie', 'RoPE的外推']);
    });

    it('finds full-width text typed in half-width and ignores case', async () => {
      const el = await archive([post('1', 'ＲｏＰＥ in full width', '2024-01-01'), post('2', 'Other', '2024-01-02')]);
      type(el, 'RoPe');
      await waitUntil(() => titlesOf(yearOf(el, 2024)).length === 1, 'filter was not applied');
      expect(titlesOf(yearOf(el, 2024))).to.deep.equal(['ＲｏＰＥ in full width']);
    });

    it('opens every year with a match while filtering, and restores the reader’s choices after', async () => {
      const el = await archive();
      await toggle(el, 2022);
      type(el, 'attention');
      await waitUntil(() => yearsOf(el).length === 2, 'filter was not applied');
      expect(summaries(el)).to.deep.equal(['2023 (1 post) open', '2022 (1 post) open']);
      expect(titlesOf(yearOf(el, 2023))).to.deep.equal(['从熵不变性看Attention']);
      type(el, '');
      await waitUntil(() => yearsOf(el).length === 3, 'filter was not cleared');
      expect(summaries(el)).to.deep.equal(['2024 (3 posts) open', '2023 (2 posts) closed', '2022 (1 post) open']);
    });

    it('keeps a year closed while filtering apart from the reader’s choices for the whole archive', async () => {
      const el = await archive();
      type(el, 'rope');
      await waitUntil(() => yearsOf(el).length === 1, 'filter was not applied');
      await toggle(el, 2024);
      expect(summaries(el)).to.deep.equal(['2024 (2 posts) closed']);
      type(el, 'rope-');
      await waitUntil(() => summaries(el)[0] === '2024 (1 post) open', 'a new filter did not open the year');
      await toggle(el, 2024);
      type(el, '');
      await waitUntil(() => yearsOf(el).length === 3, 'filter was not cleared');
      expect(summaries(el)).to.deep.equal(['2024 (3 posts) open', '2023 (2 posts) closed', '2022 (1 post) closed']);
    });

    it('waits for the end of an input method composition before filtering', async () => {
      const el = await archive();
      const input = filterBox(el);
      input.value = 'rop';
      input.dispatchEvent(new InputEvent('input', { isComposing: true, bubbles: true, composed: true }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await el.updateComplete;
      expect(yearsOf(el)).to.have.length(3);
      input.value = 'rope';
      input.dispatchEvent(new CompositionEvent('compositionend', { data: 'rope', bubbles: true, composed: true }));
      await waitUntil(() => yearsOf(el).length === 1, 'filter was not applied after the composition');
      expect(summaries(el)).to.deep.equal(['2024 (2 posts) open']);
    });

    it('announces how many posts match', async () => {
      const el = await archive();
      const status = shadow(el).querySelector('[role="status"]')!;
      expect(text(status)).to.equal('');
      type(el, 'rope');
      await waitUntil(() => text(status) === '2 posts', `status reads "${text(status)}"`);
    });

    it('filters by tag, listing every tag with its count', async () => {
      const el = await archive();
      const options = [...(part(el, 'tag-select') as HTMLSelectElement).options].map((option) => option.textContent);
      expect(options).to.deep.equal(['All tags', 'Transformer (4)', '位置编码 (2)', '矩阵 (1)']);
      await chooseTag(el, 'Transformer');
      expect(summaries(el)).to.deep.equal(['2024 (2 posts) open', '2023 (1 post) open', '2022 (1 post) open']);
      await chooseTag(el, '');
      expect(summaries(el)).to.deep.equal(['2024 (3 posts) open', '2023 (2 posts) closed', '2022 (1 post) closed']);
    });

    it('combines the title filter with the tag', async () => {
      const el = await archive();
      await chooseTag(el, 'Transformer');
      type(el, 'attention');
      await waitUntil(() => yearsOf(el).length === 2, 'filter was not applied');
      expect(summaries(el)).to.deep.equal(['2023 (1 post) open', '2022 (1 post) open']);
    });

    it('says so when no post matches', async () => {
      const el = await archive(posts, 'zh');
      type(el, 'no such title');
      await waitUntil(() => part(el, 'empty'), 'no message shown');
      expect(text(part(el, 'empty'))).to.equal('没有符合条件的文章。');
      expect(yearsOf(el)).to.have.length(0);
    });
  });

  describe('accessibility', () => {
    it('passes axe with the filter active and every year open', async () => {
      const el = await archive();
      type(el, 'a');
      await waitUntil(() => yearsOf(el).every((details) => details.open), 'filter was not applied');
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('reaches the filter, the tag menu, the years and the open posts with Tab, and toggles a year with Enter', async () => {
      const el = await archive();
      filterBox(el).focus();
      const focused = () => shadow(el).activeElement;
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(part(el, 'tag-select'));
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(yearOf(el, 2024).querySelector('summary'));
      await sendKeys({ press: 'Tab' });
      expect(text(focused())).to.equal('低秩近似之路：伪逆');
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(yearOf(el, 2023).querySelector('summary'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => yearOf(el, 2023).querySelector('[part="post-link"]'), 'Enter did not open the year');
      await sendKeys({ press: 'Tab' });
      expect(text(focused())).to.equal('从熵不变性看Attention');
    });
  });

  describe('src', () => {
    it('lists the posts of the JSON Feed at src, showing a status while it loads', async () => {
      const el = await fixture<ArchiveListElement>(html`<archive-list src="${fixtures}/feed.json"></archive-list>`);
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      expect(text(part(el, 'status'))).to.equal('Loading…');
      await waitUntil(() => yearsOf(el).length > 0, 'feed was not listed');
      expect(summaries(el)).to.deep.equal(['2024 (3 posts) open', '2023 (1 post) closed']);
      expect(yearOf(el, 2024).querySelector('a')!.getAttribute('href')).to.equal('https://blog.example/archives/10');
      expect(el.errors).to.deep.equal([]);
    });

    it('names the URL and the reason when src cannot be loaded', async () => {
      const el = await fixture<ArchiveListElement>(html`<archive-list src="${fixtures}/missing.json"></archive-list>`);
      await waitUntil(() => part(el, 'error'), 'no error shown');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain(`${fixtures}/missing.json`);
      expect(error.textContent).to.contain('404');
    });

    it('says there are no posts when the feed has none', async () => {
      const el = await fixture<ArchiveListElement>(html`<archive-list src="${fixtures}/empty.json"></archive-list>`);
      await waitUntil(() => part(el, 'empty'), 'no message shown');
      expect(text(part(el, 'empty'))).to.equal('No posts yet.');
      expect(part(el, 'error')).to.not.exist;
    });

    it('lists the valid items of a feed and reports the invalid one in errors', async () => {
      const el = await fixture<ArchiveListElement>(html`<archive-list src="${fixtures}/one-invalid.json"></archive-list>`);
      await waitUntil(() => yearsOf(el).length > 0, 'feed was not listed');
      expect(summaries(el)).to.deep.equal(['2024 (1 post) open', '2023 (1 post) closed']);
      expect(el.errors).to.have.length(1);
      expect(el.errors[0].message).to.match(/^item 2: date_published is not a date/);
    });

    it('shows what is wrong with a feed that is not JSON', async () => {
      const el = await fixture<ArchiveListElement>(html`<archive-list src="${fixtures}/not-json.json"></archive-list>`);
      await waitUntil(() => part(el, 'error'), 'no error shown');
      expect(text(part(el, 'error'))).to.match(/^Could not load \/tests\/elements\/archive-list\/fixtures\/not-json\.json \(feed is not valid JSON/);
      expect(el.errors[0].message).to.match(/^feed is not valid JSON/);
    });

    it('prefers the posts property to src', async () => {
      const el = await fixture<ArchiveListElement>(html`<archive-list src="${fixtures}/feed.json" .posts=${posts}></archive-list>`);
      expect(summaries(el)[0]).to.equal('2024 (3 posts) open');
      expect(part(el, 'status')).to.not.exist;
    });
  });

  describe('10 000 posts', () => {
    it('renders only the newest year’s posts and filters all of them', async () => {
      const el = await archive(manyPosts(10_000));
      expect(yearsOf(el)).to.have.length(16);
      expect(summaries(el)[0]).to.equal('2024 (625 posts) open');
      expect(summaries(el)[15]).to.equal('2009 (625 posts) closed');
      expect(shadow(el).querySelectorAll('[part="post-link"]')).to.have.length(625);

      type(el, 'rope');
      // Every seventh post, 0 included.
      await waitUntil(() => shadow(el).querySelectorAll('[part="post-link"]').length === 1429, 'filter was not applied');
      expect(yearsOf(el).every((details) => details.open)).to.be.true;
      const counted = yearsOf(el).reduce((sum, details) => sum + Number(/\((\d+) posts?\)/.exec(text(details.querySelector('summary')))![1]), 0);
      expect(counted).to.equal(1429);

      await chooseTag(el, '矩阵');
      // Both every seventh and every fifth: every 35th.
      expect(shadow(el).querySelectorAll('[part="post-link"]')).to.have.length(286);
      expect((part(el, 'tag-select') as HTMLSelectElement).options[1].textContent).to.equal('矩阵 (2,000)');
    });

    it('lists every match of a broad filter once updateComplete resolves', async () => {
      const el = await archive(manyPosts(10_000));
      type(el, 'post');
      await waitUntil(() => yearsOf(el).every((details) => details.open), 'filter was not applied');
      await el.updateComplete;
      // Every post but the 1 429 RoPE notes.
      expect(shadow(el).querySelectorAll('[part="post-link"]')).to.have.length(8571);
      expect(shadow(el).querySelectorAll('[part="month"]')).to.have.length(16 * 12);
    });
  });
});

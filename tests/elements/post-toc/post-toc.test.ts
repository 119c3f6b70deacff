import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/post-body.js';
import '../../../src/post-toc.js';
import type { PostBodyElement } from '../../../src/post-body.js';
import type { PostTocElement } from '../../../src/post-toc.js';

const filler = 'A paragraph of text that takes up some room on the page.\n\n'.repeat(30);
const article = `# 引言\n\n${filler}## 第一节\n\n${filler}### 细节\n\n${filler}## 第二节\n\n${filler}`;

async function page(lang = 'en'): Promise<{ toc: PostTocElement; body: PostBodyElement }> {
  // The table of contents comes first, as in a sidebar, before the article exists.
  const host = await fixture<HTMLDivElement>(html`<div lang=${lang}><post-toc for="article"></post-toc><post-body id="article"></post-body></div>`);
  const toc = host.querySelector('post-toc')!;
  const body = host.querySelector('post-body')!;
  body.markdown = article;
  await body.updateComplete;
  await toc.updateComplete;
  return { toc, body };
}

const links = (toc: PostTocElement) => [...toc.shadowRoot!.querySelectorAll('a')];

describe('post-toc', () => {
  afterEach(() => {
    window.scrollTo(0, 0);
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('lists the headings of the article nested by level', async () => {
    const { toc } = await page();
    expect(links(toc).map((a) => a.textContent!.trim())).to.deep.equal(['引言', '第一节', '细节', '第二节']);
    const nested = toc.shadowRoot!.querySelector('[part="list"] > li > ol > li > ol a')!;
    expect(nested.textContent!.trim()).to.equal('细节');
    expect(decodeURIComponent(nested.getAttribute('href')!)).to.equal('#细节');
  });

  it('shows a formula in a heading rendered, not as TeX', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><post-toc for="math-article"></post-toc><post-body id="math-article"></post-body></div>`);
    const toc = host.querySelector('post-toc')!;
    const body = host.querySelector('post-body')!;
    body.markdown = '## The $\\alpha$ case\n\nText.';
    await body.updateComplete;
    await toc.updateComplete;
    const [link] = links(toc);
    expect(link.querySelectorAll('.katex')).to.have.length(1);
    expect(link.querySelector('.katex-html')!.textContent).to.equal('α');
    expect(link.textContent).not.to.include('$');
  });

  it('leaves out headings deeper than depth', async () => {
    const { toc } = await page();
    toc.depth = 2;
    await toc.updateComplete;
    expect(links(toc).map((a) => a.textContent!.trim())).to.deep.equal(['引言', '第一节', '第二节']);
  });

  it('is titled in the page language', async () => {
    const { toc } = await page('zh-CN');
    expect(toc.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal('目录');
    expect(toc.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('目录');
  });

  it('scrolls to a section when its entry is clicked', async () => {
    const { toc, body } = await page();
    const target = body.shadowRoot!.getElementById('第二节')!;
    links(toc)[3].click();
    await waitUntil(() => Math.abs(target.getBoundingClientRect().top) < 50, 'section did not scroll to the top');
    expect(decodeURIComponent(location.hash)).to.equal('#第二节');
  });

  it('marks the section being read as the reader scrolls', async () => {
    const { toc, body } = await page();
    const current = () => toc.shadowRoot!.querySelector('a[aria-current="location"]')?.textContent?.trim();
    body.shadowRoot!.getElementById('细节')!.scrollIntoView({ block: 'start' });
    await waitUntil(() => current() === '细节', `current entry is ${current()}`);
    body.shadowRoot!.getElementById('第二节')!.scrollIntoView({ block: 'start' });
    await waitUntil(() => current() === '第二节', `current entry is ${current()}`);
  });

  it('renders nothing when the article has no headings', async () => {
    const { toc, body } = await page();
    body.markdown = 'Just a paragraph.';
    await body.updateComplete;
    await toc.updateComplete;
    expect(toc.shadowRoot!.querySelector('nav')).to.not.exist;
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/post-cite.js';
import type { Post } from '../../../src/core/post.js';
import type { PostCiteElement } from '../../../src/post-cite.js';

const post: Post = {
  id: 'https://example.org/archives/10352',
  url: 'https://example.org/archives/10352',
  title: '“闭门造车”之位置编码',
  date: '2024-09-06',
  authors: [{ name: '林知远' }],
  tags: [],
};

const part = (el: PostCiteElement, name: string) => el.shadowRoot!.querySelector(`[part="${name}"]`)!;

async function cite(lang: string): Promise<PostCiteElement> {
  const host = await fixture<HTMLElement>(html`<div lang=${lang}><post-cite .post=${post} .accessed=${new Date(Date.UTC(2025, 0, 2))}></post-cite></div>`);
  const el = host.querySelector('post-cite')!;
  await el.updateComplete;
  return el;
}

describe('post-cite', () => {
  const realClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
  let written: string[] = [];
  afterEach(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', realClipboard);
    written = [];
  });
  const fakeClipboard = (allow: boolean) =>
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: async (text: string) => (allow ? void written.push(text) : Promise.reject(new DOMException('denied', 'NotAllowedError'))) }),
    });

  it('shows the citation in the reference blog’s manner and a BibTeX entry', async () => {
    const el = await cite('zh-CN');
    expect(part(el, 'title').textContent).to.equal('转载与引用');
    expect(part(el, 'text').textContent).to.equal('林知远. (2024, Sep 06). 《“闭门造车”之位置编码》[Blog post]. Retrieved from https://example.org/archives/10352');
    const bibtex = part(el, 'bibtex').textContent!;
    expect(bibtex).to.match(/^@online\{/);
    expect(bibtex).to.contain('title={“闭门造车”之位置编码}');
    expect(bibtex).to.contain('urldate={2025-01-02}');
  });

  it('copies the text with the Clipboard API and announces it', async () => {
    fakeClipboard(true);
    const el = await cite('en');
    const [textButton, bibtexButton] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="copy-button"]');
    textButton.click();
    await waitUntil(() => part(el, 'status').textContent === 'Copied to the clipboard.');
    expect(written).to.deep.equal([part(el, 'text').textContent]);
    expect(part(el, 'status').getAttribute('role')).to.equal('status');
    bibtexButton.click();
    await waitUntil(() => written.length === 2);
    expect(written[1]).to.equal(part(el, 'bibtex').textContent);
  });

  it('falls back to selecting the text when the Clipboard API is denied', async () => {
    fakeClipboard(false);
    const el = await cite('en');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy-button"]')!.click();
    await waitUntil(() => part(el, 'status').textContent !== '');
    // Headless Chromium may or may not grant the legacy command; either way the reader is told, and the text is selected.
    expect(['Copied to the clipboard.', 'Could not copy: select the text and copy it by hand.']).to.include(part(el, 'status').textContent);
    expect(getSelection()!.toString()).to.equal(part(el, 'text').textContent);
  });

  it('builds the citation from attributes written by hand', async () => {
    const el = await fixture<PostCiteElement>(html`<post-cite lang="en" title="On Sums" href="https://example.org/sums" author="Jane Roe" date="2023-05-01"></post-cite>`);
    expect(part(el, 'text').textContent).to.equal('Jane Roe. (2023, May 1). On Sums [Blog post]. https://example.org/sums');
  });
});

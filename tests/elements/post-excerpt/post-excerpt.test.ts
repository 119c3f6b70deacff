import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/post-excerpt.js';
import type { PostExcerptElement } from '../../../src/post-excerpt.js';

const content = (el: PostExcerptElement) => el.shadowRoot!.querySelector('[part="content"]')!;
const readMore = (el: PostExcerptElement) => el.shadowRoot!.querySelector('[part="read-more"]');

describe('post-excerpt', () => {
  it('cuts at <!--more--> and renders the math it keeps', async () => {
    const el = await fixture<PostExcerptElement>(html`<post-excerpt lang="zh" href="/archives/1"></post-excerpt>`);
    el.markdown = '由$\\sum_i p_i = 1$可知。<!--more-->\n\n正文$$x$$';
    await el.updateComplete;
    expect(content(el).querySelectorAll('.katex')).to.have.length(1);
    expect(content(el).querySelector('annotation')!.textContent).to.equal('\\sum_i p_i = 1');
    expect(content(el).textContent).to.not.contain('正文');
    expect(readMore(el)!.textContent).to.equal('点击阅读全文...');
    expect(readMore(el)!.getAttribute('href')).to.equal('/archives/1');
  });

  it('never cuts a formula in half, however short the length', async () => {
    const el = await fixture<PostExcerptElement>(html`<post-excerpt lang="en" length="20"></post-excerpt>`);
    el.markdown = 'The identity $e^{i\\pi} + 1 = 0$ links five constants, and much more follows after it.';
    await el.updateComplete;
    for (const annotation of content(el).querySelectorAll('annotation')) expect(annotation.textContent).to.equal('e^{i\\pi} + 1 = 0');
    expect(content(el).querySelector('.sb-math-error')).to.not.exist;
    expect(content(el).textContent).to.not.contain('[公式]');
    expect(content(el).textContent).to.not.contain('follows after it');
  });

  it('reads hand-written plain text as markdown with math', async () => {
    const el = await fixture<PostExcerptElement>(html`<post-excerpt>Energy is $E = mc^2$.</post-excerpt>`);
    expect(content(el).querySelector('annotation')!.textContent).to.equal('E = mc^2');
    expect(readMore(el)).to.not.exist;
  });

  it('reads hand-written markup as HTML', async () => {
    const el = await fixture<PostExcerptElement>(html`<post-excerpt><p>Some <strong>bold</strong> claim.</p></post-excerpt>`);
    expect(content(el).querySelector('strong')!.textContent).to.equal('bold');
  });

  it('takes a post’s summary and links to the post', async () => {
    const post = { id: '1', url: '/p/1', title: 'T', date: '2024-01-01', authors: [], tags: [], summary: 'Summary with $a$.' };
    const el = await fixture<PostExcerptElement>(html`<post-excerpt lang="en" .post=${post}></post-excerpt>`);
    expect(content(el).textContent).to.contain('Summary with');
    expect(readMore(el)!.getAttribute('href')).to.equal('/p/1');
    expect(readMore(el)!.textContent).to.equal('Read more…');
  });
});

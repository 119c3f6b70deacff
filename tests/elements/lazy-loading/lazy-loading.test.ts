/**
 * Pay for what you use: KaTeX and markdown-it load when an element first has
 * math or markdown to render, not when it is defined. (Here each module is a
 * request of its own, so the page's resource entries show what loaded.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/archive-list.js';
import '../../../src/post-card.js';
import type { Post } from '../../../src/core/post.js';
import type { PostExcerptElement } from '../../../src/post-excerpt.js';
import type { PostBodyElement } from '../../../src/post-body.js';

// Every module is an entry here: more than the browser's default of 250 would leave the last loads unrecorded.
performance.setResourceTimingBufferSize(100_000);

const loaded = (name: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/node_modules/${name}/`));

const post = (id: number, summary: string): Post => ({
  id: String(id),
  url: `/posts/${id}/`,
  title: `Post ${id}`,
  date: `2024-0${(id % 9) + 1}-01`,
  authors: [{ name: 'Ada' }],
  tags: [],
  summary,
});

describe('loading math on first need', () => {
  it('defining post-card and archive-list loads neither KaTeX nor markdown-it', () => {
    expect(customElements.get('post-card')).to.exist;
    expect(loaded('katex')).to.equal(false);
    expect(loaded('markdown-it')).to.equal(false);
  });

  it('an archive of posts renders without them', async () => {
    const archive = await fixture(html`<archive-list .posts=${[post(1, 'A $x$ summary'), post(2, 'Another')]}></archive-list>`);
    expect(archive.shadowRoot!.textContent).to.contain('Post 1');
    expect(loaded('katex')).to.equal(false);
    expect(loaded('markdown-it')).to.equal(false);
  });

  it('a card with an excerpt loads them, and its updateComplete waits for the typeset excerpt', async () => {
    const card = await fixture(html`<post-card .post=${post(3, 'Euler: $e^{i\\pi} + 1 = 0$.')}></post-card>`);
    const excerpt = card.shadowRoot!.querySelector('post-excerpt') as PostExcerptElement;
    await excerpt.updateComplete;
    expect(excerpt.shadowRoot!.querySelectorAll('[part="content"] .katex')).to.have.length(1);
    expect(loaded('katex')).to.equal(true);
    expect(loaded('markdown-it')).to.equal(true);
  });
});

describe('loading a highlighter on first need', () => {
  const highlightModules = () =>
    performance
      .getEntriesByType('resource')
      .map((entry) => /\/node_modules\/highlight\.js\/(.*)$/.exec(entry.name)?.[1])
      .filter((path): path is string => path !== undefined);

  it('a post-body without fenced code (inline and indented code included) loads no highlight.js', async () => {
    await import('../../../src/post-body.js');
    const el = await fixture<PostBodyElement>(html`<post-body .markdown=${'Some `code` and $x$.\n\n    indented code\n'}></post-body>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.katex')).to.exist;
    expect(highlightModules()).to.deep.equal([]);
  });

  it('a post with python code loads highlight.js’s core and python, and no other language', async () => {
    const el = await fixture<PostBodyElement>(html`<post-body .markdown=${'```python\nx = 1\n```\n\n```klingon\ny\n```\n'}></post-body>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.hljs-number')).to.exist;
    const languages = highlightModules().filter((path) => path.includes('/languages/'));
    expect(languages).to.deep.equal(['es/languages/python.js']);
  });
});

// Every element renders on a server with @lit-labs/ssr (no DOM: no
// MutationObserver, no closest(), no window), from the built package, as a
// prerendering build or an SSR framework would use it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { render } from '@lit-labs/ssr';
import { html } from 'lit';

// The elements register themselves on import, which needs the DOM shim @lit-labs/ssr installs.
const { loadMathRenderers } = await import('sciblog-elements');
// Elements load KaTeX and markdown-it on first need; a server render cannot wait for that, so it comes first.
await loadMathRenderers();

const post = {
  id: 'p1',
  url: '/posts/p1/',
  title: '一个公式 $e^{i\\pi}+1=0$',
  date: '2024-03-01',
  authors: [{ name: '林知远' }],
  readers: 1234,
  tags: ['math'],
  series: { name: 'Identities', index: 1 },
  contentText: 'Euler: $e^{i\\pi} + 1 = 0$.\n\nMore text.',
};
const comment = { id: 'c1', author: 'Ada', date: '2024-03-02', body: 'Nice: $a^2$' };

const serverRender = (template) => collectResultSync(render(template));
/** What the element's declarative shadow root holds, nested elements' shadow roots included. */
const shadowOf = (output) => output.slice(output.search(/<template shadowroot(?:mode)?="open"/));

const cases = [
  ['math-block', html`<math-block .tex=${'x^2'}></math-block>`, /class="katex-display"/],
  ['math-block inline', html`<math-block inline .tex=${'\\alpha'}></math-block>`, /class="katex"/],
  ['post-body', html`<post-body .markdown=${'# Title\n\n$$a\\label{a}$$\n\nSee \\eqref{a}.'}></post-body>`, /href="#eq-a"/],
  ['post-body with footnotes', html`<post-body lang="zh" .markdown=${'A note[^1] with math^[$x^2$].\n\n[^1]: Here.'}></post-body>`, /class="sb-with-notes"[\s\S]*href="#fn-1"[\s\S]*aria-label="脚注"[\s\S]*id="fn-2"[\s\S]*class="katex"/],
  ['post-excerpt', html`<post-excerpt .markdown=${'Some $x$ text.'}></post-excerpt>`, /class="katex"/],
  ['post-card', html`<post-card .post=${post}></post-card>`, /Euler/],
  ['post-meta', html`<post-meta .post=${post}></post-meta>`, /林知远/],
  ['post-cite', html`<post-cite .post=${post}></post-cite>`, /@\w+\{/],
  ['post-list', html`<post-list .posts=${[post]}></post-list>`, /post-card/],
  ['archive-list', html`<archive-list .posts=${[post]}></archive-list>`, /2024/],
  ['series-nav', html`<series-nav .posts=${[post]} series="Identities" current="/posts/p1/"></series-nav>`, /Identities/],
  ['post-toc', html`<post-toc for="nothing"></post-toc>`, /^/],
  ['comment-list', html`<comment-list .comments=${[comment]}></comment-list>`, /Ada/],
  ['comment-list recent', html`<comment-list variant="recent" .comments=${[{ ...comment, post: { title: 'P', url: '/p' } }]}></comment-list>`, /Ada/],
  ['comment-form', html`<comment-form action="/comments"></comment-form>`, /<textarea/],
  ['site-search', html`<site-search lang="zh" .posts=${[post]}></site-search>`, /role="combobox"[\s\S]*placeholder="站内搜索（按 \/ 键）"/],
];

describe('server-side rendering with @lit-labs/ssr', () => {
  for (const [name, template, expected] of cases) {
    it(`${name} renders into declarative shadow DOM`, () => {
      const output = serverRender(template);
      assert.match(output, /<template shadowroot(?:mode)?="open"/, 'a declarative shadow root');
      assert.match(shadowOf(output), expected);
    });
  }

  it('an element takes its language from its own lang attribute', () => {
    const zh = serverRender(html`<comment-form lang="zh" action="/c"></comment-form>`);
    const en = serverRender(html`<comment-form lang="en" action="/c"></comment-form>`);
    assert.notEqual(shadowOf(zh), shadowOf(en));
    assert.match(shadowOf(zh), /[\u4e00-\u9fff]/);
  });
});

import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { Post } from '../../../src/core/post.js';
import type { CommentListElement, PostBodyElement, PostCardElement, PostListElement } from '../../../src/index.js';
import { contrast, textPieces } from './contrast.js';

const posts: Post[] = [1, 2, 3].map((n) => ({
  id: `p${n}`,
  url: `/archives/${n}`,
  title: `Post ${n} about $e^{i\\pi}$`,
  date: `2024-0${n}-1${n}`,
  authors: [{ name: 'Ada', url: 'https://example.org/ada' }],
  tags: ['math'],
  readers: 1000 * n,
  series: { name: 'Series', index: n },
  summary: `An excerpt with $x^${n}$ and a [link](/x).`,
}));

const article = String.raw`# Heading

Text with a [link](https://example.org), \eqref{eq:one}, \`inline code\`, a note[^n] and a broken formula $\frac{1}{$.

\begin{equation}
E = mc^2 \label{eq:one}
\end{equation}

> A quotation.

| kind | value |
|---|---|
| a | $x$ |

: A caption {#tbl:t}

` + '```python\ndef f(x):\n    """Doc."""\n    return 3 + x  # comment\n```\n' + `
[^n]: The note, beside the text on a wide page.
`;

const comments = [
  { id: 'c1', author: 'Bo', url: 'https://example.org/bo', date: '2024-01-02T03:04:05Z', body: 'A comment with $x^2$ and $\\href{javascript:alert(1)}{a refused command}$.' },
  { id: 'c2', parent: 'c1', author: 'Cy', date: '2024-01-03T03:04:05Z', body: 'A reply.' },
];

/** Every element, in a box as wide as a desktop article, inside `attributes` (e.g. `data-theme="dark"`). */
async function page(attributes: string): Promise<HTMLElement> {
  const host = await fixture<HTMLElement>(`<div lang="en" ${attributes} style="width: 62rem; background: Canvas; color: CanvasText">
    <post-list page-size="1"></post-list>
    <post-meta date="2024-01-01" author="Ada" readers="1234" cite-href="#cite"></post-meta>
    <series-nav series="Series" current="/archives/2"></series-nav>
    <post-body></post-body>
    <post-cite href="https://example.org/p" title="A post" date="2024-01-01" author="Ada"></post-cite>
    <archive-list></archive-list>
    <comment-list></comment-list>
    <comment-form></comment-form>
    <math-block>\\int_0^1 x\\,dx = \\tfrac12</math-block>
  </div>`);
  const list = host.querySelector<PostListElement>('post-list')!;
  list.posts = posts;
  for (const name of ['series-nav', 'archive-list'] as const) host.querySelector(name)!.posts = posts;
  const body = host.querySelector<PostBodyElement>('post-body')!;
  const rendered = new Promise((resolve) => body.addEventListener('post-rendered', resolve, { once: true }));
  body.markdown = article;
  host.querySelector<CommentListElement>('comment-list')!.comments = comments;
  await rendered;
  const card = () => list.shadowRoot!.querySelector<PostCardElement>('post-card');
  await waitUntil(() => card()?.shadowRoot?.querySelector('[part="excerpt"]')?.shadowRoot?.querySelector('.katex'), 'the excerpt has its math');
  await waitUntil(() => host.querySelector('comment-list')!.shadowRoot!.querySelector('.katex'), 'the comments have their math');
  await waitUntil(() => body.shadowRoot!.querySelector('.hljs-keyword'), 'the code is highlighted');
  return host;
}

const accentOf = async (host: HTMLElement) => {
  const card = host.querySelector('post-list')!.shadowRoot!.querySelector('post-card')!;
  await (card as PostCardElement).updateComplete;
  return getComputedStyle(card.shadowRoot!.querySelector('[part="badge"]')!).backgroundColor;
};
const lightAccent = 'rgb(11, 92, 173)';
const darkAccent = 'rgb(108, 182, 255)';

describe('light and dark', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('follows the system when no ancestor has data-theme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(await accentOf(await page(''))).to.equal(darkAccent);
    await emulateMedia({ colorScheme: 'light' });
    expect(await accentOf(await page(''))).to.equal(lightAccent);
  });

  it('is forced by data-theme on any ancestor, the nearest one winning, whatever the system', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(await accentOf(await page('data-theme="light"'))).to.equal(lightAccent);
    await emulateMedia({ colorScheme: 'light' });
    expect(await accentOf(await page('data-theme="dark"'))).to.equal(darkAccent);
    const outer = await fixture<HTMLElement>('<section data-theme="dark"><div data-theme="light"><post-card title="T" date="2024-01-01"></post-card></div></section>');
    const card = outer.querySelector<PostCardElement>('post-card')!;
    await card.updateComplete;
    expect(getComputedStyle(card.shadowRoot!.querySelector('[part="badge"]')!).backgroundColor).to.equal(lightAccent);
  });

  for (const theme of ['light', 'dark']) {
    it(`every piece of text of every element reads at 4.5:1 or more against what is behind it, in ${theme}`, async () => {
      const host = await page(`data-theme="${theme}"`);
      // The preview of a link's target, opened from the keyboard.
      const body = host.querySelector('post-body')!;
      body.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="#eq-eq:one"]')!.focus();
      await waitUntil(() => body.shadowRoot!.querySelector('[part="preview"]:popover-open'), 'the preview opens');
      const pieces = textPieces(host);
      const seen = (selector: string) => pieces.some(({ element }) => element.matches(selector));
      // The pieces the issue names: KaTeX output, code, tables, popovers, sidenotes; and errors, links, badges, muted text.
      for (const selector of ['.katex .mord', '.hljs-keyword', '.hljs-string', '.hljs-comment', 'th', 'td', 'caption *, caption', '.sb-preview *', '.sb-footnotes[data-sb-placed] p', '.sb-math-error *, .sb-math-error', '[part="badge-day"]', '[part~="page-link"][aria-current]', 'a', 'time', 'blockquote p', '[part="submit-button"]', '.katex [style*="color"]']) {
        expect(seen(selector), selector).to.be.true;
      }
      const poor = pieces
        .map(({ element, color, background }) => ({ element, ratio: contrast(color, background), color, background }))
        .filter(({ ratio }) => ratio < 4.5)
        .map(({ element, ratio, color, background }) => `${element.localName}.${element.className} "${element.textContent!.trim().slice(0, 20)}": ${ratio.toFixed(2)} (${color} on ${background})`);
      expect(poor).to.deep.equal([]);
      expect(pieces.length).to.be.greaterThan(100);
    });
  }
});

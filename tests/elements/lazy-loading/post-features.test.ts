/**
 * A plain post loads nothing new: the code of footnotes, citations, theorems,
 * figures and tables, and code blocks is requested only by a post that uses
 * them. (Here each module is a request of its own, so the page's resource
 * entries show what loaded; the tests run in order, on one page.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';

performance.setResourceTimingBufferSize(100_000);

/** A module of each feature's code, as requested. */
const featureModules = {
  footnotes: ['/src/elements/shared/footnote-support.', '/src/core/footnote-markup.', '/node_modules/markdown-it-footnote/'],
  citations: ['/src/elements/shared/citation-support.', '/src/core/citation-syntax.', '/src/core/bibliography.'],
  theorems: ['/src/core/theorem-blocks.', '/node_modules/markdown-it-container/'],
  figures: ['/src/core/figure-blocks.'],
  code: ['/src/core/code-block-rendering.'],
};
type Feature = keyof typeof featureModules;

const requested = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
const loadedFeatures = () => (Object.keys(featureModules) as Feature[]).filter((feature) => featureModules[feature].some((part) => requested().some((path) => path.includes(part))));

async function render(markdown: string): Promise<HTMLElement> {
  const el = await fixture<PostBodyElement>(html`<post-body .markdown=${markdown}></post-body>`);
  await el.updateComplete;
  return el.shadowRoot!.querySelector<HTMLElement>('[part="content"]')!;
}

const tex = String.raw;

describe('post-body loads a feature’s code only for a post that uses it', () => {
  it('a plain post (headings, math, references, lists, quotes, links) renders and requests none', async () => {
    const content = await render(tex`# A plain post

Euler's identity $e^{i\pi} + 1 = 0$, see \eqref{eq:e}; costs $5, *emphasis* and \`code\`.

$$
e^{i\pi} + 1 = 0 \label{eq:e}
$$

- a [link](https://example.org)
- a list

> A quote.`);
    expect(content.querySelectorAll('.katex')).to.have.length.greaterThan(1);
    expect(content.querySelector('a.sb-eqref')?.textContent).to.equal('(1)');
    expect(requested().some((path) => path.includes('/src/elements/shared/post-renderers.'))).to.equal(true);
    expect(loadedFeatures()).to.deep.equal([]);
  });

  it('a post with a footnote requests the footnotes’ code alone, and shows the note', async () => {
    const content = await render('A claim.[^1]\n\n[^1]: Its note, with $x^2$.');
    expect(content.querySelector('.sb-footnote-ref a')?.textContent).to.equal('1');
    expect(content.querySelector('.sb-footnote .katex')).to.exist;
    expect(loadedFeatures()).to.deep.equal(['footnotes']);
  });

  it('a post with a theorem requests the theorems’ code, and numbers it', async () => {
    const content = await render(tex`\begin{theorem}[Cauchy]
Every $f$ holds.
\end{theorem}`);
    expect(content.querySelector('.sb-theorem-name')?.textContent).to.equal('Theorem 1');
    expect(loadedFeatures()).to.deep.equal(['footnotes', 'theorems']);
  });

  it('a post with a figure requests the figures’ code, and captions it', async () => {
    const content = await render('![A plot](data:image/gif;base64,R0lGODlhAQABAAAAACw=){#fig:plot}\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(content.querySelector('figure figcaption')?.textContent).to.contain('Figure 1');
    expect(content.querySelector('table')?.getAttribute('tabindex')).to.equal('0');
    expect(loadedFeatures()).to.deep.equal(['footnotes', 'theorems', 'figures']);
  });

  it('a post with code requests the code blocks’ code, and wraps the block', async () => {
    const content = await render('Text.\n\n    indented code\n');
    expect(content.querySelector('.sb-code pre code')?.textContent).to.equal('indented code\n');
    expect(loadedFeatures()).to.deep.equal(['footnotes', 'theorems', 'figures', 'code']);
  });

  it('a post that cites requests the citations’ code, and lists the reference', async () => {
    const content = await render('---\nbibliography:\n  - id: knuth1984\n    title: Literate Programming\n    issued: { date-parts: [[1984]] }\n---\nAs [@knuth1984] says.');
    expect(content.querySelector('.sb-cite')?.textContent).to.contain('1');
    expect(content.textContent).to.contain('Literate Programming');
    expect(loadedFeatures()).to.deep.equal(['footnotes', 'citations', 'theorems', 'figures', 'code']);
  });
});

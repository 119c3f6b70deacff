import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';

const post = (bibliography: string) => `---
title: Walks
bibliography: ${bibliography}
---
A drunkard's walk \\cite{pearson1905}; a teacher and a student [@hinton2015, sec. 2; @pearson1905].

## Notes

[[references]]
`;

async function postBody(markdown: string, attributes = ''): Promise<PostBodyElement> {
  const host = await fixture<HTMLDivElement>(`<div lang="en"><post-body ${attributes}></post-body></div>`);
  const el = host.querySelector('post-body')!;
  el.markdown = markdown;
  await el.updateComplete;
  return el;
}

const contentOf = (el: PostBodyElement) => el.shadowRoot!.querySelector('[part="content"]')!;
const citations = (el: PostBodyElement) => [...contentOf(el).querySelectorAll('.sb-cite')].map((cite) => cite.textContent);

describe('post-body citations', () => {
  it('fetches the bibliography the front matter names and shows numbered citations and the reference list', async function () {
    // The first test loads the BibTeX parser, unbundled here: a cold load on a busy machine gets a minute.
    this.timeout(60_000);
    const el = await postBody(post('/tests/elements/post-body/fixtures/walks.bib'));
    expect(el.result!.errors).to.deep.equal([]);
    expect(citations(el)).to.deep.equal(['[1]', '[2, sec. 2; 1]']);
    const entries = [...contentOf(el).querySelectorAll('.sb-reference')];
    expect(entries.map((entry) => entry.id)).to.deep.equal(['ref-pearson1905', 'ref-hinton2015']);
    expect(entries[0].textContent).to.contain('Karl Pearson. The Problem of the Random Walk. Nature');
    expect(entries[0].querySelector('a')!.getAttribute('href')).to.equal('https://doi.org/10.1038/072294b0');
    expect(contentOf(el).querySelector('h2 + .sb-references .sb-references-heading')!.textContent).to.equal('References');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('takes its references from the bibliography property, fetching nothing the front matter names', async () => {
    const host = await fixture<HTMLDivElement>(`<div lang="en"><post-body></post-body></div>`);
    const el = host.querySelector('post-body')!;
    el.bibliography = [{ id: 'pearson1905', type: 'article-journal', title: 'The Problem of the Random Walk', author: [{ family: 'Pearson', given: 'Karl' }], issued: { 'date-parts': [[1905]] } }];
    el.markdown = post('/no/such/file.bib');
    await el.updateComplete;
    expect(citations(el)).to.deep.equal(['[1]', '[?, sec. 2; 1]']);
    expect([...contentOf(el).querySelectorAll('.sb-reference')].map((entry) => entry.textContent)).to.deep.equal(['[1] Karl Pearson. The Problem of the Random Walk. 1905.']);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('scrolls to the entry a citation links to', async () => {
    const el = await postBody(post('/tests/elements/post-body/fixtures/walks.bib'));
    const link = contentOf(el).querySelector<HTMLAnchorElement>('.sb-cite a')!;
    expect(link.getAttribute('href')).to.equal('#ref-pearson1905');
    link.click();
    expect(el.shadowRoot!.activeElement).to.equal(contentOf(el).querySelector('#ref-pearson1905'));
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the post with unresolved citations and an error when the bibliography cannot be loaded', async () => {
    const el = await postBody(post('/tests/elements/post-body/fixtures/missing.bib'));
    const error = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.match(/^Could not load .*\/tests\/elements\/post-body\/fixtures\/missing\.bib \(HTTP 404/);
    expect(citations(el)).to.deep.equal(['[?]', '[?, sec. 2; ?]']);
    expect(contentOf(el).querySelector('h2')!.textContent).to.contain('Notes');
    expect(el.result!.errors.map((e) => e.line)).to.include(3);
  });

  it('heads the list in the page language', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><post-body></post-body></div>`);
    const el = host.querySelector('post-body')!;
    el.markdown = post('/tests/elements/post-body/fixtures/walks.bib');
    await el.updateComplete;
    expect(contentOf(el).querySelector('.sb-references-heading')!.textContent).to.equal('参考文献');
  });

  it('reads no bibliography from an untrusted post', async () => {
    const el = await postBody(post('/tests/elements/post-body/fixtures/walks.bib'), 'untrusted');
    expect(citations(el)).to.deep.equal([]);
    expect(contentOf(el).textContent).to.contain('\\cite{pearson1905}');
    expect(contentOf(el).querySelector('.sb-references')).to.equal(null);
  });

  it('lines up the lines of a long reference after its number: the first starts where the others do', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="en" style="width: 320px"><post-body></post-body></div>`);
    const el = host.querySelector('post-body')!;
    el.bibliography = [{ id: 'feller1968', type: 'book', title: 'An Introduction to Probability Theory and Its Applications, Volume One', author: [{ family: 'Feller', given: 'William' }], publisher: 'Wiley', issued: { 'date-parts': [[1968]] } }];
    el.markdown = 'See [@feller1968].';
    await el.updateComplete;
    const entry = contentOf(el).querySelector('.sb-reference')!;
    const label = entry.querySelector('.sb-reference-label')!;
    // From the first letter after the number (a space between them would be a box of its own).
    const range = document.createRange();
    const next = label.nextSibling!;
    if (next.nodeType === Node.TEXT_NODE && next.textContent!.startsWith(' ')) range.setStart(next, 1);
    else range.setStartAfter(label);
    range.setEndAfter(entry.lastChild!);
    const lines = [...range.getClientRects()].filter((rect) => rect.width > 0);
    const lefts = [...new Set(lines.map((rect) => Math.round(rect.top)))].map((top) => Math.min(...lines.filter((rect) => Math.round(rect.top) === top).map((rect) => rect.left)));
    expect(lefts.length, 'the entry wraps').to.be.at.least(3);
    expect(Math.abs(lefts[0] - lefts[1])).to.be.below(1);
    expect(label.getBoundingClientRect().right).to.be.at.most(lefts[0] + 0.5);
    expect(entry.textContent).to.match(/^\[1\] William Feller\./);
  });
});

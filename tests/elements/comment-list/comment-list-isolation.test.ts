import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/comment-list.js';

// A visitor who knows the article's ids: `proof`, `eq-a`, `elsewhere`.
const hostile = {
  id: 'h',
  author: 'Mallory',
  date: '2024-01-01',
  body: '# Proof\n\n$$x^2\\label{a}$$\n\nSee [my proof](#proof), [my equation](#eq-a), [the article](#elsewhere) and a note[^1].\n\n[^1]: Note.',
};

const page = html`<div>
  <comment-list lang="en" .comments=${[hostile]}></comment-list>
  <div style="height: 5000px"></div>
  <h2 id="proof">The article's proof</h2>
  <div id="eq-a">The article's equation</div>
  <div id="elsewhere">Far down the page</div>
</div>`;

describe('comment-list keeps a comment from touching the page', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    window.scrollTo(0, 0);
  });

  async function render() {
    const root = await fixture<HTMLElement>(page);
    const el = root.querySelector('comment-list')!;
    await el.updateComplete;
    return { root, el, body: el.shadowRoot!.querySelector('[part="body"]')! };
  }

  it('creates no id the page uses: every id of the body is the comment’s own', async () => {
    const { el, body } = await render();
    const ids = [...body.querySelectorAll('[id]')].map((node) => node.id);
    expect(ids).to.include('c-h-eq-a');
    expect(ids).to.include('c-h-proof');
    for (const id of ids) expect(id.startsWith('c-h-'), id).to.equal(true);
    for (const id of ['proof', 'eq-a', 'elsewhere']) {
      expect(el.shadowRoot!.getElementById(id), id).to.equal(null);
      expect(document.getElementById(id)!.closest('comment-list'), id).to.equal(null);
    }
  });

  it('points no link at the page: every fragment link of the body is prefixed', async () => {
    const { body } = await render();
    const fragments = [...body.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!);
    expect(fragments.length).to.be.greaterThan(3);
    for (const fragment of fragments) expect(fragment.startsWith('#c-h-'), fragment).to.equal(true);
  });

  it('shows its headings below the page’s sections', async () => {
    const { body } = await render();
    expect(body.querySelector('h1, h2, h3')).to.equal(null);
    expect(body.querySelector('h4')!.textContent).to.contain('Proof');
  });

  it('follows a link to the comment’s own anchor inside the list, without scrolling the article', async () => {
    const { el, body } = await render();
    const link = [...body.querySelectorAll('a')].find((a) => a.textContent === 'my equation')!;
    link.click();
    expect(location.hash).to.equal('');
    const target = el.shadowRoot!.getElementById('c-h-eq-a')!.getBoundingClientRect();
    expect(target.top >= 0 && target.bottom <= innerHeight, 'the comment’s equation is on screen').to.equal(true);
    expect(document.getElementById('eq-a')!.getBoundingClientRect().top).to.be.greaterThan(innerHeight);
  });

  it('cannot scroll the article with a link to one of its ids', async () => {
    const { body } = await render();
    const link = [...body.querySelectorAll('a')].find((a) => a.textContent === 'the article')!;
    link.click();
    expect(location.hash).to.not.equal('#elsewhere');
    expect(document.getElementById('elsewhere')!.getBoundingClientRect().top).to.be.greaterThan(innerHeight);
  });
});

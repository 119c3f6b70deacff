import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/math-block.js';
import '../../../src/post-body.js';
import '../../../src/comment-list.js';
import '../../../src/comment-form.js';
import type { CommentFormElement, CommentListElement, MathBlockElement, PostBodyElement } from '../../../src/index.js';

// A display formula wider than its column scrolls sideways; a keyboard user
// can scroll it only once it can be focused, and it is a tab stop only then.
// Code blocks and tables are tab stops always, as core renders them.

const wide = String.raw`\sum_{n=1}^{\infty} \frac{1}{n^2} = \frac{1}{1^2} + \frac{1}{2^2} + \frac{1}{3^2} + \frac{1}{4^2} + \frac{1}{5^2} + \frac{1}{6^2} + \frac{1}{7^2} + \frac{1}{8^2} = \frac{\pi^2}{6}`;

/** What a keyboard and a screen reader get of a box: whether Tab reaches it, its role and its name. */
const reach = (box: Element | null | undefined) => box && { tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'), name: box.getAttribute('aria-label') };

const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

async function column(width: number, lang = 'en'): Promise<HTMLDivElement> {
  return fixture<HTMLDivElement>(`<div lang="${lang}" style="width: ${width}px"></div>`);
}

async function mathBlock(container: HTMLElement, tex: string): Promise<MathBlockElement> {
  const el = document.createElement('math-block');
  el.textContent = tex;
  container.append(el);
  await el.updateComplete;
  await frames();
  return el;
}

const formulaOf = (el: MathBlockElement) => el.shadowRoot!.querySelector('[part="formula"]');

describe('boxes that scroll sideways', () => {
  it('a formula wider than its column is a named tab stop, and the arrow keys scroll it', async () => {
    const el = await mathBlock(await column(240), wide);
    const formula = formulaOf(el) as HTMLElement;
    expect(formula.scrollWidth).to.be.greaterThan(formula.clientWidth);
    expect(reach(formula)).to.deep.equal({ tabindex: '0', role: 'group', name: 'Formula, scrolls sideways' });
    formula.focus();
    expect(el.shadowRoot!.activeElement).to.equal(formula);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => formula.scrollLeft > 0, 'ArrowRight scrolls the formula');
  });

  it('a formula that fits is no tab stop, and becomes one when its column narrows, and none again when it widens', async () => {
    const container = await column(1200);
    const el = await mathBlock(container, wide);
    expect(reach(formulaOf(el))).to.deep.equal({ tabindex: null, role: null, name: null });
    container.style.width = '240px';
    await waitUntil(() => formulaOf(el)!.getAttribute('tabindex') === '0', 'narrowed: focusable');
    container.style.width = '1200px';
    await waitUntil(() => !formulaOf(el)!.hasAttribute('tabindex'), 'widened: not focusable');
    expect(reach(formulaOf(el))).to.deep.equal({ tabindex: null, role: null, name: null });
  });

  it('names the box in the language of the page, and follows a change of it', async () => {
    const container = await column(240, 'zh-CN');
    const el = await mathBlock(container, wide);
    expect(formulaOf(el)!.getAttribute('aria-label')).to.equal('公式（可左右滚动）');
    container.lang = 'en';
    await waitUntil(() => formulaOf(el)!.getAttribute('aria-label') === 'Formula, scrolls sideways');
  });

  it('a formula that becomes wide when its TeX changes becomes a tab stop', async () => {
    const el = await mathBlock(await column(240), 'x');
    expect(formulaOf(el)!.hasAttribute('tabindex')).to.equal(false);
    el.textContent = wide;
    await waitUntil(() => formulaOf(el)?.getAttribute('tabindex') === '0', 'the new formula is focusable');
  });

  it('in a post: a wide equation becomes a named tab stop, a narrow one does not; code blocks and tables are tab stops as rendered', async () => {
    const container = await column(260);
    const el = document.createElement('post-body') as PostBodyElement;
    container.append(el);
    const longLine = `print(${'"a long line of code", '.repeat(8)})`;
    el.markdown = `Text.\n\n$$${wide}$$\n\n$$x = 1$$\n\n\`\`\`python\n${longLine}\n\`\`\`\n\n| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n| ${'wordwordword | '.repeat(6)}\n`;
    await el.updateComplete;
    const content = el.shadowRoot!.querySelector('[part="content"]')!;
    await waitUntil(() => content.querySelector('.sb-equation')?.getAttribute('tabindex') === '0', 'the wide equation is focusable');
    const [wideEquation, narrowEquation] = content.querySelectorAll('.sb-equation');
    expect(reach(wideEquation)).to.deep.equal({ tabindex: '0', role: 'group', name: 'Formula, scrolls sideways' });
    expect(reach(narrowEquation)).to.deep.equal({ tabindex: null, role: null, name: null });
    expect(reach(content.querySelector('pre'))).to.deep.equal({ tabindex: '0', role: null, name: null });
    expect(reach(content.querySelector('table'))).to.deep.equal({ tabindex: '0', role: null, name: null });
  });

  it('in a comment: a wide display formula becomes a named tab stop', async () => {
    const container = await column(260);
    const el = document.createElement('comment-list') as CommentListElement;
    container.append(el);
    el.comments = [{ id: 'a', author: 'A', date: '2024-01-01', body: `See:\n\n$$${wide}$$` }];
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('.sb-equation')?.getAttribute('tabindex') === '0', 'the formula is focusable');
    expect(reach(el.shadowRoot!.querySelector('.sb-equation'))).to.deep.equal({ tabindex: '0', role: 'group', name: 'Formula, scrolls sideways' });
  });

  it('in a comment far down a long thread, which the browser has not laid out yet: the wide formula is a tab stop all the same', async () => {
    const container = await column(260);
    const el = document.createElement('comment-list') as CommentListElement;
    container.append(el);
    const filler = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, author: 'A', date: '2024-01-01', body: `Comment ${i}: ${'words '.repeat(40)}` }));
    el.comments = [...filler, { id: 'last', author: 'B', date: '2024-01-02', body: `See:\n\n$$${wide}$$` }];
    await el.updateComplete;
    const body = () => el.shadowRoot!.querySelector('#comment-last [part="body"]')!;
    await waitUntil(() => body()?.querySelector('.sb-equation'), 'the last comment is rendered');
    expect(body().querySelector('.sb-equation')!.checkVisibility({ contentVisibilityAuto: true }), 'the browser skips what is in the far body').to.be.false;
    await waitUntil(() => body().querySelector('.sb-equation')!.getAttribute('tabindex') === '0', 'the formula becomes focusable without being scrolled to', { timeout: 10_000 });
    expect(reach(body().querySelector('.sb-equation'))).to.deep.equal({ tabindex: '0', role: 'group', name: 'Formula, scrolls sideways' });
    expect(window.scrollY, 'nothing scrolled').to.equal(0);
  });

  it('in a far comment: measured as laid out in its column, a quote\'s indent included, and the comment is still not laid out', async function () {
    this.timeout(30_000);
    const formula = String.raw`\sum_{n=1}^{\infty} \frac{1}{n^2} = \frac{1}{1^2} + \frac{1}{2^2} + \frac{1}{3^2} + \frac{1}{4^2}`;
    const body = `The sum:\n\n$$${formula}$$\n\n> quoted:\n>\n> $$${formula}$$`;
    // A comment near the top, laid out, gives the formula's width and the quote's indent.
    const probeColumn = await column(800);
    const probe = document.createElement('comment-list') as CommentListElement;
    probeColumn.append(probe);
    probe.comments = [{ id: 'probe', author: 'A', date: '2024-01-01', body }];
    await probe.updateComplete;
    await frames();
    const probeBody = probe.shadowRoot!.querySelector('[part="body"]')!;
    const [plainBox, quotedBox] = probeBody.querySelectorAll('.sb-equation');
    // The formula's own width: its glyphs, not the block that centres them.
    const glyphs = document.createRange();
    glyphs.selectNodeContents(plainBox.querySelector('.katex-html')!);
    const width = glyphs.getBoundingClientRect().width;
    const indent = plainBox.clientWidth - quotedBox.clientWidth;
    expect(indent, 'a quote is indented').to.be.greaterThan(8);
    // A column where the formula fits the comment, but not the quote in it.
    const container = await column(Math.ceil(width + indent / 2 + (800 - plainBox.clientWidth)));
    const el = document.createElement('comment-list') as CommentListElement;
    container.append(el);
    const filler = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, author: 'A', date: '2024-01-01', body: `Comment ${i}: ${'words '.repeat(40)}` }));
    el.comments = [...filler, { id: 'last', author: 'B', date: '2024-01-02', body }];
    await el.updateComplete;
    const far = () => el.shadowRoot!.querySelector('#comment-last [part="body"]')!;
    await waitUntil(() => far()?.querySelectorAll('.sb-equation').length === 2, 'the last comment is rendered');
    const [plain, quoted] = far().querySelectorAll('.sb-equation');
    await waitUntil(() => quoted.getAttribute('tabindex') === '0', 'the quoted formula becomes focusable without being scrolled to', { timeout: 20_000 });
    expect(reach(plain), 'the formula that fits the comment').to.deep.equal({ tabindex: null, role: null, name: null });
    expect(plain.checkVisibility({ contentVisibilityAuto: true }), 'the far comment is still skipped').to.be.false;
    expect(el.shadowRoot!.querySelectorAll('[part="body"]').length, 'no copy is left in the list').to.equal(41);
    expect(window.scrollY, 'nothing scrolled').to.equal(0);
    // Scrolled to, and laid out, the comment keeps what its copies measured.
    far().scrollIntoView();
    await frames();
    await frames();
    expect([reach(plain)!.tabindex, reach(quoted)!.tabindex]).to.deep.equal([null, '0']);
    window.scrollTo(0, 0);
  });

  it('in the preview of a comment being written: a wide display formula becomes a named tab stop, in the page\'s language', async () => {
    const container = await column(260, 'zh-CN');
    const el = document.createElement('comment-form') as CommentFormElement;
    el.draftKey = 'scroller-focus-test';
    container.append(el);
    await el.updateComplete;
    el.value = { body: `$$${wide}$$` };
    const shown = () => el.shadowRoot!.querySelector('[part="preview-content"] .katex-display');
    await waitUntil(() => shown()?.getAttribute('tabindex') === '0', 'the previewed formula is focusable');
    expect(reach(shown())).to.deep.equal({ tabindex: '0', role: 'group', name: '公式（可左右滚动）' });
    localStorage.removeItem('scroller-focus-test');
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/post-body.js';
import type { PostBodyElement, PostRenderedEvent } from '../../../src/post-body.js';

const article = String.raw`---
title: 测试
readers: 12
---
# 引言

由\eqref{eq:energy}可知（引用在公式之前），而 $\ref{eq:sum}$ 是求和。

\begin{equation}
E = mc^2 \label{eq:energy}
\end{equation}

## 求和

\begin{align}
S &= \sum_{k=1}^{n} k \label{eq:sum} \\
  &= \frac{n(n+1)}{2} \nonumber
\end{align}

| a | b |
|---|---|
| $x^2$ | 2 |
`;

const contentOf = (el: PostBodyElement) => el.shadowRoot!.querySelector('[part="content"]')!;

async function postBody(markdown: string, attributes = ''): Promise<PostBodyElement> {
  const host = await fixture<HTMLDivElement>(`<div><post-body ${attributes}></post-body></div>`);
  const el = host.querySelector('post-body')!;
  el.markdown = markdown;
  await el.updateComplete;
  return el;
}

describe('post-body', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  describe('rendering', () => {
    it('renders markdown with numbered equations, tables and headings', async () => {
      const el = await postBody(article);
      const content = contentOf(el);
      expect(content.querySelector('h1')!.id).to.equal('引言');
      expect(content.querySelector('h2')!.id).to.equal('求和');
      expect(content.querySelector('#eq-eq\\:energy .katex-tag')!.textContent).to.contain('(1)');
      expect(content.querySelector('#eq-eq\\:sum .katex-tag')!.textContent).to.contain('(2)');
      expect(content.querySelector('td .katex')).to.exist;
    });

    it('turns \\eqref and \\ref into links to the equation, even before it', async () => {
      const el = await postBody(article);
      const links = [...contentOf(el).querySelectorAll('a.sb-eqref')];
      expect(links.map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
        ['(1)', '#eq-eq:energy'],
        ['2', '#eq-eq:sum'],
      ]);
    });

    it('reads markdown from a <script type="text/markdown"> child, ignoring its indentation', async () => {
      const el = await fixture<PostBodyElement>(`<post-body>
        <script type="text/markdown">
          ## From a script

          Inline $a^2$ here.
        </script>
      </post-body>`);
      expect(contentOf(el).querySelector('h2')!.textContent).to.contain('From a script');
      expect(contentOf(el).querySelector('pre')).to.not.exist;
      expect(contentOf(el).querySelector('p .katex')).to.exist;
    });

    it('fires rendered with the equations, headings, errors and front matter', async () => {
      const el = document.createElement('post-body');
      el.markdown = `${article}\n\nBroken: $\\frac{1}{$`;
      const rendered = oneEvent(el, 'post-rendered') as Promise<PostRenderedEvent>;
      document.body.append(el);
      const detail = await rendered;
      expect(detail.meta).to.include({ title: '测试', readers: 12 });
      expect(detail.equations.map((e) => e.number)).to.deep.equal(['1', '2']);
      expect(detail.headings.map((h) => h.text)).to.deep.equal(['引言', '求和']);
      expect(detail.errors).to.have.length(1);
      expect(detail.errors[0].message).to.match(/KaTeX parse error/);
      el.remove();
    });

    it('shows a broken formula as its source and message, and renders the rest', async () => {
      const el = await postBody('Before $\\frac{1}{$ after.\n\n$$\\undefinedmacro$$\n\nStill here.');
      const errors = [...contentOf(el).querySelectorAll('.sb-math-error')];
      expect(errors).to.have.length(2);
      expect(errors[0].textContent).to.contain('\\frac{1}{');
      expect(errors[1].textContent).to.contain('\\undefinedmacro');
      expect(contentOf(el).textContent).to.contain('Still here.');
    });

    it('fades a wide equation out at its right edge until it is scrolled to its end; one that fits does not fade', async () => {
      const wide = Array.from({ length: 40 }, (_, i) => `x_{${i}}`).join('+');
      const host = await fixture<HTMLDivElement>(html`<div style="width: 240px"><post-body></post-body></div>`);
      const el = host.querySelector('post-body')!;
      el.markdown = `\\begin{equation}${wide}\\end{equation}\n\n\\begin{equation}x = 1\\end{equation}`;
      await el.updateComplete;
      const [scrolling, fitting] = [...contentOf(el).querySelectorAll<HTMLElement>('.sb-equation')];
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      await frame();
      const offset = (equation: HTMLElement) => parseFloat(getComputedStyle(equation).maskPosition);
      expect(scrolling.scrollWidth).to.be.greaterThan(scrolling.clientWidth);
      expect(offset(scrolling), 'the fade is in the box at the start').to.be.below(-10);
      expect(offset(fitting), 'no fade on a formula that fits').to.equal(0);
      expect(fitting.scrollWidth, 'a numbered formula that fits does not scroll').to.be.at.most(fitting.clientWidth);
      expect(fitting.hasAttribute('tabindex'), 'nor is it a tab stop').to.be.false;
      scrolling.scrollLeft = scrolling.scrollWidth;
      await frame();
      expect(offset(scrolling), 'no fade once scrolled to the end, where the number is').to.equal(0);
    });

    it('keeps the number of a wide equation beside it rather than on top of it', async () => {
      const wide = Array.from({ length: 40 }, (_, i) => `x_{${i}}`).join('+');
      const host = await fixture<HTMLDivElement>(html`<div style="width: 240px"><post-body></post-body></div>`);
      const el = host.querySelector('post-body')!;
      el.markdown = `\\begin{equation}${wide}\\end{equation}`;
      await el.updateComplete;
      const equation = contentOf(el).querySelector('.sb-equation') as HTMLElement;
      const bases = [...equation.querySelectorAll('.katex-base')];
      const tag = equation.querySelector('.katex-tag')!;
      expect(equation.scrollWidth).to.be.greaterThan(equation.clientWidth);
      expect(tag.getBoundingClientRect().left).to.be.at.least(bases[bases.length - 1].getBoundingClientRect().right);
    });

    it('keeps the punctuation after a formula on the formula\'s line when the line is full', async () => {
      const host = await fixture<HTMLDivElement>('<div lang="zh-CN" style="width: max-content"><post-body></post-body></div>');
      const el = host.querySelector('post-body')!;
      el.markdown = String.raw`$\bar{s}$。满足这两个条件的分布有无穷多个。`;
      await el.updateComplete;
      await document.fonts.ready;
      const formula = contentOf(el).querySelector('.katex')!;
      // Room for the formula on the first line, not for the full stop after it.
      host.style.width = `${Math.ceil(formula.getBoundingClientRect().width) + 2}px`;
      const walker = document.createTreeWalker(contentOf(el), NodeFilter.SHOW_TEXT, { acceptNode: (node) => ((node as Text).data.startsWith('。') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
      const stop = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(stop, 0);
      range.setEnd(stop, 1);
      const [stopBox, line] = [range.getBoundingClientRect(), formula.getBoundingClientRect()];
      expect(stopBox.top < line.bottom && stopBox.bottom > line.top, '。 begins the next line').to.be.true;
      expect(contentOf(el).textContent!.split('。').length - 1, 'each full stop shown once').to.equal(2);
    });

    it('wraps a broken formula\'s source and message in a narrow column even with punctuation after it', async () => {
      const host = await fixture<HTMLDivElement>('<div style="width: 200px"><post-body></post-body></div>');
      const el = host.querySelector('post-body')!;
      el.markdown = String.raw`So $\nosuchcommand{x} + \alsonotacommand$, and more.`;
      await el.updateComplete;
      const error = contentOf(el).querySelector('.sb-math-error')!;
      expect(error.getBoundingClientRect().right).to.be.at.most(host.getBoundingClientRect().right + 1);
    });

    it('loads neither markdown-it-footnote nor the sidenote layout for articles without footnotes', async () => {
      await postBody(article);
      const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(loaded.filter((name) => /markdown-it-footnote|sidenote-layout/.test(name))).to.deep.equal([]);
      expect(loaded.some((name) => name.includes('markdown-it'))).to.be.true;
    });

    it('shows raw HTML as text when untrusted', async () => {
      const el = await postBody('<img src=x onerror="window.__pwned=1"> [x](javascript:alert(1))', 'untrusted');
      expect(contentOf(el).querySelector('img')).to.not.exist;
      expect(contentOf(el).textContent).to.contain('<img src=x');
      expect(contentOf(el).querySelector('a')).to.not.exist;
      expect((window as { __pwned?: number }).__pwned).to.be.undefined;
    });

    it("shows a visitor's picture only when the site allows it: untrusted text keeps it a link unless `images` is set", async () => {
      const picture = 'Look: ![a tracker](https://tracker.example/pixel.png)';
      const plain = await postBody(picture, 'untrusted');
      expect(contentOf(plain).querySelector('img')).to.not.exist;
      expect(contentOf(plain).textContent).to.contain('a tracker');
      const allowed = await postBody(picture, 'untrusted images');
      expect(contentOf(allowed).querySelector('img')!.getAttribute('src')).to.equal('https://tracker.example/pixel.png');
      const trusted = await postBody(picture);
      expect(contentOf(trusted).querySelector('img'), "a site owner's own post always shows its pictures").to.exist;
    });
  });

  describe('errors in its language', () => {
    it('a Chinese post-body words an unknown label and a broken formula in Chinese, and a page rewords one code', async () => {
      const el = await postBody('见 \\eqref{eq:nowhere}。\n\n$\\frac{1}{$', 'lang="zh-CN"');
      await waitUntil(() => el.result?.errors.length === 2, 'errors never reported');
      const said = () => el.result!.errors.map((error) => el.errorText(error));
      expect(said()[0]).to.equal('未知的标签“eq:nowhere”');
      expect(said()[1]).to.match(/^公式错误：KaTeX parse error/);
      expect(el.result!.errors[0].message).to.equal('unknown label "eq:nowhere"');
      el.strings = { errors: { 'unknown-label': ({ label }) => `没有“${label}”这个标签` } };
      expect(said()[0]).to.equal('没有“eq:nowhere”这个标签');
      el.lang = 'en';
      el.strings = undefined;
      expect(said()).to.deep.equal(el.result!.errors.map((error) => error.message));
    });
  });

  describe('real posts', () => {
    it('renders the article when its front matter is an alias bomb, and reports it', async () => {
      const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]', '---', '', '# Still here', '', '$x^2$'].join('\n');
      const el = await postBody(bomb);
      expect(contentOf(el).querySelector('h1')!.textContent).to.contain('Still here');
      expect(contentOf(el).querySelectorAll('.katex')).to.have.length(1);
      expect(el.result!.errors.map((error) => error.message).join()).to.match(/front matter/);
    });

    it('typesets an equation written in the middle of a line, as MathJax would', async () => {
      const el = await postBody(String.raw`We have \begin{equation}a = b\label{x}\end{equation} and so \eqref{x}.`);
      expect(contentOf(el).querySelectorAll('.katex-display')).to.have.length(1);
      expect(contentOf(el).querySelector('a.sb-eqref')!.textContent).to.equal('(1)');
      const seen = contentOf(el).cloneNode(true) as Element;
      seen.querySelectorAll('.katex-mathml').forEach((mathml) => mathml.remove());
      expect(seen.textContent).not.to.contain('\\begin');
    });
  });

  describe('equation links', () => {
    it('scrolls to the equation and puts it in the URL when a reference is clicked', async () => {
      const el = await postBody(`See \\eqref{eq:far}.\n\n${'Filler paragraph.\n\n'.repeat(150)}\\begin{equation}x = 1 \\label{eq:far}\\end{equation}`);
      const equation = contentOf(el).querySelector('#eq-eq\\:far')!;
      expect(equation.getBoundingClientRect().top).to.be.greaterThan(window.innerHeight);
      (contentOf(el).querySelector('a.sb-eqref') as HTMLElement).click();
      await waitUntil(() => {
        const { top, bottom } = equation.getBoundingClientRect();
        return top >= 0 && bottom <= window.innerHeight;
      }, 'equation did not scroll into view');
      expect(decodeURIComponent(location.hash)).to.equal('#eq-eq:far');
      expect(equation.hasAttribute('data-targeted')).to.be.true;
      expect(el.shadowRoot!.activeElement).to.equal(equation);
    });

    it('scrolls to the equation named in the URL fragment when it renders', async () => {
      history.replaceState(null, '', '#eq-eq:late');
      const el = await postBody(`${'Filler paragraph.\n\n'.repeat(150)}\\begin{equation}y = 2 \\label{eq:late}\\end{equation}`);
      const equation = contentOf(el).querySelector('#eq-eq\\:late')!;
      await waitUntil(() => equation.getBoundingClientRect().top < window.innerHeight, 'equation named in the URL is not in view');
    });

    it('gives each heading an anchor link to itself', async () => {
      const el = await postBody(article);
      const anchor = contentOf(el).querySelector('h2 a.sb-heading-anchor')!;
      expect(decodeURIComponent(anchor.getAttribute('href')!)).to.equal('#求和');
    });
  });

  describe('src', () => {
    it('renders the article fetched from src', async () => {
      const el = await fixture<PostBodyElement>(html`<post-body src="/tests/elements/post-body/fixtures/article.md"></post-body>`);
      await oneEvent(el, 'post-rendered');
      expect(contentOf(el).querySelector('h1')!.textContent).to.contain('Fetched');
      expect(contentOf(el).querySelector('a.sb-eqref')!.textContent).to.equal('(1)');
    });

    it('shows the loading message in the page language while the fetch is pending', async () => {
      const realFetch = window.fetch;
      window.fetch = () => new Promise<Response>(() => {});
      try {
        const host = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><post-body src="/never.md"></post-body></div>`);
        const el = host.querySelector('post-body')!;
        await el.updateComplete;
        const status = el.shadowRoot!.querySelector('[part="status"]')!;
        expect(status.textContent).to.equal('正在加载…');
        expect(status.getAttribute('role')).to.equal('status');
      } finally {
        window.fetch = realFetch;
      }
    });

    it('keeps the article\'s room while its src loads, so the page below does not jump when it arrives', async () => {
      const el = await fixture<PostBodyElement>(html`<post-body src="/tests/never-answers" timeout="60000"></post-body>`);
      expect(el.shadowRoot!.querySelector('[part="status"]')).to.exist;
      expect(el.getBoundingClientRect().height).to.be.at.least(window.innerHeight);
      el.style.setProperty('--sb-post-body-reserved-height', '120px');
      expect(el.getBoundingClientRect().height).to.be.within(120, 200);
      el.remove();
    });

    it('gives up on a src that never answers after its timeout, with the fallback content', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="zh"><post-body src="/tests/never-answers" timeout="300"><p>旧站阅读</p></post-body></div>`);
      const el = host.querySelector('post-body')!;
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'still loading', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal('无法加载 /tests/never-answers（0.3 秒内没有响应）。');
      expect(el.shadowRoot!.querySelector('slot')!.assignedElements()[0].textContent).to.equal('旧站阅读');
    });

    it('refuses a src longer than max-bytes, while it streams in', async () => {
      const el = await fixture<PostBodyElement>(html`<post-body src="/tests/large-answer?bytes=200000" max-bytes="100000"><p>Fallback</p></post-body>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error shown');
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal('Could not load /tests/large-answer?bytes=200000 (longer than 100 KB).');
      expect(el.shadowRoot!.querySelector('[part="content"]')).to.equal(null);
    });

    it('renders a src just under max-bytes', async () => {
      const el = await fixture<PostBodyElement>(html`<post-body src="/tests/large-answer?bytes=90000" max-bytes="100000"></post-body>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="content"] h1'), 'not rendered');
    });

    it('shows what failed and the fallback content when the fetch fails', async () => {
      const el = await fixture<PostBodyElement>(html`<post-body src="/tests/elements/post-body/fixtures/missing.md"><p>Read it on the old site.</p></post-body>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error shown');
      const error = el.shadowRoot!.querySelector('[part="error"]')!;
      expect(error.textContent).to.contain('/tests/elements/post-body/fixtures/missing.md');
      expect(error.textContent).to.contain('404');
      expect(error.getAttribute('role')).to.equal('alert');
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Read it on the old site.']);
    });

    it('follows a change of language', async () => {
      const host = await fixture<HTMLDivElement>(html`<div lang="en"><post-body src="/tests/elements/post-body/fixtures/missing.md"></post-body></div>`);
      const el = host.querySelector('post-body')!;
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'));
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/^Could not load/);
      host.lang = 'zh';
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]')!.textContent!.startsWith('无法加载'), 'message did not switch to Chinese');
    });
  });

  describe('no-shadow', () => {
    it('renders into the light DOM with KaTeX styles on the document', async () => {
      const el = await fixture<PostBodyElement>(`<post-body no-shadow><p class="fallback">Fallback</p><script type="text/markdown">Inline $x$.</script></post-body>`);
      expect(el.shadowRoot).to.be.null;
      expect(el.querySelector('[part="content"] .katex')).to.exist;
      expect((el.querySelector('.fallback') as HTMLElement).hidden).to.be.true;
      const adopted = [...document.adoptedStyleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.startsWith('.katex ')));
      expect(adopted).to.be.true;
    });
  });
});

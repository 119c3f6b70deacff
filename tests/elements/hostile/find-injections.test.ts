/**
 * The checker checked: it must find real injections (every payload rendered
 * by deliberately unsafe renderers, nested shadow roots), the flag wait must
 * be long enough for a real `onerror`, and KaTeX's own output must pass it,
 * or the hostile-input suite proves nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import texmath from 'markdown-it-texmath';
import '../../../src/comment-list.js';
import type { CommentListElement } from '../../../src/comment-list.js';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';
import { compactCss, compactUrl, elementsIn, findInjections, type Injection, katexStyleProperties, unexpectedDeclarations } from './find-injections.js';
import { flagsSet, watchFlag } from './harness.js';
import { type XssPayload, payloads } from './payloads.js';

// --- Deliberately unsafe renderings ------------------------------------------
// Each is parsed into an inert document or template content: nothing loads,
// nothing runs, a <meta refresh> or <base> cannot touch the test page.

/** The body taken as HTML, as `innerHTML` would (in a template, with the page's scripting flag). */
function asFragment(body: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = body;
  return template.content;
}

/** The body taken as a whole HTML document (so `<body onload>` and `<meta>` land where they would). */
function asDocument(body: string): Document {
  return new DOMParser().parseFromString(body, 'text/html');
}

/** markdown-it with raw HTML, every link scheme, links not percent-encoded, and KaTeX trusting everything. */
const unsafeMarkdown = (() => {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.use(texmath, { engine: katex, delimiters: 'dollars', katexOptions: { trust: true, strict: 'ignore', throwOnError: false } });
  return md;
})();

/** Links written the naive way: URL and title pasted into the attribute unescaped. */
function naiveLinks(body: string): string {
  const unescape = (text: string) => text.replace(/\\(.)/g, '$1');
  const title = String.raw`(?:\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|\(([^)]*)\)))?`;
  const link = (text: string, url: string, t = '') => `<a href="${url}" title="${unescape(t)}">${text}</a>`;
  const references = new Map<string, [string, string | undefined]>();
  const withoutDefinitions = body.replace(new RegExp(String.raw`^\[([^\]]+)\]:\s*<?([^\s>]+)>?${title}\s*$`, 'gm'), (_, label: string, url: string, a?: string, b?: string, c?: string) => {
    references.set(label.toLowerCase(), [url, a ?? b ?? c]);
    return '';
  });
  return withoutDefinitions
    .replace(new RegExp(String.raw`!?\[([^\]]*)\]\(\s*<?([^\s>)]*)>?${title}\s*\)`, 'g'), (_, text: string, url: string, a?: string, b?: string, c?: string) => link(text, url, a ?? b ?? c))
    .replace(/\[([^\]]+)\]\[([^\]]+)\]/g, (whole, text: string, label: string) => {
      const reference = references.get(label.toLowerCase());
      return reference ? link(text, ...reference) : whole;
    });
}

const dangerous = (injections: Injection[]) => injections.filter(({ kind }) => kind !== 'unexpected-element' && kind !== 'link-scheme');

function findInUnsafeRenderings(body: string): string[] {
  return [
    ...findInjections(asFragment(body)),
    ...findInjections(asDocument(body)),
    ...findInjections(asFragment(unsafeMarkdown.render(body))),
    ...findInjections(asFragment(naiveLinks(body))),
  ].flatMap((injection) => dangerous([injection]).map(({ kind, detail }) => `${kind}: ${detail}`));
}

/**
 * Payloads that even the unsafe renderers above turn into nothing the checker
 * can call dangerous: their attack needs a broken escaper in KaTeX itself, or
 * a renderer that decodes what it should not. The surfaces still run them;
 * this list only says the self-test cannot.
 */
const harmlessEvenUnsafe = new Map([
  ['markdown link to jav%61script: (percent-encoded scheme)', 'no browser decodes percent-escapes in a scheme: left encoded it is a relative URL (it catches a renderer that decodes before it checks)'],
  ['TeX \\htmlData{onclick=…}', 'trusted KaTeX writes data-onclick="…", which runs nothing'],
  ['TeX \\htmlData with a space in the name', 'KaTeX refuses attribute names with spaces'],
  ['TeX \\htmlId with quotes breaking out', 'KaTeX escapes the quotes in the id'],
  ['TeX \\htmlClass with quotes breaking out', 'KaTeX escapes the quotes in the class'],
  ['TeX \\href{#…} with quotes breaking out', 'KaTeX escapes the quotes in the href'],
  ['TeX \\color breaking out of the style', 'KaTeX accepts only colour names and hex colours'],
  ["event handler in a highlighted fence's info string", 'markdown-it escapes the info string even with raw HTML on (it catches a renderer that pastes the language into the class attribute)'],
  ['TeX \\href with a tab in the scheme', 'KaTeX refuses a scheme with a tab in it even when trusting everything'],
]);

/** The body with HTML entities decoded and every base64 run decoded too: where a payload's flag may hide. */
function decodedForms(payload: XssPayload): string[] {
  const decoded = asDocument(`<textarea>${payload.body.replace(/<\/textarea/gi, '')}</textarea>`).querySelector('textarea')!.value;
  const base64 = [...payload.body.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)].flatMap(([run]) => {
    try {
      return [atob(run.length % 4 === 0 ? run : run + '='.repeat(4 - (run.length % 4)))];
    } catch {
      return [];
    }
  });
  return [payload.body, decoded, ...base64];
}

describe('find-injections (self-test of the checker)', () => {
  describe('the payload corpus', () => {
    it('has at least 45 payloads, with unique names and flags', () => {
      expect(payloads.length).to.be.at.least(45);
      expect(new Set(payloads.map((p) => p.name)).size).to.equal(payloads.length);
      expect(new Set(payloads.map((p) => p.flag)).size).to.equal(payloads.length);
    });

    it('has each payload set its own flag (plainly, entity-encoded or base64)', () => {
      const missing = payloads.filter((p) => !decodedForms(p).some((form) => new RegExp(String.raw`__xss\s*=\s*\\?['"]${p.flag}\\?['"]`).test(form)));
      expect(missing.map((p) => p.name)).to.deep.equal([]);
    });

    it('names only payloads that exist among those the self-test cannot catch', () => {
      const names = new Set(payloads.map((p) => p.name));
      expect([...harmlessEvenUnsafe.keys()].filter((name) => !names.has(name))).to.deep.equal([]);
    });
  });

  describe('finds every payload in a deliberately unsafe rendering', () => {
    for (const payload of payloads) {
      if (harmlessEvenUnsafe.has(payload.name)) continue;
      it(`finds ${payload.name}`, () => {
        expect(findInUnsafeRenderings(payload.body)).to.not.be.empty;
      });
    }
  });

  describe('finds injections wherever they are', () => {
    it('inside nested shadow roots and template contents', () => {
      const outer = document.createElement('div');
      const inner = document.createElement('span');
      outer.attachShadow({ mode: 'open' }).append(inner);
      const deepest = document.createElement('a');
      deepest.setAttribute('href', ' JaVa\tScRiPt:void 0');
      inner.attachShadow({ mode: 'open' }).append(deepest);
      const template = document.createElement('template');
      template.innerHTML = '<svg><a xlink:href="vbscript:x">x</a></svg>';
      inner.shadowRoot!.append(template);
      expect(findInjections(outer).map((i) => i.kind)).to.deep.equal(['script-url', 'element', 'script-url']);
      expect([...elementsIn(outer)].map((e) => e.localName)).to.include.members(['div', 'span', 'a', 'template', 'svg']);
    });

    it('in URLs split by whitespace and control characters, in any case', () => {
      expect(compactUrl(' \u0001 Java\tScript\n:alert(1)')).to.equal('javascript:alert(1)');
      for (const url of ['javascript:x', ' \tJAVASCRIPT:x', 'java\u0000script:x', 'vbscript:x', 'data:text/html,x', 'DATA:image/svg+xml,x']) {
        const a = document.createElement('a');
        a.setAttribute('href', url);
        expect(findInjections(a).map((i) => i.kind), url).to.deep.equal(['script-url']);
      }
      const safe = document.createElement('a');
      safe.setAttribute('href', 'https://example.org/javascript:x');
      expect(findInjections(safe, { content: true })).to.deep.equal([]);
    });

    it('in styles hidden by CSS escapes and comments', () => {
      expect(compactCss('width: \\65 xpression(x)')).to.equal('width:expression(x)');
      expect(compactCss('background: u/**/rl(x)')).to.equal('background:url(x)');
      for (const style of ['width:\\65 xpression(1)', 'background:u\\72l(x)', 'background: URL( "x" )', 'x:y/*\n*/;behavior:url(x)']) {
        const p = document.createElement('p');
        p.setAttribute('style', style);
        expect(findInjections(p).map((i) => i.kind), style).to.deep.equal(['style']);
      }
    });

    it('in content: elements, styles and link schemes that markdown and KaTeX never produce', () => {
      const content = asFragment('<p><span style="position:fixed;top:0">x</span><details>y</details><a href="ftp://example.org/">z</a><math><mglyph></mglyph></math></p>');
      expect(findInjections(content, { content: true }).map((i) => i.kind)).to.deep.equal(['style', 'unexpected-element', 'link-scheme', 'unexpected-element']);
      expect(unexpectedDeclarations('height:0.68em;vertical-align:-0.19em;color:#cc0000;border:0.04em solid blue')).to.deep.equal([]);
    });

    it('and a real onerror, once the image has failed, sets the flag', async () => {
      watchFlag();
      const host = document.createElement('div');
      document.body.append(host);
      try {
        // innerHTML in a shadow root, as unsafeHTML does it.
        const root = host.attachShadow({ mode: 'open' });
        root.innerHTML = `<img src="x-self-test" onerror="window.__xss='self-test'">`;
        // The inline handler was added first, so it has run when this listener runs;
        // waiting for the event rather than for SETTLE_MS makes the check independent of load.
        await new Promise((resolve) => root.querySelector('img')!.addEventListener('error', resolve, { once: true }));
        expect(flagsSet, 'onerror fired but the flag is not recorded').to.deep.equal(['self-test']);
        expect(window.__xss).to.equal('self-test');
      } finally {
        host.remove();
        watchFlag();
      }
    });
  });

  describe("KaTeX's own output passes the checker", () => {
    // A wide sample of what visitors write: every kind of box, rule, colour, arrow, accent, matrix.
    const formulas = [
      String.raw`\frac{a}{b} + \sqrt{x} + \sqrt[3]{y} + \begin{pmatrix}1&2\\3&4\end{pmatrix}`,
      String.raw`\begin{array}{|c|c|}\hline a & b \\ \hdashline c & d \\ \hline\end{array}`,
      String.raw`\color{red}{x} \textcolor{#0a0}{y} \colorbox{yellow}{z} \fcolorbox{blue}{#eee}{w}`,
      String.raw`\rule{1em}{2em} \rule[-0.5em]{2em}{0.1em} \raisebox{0.5em}{r} a\kern1em b\hspace{2em}c\mathstrut`,
      String.raw`\overbrace{a+b}^{n} \underbrace{c}_{m} \xrightarrow[below]{above} \xleftarrow{x} \cancel{x} \bcancel{y} \xcancel{z} \boxed{q} \sout{s}`,
      String.raw`\phantom{x}\vphantom{y}\hphantom{z}\smash{q}\vcenter{v} \overrightarrow{AB} \overleftrightarrow{CD} \widehat{xyz} \widetilde{abc} \overline{x}\underline{y}`,
      String.raw`\sum_{i=1}^n \int_0^1 \oint \prod \lim_{x\to0} \left(\frac12\right) \Big( \big] \binom{n}{k} \substack{a\\b} \stackrel{!}{=} \overset{a}{b} \not= \operatorname{sin}`,
      String.raw`\begin{aligned}a&=b\\c&=d\end{aligned} \begin{cases}1&x\\0&y\end{cases}`,
      String.raw`\Huge x \tiny y \mathbb{R} \mathcal{L} \mathrm{d} \text{text} \textbf{b} \angl{n} \lvert x\rvert \sqrt{\frac{\frac{a}{b}}{c}} \utilde{x} \boldsymbol{\alpha}`,
      String.raw`\left\{\begin{matrix}a\\b\end{matrix}\right. \mathrlap{x} \llap{y} \clap{z} \underset{u}{v} \tag{★}`,
    ];

    async function renderedSample(): Promise<{ list: CommentListElement; post: PostBodyElement }> {
      const comments = formulas.map((tex, i) => ({
        id: String(i),
        author: `Reader ${i}`,
        date: `2024-01-${String(i + 1).padStart(2, '0')}`,
        body: `$$\n${tex}\n$$\n\nInline $${tex.replace(/\\tag\{★\}/, '')}$, a [link](https://example.org/${i} "title"), <https://example.org/auto>, mail@example.org, **bold** and \`code\`.`,
      }));
      const list = await fixture<CommentListElement>(html`<comment-list .window=${comments.length} .comments=${comments}></comment-list>`);
      const post = await fixture<PostBodyElement>(html`<post-body untrusted images .markdown=${comments.map((c) => c.body).join('\n\n') + '\n\n![a picture](https://example.org/a.png)'}></post-body>`);
      return { list, post };
    }

    it('reports nothing in a broad sample of valid math, links and markdown', async () => {
      const { list, post } = await renderedSample();
      const bodies = [...list.shadowRoot!.querySelectorAll('[part="body"]')];
      expect(bodies).to.have.length(formulas.length);
      const failed = [...list.shadowRoot!.querySelectorAll('.sb-math-error')].map((error) => error.textContent);
      expect(failed, 'sample formulas that failed to render').to.deep.equal([]);
      for (const body of bodies) expect(findInjections(body, { content: true }).map((i) => i.detail)).to.deep.equal([]);
      expect(findInjections(list)).to.deep.equal([]);
      const content = post.shadowRoot!.querySelector('[part="content"]')!;
      expect(content.querySelector('img')).to.exist;
      expect(findInjections(content, { content: true, images: true }).map((i) => i.detail)).to.deep.equal([]);
    });

    it('uses only lengths, colours and a few keywords in its inline styles, and no data: URL', async () => {
      const { list } = await renderedSample();
      const declarations = new Map<string, Set<string>>();
      const urls: string[] = [];
      for (const element of elementsIn(list.shadowRoot!)) {
        for (const declaration of (element.getAttribute('style') ?? '').split(';').filter((d) => d.trim())) {
          const [property, ...value] = declaration.split(':');
          const values = declarations.get(property.trim()) ?? new Set();
          values.add(value.join(':').trim());
          declarations.set(property.trim(), values);
        }
        for (const name of ['href', 'src', 'xlink:href']) if (element.hasAttribute(name)) urls.push(element.getAttribute(name)!);
      }
      // The sample does exercise KaTeX's styles: sizes, positions, colours, borders.
      expect([...declarations.keys()]).to.include.members(['height', 'vertical-align', 'top', 'margin-right', 'color', 'background-color', 'border-color']);
      expect([...declarations.keys()].filter((p) => !katexStyleProperties.has(p))).to.deep.equal([]);
      const all = [...declarations].flatMap(([property, values]) => [...values].map((value) => `${property}:${value}`));
      expect(all.filter((declaration) => unexpectedDeclarations(declaration).length > 0)).to.deep.equal([]);
      expect(all.filter((declaration) => /url\(|expression\(|javascript:|\\|["']/i.test(declaration))).to.deep.equal([]);
      expect(urls.filter((url) => compactUrl(url).startsWith('data:'))).to.deep.equal([]);
    });
  });
});

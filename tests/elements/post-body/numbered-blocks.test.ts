import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';

const filler = 'Filler paragraph.\n\n'.repeat(150);
const article = String.raw`By theorem \ref{thm:pythagoras} and @fig:circle.

${filler}
\begin{theorem}[Pythagoras]\label{thm:pythagoras}
For every $\theta$, $\cos^2\theta + \sin^2\theta = 1$.
\end{theorem}

\begin{proof}
Read it off the unit circle.
\end{proof}

![The unit circle](/demo/images/exit-time.svg){#fig:circle}
`;

const contentOf = (el: PostBodyElement) => el.shadowRoot!.querySelector('[part="content"]')!;

async function postBody(markdown: string, lang = 'en'): Promise<PostBodyElement> {
  const host = await fixture<HTMLDivElement>(`<div lang="${lang}"><post-body></post-body></div>`);
  const el = host.querySelector('post-body')!;
  el.markdown = markdown;
  await el.updateComplete;
  return el;
}

function inView(element: Element): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  return top >= 0 && bottom <= window.innerHeight;
}

describe('post-body numbered blocks', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows a theorem with its name in bold, a proof ending in ∎ and a captioned figure', async () => {
    const el = await postBody(article);
    const theorem = contentOf(el).querySelector('#thm-pythagoras')!;
    const name = theorem.querySelector('.sb-theorem-name')!;
    expect(name.textContent).to.equal('Theorem 1');
    expect(Number(getComputedStyle(name).fontWeight)).to.be.at.least(600);
    expect(theorem.textContent).to.match(/^\s*Theorem 1 \(Pythagoras\)\. For every/);
    expect(theorem.querySelectorAll('.katex').length).to.equal(2);
    const qed = contentOf(el).querySelector('.sb-theorem-proof .sb-qed')!;
    expect(qed.textContent).to.equal('∎');
    expect(qed.getBoundingClientRect().right).to.be.closeTo(qed.closest('p')!.getBoundingClientRect().right, 1);
    const figure = contentOf(el).querySelector('figure#fig-circle')!;
    expect(figure.querySelector('img')!.getAttribute('src')).to.equal('/demo/images/exit-time.svg');
    expect(figure.querySelector('figcaption')!.textContent).to.equal('Figure 1: The unit circle');
  });

  it('names the blocks in the page\'s language and follows a change of it', async () => {
    const el = await postBody(article, 'zh');
    expect(contentOf(el).querySelector('#thm-pythagoras .sb-theorem-head')!.textContent).to.equal('定理 1（Pythagoras）');
    expect(contentOf(el).querySelector('figcaption')!.textContent).to.equal('图 1：The unit circle');
    (el.parentElement as HTMLElement).lang = 'en';
    await waitUntil(() => contentOf(el).querySelector('figcaption')?.textContent === 'Figure 1: The unit circle', 'names did not switch to English');
  });

  it('scrolls to the theorem, highlights and focuses it and puts it in the URL when \\ref{thm:x} is clicked', async () => {
    const el = await postBody(article);
    const theorem = contentOf(el).querySelector('#thm-pythagoras')!;
    expect(theorem.getBoundingClientRect().top).to.be.greaterThan(window.innerHeight);
    const link = contentOf(el).querySelector('a.sb-eqref') as HTMLAnchorElement;
    expect([link.textContent, link.getAttribute('href')]).to.deep.equal(['1', '#thm-pythagoras']);
    link.click();
    await waitUntil(() => inView(theorem), 'theorem did not scroll into view');
    expect(decodeURIComponent(location.hash)).to.equal('#thm-pythagoras');
    expect(theorem.hasAttribute('data-targeted')).to.be.true;
    await waitUntil(() => getComputedStyle(theorem).backgroundColor !== 'rgba(0, 0, 0, 0)', 'theorem is not highlighted');
    expect(el.shadowRoot!.activeElement).to.equal(theorem);
  });

  it('scrolls to the figure and highlights it when @fig:x is clicked, the highlight leaving the theorem', async () => {
    const el = await postBody(article);
    (contentOf(el).querySelector('a.sb-eqref') as HTMLElement).click();
    const figure = contentOf(el).querySelector('#fig-circle')!;
    const link = contentOf(el).querySelector('a.sb-ref') as HTMLAnchorElement;
    expect(link.textContent).to.equal('Figure 1');
    link.click();
    await waitUntil(() => figure.getBoundingClientRect().top < window.innerHeight && figure.getBoundingClientRect().bottom > 0, 'figure did not scroll into view');
    expect(figure.hasAttribute('data-targeted')).to.be.true;
    expect(contentOf(el).querySelector('#thm-pythagoras')!.hasAttribute('data-targeted')).to.be.false;
  });

  describe('figures in the dark scheme', () => {
    // The demo's charts are SVG files drawn for a white page: grey labels (#57606a) and rules.
    const drawnFor = { label: [0x57, 0x60, 0x6a], page: [0x16, 0x1b, 0x22] };
    const figure = '![The expected exit time](/demo/images/exit-time.svg){#fig:exit}';

    async function figureIn(scheme: 'light' | 'dark', style = ''): Promise<HTMLImageElement> {
      const host = await fixture<HTMLDivElement>(`<div lang="en" style="color-scheme: ${scheme}; width: 390px"><post-body style="${style}"></post-body></div>`);
      const el = host.querySelector('post-body')!;
      el.markdown = figure;
      await el.updateComplete;
      const image = contentOf(el).querySelector<HTMLImageElement>('figure img')!;
      await waitUntil(() => image.complete && image.naturalWidth > 0, 'the picture did not load');
      return image;
    }

    const rgba = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const contrast = (a: number[], b: number[]) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };

    it('sets a picture drawn for a white page on a light card, where its grey labels read as on white', async () => {
      const image = await figureIn('dark');
      const card = rgba(getComputedStyle(image).backgroundColor);
      expect(card[3] ?? 1, 'the card is opaque').to.equal(1);
      expect(contrast(card, drawnFor.label), 'labels against the card').to.be.at.least(4.5);
      expect(parseFloat(getComputedStyle(image).paddingTop), 'the drawing does not touch the card\'s edge').to.be.greaterThan(0);
      // The card fits the column: the picture with it is no wider than the figure.
      expect(image.getBoundingClientRect().width).to.be.at.most(image.closest('figure')!.getBoundingClientRect().width);
    });

    it('puts the picture on nothing in the light scheme, at the same size', async () => {
      const dark = (await figureIn('dark')).getBoundingClientRect();
      const image = await figureIn('light');
      expect(getComputedStyle(image).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      const light = image.getBoundingClientRect();
      expect([light.width, light.height]).to.deep.equal([dark.width, dark.height]);
    });

    it('leaves the card off when the site says its pictures are drawn for both schemes', async () => {
      const image = await figureIn('dark', '--sb-post-body-figure-backdrop: transparent');
      expect(getComputedStyle(image).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    });
  });
});

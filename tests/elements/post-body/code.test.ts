import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';
import { contrast } from '../theme/contrast.js';

const python = 'def area(r):\n    """The area of a circle."""\n    return 3.14159 * r ** 2  # $r$ is not math\n';
const shell = 'echo "$HOME" && ls -l\n';
const article = `# Code\n\nSome text.\n\n\`\`\`python\n${python}\`\`\`\n\n\`\`\`bash {linenos=10}\n${shell}pwd\n\`\`\`\n`;

const contentOf = (el: PostBodyElement) => el.shadowRoot!.querySelector('[part="content"]')!;
const copyButtons = (el: PostBodyElement) => [...contentOf(el).querySelectorAll<HTMLButtonElement>('.sb-code-copy')];

async function postBody(markdown: string, { lang = 'en', attributes = '', scheme = 'light' } = {}): Promise<PostBodyElement> {
  const host = await fixture<HTMLDivElement>(`<div lang="${lang}" style="color-scheme: ${scheme}"><post-body ${attributes}></post-body></div>`);
  const el = host.querySelector('post-body')!;
  el.markdown = markdown;
  await el.updateComplete;
  return el;
}

describe('post-body: code', () => {
  const realClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
  let written: string[] = [];
  beforeEach(() => {
    written = [];
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      configurable: true,
      get: () => ({ writeText: async (text: string) => void written.push(text) }),
    });
  });
  afterEach(() => Object.defineProperty(Navigator.prototype, 'clipboard', realClipboard));

  it('shows fenced code highlighted, its text as written', async () => {
    const el = await postBody(article);
    const [first, second] = contentOf(el).querySelectorAll('pre > code');
    expect([...first.querySelectorAll('.hljs-keyword')].map((k) => k.textContent)).to.deep.equal(['def', 'return']);
    expect(first.querySelector('.hljs-comment')!.textContent).to.equal('# $r$ is not math');
    expect(first.textContent).to.equal(python);
    expect(second.querySelector('.hljs-built_in')!.textContent).to.equal('echo');
    expect(contentOf(el).querySelector('.katex')).to.equal(null);
  });

  it('colours tokens differently in light and dark, each readable on the code background', async () => {
    const kinds = ['keyword', 'string', 'comment', 'number', 'title'];
    const colours = async (scheme: string) => {
      const el = await postBody(article, { scheme });
      const pre = contentOf(el).querySelector('pre')!;
      const background = getComputedStyle(pre).backgroundColor;
      return kinds.map((kind) => {
        const color = getComputedStyle(pre.querySelector(`.hljs-${kind}`)!).color;
        expect(contrast(color, background), `${kind} in ${scheme}`).to.be.at.least(4.5);
        return color;
      });
    };
    const light = await colours('light');
    const dark = await colours('dark');
    kinds.forEach((kind, index) => expect(light[index], kind).to.not.equal(dark[index]));
    expect(new Set(light).size, 'distinct token colours').to.be.at.least(4);
  });

  it('lets a page set the token colours', async () => {
    const el = await postBody(article);
    el.style.setProperty('--sb-code-keyword', 'rgb(1, 2, 3)');
    expect(getComputedStyle(contentOf(el).querySelector('.hljs-keyword')!).color).to.equal('rgb(1, 2, 3)');
  });

  it('gives each code block a copy button that copies the code exactly', async () => {
    const el = await postBody(article);
    const buttons = copyButtons(el);
    expect(buttons.map((button) => button.textContent)).to.deep.equal(['Copy', 'Copy']);
    buttons[0].click();
    await waitUntil(() => buttons[0].textContent === 'Copied');
    expect(written).to.deep.equal([python.replace(/\n$/, '')]);
    expect(buttons[1].textContent).to.equal('Copy');
  });

  it('leaves the line numbers out of what is copied and of what is selected', async () => {
    const el = await postBody(article);
    const numbered = contentOf(el).querySelectorAll('pre')[1];
    const lines = [...numbered.querySelectorAll('.sb-code-line')];
    expect(lines.map((line) => getComputedStyle(line, '::before').content)).to.deep.equal(['"10"', '"11"']);
    copyButtons(el)[1].click();
    await waitUntil(() => written.length === 1);
    expect(written[0]).to.equal(`${shell}pwd`);
    getSelection()!.selectAllChildren(numbered);
    expect(getSelection()!.toString().trimEnd()).to.equal(`${shell}pwd`);
    getSelection()!.removeAllRanges();
  });

  it('labels the buttons in Chinese for a zh page', async () => {
    const el = await postBody(article, { lang: 'zh-CN' });
    const [button] = copyButtons(el);
    expect(button.textContent).to.equal('复制');
    button.click();
    await waitUntil(() => button.textContent === '已复制');
  });

  it('reaches the copy button with Tab and copies with Enter', async () => {
    const el = await postBody(`[a link](#x)\n\n\`\`\`python\n${python}\`\`\`\n`);
    contentOf(el).querySelector('a')!.focus();
    await sendKeys({ press: 'Tab' });
    const [button] = copyButtons(el);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => written.length === 1);
    expect(written[0]).to.equal(python.replace(/\n$/, ''));
  });

  it('gives copy buttons to code blocks appended a piece at a time in a long article', async () => {
    const filler = Array.from({ length: 150 }, (_, i) => `Paragraph ${i} with $x_${i}$ in it.\n`).join('\n');
    const el = await postBody(`${filler}\n\`\`\`python\nlast = True\n\`\`\`\n`);
    await waitUntil(() => contentOf(el).querySelector('.sb-code .sb-code-copy'));
    expect(copyButtons(el)).to.have.length(1);
  });

  it('escapes a hostile info string and highlights a visitor’s code', async () => {
    const el = await postBody('```"><img src=x onerror=alert(1)>\nx\n```\n\n```js\nlet a = 1;\n```\n', { attributes: 'untrusted' });
    const content = contentOf(el);
    expect(content.querySelector('img')).to.equal(null);
    expect([...content.querySelectorAll('pre > code')].map((code) => code.textContent)).to.deep.equal(['x\n', 'let a = 1;\n']);
    expect(content.querySelector('.hljs-keyword')!.textContent).to.equal('let');
  });

  it('renders code in an unknown language plain, with a copy button', async () => {
    const el = await postBody('```klingon\n<b>qapla</b>\n```\n');
    const code = contentOf(el).querySelector('pre > code')!;
    expect(code.textContent).to.equal('<b>qapla</b>\n');
    expect(code.children).to.have.length(0);
    expect(copyButtons(el)).to.have.length(1);
  });
});

// The playground: markdown with math on the left, post-body on the right, and
// what it numbered, linked, cited and could not render listed as you type.
// The text is kept in localStorage and can be shared in the URL fragment
// (`#md=` deflate-compressed, `#text=` plain, both base64url of UTF-8).
import { apply, settings } from './site.js';

const storageKey = 'sciblog-demo-playground';
const sample = `---
title: 试验场
bibliography: posts/random-walk.bib
---

## 高斯积分

由 \\eqref{eq:gauss} 与 \\eqref{eq:polar}，半径 $r$ 的圆面积为 $\\pi r^2$。随机游走一词见 \\cite{pearson1905}。

\\begin{equation}
\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}
\\label{eq:gauss}
\\end{equation}

\\begin{align}
I^2 &= \\int_0^{2\\pi}\\!\\int_0^\\infty e^{-r^2} r\\,dr\\,d\\theta \\label{eq:polar} \\\\
    &= \\pi \\tag{★}
\\end{align}

写错的公式会显示源码与错误：$\\frac{1}{\\oops}$，未知的标签显示为 \\eqref{eq:nowhere}。
`;

const source = document.getElementById('source');
const preview = document.getElementById('preview');
const zh = () => settings.lang.startsWith('zh');

const bytesToBase64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const base64urlToBytes = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const through = async (bytes, stream) => new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());

/** The fragment that restores `text`. */
export async function shareFragment(text) {
  const bytes = new TextEncoder().encode(text);
  if (typeof CompressionStream === 'function') return `#md=${bytesToBase64url(await through(bytes, new CompressionStream('deflate-raw')))}`;
  return `#text=${bytesToBase64url(bytes)}`;
}

/** The text a fragment holds, or null when it holds none (or cannot be read). */
export async function textFromFragment(fragment) {
  const [, kind, data] = /^#(md|text)=([\w-]*)$/.exec(fragment) ?? [];
  if (!kind) return null;
  try {
    const bytes = base64urlToBytes(data);
    return new TextDecoder('utf-8', { fatal: true }).decode(kind === 'md' ? await through(bytes, new DecompressionStream('deflate-raw')) : bytes);
  } catch {
    return null;
  }
}

function save(text) {
  try {
    localStorage.setItem(storageKey, text);
  } catch {
    // Storage refused: the share link still keeps the text.
  }
}
function saved() {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

let timer;
function show(text) {
  preview.markdown = text;
}
source.addEventListener('input', () => {
  save(source.value);
  clearTimeout(timer);
  timer = setTimeout(() => show(source.value), 150);
});

const item = (text, href) => {
  const li = document.createElement('li');
  if (href) {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    li.append(link);
  } else li.textContent = text;
  return li;
};
const fill = (id, items, empty) => document.getElementById(id).replaceChildren(...(items.length ? items : [item(empty)]));

preview.addEventListener('post-rendered', async (event) => {
  await preview.updateComplete;
  const content = preview.shadowRoot?.querySelector('[part~="content"]');
  const none = zh() ? '（无）' : '(none)';
  fill('equations', event.equations.map((equation) => item(`(${equation.number})${equation.label ? ` \\label{${equation.label}}` : ''}`)), none);
  const references = [...(content?.querySelectorAll('a[href^="#eq-"]') ?? [])];
  fill('references', references.map((link) => item(`${link.textContent.trim()} → ${decodeURIComponent(link.getAttribute('href').slice(1)).replace(/^eq-/, '')}`)), none);
  const citations = [...(content?.querySelectorAll('.sb-cite') ?? [])];
  // Each citation with the start of the entry it links to.
  const entry = (cite) => {
    const target = cite.querySelector('a[href^="#"]')?.getAttribute('href');
    const text = target ? content?.querySelector(`[id="${CSS.escape(decodeURIComponent(target.slice(1)))}"]`)?.textContent.trim() : '';
    return text ? `${cite.textContent.trim()} → ${text.length > 80 ? `${text.slice(0, 80)}…` : text}` : cite.textContent.trim();
  };
  fill('citations', citations.map((cite) => item(entry(cite))), none);
  fill('errors', event.errors.map((error) => item(`${error.line ? (zh() ? `第 ${error.line} 行：` : `line ${error.line}: `) : ''}${preview.errorText(error)}`)), none);
});

document.getElementById('share').addEventListener('click', async () => {
  const url = new URL(location.href);
  url.hash = await shareFragment(source.value);
  history.replaceState(history.state, '', url);
  const status = document.getElementById('share-status');
  const field = document.getElementById('share-url');
  field.value = url.href;
  try {
    await navigator.clipboard.writeText(url.href);
    status.textContent = zh() ? '分享链接已复制，打开它即可恢复这段文字。' : 'Share link copied: opening it restores this text.';
  } catch {
    field.parentElement.hidden = false;
    field.select();
    status.textContent = zh() ? '无法访问剪贴板：链接在下面，已选中。' : 'The clipboard is not available: the link is below, selected.';
  }
});
document.getElementById('reset-source').addEventListener('click', () => {
  source.value = sample;
  save(sample);
  show(sample);
});

async function restore() {
  const shared = await textFromFragment(location.hash);
  source.value = shared ?? saved() ?? sample;
  if (shared !== null) save(shared);
  show(source.value);
}
window.addEventListener('hashchange', restore);
await restore();
apply();

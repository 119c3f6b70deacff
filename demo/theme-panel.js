// The theme panel: every design token of the library (src/styles/tokens.ts)
// as a control, applied live to the page's root so every element follows;
// presets; and the resulting CSS to copy. Colours are edited as a light and a
// dark value, written as `light-dark()` like the library's own fallbacks.
import { apply, settings } from './site.js';

/** Each token's default, as tokens.ts has it (a test holds the two together). */
export const tokenDefaults = {
  'color-text': 'inherit',
  'color-background': 'light-dark(#ffffff, #161b22)',
  'color-muted': 'light-dark(#57606a, #9da7b3)',
  'color-accent': 'light-dark(#0b5cad, #6cb6ff)',
  'color-on-accent': 'light-dark(#ffffff, #0f1419)',
  'color-border': 'light-dark(#d0d7de, #3d444d)',
  'color-surface': 'light-dark(#f4f6f8, #1c2128)',
  'color-highlight': 'light-dark(#fff5c2, #3b3417)',
  'color-error': 'light-dark(#b42318, #ff8a80)',
  shadow: '0 6px 24px light-dark(rgb(0 0 0 / 0.16), rgb(0 0 0 / 0.55))',
  'font-body': 'inherit',
  'font-heading': 'inherit',
  'font-mono': "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
  'line-height': '1.8',
  'math-scale': '1',
  radius: '6px',
  'space-xs': '0.25em',
  'space-s': '0.5em',
  'space-m': '1em',
  'space-l': '1.5em',
  'space-xl': '2.5em',
};

// The page's own text colour stands in for `inherit` in the pickers.
const inheritedText = 'light-dark(#1f2328, #e6edf3)';

const labels = {
  'color-text': ['正文颜色', 'Text'],
  'color-background': ['背景', 'Background'],
  'color-muted': ['次要文字', 'Muted text'],
  'color-accent': ['强调色', 'Accent'],
  'color-on-accent': ['强调色上的文字', 'Text on accent'],
  'color-border': ['边框', 'Border'],
  'color-surface': ['衬底', 'Surface'],
  'color-highlight': ['高亮', 'Highlight'],
  'color-error': ['错误', 'Error'],
  shadow: ['阴影', 'Shadow'],
  'font-body': ['正文字体', 'Body font'],
  'font-heading': ['标题字体', 'Heading font'],
  'font-mono': ['等宽字体', 'Monospace font'],
  'line-height': ['行高', 'Line height'],
  'math-scale': ['公式缩放', 'Math scale'],
  radius: ['圆角', 'Corner radius'],
  'space-xs': ['间距 XS', 'Space XS'],
  'space-s': ['间距 S', 'Space S'],
  'space-m': ['间距 M', 'Space M'],
  'space-l': ['间距 L', 'Space L'],
  'space-xl': ['间距 XL', 'Space XL'],
};

const fonts = [
  ['inherit', '继承页面', 'The page’s'],
  ["system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif", '无衬线', 'Sans-serif'],
  ["Georgia, 'Times New Roman', 'Songti SC', 'Noto Serif CJK SC', serif", '衬线（宋体）', 'Serif'],
  ["'Kaiti SC', STKaiti, 'AR PL UKai CN', serif", '楷体', 'Kaiti'],
  ["ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace", '等宽', 'Monospace'],
  ["'Fira Code', 'JetBrains Mono', ui-monospace, monospace", 'Fira Code / JetBrains Mono', 'Fira Code / JetBrains Mono'],
];

// Sliders: [min, max, step, unit].
const ranges = {
  'line-height': [1.2, 2.4, 0.05, ''],
  'math-scale': [0.8, 1.5, 0.05, ''],
  radius: [0, 20, 1, 'px'],
  'space-xs': [0, 1, 0.05, 'em'],
  'space-s': [0, 1.5, 0.05, 'em'],
  'space-m': [0.25, 2.5, 0.05, 'em'],
  'space-l': [0.5, 3.5, 0.05, 'em'],
  'space-xl': [1, 5, 0.1, 'em'],
};

/** Presets: the tokens each sets; the rest keep their defaults. */
export const presets = {
  default: { zh: '默认', en: 'Default', tokens: {} },
  classic: {
    zh: '经典（科学空间风格）',
    en: 'Classic (科学空间-like)',
    tokens: {
      'color-text': 'light-dark(#333333, #d8d8d0)',
      'color-background': 'light-dark(#ffffff, #1b1b19)',
      'color-accent': 'light-dark(#1a5c99, #7fb6ea)',
      'color-muted': 'light-dark(#666666, #a8a8a0)',
      'color-border': 'light-dark(#dddddd, #3f3f3a)',
      'color-surface': 'light-dark(#f7f7f2, #252522)',
      'font-body': fonts[2][0],
      'font-heading': fonts[2][0],
      'line-height': '1.9',
      radius: '2px',
    },
  },
  modern: {
    zh: '现代',
    en: 'Modern',
    tokens: {
      'color-text': 'light-dark(#18181b, #f4f4f5)',
      'color-background': 'light-dark(#ffffff, #18181b)',
      'color-accent': 'light-dark(#6d28d9, #c4b5fd)',
      'color-on-accent': 'light-dark(#ffffff, #1e1b4b)',
      'color-muted': 'light-dark(#52525b, #a1a1aa)',
      'color-border': 'light-dark(#e4e4e7, #3f3f46)',
      'color-surface': 'light-dark(#f4f4f5, #27272a)',
      'font-body': fonts[1][0],
      'font-heading': fonts[1][0],
      'line-height': '1.7',
      radius: '12px',
    },
  },
  contrast: {
    zh: '高对比度',
    en: 'High contrast',
    tokens: {
      'color-text': 'light-dark(#000000, #ffffff)',
      'color-background': 'light-dark(#ffffff, #000000)',
      'color-accent': 'light-dark(#0000b3, #ffff00)',
      'color-on-accent': 'light-dark(#ffffff, #000000)',
      'color-muted': 'light-dark(#1a1a1a, #e6e6e6)',
      'color-border': 'light-dark(#000000, #ffffff)',
      'color-surface': 'light-dark(#f0f0f0, #111111)',
      'color-highlight': 'light-dark(#ffff66, #664400)',
      'color-error': 'light-dark(#a30000, #ff9e9e)',
      radius: '0px',
    },
  },
};

const pair = (value) => {
  const match = /^light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)$/i.exec(value.trim());
  return match ? [match[1], match[2]] : null;
};
const current = (name) => settings.tokens[name] ?? tokenDefaults[name];

/** The CSS a site puts in its own stylesheet to get what the panel shows. */
export function themeCss(tokens) {
  const lines = Object.entries(tokens).map(([name, value]) => `  --sb-${name}: ${value};`);
  return `:root {\n${lines.join('\n') || '  /* the defaults: nothing to set */'}\n}\n`;
}

let panel;

function html(strings, ...values) {
  return strings.reduce((out, string, i) => out + string + (values[i] ?? ''), '');
}
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const t = (zh, en) => `data-zh="${escape(zh)}" data-en="${escape(en)}"`;

function control(name) {
  const [zh, en] = labels[name];
  const value = current(name);
  if (name.startsWith('color-')) {
    const [light, dark] = pair(value) ?? pair(inheritedText);
    return html`<div class="tp-colour" role="group" aria-labelledby="tp-${name}"><span id="tp-${name}" ${t(zh, en)}>${zh}</span>
      <label><span ${t('浅色', 'Light')}>浅色</span> <input type="color" data-token="${name}" data-side="0" value="${light}" /></label>
      <label><span ${t('深色', 'Dark')}>深色</span> <input type="color" data-token="${name}" data-side="1" value="${dark}" /></label></div>`;
  }
  if (name.startsWith('font-')) {
    const options = fonts.some(([stack]) => stack === value) ? fonts : [[value, value, value], ...fonts];
    return html`<label class="tp-row"><span ${t(zh, en)}>${zh}</span>
      <select data-token="${name}">${options.map(([stack, ozh, oen]) => `<option value="${escape(stack)}"${stack === value ? ' selected' : ''} ${t(ozh, oen)}>${escape(ozh)}</option>`).join('')}</select></label>`;
  }
  if (name in ranges) {
    const [min, max, step, unit] = ranges[name];
    return html`<label class="tp-row"><span ${t(zh, en)}>${zh}</span>
      <input type="range" data-token="${name}" data-unit="${unit}" min="${min}" max="${max}" step="${step}" value="${parseFloat(value)}" />
      <output>${escape(value)}</output></label>`;
  }
  return html`<label class="tp-row"><span ${t(zh, en)}>${zh}</span> <input type="text" data-token="${name}" value="${escape(value)}" /></label>`;
}

function render() {
  panel.querySelector('.tp-controls').innerHTML = Object.keys(tokenDefaults).map(control).join('');
  panel.querySelector('#tp-css').value = themeCss(settings.tokens);
  apply();
}

function set(name, value) {
  if (value === tokenDefaults[name]) delete settings.tokens[name];
  else settings.tokens[name] = value;
  panel.querySelector('#tp-css').value = themeCss(settings.tokens);
  apply();
}

function onInput(event) {
  const input = event.target;
  const name = input.dataset.token;
  if (!name) return;
  if (input.type === 'color') {
    const sides = [...panel.querySelectorAll(`input[type="color"][data-token="${name}"]`)].map((picker) => picker.value);
    set(name, `light-dark(${sides[0]}, ${sides[1]})`);
  } else if (input.type === 'range') {
    const value = `${input.value}${input.dataset.unit}`;
    input.nextElementSibling.textContent = value;
    set(name, value);
  } else {
    set(name, input.value);
  }
}

async function copyCss(button) {
  const area = panel.querySelector('#tp-css');
  const status = panel.querySelector('#tp-status');
  const zh = settings.lang.startsWith('zh');
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = zh ? '已复制 CSS。' : 'CSS copied.';
  } catch {
    area.focus();
    area.select();
    status.textContent = zh ? '无法访问剪贴板：CSS 已选中，请手动复制。' : 'The clipboard is not available: the CSS is selected, copy it by hand.';
  }
  button.focus();
}

function build(toggle) {
  panel = document.createElement('aside');
  panel.id = 'theme-panel';
  panel.className = 'theme-panel';
  panel.setAttribute('aria-labelledby', 'tp-title');
  panel.innerHTML = html`
    <div class="tp-head">
      <h2 id="tp-title" ${t('主题面板', 'Theme panel')}>主题面板</h2>
      <button type="button" class="tp-close" ${t('关闭', 'Close')}>关闭</button>
    </div>
    <label class="tp-row"><span ${t('预设', 'Preset')}>预设</span>
      <select id="tp-preset">${Object.entries(presets).map(([key, { zh, en }]) => `<option value="${key}" ${t(zh, en)}>${escape(zh)}</option>`).join('')}</select></label>
    <div class="tp-controls"></div>
    <label for="tp-css" class="tp-css-label" ${t('CSS（放进你的样式表）', 'CSS (put it in your stylesheet)')}>CSS（放进你的样式表）</label>
    <textarea id="tp-css" readonly rows="8" spellcheck="false"></textarea>
    <div class="tp-actions">
      <button type="button" id="tp-copy" ${t('复制 CSS', 'Copy CSS')}>复制 CSS</button>
      <button type="button" id="tp-reset" ${t('恢复默认', 'Reset')}>恢复默认</button>
    </div>
    <p id="tp-status" role="status"></p>`;
  document.body.append(panel);
  panel.addEventListener('input', onInput);
  panel.addEventListener('change', onInput);
  panel.querySelector('#tp-preset').addEventListener('change', (event) => {
    settings.tokens = { ...presets[event.target.value].tokens };
    render();
  });
  panel.querySelector('#tp-reset').addEventListener('click', () => {
    settings.tokens = {};
    panel.querySelector('#tp-preset').value = 'default';
    render();
  });
  panel.querySelector('#tp-copy').addEventListener('click', (event) => copyCss(event.currentTarget));
  const close = () => {
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  };
  panel.querySelector('.tp-close').addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  render();
}

/** Opens the panel (building it the first time), or closes it when open; `toggle` is the button that opens it. */
export function openThemePanel(toggle) {
  if (!panel) build(toggle);
  else if (!panel.hidden) return panel.querySelector('.tp-close').click();
  panel.hidden = false;
  toggle.setAttribute('aria-expanded', 'true');
  panel.querySelector('#tp-preset').focus();
}

// Every demo page in Chromium, in light and dark, zh and en, at 375 px and
// 1280 px: axe-core finds no accessibility violation, nothing overflows
// horizontally except formulas, code and tables, which scroll, and no request
// fails but those the gallery makes on purpose.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { axeViolations, demoPages, failedRequestsOf, hasSiteControls, horizontalOverflow, launchChromium, openDemoPage, resizeDemoPage, serveRepository } from '../../scripts/demo-pages.mjs';

let server;
let browser;
before(async () => {
  server = await serveRepository();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const pages = await demoPages();

// The gallery shows what its elements say when a file is missing: these requests fail on purpose.
const missingOnPurpose = {
  '/demo/gallery.html': ['404 /demo/posts/missing.md', '404 /demo/missing-feed.json', '404 /demo/missing-comments.json'],
};

describe('the demo pages', () => {
  it('are home, article (each sample post), archive, comments, search, components, the gallery, the playground and the plain-HTML example', () => {
    for (const page of ['/demo/index.html', '/demo/archive.html', '/demo/comments.html', '/demo/search.html', '/demo/components.html', '/demo/gallery.html', '/demo/playground.html', '/demo/article.html?post=zh-softmax', '/demo/article.html?post=en-random-walk', '/examples/plain.html']) assert.ok(pages.includes(page), page);
  });

  // One load per page, language and theme, looked at on a phone and then on a desktop.
  for (const page of pages) {
    for (const lang of hasSiteControls(page) ? ['zh-CN', 'en'] : [null]) {
      for (const theme of ['light', 'dark']) {
        it(`${page}${lang ? ` in ${lang}` : ''}, ${theme}, at 375 px and 1280 px: no axe violations, nothing overflows, no request fails`, async () => {
          const tab = await openDemoPage(browser, server.url, page, { theme, lang: lang ?? undefined, width: 375 });
          try {
            if (lang) assert.equal(await tab.evaluate(() => document.documentElement.lang), lang);
            const found = {};
            for (const width of [375, 1280]) {
              if (width !== 375) await resizeDemoPage(tab, page, width);
              found[width] = { axe: await axeViolations(tab), overflow: await tab.evaluate(horizontalOverflow) };
            }
            assert.deepEqual(found, { 375: { axe: [], overflow: [] }, 1280: { axe: [], overflow: [] } });
            assert.deepEqual(new Set(failedRequestsOf(tab)), new Set(missingOnPurpose[page] ?? []));
          } finally {
            await tab.close();
          }
        });
      }
    }
  }

  // What the fixes of issue 11's screenshots keep fixed, on the sample articles with the demo's own fonts:
  // a formula in a table cell split at its arrow (the zh table at 1280 px), a full stop or comma after a
  // formula beginning a line (zh at 390 px, en at 375 px).
  it('the sample articles split no formula in a table cell, and begin no line with the punctuation after a formula, at 375, 390 and 1280 px', async () => {
    const found = [];
    for (const [page, lang] of [['/demo/article.html?post=zh-softmax', 'zh-CN'], ['/demo/article.html?post=en-random-walk', 'en']]) {
      for (const width of [375, 390, 1280]) {
        const tab = await openDemoPage(browser, server.url, page, { lang, width, whole: true });
        try {
          found.push(...(await tab.evaluate(() => {
            const root = document.querySelector('post-body').shadowRoot;
            const texOf = (formula) => formula.querySelector('annotation')?.textContent;
            const wrong = [...root.querySelectorAll('td .katex, th .katex')].filter((formula) => formula.getClientRects().length > 1).map((formula) => `split in a cell: ${texOf(formula)}`);
            for (const formula of root.querySelectorAll('p .katex, li .katex')) {
              let node = formula;
              while (node && !node.nextSibling && !node.parentElement?.matches('p, li')) node = node.parentNode;
              const next = node?.nextSibling;
              if (next?.nodeType !== Node.TEXT_NODE || !/^[\p{Pe}\p{Pf}\p{Po}]/u.test(next.data)) continue;
              const range = document.createRange();
              range.setStart(next, 0);
              range.setEnd(next, 1);
              if (range.getBoundingClientRect().top >= [...formula.getClientRects()].at(-1).bottom - 2) wrong.push(`${next.data[0]} begins a line after ${texOf(formula)}`);
            }
            return wrong;
          })).map((wrong) => `${page} at ${width} px: ${wrong}`));
        } finally {
          await tab.close();
        }
      }
    }
    assert.deepEqual(found, []);
  });

  it('link each post, from the home page\'s cards and from a search, to its article page in the demo, which shows it', async () => {
    const tab = await openDemoPage(browser, server.url, '/demo/index.html', { lang: 'zh-CN' });
    try {
      const cards = await tab.evaluate(() => [...document.querySelector('post-list').shadowRoot.querySelectorAll('post-card')].map((card) => card.shadowRoot.querySelector('[part~="title-link"]').href));
      assert.ok(cards.length > 0);
      for (const href of cards) assert.match(href, new RegExp(`^${server.url}/demo/article\\.html\\?post=`), href);
      await tab.evaluate(() => document.querySelector('site-search').shadowRoot.querySelector('input').focus());
      await tab.keyboard.type('低秩近似');
      await tab.evaluate(() => document.querySelector('site-search').updateComplete);
      await tab.keyboard.press('ArrowDown');
      await Promise.all([tab.waitForNavigation({ waitUntil: 'networkidle0' }), tab.keyboard.press('Enter')]);
      assert.equal(tab.url(), `${server.url}/demo/article.html?post=zh-low-rank`);
      assert.equal(await tab.evaluate(() => document.getElementById('post-title').textContent), '用奇异值分解做矩阵的低秩近似');
      // A citation gives the whole address, not the feed's relative link.
      assert.match(await tab.evaluate(() => document.getElementById('cite').shadowRoot.textContent), new RegExp(`${server.url}/demo/article\\.html\\?post=zh-low-rank`));
    } finally {
      await tab.close();
    }
  });

  it('start on the system theme, and follow it', async () => {
    for (const scheme of ['light', 'dark']) {
      // A fresh profile: the other pages' choices are remembered in localStorage.
      const profile = await browser.createBrowserContext();
      const tab = await openDemoPage(profile, server.url, '/demo/index.html', { theme: null, scheme });
      try {
        const shown = await tab.evaluate(() => ({
          control: document.querySelector('#theme').value,
          options: [...document.querySelectorAll('#theme option')].map((option) => option.textContent),
          forced: document.documentElement.dataset.theme ?? null,
          badge: getComputedStyle(document.querySelector('post-list').shadowRoot.querySelector('post-card').shadowRoot.querySelector('[part="badge"]')).backgroundColor,
        }));
        assert.deepEqual(shown, { control: 'system', options: ['跟随系统', '浅色', '深色'], forced: null, badge: scheme === 'dark' ? 'rgb(108, 182, 255)' : 'rgb(11, 92, 173)' });
      } finally {
        await profile.close();
      }
    }
  });

  // What a visitor sees of the choices on a page: the controls, the root's lang and data-theme, a translated heading.
  const shownChoices = (tab) => tab.evaluate(() => ({
    locale: document.querySelector('#locale').value,
    theme: document.querySelector('#theme').value,
    lang: document.documentElement.lang,
    forced: document.documentElement.dataset.theme ?? null,
    title: document.querySelector('.page-title')?.textContent ?? null,
  }));
  const choose = (tab, locale, theme) => tab.evaluate((locale, theme) => {
    for (const [id, value] of [['#locale', locale], ['#theme', theme]]) {
      const select = document.querySelector(id);
      select.value = value;
      select.dispatchEvent(new Event('change'));
    }
  }, locale, theme);

  it('remember the language and theme chosen on one page on the next page and after a reload', async () => {
    const profile = await browser.createBrowserContext();
    try {
      const tab = await openDemoPage(profile, server.url, '/demo/index.html', { theme: null, lang: 'zh-CN' });
      await choose(tab, 'en', 'dark');
      await Promise.all([tab.waitForNavigation(), tab.click('.site-nav a[href="archive.html"]')]);
      assert.deepEqual(await shownChoices(tab), { locale: 'en', theme: 'dark', lang: 'en', forced: 'dark', title: 'Archive' });
      await tab.reload();
      await tab.waitForSelector('#locale');
      assert.deepEqual(await shownChoices(tab), { locale: 'en', theme: 'dark', lang: 'en', forced: 'dark', title: 'Archive' });
    } finally {
      await profile.close();
    }
  });

  it('keep the choices across pages and reloads in the address when the browser refuses storage', async () => {
    const profile = await browser.createBrowserContext();
    try {
      const tab = await profile.newPage();
      await tab.evaluateOnNewDocument(() => {
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('storage refused', 'SecurityError'); } });
      });
      const errors = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(new URL('/demo/index.html', server.url).href, { waitUntil: 'networkidle0' });
      await choose(tab, 'en', 'light');
      await Promise.all([tab.waitForNavigation(), tab.click('.site-nav a[href="archive.html"]')]);
      await tab.waitForSelector('#locale');
      assert.deepEqual(await shownChoices(tab), { locale: 'en', theme: 'light', lang: 'en', forced: 'light', title: 'Archive' });
      await choose(tab, 'zh-CN', 'dark');
      await tab.reload();
      await tab.waitForSelector('#locale');
      assert.deepEqual(await shownChoices(tab), { locale: 'zh-CN', theme: 'dark', lang: 'zh-CN', forced: 'dark', title: '文章归档' });
      assert.deepEqual(errors, []);
    } finally {
      await profile.close();
    }
  });

  it('the gallery lists, under each element, the attributes, events, slots, parts and CSS properties of custom-elements.json, in both languages', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
    const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);
    for (const lang of ['zh-CN', 'en']) {
      const tab = await openDemoPage(browser, server.url, '/demo/gallery.html', { lang });
      try {
        const listed = await tab.evaluate(() => Object.fromEntries([...document.querySelectorAll('.api')].map((api) => [api.dataset.api, {
          headings: [...api.querySelectorAll('h3')].map((heading) => heading.textContent),
          names: [...api.querySelectorAll('dt > code:first-child')].map((code) => code.textContent),
        }])));
        for (const element of elements) {
          const shown = listed[element.tagName];
          assert.ok(shown, `no API under <${element.tagName}>`);
          const expected = [element.attributes, (element.events ?? []).filter((event) => event.name), element.slots, element.cssParts, element.cssProperties]
            .flatMap((items) => (items ?? []).map((item) => item.name || '(default)'));
          for (const name of expected) assert.ok(shown.names.includes(name), `<${element.tagName}>: ${name} is not listed`);
          if (element.cssProperties?.length) assert.ok(shown.headings.includes(`${lang === 'en' ? 'CSS properties' : 'CSS 自定义属性'} (${element.cssProperties.length})`), shown.headings.join(' | '));
        }
      } finally {
        await tab.close();
      }
    }
  });

  it('the gallery shows a loading state on demand, and a list that fails to load says so', async () => {
    const tab = await openDemoPage(browser, server.url, '/demo/gallery.html', { lang: 'en' });
    try {
      const failed = await tab.evaluate(() => document.querySelector('post-list[src="missing-feed.json"]').shadowRoot.textContent);
      assert.match(failed, /Could not load missing-feed\.json/);
      await tab.click('#g-post-list ~ figure .show-loading');
      const status = await tab.waitForFunction(() => document.querySelector('post-list[src="gallery-pending.json"]')?.shadowRoot?.querySelector('[part~="status"]')?.textContent.trim());
      assert.equal(await status.jsonValue(), 'Loading…');
    } finally {
      await tab.close();
    }
  });

  it('the theme panel opens from the keyboard, changes every element live, gives the CSS, survives a reload and closes with Escape; axe finds nothing in it', async () => {
    const profile = await browser.createBrowserContext();
    try {
      const tab = await openDemoPage(profile, server.url, '/demo/gallery.html', { lang: 'en', theme: 'light' });
      const badge = () => tab.evaluate(() => getComputedStyle(document.querySelector('post-card').shadowRoot.querySelector('[part="badge"]')).backgroundColor);
      const cite = () => tab.evaluate(() => getComputedStyle(document.querySelector('post-excerpt').shadowRoot.querySelector('a')).color);
      assert.equal(await badge(), 'rgb(11, 92, 173)');
      await tab.focus('#theme-panel-toggle');
      await tab.keyboard.press('Enter');
      await tab.waitForSelector('#theme-panel:not([hidden])');
      assert.equal(await tab.evaluate(() => [document.activeElement.id, document.querySelector('#theme-panel-toggle').getAttribute('aria-expanded')].join()), 'tp-preset,true');
      await tab.select('#tp-preset', 'contrast');
      assert.equal(await badge(), 'rgb(0, 0, 179)');
      assert.equal(await cite(), 'rgb(0, 0, 179)');
      assert.match(await tab.$eval('#tp-css', (area) => area.value), /--sb-color-accent: light-dark\(#0000b3, #ffff00\);/);
      // One picker, as a visitor sets it: the light accent.
      await tab.$eval('input[type="color"][data-token="color-accent"][data-side="0"]', (picker) => {
        picker.value = '#8a1538';
        picker.dispatchEvent(new Event('input', { bubbles: true }));
      });
      assert.equal(await badge(), 'rgb(138, 21, 56)');
      assert.match(await tab.$eval('#tp-css', (area) => area.value), /--sb-color-accent: light-dark\(#8a1538, #ffff00\);/);
      const slider = await tab.$('input[type="range"][data-token="radius"]');
      await slider.focus();
      await tab.keyboard.press('ArrowRight');
      assert.match(await tab.$eval('#tp-css', (area) => area.value), /--sb-radius: 1px;/);
      assert.deepEqual(await axeViolations(tab), []);
      await tab.keyboard.press('Escape');
      assert.equal(await tab.evaluate(() => [document.querySelector('#theme-panel').hidden, document.activeElement.id].join()), 'true,theme-panel-toggle');
      await tab.reload();
      await tab.waitForSelector('#locale');
      await tab.waitForFunction(() => document.querySelector('post-card')?.shadowRoot?.querySelector('[part="badge"]'));
      assert.equal(await badge(), 'rgb(138, 21, 56)');
      await tab.click('#theme-panel-toggle');
      await tab.waitForSelector('#theme-panel:not([hidden]) #tp-reset');
      await tab.click('#tp-reset');
      assert.equal(await badge(), 'rgb(11, 92, 173)');
    } finally {
      await profile.close();
    }
  });

  it('the theme panel in dark and in Chinese: axe finds nothing, and it fits a 375 px screen', async () => {
    const tab = await openDemoPage(browser, server.url, '/demo/index.html', { lang: 'zh-CN', theme: 'dark', width: 375 });
    try {
      await tab.click('#theme-panel-toggle');
      await tab.waitForSelector('#theme-panel:not([hidden])');
      assert.equal(await tab.$eval('#tp-title', (title) => title.textContent), '主题面板');
      assert.deepEqual(await axeViolations(tab), []);
      assert.deepEqual(await tab.evaluate(() => [...document.querySelectorAll('#theme-panel *')].filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((element) => element.localName)), []);
      await tab.click('#tp-reset');
    } finally {
      await tab.close();
    }
  });

  // In the page: the focused element (inside shadow roots too), and whether a sighted keyboard user sees where focus is.
  const focusShown = () => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const style = getComputedStyle(active);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      name: `${active.localName}${active.id ? `#${active.id}` : ''}${active.getAttribute('href') ? `[href=${active.getAttribute('href')}]` : ''}`,
      visible: active.matches(':focus-visible') && (ring || style.boxShadow !== 'none'),
      inPanel: Boolean(active.closest('#theme-panel')),
      index: [...document.querySelectorAll('#theme-panel :is(button, select, input, textarea, a[href])')].indexOf(active),
    };
  };

  for (const lang of ['zh-CN', 'en']) {
    it(`Tab reaches every control of the header and the theme panel in order, each visibly focused, in ${lang} and dark`, async () => {
      const profile = await browser.createBrowserContext();
      try {
        const tab = await openDemoPage(profile, server.url, '/demo/index.html', { lang, theme: 'dark' });
        const header = [];
        for (let step = 0; step < 20 && !header.some((item) => item.name === 'button#theme-panel-toggle'); step++) {
          await tab.keyboard.press('Tab');
          header.push(await tab.evaluate(focusShown));
        }
        const links = await tab.$$eval('.site-header a', (anchors) => anchors.map((a) => `a[href=${a.getAttribute('href')}]`));
        assert.deepEqual(header.map((item) => item.name), [...links, 'select#locale', 'select#theme', 'button#theme-panel-toggle']);
        assert.deepEqual(header.filter((item) => !item.visible), []);

        await tab.keyboard.press('Enter');
        await tab.waitForSelector('#theme-panel:not([hidden])');
        const controls = await tab.$$eval('#theme-panel :is(button, select, input, textarea, a[href])', (all) => all.length);
        // Focus starts on the preset; the close button is before it, one Shift+Tab back.
        await tab.keyboard.down('Shift');
        await tab.keyboard.press('Tab');
        await tab.keyboard.up('Shift');
        const panel = [await tab.evaluate(focusShown)];
        for (let step = 0; step < controls + 5 && panel.at(-1).inPanel; step++) {
          await tab.keyboard.press('Tab');
          panel.push(await tab.evaluate(focusShown));
        }
        const inside = panel.filter((item) => item.inPanel);
        assert.deepEqual(inside.map((item) => item.index), [...Array(controls).keys()], inside.map((item) => item.name).join(' '));
        assert.deepEqual(inside.filter((item) => !item.visible), []);
        // Back into the panel, whose Escape closes it.
        await tab.keyboard.down('Shift');
        await tab.keyboard.press('Tab');
        await tab.keyboard.up('Shift');
        await tab.keyboard.press('Escape');
        assert.equal(await tab.evaluate(() => document.querySelector('#theme-panel').hidden), true);
      } finally {
        await profile.close();
      }
    });
  }

  it('the playground renders as you type, lists equations, references, citations and errors, keeps the text after a reload and restores it from a share link', async () => {
    const profile = await browser.createBrowserContext();
    try {
      const tab = await openDemoPage(profile, server.url, '/demo/playground.html', { lang: 'en' });
      const lists = () => tab.evaluate(() => Object.fromEntries(['equations', 'references', 'citations', 'errors'].map((id) => [id, [...document.getElementById(id).children].map((li) => li.textContent)])));
      const sample = await lists();
      assert.deepEqual(sample.equations, ['(1) \\label{eq:gauss}', '(2) \\label{eq:polar}', '(★)']);
      assert.deepEqual(sample.references, ['(1) → eq:gauss', '(2) → eq:polar']);
      assert.match(sample.citations[0], /^\[1\] → .*Pearson/);
      assert.equal(sample.errors.length, 2);
      const text = 'See \\eqref{eq:b}.\n\n\\begin{equation}a = b \\label{eq:a}\\end{equation}\n\n\\begin{equation}b = c \\label{eq:b}\\end{equation}\n\n$\\frac{1}{$ 中文，公式';
      await tab.$eval('#source', (area) => { area.value = ''; });
      await tab.type('#source', text);
      await tab.waitForFunction(() => document.getElementById('equations').children.length === 2 && document.getElementById('references').textContent.includes('eq:b'));
      const typed = await lists();
      assert.deepEqual(typed.equations, ['(1) \\label{eq:a}', '(2) \\label{eq:b}']);
      assert.deepEqual(typed.references, ['(2) → eq:b']);
      assert.deepEqual(typed.citations, ['(none)']);
      assert.equal(typed.errors.length, 1);
      assert.match(typed.errors[0], /^line 7: KaTeX parse error/);
      await tab.reload();
      await tab.waitForFunction(() => document.getElementById('equations').children.length === 2);
      assert.equal(await tab.$eval('#source', (area) => area.value), text);
      await tab.click('#share');
      await tab.waitForFunction(() => document.getElementById('share-status').textContent);
      const link = await tab.evaluate(() => location.href);
      assert.match(new URL(link).hash, /^#md=[\w-]+$/);
      // A visitor with nothing stored opens the link.
      const other = await browser.createBrowserContext();
      try {
        const opened = await other.newPage();
        await opened.goto(link, { waitUntil: 'networkidle0' });
        await opened.waitForFunction(() => document.getElementById('equations')?.children.length === 2);
        assert.equal(await opened.$eval('#source', (area) => area.value), text);
      } finally {
        await other.close();
      }
    } finally {
      await profile.close();
    }
  });

  it('the playground lists its errors in Chinese on a Chinese page, KaTeX\'s after 公式错误：', async () => {
    const profile = await browser.createBrowserContext();
    try {
      const tab = await openDemoPage(profile, server.url, '/demo/playground.html', { lang: 'zh-CN' });
      const errors = await tab.evaluate(() => [...document.getElementById('errors').children].map((li) => li.textContent));
      assert.equal(errors.length, 2, errors.join('\n'));
      assert.ok(errors.some((text) => /^第 \d+ 行：公式错误：KaTeX parse error/.test(text)), errors.join('\n'));
      assert.ok(errors.some((text) => /^第 \d+ 行：未知的标签“eq:nowhere”$/.test(text)), errors.join('\n'));
    } finally {
      await profile.close();
    }
  });

  for (const lang of ['zh-CN', 'en']) {
    it(`the header is one row at 1280 px and wraps into title, links and controls at 375 px, in ${lang}`, async () => {
      const tab = await openDemoPage(browser, server.url, '/demo/index.html', { lang, width: 1280 });
      // Each piece of the header (title, links, controls) and each control: its top and bottom.
      const rows = () => tab.evaluate(() => {
        const box = (element) => {
          const { top, bottom } = element.getBoundingClientRect();
          return { top: Math.round(top), bottom: Math.round(bottom) };
        };
        return { pieces: [...document.querySelectorAll('.site-header > *')].map(box), controls: [...document.querySelectorAll('.site-header .controls > *')].map(box) };
      });
      // Boxes on one row overlap vertically.
      const oneRow = (boxes) => boxes.every((a) => boxes.every((b) => a.top < b.bottom && b.top < a.bottom));
      try {
        const wide = await rows();
        assert.equal(wide.pieces.length, 3);
        assert.ok(oneRow(wide.pieces), JSON.stringify(wide.pieces));
        await resizeDemoPage(tab, '/demo/index.html', 375);
        const narrow = await rows();
        assert.ok(narrow.pieces.every((piece, i) => i === 0 || piece.top >= narrow.pieces[i - 1].bottom), JSON.stringify(narrow.pieces));
        assert.ok(oneRow(narrow.controls), JSON.stringify(narrow.controls));
      } finally {
        await tab.close();
      }
    });
  }

  it('the overflow check reports a block wider than the viewport, and a box that scrolls text sideways', async () => {
    const tab = await openDemoPage(browser, server.url, '/demo/archive.html', { width: 375 });
    try {
      const found = await tab.evaluate((check) => {
        document.querySelector('main').insertAdjacentHTML('beforeend', '<div class="too-wide" style="width: 900px">x</div><div class="scroller" style="overflow-x: auto; white-space: nowrap">' + 'word '.repeat(400) + '</div>');
        return new Function(`return (${check})()`)();
      }, horizontalOverflow.toString());
      assert.ok(found.some((line) => line.startsWith('the page:')), found.join('\n'));
      assert.ok(found.some((line) => line.startsWith('div.too-wide:')), found.join('\n'));
      assert.ok(found.some((line) => line.startsWith('div.scroller: scrolls sideways')), found.join('\n'));
    } finally {
      await tab.close();
    }
  });

  it('the failed-request check reports a file the server does not have', async () => {
    const tab = await openDemoPage(browser, server.url, '/demo/archive.html');
    try {
      await tab.evaluate(() => new Promise((done) => {
        const image = new Image();
        image.onerror = done;
        image.alt = '';
        image.src = 'images/nothing-here.svg';
        document.body.append(image);
      }));
      assert.deepEqual(failedRequestsOf(tab), ['404 /demo/images/nothing-here.svg']);
    } finally {
      await tab.close();
    }
  });

  it('the axe check reports an image without a text alternative', async () => {
    const tab = await openDemoPage(browser, server.url, '/demo/archive.html');
    try {
      await tab.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="images/exit-time.svg">'));
      assert.ok((await axeViolations(tab)).some((line) => line.startsWith('image-alt')));
    } finally {
      await tab.close();
    }
  });
});

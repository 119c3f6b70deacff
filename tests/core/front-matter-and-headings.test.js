import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from 'sciblog-elements/core';
import { annotations, attr, byClass, findAll, parseHtml, visibleText } from './support/html.js';

const post = `---
title: 旋转位置编码
date: 2024-09-06
author: 苏剑林
readers: 12345
tags: [Transformer, 位置编码]
series:
  name: Transformer升级之路
  index: 2
---
Body text with $x$.
`;

describe('front matter', () => {
  it('reads title, date, author, readers, tags and series', () => {
    const { meta, errors } = renderMarkdown(post);
    assert.deepEqual(errors, []);
    assert.deepEqual(meta, {
      title: '旋转位置编码',
      date: '2024-09-06',
      author: '苏剑林',
      readers: 12345,
      tags: ['Transformer', '位置编码'],
      series: { name: 'Transformer升级之路', index: 2 },
    });
  });

  it('keeps a date as the string written, not a Date shifted by a time zone', () => {
    const { meta } = renderMarkdown('---\ndate: 2024-09-06\n---\n');
    assert.equal(typeof meta.date, 'string');
    assert.equal(meta.date, '2024-09-06');
  });

  it('keeps fields it does not know as written', () => {
    const { meta } = renderMarkdown('---\ntitle: T\nlicense: CC BY 4.0\ndraft: true\n---\nBody');
    assert.deepEqual(meta, { title: 'T', license: 'CC BY 4.0', draft: true });
  });

  it('is not part of the rendered body', () => {
    const { html } = renderMarkdown(post);
    assert.doesNotMatch(html, /旋转位置编码|readers|<hr/);
    assert.deepEqual(findAll(parseHtml(html), (e) => e.tag === 'p').map(visibleText), ['Body text with x.']);
  });

  it('without front matter, meta is {} and the whole text is the body', () => {
    const { meta, html, errors } = renderMarkdown('# Hello\n\nText.');
    assert.deepEqual(meta, {});
    assert.deepEqual(errors, []);
    assert.match(html, /<h1 id="hello">Hello/);
  });

  it('a --- later in the post is a rule, not front matter', () => {
    const { meta, html } = renderMarkdown('Intro.\n\n---\n\ntitle: x\n\n---\n');
    assert.deepEqual(meta, {});
    assert.equal(findAll(parseHtml(html), (e) => e.tag === 'hr').length, 2);
  });

  const invalid = [
    ['an unclosed flow sequence', ['---', 'title: ok', 'tags: [a, b', '---'], 3],
    ['a repeated key', ['---', 'title: one', 'author: me', 'title: two', '---'], 4],
    ['a bad indentation', ['---', 'title: ok', 'series:', '  name: s', ' index: 2', '---'], 5],
  ];
  for (const [name, lines, line] of invalid) {
    it(`invalid YAML (${name}) is reported at its line of the post, and the body still renders`, () => {
      const { meta, errors, html } = renderMarkdown([...lines, '# Heading', '', 'Body with $x$.'].join('\n'));
      assert.deepEqual(meta, {});
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0].message, /front matter/);
      assert.equal(errors[0].line, line, errors[0].message);
      assert.match(html, /<h1 id="heading">/);
      assert.match(html, /class="katex"/);
      assert.doesNotMatch(html, /title:/);
    });
  }

  it('front matter that is not a mapping is reported and ignored', () => {
    const { meta, errors, html } = renderMarkdown('---\n- a\n- b\n---\nBody');
    assert.deepEqual(meta, {});
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 2);
    assert.match(html, /<p>Body<\/p>/);
  });

  it('body lines are counted from the top of the file, front matter included', () => {
    const { errors } = renderMarkdown(`${post}\n$\\frac{1}{$\n`);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 13);
  });
});

describe('headings', () => {
  it('lists every heading with its level, text and a unique id', () => {
    const source = ['# 位置编码', '## 位置编码', '## Position Encoding!', '### 位置编码', '## Proof', '## Proof'].join('\n\n');
    assert.deepEqual(renderMarkdown(source).headings, [
      { level: 1, text: '位置编码', html: '位置编码', id: '位置编码' },
      { level: 2, text: '位置编码', html: '位置编码', id: '位置编码-2' },
      { level: 2, text: 'Position Encoding!', html: 'Position Encoding!', id: 'position-encoding' },
      { level: 3, text: '位置编码', html: '位置编码', id: '位置编码-3' },
      { level: 2, text: 'Proof', html: 'Proof', id: 'proof' },
      { level: 2, text: 'Proof', html: 'Proof', id: 'proof-2' },
    ]);
  });

  it('puts each id on its heading element, with an anchor link to it', () => {
    const { html, headings } = renderMarkdown('# 位置编码\n\n## 位置编码\n\nText.\n\nSetext heading\n--------------');
    const elements = findAll(parseHtml(html), (e) => /^h[1-6]$/.test(e.tag));
    assert.deepEqual(elements.map((e) => attr(e, 'id')), headings.map((h) => h.id));
    assert.deepEqual(headings.map((h) => h.id), ['位置编码', '位置编码-2', 'setext-heading']);
    for (const element of elements) {
      const [anchor] = findAll(element, byClass('sb-heading-anchor'));
      assert.equal(decodeURIComponent(attr(anchor, 'href')), `#${attr(element, 'id')}`);
    }
  });

  it('a heading that slugs to the same text as an earlier one gets the next free suffix', () => {
    const ids = renderMarkdown('# A b\n\n# a-b\n\n# A  B!\n\n# a-b-2').headings.map((h) => h.id);
    assert.equal(new Set(ids).size, ids.length, ids.join(' '));
    assert.deepEqual(ids.slice(0, 3), ['a-b', 'a-b-2', 'a-b-3']);
  });

  it('a heading with no letters still gets a usable id', () => {
    const { headings } = renderMarkdown('## !!!\n\n## ???');
    assert.deepEqual(headings.map((h) => h.id), ['section', 'section-2']);
  });

  it('math in a heading is rendered, and the id is made from its words and TeX', () => {
    const { html, headings, errors } = renderMarkdown('## The $\\alpha$ term\n\n## 关于$\\beta$的估计');
    assert.deepEqual(errors, []);
    const [first, second] = findAll(parseHtml(html), (e) => e.tag === 'h2');
    assert.equal(findAll(first, byClass('katex')).length, 1);
    assert.equal(findAll(second, byClass('katex')).length, 1);
    assert.deepEqual(headings.map((h) => h.id), ['the-alpha-term', '关于beta的估计']);
    assert.deepEqual([attr(first, 'id'), attr(second, 'id')], ['the-alpha-term', '关于beta的估计']);
  });

  it('inline code and emphasis in a heading count as its text', () => {
    const { headings } = renderMarkdown('## The `slugify` *function*');
    assert.deepEqual(headings, [{ level: 2, text: 'The slugify function', html: 'The <code>slugify</code> <em>function</em>', id: 'the-slugify-function' }]);
  });

  it("a heading's html has its formulas rendered and no links, for a table of contents", () => {
    const { headings, errors } = renderMarkdown(
      ['## The $\\alpha$ case of [the bound](https://example.org) in \\eqref{a}', '', '\\begin{equation}x\\label{a}\\end{equation}'].join('\n'),
    );
    assert.deepEqual(errors, []);
    const heading = parseHtml(headings[0].html);
    assert.deepEqual(annotations(headings[0].html), ['\\alpha']);
    assert.deepEqual(findAll(heading, (e) => e.tag === 'a'), [], 'no link inside the heading html');
    assert.equal(visibleText(heading).replace(/\s+/g, ' ').replace(/α\s*/, 'α '), 'The α case of the bound in (1)');
  });

  it('a post without headings has none', () => {
    assert.deepEqual(renderMarkdown('Just text.').headings, []);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontMatter, readPostOptions, renderMarkdown } from 'sciblog-elements/core';

// What each error says in English, and where (error-messages.test.js checks their codes and other languages).
const messagesOf = (errors) => errors.map(({ message, line }) => (line === undefined ? { message } : { message, line }));

// Nine levels of nine aliases each: about 387 million strings once expanded.
const aliasBomb = [
  '---',
  'title: Laughs',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  '---',
  '# After',
  '',
  'Body with $x^2$.',
].join('\n');

describe('front matter that cannot be read', () => {
  for (const trusted of [true, false]) {
    it(`an alias bomb is an error at its first alias and the body still renders (trusted: ${trusted})`, () => {
      const { meta, errors, html } = renderMarkdown(aliasBomb, { trusted });
      assert.deepEqual(meta, {});
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0].message, /^front matter: aliases \(\*a\) expand/);
      assert.equal(errors[0].line, 4);
      assert.match(html, /<h1 id="after">After</);
      assert.match(html, /class="katex"/);
    });
  }

  it('an alias bomb expands nothing: the result stays as small as the text', () => {
    const front = parseFrontMatter(aliasBomb);
    assert.ok(JSON.stringify(front).length < aliasBomb.length, JSON.stringify(front).length);
  });

  it('a few aliases, as authors use them, still work', () => {
    const { meta, errors } = parseFrontMatter('---\nauthor: &me Jane Roe\nmaintainer: *me\ntags: &t [a, b]\nalso: *t\n---\n');
    assert.deepEqual(errors, []);
    assert.deepEqual(meta, { author: 'Jane Roe', maintainer: 'Jane Roe', tags: ['a', 'b'], also: ['a', 'b'] });
  });

  it('an alias with no anchor before it is an error at its line, not an exception', () => {
    const { meta, errors, html } = renderMarkdown('---\ntitle: T\nauthor: *me\nwho: &me Jane\n---\nBody');
    assert.deepEqual(meta, {});
    assert.deepEqual(messagesOf(errors), [{ message: 'front matter: *me refers to no &me above it', line: 3 }]);
    assert.match(html, /<p>Body<\/p>/);
  });

  it('YAML nested too deeply to parse is an error, and the body renders', () => {
    const depth = 20_000;
    const { meta, errors, html } = renderMarkdown(`---\ntitle: T\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n---\nBody`);
    assert.deepEqual(meta, {});
    assert.ok(errors.length >= 1);
    assert.match(errors[0].message, /^front matter: /);
    assert.equal(typeof errors[0].line, 'number');
    assert.match(html, /<p>Body<\/p>/);
  });

  it('a value that is not a map is reported at the line where it starts', () => {
    const { meta, errors } = renderMarkdown('---\n\n# a comment\n- a\n- b\n---\nBody');
    assert.deepEqual(meta, {});
    assert.deepEqual(messagesOf(errors), [{ message: 'front matter: expected "field: value" lines', line: 4 }]);
  });
});

describe('error lines count from the first line of the file', () => {
  // Each post has a YAML error on line 3 and a broken formula on line 7.
  const lines = ['---', 'title: ok', 'tags: [a, b', '---', '', 'Text.', '$\\frac{1}{$', ''];
  const bodyLines = ['---', 'title: ok', 'tags: [a, b]', '---', '', 'Text.', '$\\frac{1}{$', ''];
  const variants = [
    ['LF', (l) => l.join('\n')],
    ['CRLF', (l) => l.join('\r\n')],
    ['a byte order mark', (l) => `\uFEFF${l.join('\n')}`],
    ['a byte order mark and CRLF', (l) => `\uFEFF${l.join('\r\n')}`],
  ];
  for (const [name, write] of variants) {
    it(`with ${name}: a YAML error is on its line`, () => {
      const { errors } = renderMarkdown(write(lines));
      const yaml = errors.filter((e) => e.message.startsWith('front matter'));
      assert.deepEqual(yaml.map((e) => e.line), [3], JSON.stringify(errors));
    });

    it(`with ${name}: an error in the body is on its line of the file`, () => {
      const { errors, meta } = renderMarkdown(write(bodyLines));
      assert.deepEqual(meta, { title: 'ok', tags: ['a', 'b'] });
      assert.deepEqual(errors.map((e) => e.line), [7], JSON.stringify(errors));
    });
  }

  it('says on which line each field, and each key of a map, is written', () => {
    const front = parseFrontMatter('\uFEFF---\r\ntitle: T\r\n\r\nmacros:\r\n  R: \\mathbb{R}\r\n  "\\\\C": \\mathbb{C}\r\n---\r\n');
    assert.deepEqual(front.fieldLines, { title: { line: 2 }, macros: { line: 4, entries: { R: 5, '\\C': 6 } } });
  });
});

describe('readPostOptions', () => {
  const read = (yaml) => {
    const front = parseFrontMatter(`---\n${yaml}\n---\n`);
    assert.deepEqual(front.errors, []);
    return readPostOptions(front.meta, front.fieldLines);
  };

  it('without the fields: no macros, the default dialect, no errors', () => {
    assert.deepEqual(readPostOptions({}), { macros: {}, dialect: 'default', errors: [] });
  });

  it('names macros as KaTeX does, with or without the backslash written', () => {
    const { macros, errors } = read("macros:\n  '\\R': '\\mathbb{R}'\n  C: '\\mathbb{C}'\n  \"\\\\N\": '\\mathbb{N}'\n  '\\\\Z': '\\mathbb{Z}'");
    assert.deepEqual(errors, []);
    assert.deepEqual(macros, { '\\R': '\\mathbb{R}', '\\C': '\\mathbb{C}', '\\N': '\\mathbb{N}', '\\Z': '\\mathbb{Z}' });
  });

  it('reads macros written as a flow map, as in the docs', () => {
    assert.deepEqual(read("macros: { '\\R': '\\mathbb{R}', '\\norm': '\\left\\|#1\\right\\|' }").macros, {
      '\\R': '\\mathbb{R}',
      '\\norm': '\\left\\|#1\\right\\|',
    });
  });

  const badMacros = [
    ['an expansion that is not text', 'macros:\n  R: \\mathbb{R}\n  N: 1', 4, /^front matter: macros: \\N is not given as text/],
    ['an expansion that is a list', 'macros:\n  R: \\mathbb{R}\n  N: [a]', 4, /^front matter: macros: \\N is not given as text/],
    ['a name that is not a TeX command', 'macros:\n  R: \\mathbb{R}\n  "a b": x', 4, /^front matter: macros: "a b" is not a TeX command name/],
    ['the same macro twice', 'macros:\n  R: \\mathbb{R}\n  \\R: x', 4, /^front matter: macros: \\R is defined twice/],
  ];
  for (const [name, yaml, line, message] of badMacros) {
    it(`reports ${name} at its line and keeps the other macros`, () => {
      const { macros, errors } = read(yaml);
      assert.deepEqual(macros, { '\\R': '\\mathbb{R}' });
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.match(errors[0].message, message);
      assert.equal(errors[0].line, line);
    });
  }

  it('reports macros that are not a map, at the field', () => {
    const { macros, errors } = read('title: T\nmacros: [R]');
    assert.deepEqual(macros, {});
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /^front matter: macros is not a map/);
    assert.equal(errors[0].line, 3);
  });

  for (const dialect of ['default', 'kramdown']) {
    it(`reads dialect: ${dialect}`, () => assert.deepEqual(read(`dialect: ${dialect}`), { macros: {}, dialect, errors: [] }));
  }

  for (const [written, shown] of [['Kramdown', '"Kramdown"'], ['gfm', '"gfm"'], ['3', '3'], ['[kramdown]', '["kramdown"]']]) {
    it(`reports dialect ${written} with the allowed values, and uses the default`, () => {
      const { dialect, errors } = read(`title: T\ndialect: ${written}`);
      assert.equal(dialect, 'default');
      assert.deepEqual(messagesOf(errors), [{ message: `front matter: dialect ${shown} is not one of "default", "kramdown"`, line: 3 }]);
    });
  }

  it('gives errors without lines when it is not told where fields are', () => {
    assert.deepEqual(messagesOf(readPostOptions({ dialect: 'x' }).errors), [{ message: 'front matter: dialect "x" is not one of "default", "kramdown"' }]);
  });
});

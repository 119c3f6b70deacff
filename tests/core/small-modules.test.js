import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, isSafeUrl, parseFrontMatter, resolveLocale, slugify } from 'sciblog-elements/core';

describe('slugify', () => {
  const cases = [
    ['Hello World', 'hello-world'],
    ['  Hello,   World!  ', 'hello-world'],
    ['位置编码', '位置编码'],
    ['第1章：引言', '第1章引言'],
    ['Transformer升级之路', 'transformer升级之路'],
    ['Café résumé', 'café-résumé'],
    ['Ｆｕｌｌｗｉｄｔｈ　ｔｅｘｔ', 'fullwidth-text'],
    ['Σ-notation', 'σ-notation'],
    ['snake_case and kebab-case', 'snake_case-and-kebab-case'],
    ['C++ & Rust', 'c-rust'],
    ['tab\there\nnewline', 'tab-here-newline'],
    ['"quotes" <tags> #hash', 'quotes-tags-hash'],
    ['!!!', ''],
    ['', ''],
  ];
  for (const [text, slug] of cases) {
    it(`makes ${JSON.stringify(text)} into ${JSON.stringify(slug)}`, () => assert.equal(slugify(text), slug));
  }

  it('gives ids without whitespace or characters that would need escaping in a selector', () => {
    for (const [text] of cases) assert.doesNotMatch(slugify(text), /[\s"'<>#&.?/\\]/);
  });
});

describe('isSafeUrl', () => {
  const safe = [
    'https://kexue.fm/archives/8265',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    'mailto:someone@example.com',
    '/archives/8265',
    './relative/path',
    '../up',
    'page.html',
    '#eq-1',
    '?page=2',
    '//example.com/protocol-relative',
    '',
    // Not schemes at all: a browser resolves them as paths.
    'javascript%3Aalert(1)',
    './javascript:alert(1)',
    'x?y=javascript:alert(1)',
    'java\u200bscript:alert(1)',
  ];
  const unsafe = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001\u001fjavascript:alert(1)',
    'javascript\u007f:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'file:///etc/passwd',
    'ftp://example.com',
    'blob:https://example.com/uuid',
    'tel:+123',
  ];
  for (const url of safe) {
    it(`allows ${JSON.stringify(url)}`, () => assert.equal(isSafeUrl(url), true));
  }
  for (const url of unsafe) {
    it(`refuses ${JSON.stringify(url)}`, () => assert.equal(isSafeUrl(url), false));
  }
});

describe('dedent', () => {
  const cases = [
    ['removes the indentation common to all lines', '    a\n      b\n    c', 'a\n  b\nc'],
    ['drops leading and trailing blank lines', '\n\n    a\n    b\n  \n', 'a\nb'],
    ['ignores blank lines when measuring the indentation', '    a\n\n  \n    b', 'a\n\n\nb'],
    ['keeps the first line\'s own indentation when it is deeper', '\n      deeper\n    less', '  deeper\nless'],
    ['leaves text without common indentation alone', 'a\n  b', 'a\n  b'],
    ['works with tabs', '\t\ta\n\t\t\tb', 'a\n\tb'],
    ['gives the empty string for blank input', '  \n \n', ''],
  ];
  for (const [name, input, output] of cases) {
    it(name, () => assert.equal(dedent(input), output));
  }

  it('lets markdown written indented inside an element read as markdown, not a code block', () => {
    const written = `
        # Title

        Some $x$ text.
            code stays code
    `;
    assert.equal(dedent(written), '# Title\n\nSome $x$ text.\n    code stays code');
  });
});

describe('resolveLocale', () => {
  const cases = [
    ['zh-CN', 'zh'],
    ['zh-Hant', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['zh', 'zh'],
    ['ZH-tw', 'zh'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
    ['fr', 'en'],
    ['zu', 'en'],
    ['zhx', 'en'],
  ];
  for (const [lang, locale] of cases) {
    it(`picks ${locale} for ${JSON.stringify(lang)}`, () => assert.equal(resolveLocale(lang), locale));
  }
});

describe('parseFrontMatter', () => {
  it('splits the YAML from the body and says how many lines it took', () => {
    assert.deepEqual(parseFrontMatter('---\ntitle: T\ntags: [a]\n---\n# Body\n'), {
      meta: { title: 'T', tags: ['a'] },
      body: '# Body\n',
      lineOffset: 4,
      errors: [],
      fieldLines: { title: { line: 2 }, tags: { line: 3 } },
    });
  });

  it('returns the text unchanged when there is no front matter', () => {
    assert.deepEqual(parseFrontMatter('# Body\n---\nx: 1\n---\n'), { meta: {}, body: '# Body\n---\nx: 1\n---\n', lineOffset: 0, errors: [], fieldLines: {} });
  });

  it('accepts ... as the closing line, as YAML documents may end', () => {
    assert.deepEqual(parseFrontMatter('---\ntitle: T\n...\nBody').meta, { title: 'T' });
  });

  it('accepts Windows line endings', () => {
    const result = parseFrontMatter('---\r\ntitle: T\r\n---\r\nBody\r\n');
    assert.deepEqual(result.meta, { title: 'T' });
    assert.equal(result.body, 'Body\r\n');
    assert.equal(result.lineOffset, 3);
  });

  it('accepts front matter with nothing after it', () => {
    assert.deepEqual(parseFrontMatter('---\ntitle: T\n---'), { meta: { title: 'T' }, body: '', lineOffset: 3, errors: [], fieldLines: { title: { line: 2 } } });
  });

  it('reads empty front matter (--- straight after ---) as no fields, as Jekyll does', () => {
    assert.deepEqual(parseFrontMatter('---\n---\nBody\n---\nMore'), { meta: {}, body: 'Body\n---\nMore', lineOffset: 2, errors: [], fieldLines: {} });
  });

  it('reads front matter holding only comments or blank lines as no fields', () => {
    assert.deepEqual(parseFrontMatter('---\n# draft\n\n---\nBody'), { meta: {}, body: 'Body', lineOffset: 4, errors: [], fieldLines: {} });
  });

  it('ignores a byte order mark before the front matter', () => {
    assert.deepEqual(parseFrontMatter('\uFEFF---\ntitle: T\n---\nBody'), { meta: { title: 'T' }, body: 'Body', lineOffset: 3, errors: [], fieldLines: { title: { line: 2 } } });
    assert.equal(parseFrontMatter('\uFEFF# Body').body, '# Body');
  });

  it('reports a YAML error at its line in the file, and still returns the body', () => {
    const result = parseFrontMatter('---\ntitle: T\nauthor: [a\n---\nBody');
    assert.deepEqual(result.meta, {});
    assert.equal(result.body, 'Body');
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].line, 3);
    assert.match(result.errors[0].message, /^front matter: /);
  });

  it('reports front matter that is a list or a scalar rather than fields', () => {
    for (const yaml of ['- a\n- b', 'just text']) {
      const result = parseFrontMatter(`---\n${yaml}\n---\nBody`);
      assert.deepEqual(result.meta, {});
      assert.equal(result.body, 'Body');
      assert.equal(result.errors.length, 1);
      assert.match(result.errors[0].message, /field: value/);
    }
  });

  it('does not read a date as a Date object', () => {
    const { meta } = parseFrontMatter('---\ndate: 2024-09-06\nupdated: 2024-09-06T10:00:00+08:00\n---\n');
    assert.deepEqual(meta, { date: '2024-09-06', updated: '2024-09-06T10:00:00+08:00' });
  });

  it('needs the opening --- on the very first line', () => {
    assert.deepEqual(parseFrontMatter('\n---\ntitle: T\n---\n').meta, {});
    assert.deepEqual(parseFrontMatter(' ---\ntitle: T\n---\n').meta, {});
  });
});

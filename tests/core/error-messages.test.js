// Every error core reports has a code, its parameters, an English message and
// a text in each language; a page words it in its reader's language.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { errorMessages, errorText, parseFeed, renderComment, renderMarkdown, threadComments } from '../../dist/core/index.js';

const source = new URL('../../src/', import.meta.url);
const sourceFiles = async (folder) => (await readdir(new URL(folder, source), { recursive: true })).filter((name) => name.endsWith('.ts')).map((name) => new URL(`${folder}${name}`, source));

/** The codes named where errors are made: `codedError('x'`, `codedErrorAt('x'`, `dataError('x'`, and the feed's `report('x'`. */
async function codesUsed() {
  const used = new Set();
  for (const file of [...(await sourceFiles('core/')), ...(await sourceFiles('elements/'))]) {
    const text = await readFile(file, 'utf8');
    for (const [, code] of text.matchAll(/\b(?:codedError|codedErrorAt|dataError|report|reportFeed)\(\s*(?:[^,()]*\?\s*)?'([a-z][a-z-]*)'/g)) used.add(code);
    for (const [, code] of text.matchAll(/\bcodedErrorAt\([^'()]*\? '([a-z-]+)' : '([a-z-]+)'/g)) used.add(code);
  }
  return used;
}

/** The codes the parameter interfaces declare: data errors' and posts' (`ErrorParams` is both). */
async function codesDeclared() {
  const declared = new Set();
  for (const [file, name] of [['core/data-error-messages.ts', 'DataErrorParams'], ['core/post-error-messages.ts', 'PostErrorParams']]) {
    const text = await readFile(new URL(file, source), 'utf8');
    const start = text.indexOf(`export interface ${name} {`);
    assert.ok(start >= 0, `${file} declares ${name}`);
    const body = text.slice(start, text.indexOf('\n}\n', start));
    for (const [, code] of body.matchAll(/^\s+'?([a-z][a-z-]*)'?: [{R]/gm)) declared.add(code);
  }
  return declared;
}

// Parameters of any shape a code's text might read.
const sampleParams = new Proxy({}, {
  get: (_, name) => ({ at: { in: 'item', index: 3 }, missing: ['id', 'author'], labels: ['eq:a', 'eq:b'], allowed: ['per-kind', 'shared'], kind: 'figure', written: 'label' })[name] ?? (/index|length|limit/.test(String(name)) ? 3 : 'x1'),
  has: () => true,
});

describe('error messages', () => {
  it('every code made in src/ is declared, and every declared code has a text in zh and in en', async () => {
    const declared = await codesDeclared();
    const used = await codesUsed();
    assert.ok(used.size >= 40, `found only ${used.size} codes in use`);
    for (const code of used) assert.ok(declared.has(code), `${code} is made but not declared in ErrorParams`);
    for (const code of declared) {
      for (const locale of ['zh', 'en']) {
        assert.equal(typeof errorMessages[locale][code], 'function', `${code} has no ${locale} text`);
        assert.ok(errorMessages[locale][code](sampleParams).length > 0, `${code}: empty ${locale} text`);
      }
    }
    assert.deepEqual(Object.keys(errorMessages.zh).sort(), Object.keys(errorMessages.en).sort());
  });

  it('the Chinese texts use full-width punctuation next to Chinese', () => {
    const cjk = '[\\u3400-\\u9fff]';
    const halfWidth = new RegExp(`${cjk}[,;:()!?]|[,;:()!?]${cjk}`);
    for (const [code, text] of Object.entries(errorMessages.zh)) {
      const shown = text(sampleParams);
      assert.doesNotMatch(shown, halfWidth, `${code}: ${shown}`);
      assert.doesNotMatch(shown, /[“”]\s|\s[“”]/, `${code}: no space around Chinese quotation marks: ${shown}`);
    }
  });

  const post = (markdown) => renderMarkdown(markdown).errors;
  const cases = [
    ['an unknown label', post('See \\eqref{eq:nowhere}.'), 'unknown label "eq:nowhere"', '未知的标签“eq:nowhere”'],
    ['a duplicate label', post('$$a\\label{x}$$\n\n$$b\\label{x}$$'), 'duplicate label "x": references use the first one, (1)', '标签“x”重复：引用指向第一个，即式 (1)'],
    ['a broken formula', post('$\\frac{1}{$'), /^KaTeX parse error/, /^公式错误：KaTeX parse error/],
    ['a bad front matter field', post('---\ndialect: gfm\n---\ntext'), 'front matter: dialect "gfm" is not one of "default", "kramdown"', 'front matter：dialect 的值 "gfm" 不是“default”、“kramdown”之一'],
    ['a feed item without an id', parseFeed({ items: [{ date_published: '2024-01-02', content_text: 'x' }] }).errors, 'item 1: has no id', '第 1 项：没有 id'],
    ['a comment without an author', threadComments([{ id: 'a', body: 'x', date: '2024-01-02' }]).errors, 'comment 1: has no author', '第 1 条评论：没有作者'],
    ['a comment over the limit', renderComment('x'.repeat(20), { maxLength: 10 }).errors, 'comment is too long: 20 characters, the limit is 10', '评论太长：20 个字符，上限是 10 个'],
  ];
  for (const [what, errors, en, zh] of cases) {
    it(`${what}: a code, its English message, and its text in zh and en`, () => {
      assert.equal(errors.length, 1, JSON.stringify(errors));
      const [error] = errors;
      assert.match(error.code, /^[a-z][a-z-]+$/);
      assert.equal(typeof error.params, 'object');
      const check = (actual, expected) => (typeof expected === 'string' ? assert.equal(actual, expected) : assert.match(actual, expected));
      check(error.message, en);
      check(errorText(error, 'en'), en);
      check(errorText(error, 'zh'), zh);
      // A code and parameters survive JSON (a worker, a prerendered page) and still word the same.
      check(errorText(JSON.parse(JSON.stringify(error)), 'zh'), zh);
    });
  }

  it('a page rewords one code, and an error without a known code shows its message', () => {
    const [error] = post('See \\eqref{eq:nowhere}.');
    assert.equal(errorText(error, 'zh', { 'unknown-label': ({ label }) => `没有“${label}”这个标签` }), '没有“eq:nowhere”这个标签');
    assert.equal(errorText(error, 'zh', { 'duplicate-label': () => 'other' }), '未知的标签“eq:nowhere”');
    assert.equal(errorText({ message: 'the page’s own' }, 'zh'), 'the page’s own');
    assert.equal(errorText({ code: 'no-such-code', params: {}, message: 'as written' }, 'zh'), 'as written');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bibtexKey, citation } from '../../dist/core/citation.js';

const post = (fields = {}) => ({
  id: 'https://example.org/archives/2048',
  url: 'https://example.org/archives/2048',
  title: '“纸上谈兵”之旋转编码(二):二维推广',
  date: '2023-03-29',
  authors: [{ name: '李明' }],
  tags: [],
  ...fields,
});
const accessed = new Date(2025, 0, 2, 12);

/** Whether every unescaped `{` has its `}`, in order. */
function bracesBalance(text) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('citation as text', () => {
  const cases = [
    [
      'cites a Chinese post the reference blog\'s way',
      post(), 'zh',
      '李明. (2023, Mar 29). 《“纸上谈兵”之旋转编码(二):二维推广》[Blog post]. Retrieved from https://example.org/archives/2048',
    ],
    [
      'cites an English post APA-like, with the month spelled out and the day unpadded',
      post({ title: 'Notes on rotary embeddings', date: '2023-09-06', authors: [{ name: 'Jane Roe' }] }), 'en',
      'Jane Roe. (2023, September 6). Notes on rotary embeddings [Blog post]. https://example.org/archives/2048',
    ],
    [
      'pads the day in the Chinese form',
      post({ date: '2024-09-06' }), 'zh',
      '李明. (2024, Sep 06). 《“纸上谈兵”之旋转编码(二):二维推广》[Blog post]. Retrieved from https://example.org/archives/2048',
    ],
    [
      'uses the day the author wrote, not the reader\'s',
      post({ title: 'Late post', date: '2024-09-30T23:30:00+08:00', authors: [{ name: 'Jane Roe' }] }), 'en',
      'Jane Roe. (2024, September 30). Late post [Blog post]. https://example.org/archives/2048',
    ],
    [
      'joins two English authors with &',
      post({ title: 'T', authors: [{ name: 'Jane Roe' }, { name: 'John Doe' }] }), 'en',
      'Jane Roe & John Doe. (2023, March 29). T [Blog post]. https://example.org/archives/2048',
    ],
    [
      'joins three English authors with commas and &',
      post({ title: 'T', authors: [{ name: 'A. Roe' }, { name: 'B. Doe' }, { name: 'C. Poe' }] }), 'en',
      'A. Roe, B. Doe, & C. Poe. (2023, March 29). T [Blog post]. https://example.org/archives/2048',
    ],
    [
      'joins Chinese authors with commas',
      post({ authors: [{ name: '李明' }, { name: '王芳' }] }), 'zh',
      '李明, 王芳. (2023, Mar 29). 《“纸上谈兵”之旋转编码(二):二维推广》[Blog post]. Retrieved from https://example.org/archives/2048',
    ],
    [
      'does not double the full stop after an initial',
      post({ title: 'T', authors: [{ name: 'Roe, J.' }] }), 'en',
      'Roe, J. (2023, March 29). T [Blog post]. https://example.org/archives/2048',
    ],
    [
      'turns a book title inside the title into single guillemets',
      post({ title: '《星际航行概论》读后:轨道方程' }), 'zh',
      '李明. (2023, Mar 29). 《〈星际航行概论〉读后:轨道方程》[Blog post]. Retrieved from https://example.org/archives/2048',
    ],
    [
      'leaves out the author when there is none',
      post({ title: 'T', authors: [] }), 'en',
      '(2023, March 29). T [Blog post]. https://example.org/archives/2048',
    ],
    [
      'writes n.d. when the date cannot be read',
      post({ title: 'T', date: 'someday', authors: [{ name: 'Jane Roe' }] }), 'en',
      'Jane Roe. (n.d.). T [Blog post]. https://example.org/archives/2048',
    ],
    ['names an untitled Chinese post 无题', post({ title: '' }), 'zh',
      '李明. (2023, Mar 29). 《无题》[Blog post]. Retrieved from https://example.org/archives/2048'],
    ['names an untitled English post Untitled', post({ title: '  ', authors: [] }), 'en',
      '(2023, March 29). Untitled [Blog post]. https://example.org/archives/2048'],
    ['leaves out the link when the post has none', post({ url: '' }), 'zh',
      '李明. (2023, Mar 29). 《“纸上谈兵”之旋转编码(二):二维推广》[Blog post].'],
  ];
  for (const [name, input, locale, expected] of cases) {
    it(name, () => assert.equal(citation(input, { style: 'text', locale }), expected));
  }
});

describe('citation as BibTeX', () => {
  const bibtex = (fields, locale = 'zh') => citation(post(fields), { style: 'bibtex', locale, accessed });

  it('writes an @online entry with a Chinese title kept intact', () => {
    assert.equal(bibtex({}), [
      '@online{exampleorg2023_2048,',
      '  title={“纸上谈兵”之旋转编码(二):二维推广},',
      '  author={李明},',
      '  year={2023},',
      '  month={Mar},',
      '  url={https://example.org/archives/2048},',
      '  urldate={2025-01-02}',
      '}',
    ].join('\n'));
  });

  const escapes = [
    ['escapes & % $ # _', 'Costs & 100% of $x_1$ #2', 'Costs \\& 100\\% of \\$x\\_1\\$ \\#2'],
    ['escapes braces', 'Sets {a, b}', 'Sets \\{a, b\\}'],
    ['escapes ~ and ^ as text commands', 'a~b^c', 'a\\textasciitilde{}b\\textasciicircum{}c'],
    ['escapes a backslash once, not twice', 'C:\\temp\\{x}', 'C:\\textbackslash{}temp\\textbackslash{}\\{x\\}'],
    ['escapes a stray closing brace', 'oops }', 'oops \\}'],
  ];
  for (const [name, title, escaped] of escapes) {
    it(`${name} in the title`, () => {
      const entry = bibtex({ title });
      assert.ok(entry.includes(`  title={${escaped}},\n`), entry);
      assert.ok(bracesBalance(entry), entry);
    });
  }

  it('escapes TeX specials in author names', () => {
    assert.ok(bibtex({ authors: [{ name: 'R&D_Team {x}' }] }).includes('  author={R\\&D\\_Team \\{x\\}},'));
  });

  it('joins several authors with and', () => {
    const entry = bibtex({ authors: [{ name: 'Jane Roe' }, { name: '李明' }, { name: 'John Doe' }] });
    assert.ok(entry.includes('  author={Jane Roe and 李明 and John Doe},'), entry);
  });

  it('braces a name that contains "and" so BibTeX does not split it', () => {
    const entry = bibtex({ authors: [{ name: 'Research and Development Lab' }, { name: 'Jane Roe' }] });
    assert.ok(entry.includes('  author={{Research and Development Lab} and Jane Roe},'), entry);
    assert.ok(bracesBalance(entry), entry);
  });

  it('encodes characters in the link that would break the entry', () => {
    const entry = bibtex({ url: 'https://example.org/a b/{x}\\y' });
    assert.ok(entry.includes('  url={https://example.org/a%20b/%7Bx%7D%5Cy},'), entry);
  });

  it('takes urldate from when the post was accessed', () => {
    assert.ok(citation(post(), { style: 'bibtex', locale: 'en', accessed: new Date(2024, 1, 29, 9) }).includes('urldate={2024-02-29}'));
  });

  it('takes urldate from today when no access date is given', () => {
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const before = iso(new Date());
    const entry = citation(post(), { style: 'bibtex', locale: 'en' });
    const after = iso(new Date());
    const urldate = /urldate=\{(.*)\}/.exec(entry)[1];
    assert.ok(urldate === before || urldate === after, urldate);
  });

  it('leaves out year and month when the date cannot be read, and author when there is none', () => {
    const entry = bibtex({ date: 'soon', authors: [] });
    assert.ok(!/year=|month=|author=/.test(entry), entry);
    assert.ok(bracesBalance(entry), entry);
  });

  it('gives an untitled post a title rather than an empty field', () => {
    assert.ok(bibtex({ title: '' }, 'en').includes('  title={Untitled},'));
  });

  it('is the same for the same post every time', () => {
    assert.equal(bibtex({}), bibtex({}));
  });
});

describe('bibtexKey', () => {
  const cases = [
    ['uses the last word of an author\'s name as the family name', { authors: [{ name: 'Jianlin Su' }], date: '2024-09-06', id: 'https://kexue.example/archives/10352' }, 'su2024_10352'],
    ['uses the part before a comma as the family name', { authors: [{ name: 'Su, Jianlin' }], date: '2024-09-06', id: 'https://kexue.example/archives/10352' }, 'su2024_10352'],
    ['drops accents from the family name', { authors: [{ name: 'José Núñez' }], id: 'p/7' }, 'nunez2023_7'],
    ['uses the site\'s letters for a name without Latin letters', { authors: [{ name: '苏剑林' }], url: 'https://www.kexue.fm/archives/10352', id: 'https://www.kexue.fm/archives/10352' }, 'kexuefm2023_10352'],
    ['uses anon when there is neither a Latin name nor a site', { authors: [{ name: '李明' }], url: '/archives/5', id: '5' }, 'anon2023_5'],
    ['uses anon when there is no author and no site', { authors: [], url: '', id: '12' }, 'anon2023_12'],
    ['takes the digits that end the id, ignoring a trailing slash', { authors: [{ name: 'Jane Roe' }], id: 'https://example.org/archives/2048/' }, 'roe2023_2048'],
    ['takes the first title word that is not a stop word when the id ends without digits', { authors: [{ name: 'Jane Roe' }], title: 'On the Rotary Embeddings', id: 'rotary-notes' }, 'roe2023_rotary'],
    ['leaves out the year when the date cannot be read', { authors: [{ name: 'Jane Roe' }], date: 'someday' }, 'roe_2048'],
  ];
  for (const [name, fields, expected] of cases) {
    it(name, () => assert.equal(bibtexKey(post(fields)), expected));
  }

  it('hashes the id when neither the id nor the title gives a word', () => {
    const key = bibtexKey(post({ authors: [{ name: 'Jane Roe' }], id: 'zhi-shang-tan-bing' }));
    assert.match(key, /^roe2023_[0-9a-z]+$/);
    assert.equal(key, bibtexKey(post({ authors: [{ name: 'Jane Roe' }], id: 'zhi-shang-tan-bing' })));
    assert.notEqual(key, bibtexKey(post({ authors: [{ name: 'Jane Roe' }], id: 'xuan-zhuan-bian-ma' })));
  });

  it('is the key of the BibTeX entry', () => {
    const entry = citation(post(), { style: 'bibtex', locale: 'zh', accessed });
    assert.ok(entry.startsWith(`@online{${bibtexKey(post())},\n`), entry);
  });
});

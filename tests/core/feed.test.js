import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed, postFromFrontMatter } from '../../dist/core/feed.js';
import { parseFrontMatter } from '../../dist/core/front-matter.js';

const now = new Date('2025-01-01T00:00:00Z');
const version = 'https://jsonfeed.org/version/1.1';
/** A valid item; each case changes what it is about. */
const item = (fields = {}) => ({ id: 'p1', url: 'https://example.org/p1', date_published: '2024-09-06', content_html: '<p>x</p>', ...fields });
const feedOf = (...items) => JSON.stringify({ version, title: 'Notes', items });
const messages = (result) => result.errors.map((e) => e.message);
const ids = (result) => result.posts.map((p) => p.id);

describe('parseFeed reads a valid feed', () => {
  it('turns every item into a post, with the _sciblog fields', () => {
    const feed = {
      version,
      title: '示例博客',
      home_page_url: 'https://example.org/',
      items: [
        {
          id: 'https://example.org/archives/2048',
          url: 'https://example.org/archives/2048',
          title: '旋转编码的二维推广',
          content_html: '<p>正文 $x$</p>',
          summary: '摘要',
          date_published: '2024-09-06',
          authors: [{ name: '李明', url: 'https://example.org/about' }],
          tags: ['位置编码', 'math'],
          _sciblog: { readers: 59659, series: { name: '纸上谈兵', index: 3 }, comments: 12 },
        },
        { id: 'p2', url: 'https://example.org/p2', title: 'Plain text', content_text: 'Hello', date_published: '2024-09-01T10:00:00+08:00' },
      ],
    };
    assert.deepEqual(parseFeed(JSON.stringify(feed), { now }), {
      title: '示例博客',
      posts: [
        {
          id: 'https://example.org/archives/2048',
          url: 'https://example.org/archives/2048',
          title: '旋转编码的二维推广',
          date: '2024-09-06',
          authors: [{ name: '李明', url: 'https://example.org/about' }],
          tags: ['位置编码', 'math'],
          summary: '摘要',
          contentHtml: '<p>正文 $x$</p>',
          readers: 59659,
          series: { name: '纸上谈兵', index: 3 },
          comments: 12,
        },
        {
          id: 'p2',
          url: 'https://example.org/p2',
          title: 'Plain text',
          date: '2024-09-01T10:00:00+08:00',
          authors: [],
          tags: [],
          contentText: 'Hello',
        },
      ],
      errors: [],
    });
  });

  it('accepts a feed that is already parsed', () => {
    const result = parseFeed({ version, items: [item()] }, { now });
    assert.deepEqual([ids(result), result.errors], [['p1'], []]);
  });

  it('reads a feed saved with a byte-order mark', () => {
    assert.deepEqual(ids(parseFeed(`\uFEFF${feedOf(item())}`, { now })), ['p1']);
  });

  it('gives no posts and no errors for an empty feed', () => {
    assert.deepEqual(parseFeed(feedOf(), { now }), { title: 'Notes', posts: [], errors: [] });
  });

  it('reads a JSON Feed 1.0 document', () => {
    const result = parseFeed({ version: 'https://jsonfeed.org/version/1', items: [item({ author: { name: 'Jane Roe' } })] }, { now });
    assert.deepEqual([result.posts[0].authors, result.errors], [[{ name: 'Jane Roe' }], []]);
  });
});

describe('parseFeed rejects what is not a feed, with one error', () => {
  it('says the text is not JSON, and why', () => {
    const result = parseFeed('<html>not a feed</html>');
    assert.deepEqual(result.posts, []);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0].message, /^feed is not valid JSON: \S/);
  });

  const cases = [
    ['empty text is not JSON', '', /^feed is not valid JSON: /],
    ['a JSON array is not a feed', '[]', /^feed is not a JSON object$/],
    ['a JSON number is not a feed', '42', /^feed is not a JSON object$/],
    ['null is not a feed', null, /^feed is not a JSON object$/],
    ['undefined is not a feed', undefined, /^feed is not a JSON object$/],
    ['an object without items is not a feed', '{"version":"https://jsonfeed.org/version/1.1","title":"x"}', /^feed has no items array$/],
    ['items that are not a list are not a feed', { items: { 0: {} } }, /^feed has no items array$/],
  ];
  for (const [name, input, message] of cases) {
    it(name, () => {
      const result = parseFeed(input);
      assert.deepEqual(result.posts, []);
      assert.equal(result.errors.length, 1, messages(result).join('\n'));
      assert.match(result.errors[0].message, message);
    });
  }
});

describe('parseFeed skips an invalid item, reports its position and keeps the others', () => {
  const cases = [
    ['an item without a date', item({ id: 'bad', date_published: undefined }), [/^item 2: date_published is not a date \(none given/]],
    ['an item with an unparsable date', item({ id: 'bad', date_published: 'yesterday' }), [/^item 2: date_published is not a date \("yesterday"; expected YYYY-MM-DD/]],
    ['an item with an impossible day', item({ id: 'bad', date_published: '2024-02-30' }), [/^item 2: date_published is not a date \("2024-02-30"/]],
    ['an item whose date-time has no offset', item({ id: 'bad', date_published: '2024-09-06T10:00:00' }), [/^item 2: date_published is not a date/]],
    ['an item whose date is a number', item({ id: 'bad', date_published: 20240906 }), [/^item 2: date_published is not a date \(20240906;/]],
    ['an item without an id', item({ id: undefined }), [/^item 2: has no id$/]],
    ['an item with an empty id', item({ id: '' }), [/^item 2: has no id$/]],
    ['an item whose id is an object', item({ id: { x: 1 } }), [/^item 2: id is not a string \(\{"x":1\}\)$/]],
    ['an item without content', item({ id: 'bad', content_html: undefined }), [/^item 2: has neither content_html nor content_text$/]],
    ['an item whose content is not text', item({ id: 'bad', content_html: 42 }), [/^item 2: content_html is not a string$/, /^item 2: has neither content_html nor content_text$/]],
    ['an item that is not an object', 'just a string', [/^item 2: is not an object$/]],
    ['an item that is null', null, [/^item 2: is not an object$/]],
  ];
  for (const [name, bad, expected] of cases) {
    it(`skips ${name}`, () => {
      const result = parseFeed(feedOf(item({ id: 'first' }), bad, item({ id: 'third' })), { now });
      assert.deepEqual(ids(result), ['first', 'third']);
      assert.equal(result.errors.length, expected.length, messages(result).join('\n'));
      expected.forEach((pattern, i) => assert.match(result.errors[i].message, pattern));
    });
  }

  it('reports every problem of an item, not only the first', () => {
    const result = parseFeed(feedOf({ title: 'Nothing else' }), { now });
    assert.deepEqual(result.posts, []);
    assert.deepEqual(messages(result).map((m) => m.replace(/ \(.*/, '')), [
      'item 1: has no id',
      'item 1: date_published is not a date',
      'item 1: has neither content_html nor content_text',
    ]);
  });

  it('counts positions from 1 across the whole list', () => {
    const items = [item({ id: 'a' }), item({ id: 'b' }), item({ id: 'c', date_published: 'x' }), item({ id: 'd' }), item({ id: undefined })];
    assert.deepEqual(messages(parseFeed(feedOf(...items), { now })).map((m) => m.slice(0, 7)), ['item 3:', 'item 5:']);
  });
});

describe('parseFeed keeps a post with a bad optional field, and reports the field', () => {
  // Each case lists the post fields it is about: a dropped field is expected undefined.
  const cases = [
    ['readers that are not a number', { _sciblog: { readers: 'many' } }, ['item 1: _sciblog.readers is not a number'], { readers: undefined }],
    ['negative readers', { _sciblog: { readers: -3 } }, ['item 1: _sciblog.readers is negative'], { readers: undefined }],
    ['fractional readers', { _sciblog: { readers: 2.5 } }, ['item 1: _sciblog.readers is not a whole number'], { readers: undefined }],
    ['comments that are not a number', { _sciblog: { comments: '12', readers: 5 } }, ['item 1: _sciblog.comments is not a number'], { comments: undefined, readers: 5 }],
    ['a series without a name', { _sciblog: { series: { index: 2 } } }, ['item 1: _sciblog.series has no name'], { series: undefined }],
    ['a series with a blank name', { _sciblog: { series: '  ' } }, ['item 1: _sciblog.series has no name'], { series: undefined }],
    ['a series that is a number', { _sciblog: { series: 7 } }, ['item 1: _sciblog.series is neither a name nor { name, index }'], { series: undefined }],
    ['a series index of 0, keeping the series', { _sciblog: { series: { name: 'S', index: 0 } } },
      ['item 1: _sciblog.series.index is not a whole number from 1'], { series: { name: 'S' } }],
    ['an extension that is not an object', { _sciblog: [1] }, ['item 1: _sciblog is not an object'], { readers: undefined, series: undefined, comments: undefined }],
    ['a title that is not text', { title: 42 }, ['item 1: title is not a string'], { title: '' }],
    ['tags that are not a list', { tags: 'math' }, ['item 1: tags is not a list'], { tags: [] }],
    ['a tag that is not text, keeping the others', { tags: ['math', 3, 'ml'] }, ['item 1: tags[2] is not a string'], { tags: ['math', 'ml'] }],
    ['a summary that is not text', { summary: {} }, ['item 1: summary is not a string'], { summary: undefined }],
    ['authors that are not a list', { authors: 'Jane' }, ['item 1: authors is not a list'], { authors: [] }],
    ['an author without a name, keeping the others', { authors: [{ url: 'https://x.example' }, { name: 'Jane Roe' }] },
      ['item 1: authors[1] has no name'], { authors: [{ name: 'Jane Roe' }] }],
    ['a link with a script scheme', { url: 'javascript:alert(1)' }, ['item 1: url is not a safe link'], { url: '' }],
    ['an author link with a script scheme', { authors: [{ name: 'Jane', url: 'javascript:alert(1)' }] },
      ['item 1: authors[1].url is not a safe link'], { authors: [{ name: 'Jane' }] }],
  ];
  for (const [name, fields, expectedErrors, expectedFields] of cases) {
    it(`for ${name}`, () => {
      const result = parseFeed(feedOf(item(fields)), { now });
      assert.deepEqual(messages(result), expectedErrors);
      assert.deepEqual(ids(result), ['p1']);
      const [post] = result.posts;
      assert.deepEqual(Object.fromEntries(Object.keys(expectedFields).map((field) => [field, post[field]])), expectedFields);
    });
  }

  it('keeps a post with no title, as JSON Feed allows, with an empty title and no error', () => {
    const result = parseFeed(feedOf(item({ title: undefined })), { now });
    assert.deepEqual([result.posts[0].title, result.errors], ['', []]);
  });

  it('takes a numeric id as a string, as JSON Feed says', () => {
    assert.deepEqual(ids(parseFeed(feedOf(item({ id: 10352 })), { now })), ['10352']);
  });

  it('accepts content_text alone, and empty content', () => {
    const result = parseFeed(feedOf(item({ content_html: undefined, content_text: 'x' }), item({ id: 'p2', content_html: '' })), { now });
    assert.deepEqual([ids(result), result.errors], [['p1', 'p2'], []]);
  });

  it('takes a series given as a plain name', () => {
    assert.deepEqual(parseFeed(feedOf(item({ _sciblog: { series: '纸上谈兵' } })), { now }).posts[0].series, { name: '纸上谈兵' });
  });

  it('accepts zero readers and zero comments', () => {
    const [post] = parseFeed(feedOf(item({ _sciblog: { readers: 0, comments: 0 } })), { now }).posts;
    assert.deepEqual([post.readers, post.comments], [0, 0]);
  });

  it('reads a wrong version as 1.1, and says so', () => {
    const result = parseFeed({ version: 'https://example.org/rss', items: [item()] }, { now });
    assert.deepEqual(ids(result), ['p1']);
    assert.deepEqual(messages(result), ['feed: version "https://example.org/rss" is not a JSON Feed version; read as 1.1']);
  });
});

describe('parseFeed and dates in the future', () => {
  const cases = [
    ['keeps a future date-time and reports it', '2025-06-01T08:00:00+08:00', ['item 1: date_published is in the future']],
    ['keeps a future calendar date and reports it', '2025-01-02', ['item 1: date_published is in the future']],
    ['does not report a date-time just past', '2024-12-31T23:59:59Z', []],
    // At noon UTC on 31 December it is already 2 a.m. on 1 January in UTC+14 (Kiritimati).
    ['does not report a calendar date that has begun somewhere on Earth', '2025-01-01', [], new Date('2024-12-31T12:00:00Z')],
    ['reports a calendar date that has begun nowhere yet', '2025-01-01', ['item 1: date_published is in the future'], new Date('2024-12-31T09:59:59Z')],
  ];
  for (const [name, date, expected, at = now] of cases) {
    it(name, () => {
      const result = parseFeed(feedOf(item({ date_published: date })), { now: at });
      assert.deepEqual([ids(result), messages(result)], [['p1'], expected]);
    });
  }

  it('uses the clock when no now is given', () => {
    assert.deepEqual(messages(parseFeed(feedOf(item({ date_published: '9999-01-01' })))), ['item 1: date_published is in the future']);
    assert.deepEqual(messages(parseFeed(feedOf(item({ date_published: '2000-01-01' })))), []);
  });
});

describe('parseFeed links', () => {
  const home = 'https://example.org/blog/';
  const cases = [
    ['resolves a relative link against home_page_url', home, 'archives/2048', 'https://example.org/blog/archives/2048'],
    ['resolves a root-relative link against home_page_url', home, '/archives/2048', 'https://example.org/archives/2048'],
    ['keeps an absolute link as written', home, 'https://other.example/Post?id=1', 'https://other.example/Post?id=1'],
    ['keeps a relative link as written when there is no home page', undefined, 'archives/2048', 'archives/2048'],
    ['falls back on the id when it is a link and there is no url', home, undefined, 'https://example.org/p1'],
  ];
  for (const [name, homePage, url, expected] of cases) {
    it(name, () => {
      const feed = { version, home_page_url: homePage, items: [item({ id: 'https://example.org/p1', url })] };
      const result = parseFeed(feed, { now });
      assert.deepEqual([result.posts[0].url, result.errors], [expected, []]);
    });
  }

  it('leaves the url empty when there is none and the id is not a link', () => {
    assert.equal(parseFeed(feedOf(item({ url: undefined })), { now }).posts[0].url, '');
  });

  it('reports a home page that cannot be a base, and keeps links as written', () => {
    const result = parseFeed({ version, home_page_url: 'example.org', items: [item({ url: 'a/b' })] }, { now });
    assert.deepEqual([result.posts[0].url, messages(result)],
      ['a/b', ['feed: home_page_url is not an absolute http(s) URL; item links are kept as written']]);
  });
});

describe('parseFeed authors', () => {
  it('gives an item without authors the feed\'s authors, as JSON Feed says', () => {
    const feed = { version, authors: [{ name: '李明' }], items: [item(), item({ id: 'p2', authors: [{ name: 'Jane Roe' }] })] };
    assert.deepEqual(parseFeed(feed, { now }).posts.map((p) => p.authors), [[{ name: '李明' }], [{ name: 'Jane Roe' }]]);
  });

  it('falls back on the 1.0 author object when authors is absent', () => {
    const feed = { version, author: { name: 'Feed Author' }, items: [item({ author: { name: 'Item Author', url: 'https://a.example' } }), item({ id: 'p2' })] };
    assert.deepEqual(parseFeed(feed, { now }).posts.map((p) => p.authors), [[{ name: 'Item Author', url: 'https://a.example' }], [{ name: 'Feed Author' }]]);
  });

  it('prefers authors over author', () => {
    const [post] = parseFeed(feedOf(item({ authors: [{ name: 'New' }], author: { name: 'Old' } })), { now }).posts;
    assert.deepEqual(post.authors, [{ name: 'New' }]);
  });
});

describe('postFromFrontMatter', () => {
  const source = { id: 'rope-2d', url: 'https://example.org/rope-2d' };
  const cases = [
    [
      'makes a post from every field',
      { title: '旋转编码', date: '2024-09-06', author: '李明', readers: 59659, comments: 3, tags: ['math'], series: { name: '纸上谈兵', index: 2 }, summary: 's' },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: '旋转编码', date: '2024-09-06', authors: [{ name: '李明' }], tags: ['math'], summary: 's', readers: 59659, comments: 3, series: { name: '纸上谈兵', index: 2 } },
      [],
    ],
    [
      'takes a list of authors and a series by name',
      { title: 'T', date: '2024-09-06', author: ['Jane Roe', { name: 'John Doe', url: 'https://doe.example' }], series: 'Notes' },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: 'T', date: '2024-09-06', authors: [{ name: 'Jane Roe' }, { name: 'John Doe', url: 'https://doe.example' }], tags: [], series: { name: 'Notes' } },
      [],
    ],
    [
      'takes a single tag written as text, and numbers YAML read from the title and tags',
      { title: 1984, date: '2024-09-06', tags: 'math' },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: '1984', date: '2024-09-06', authors: [], tags: ['math'] },
      [],
    ],
    [
      'reads a Date that a YAML 1.1 loader made as the day written',
      { title: 'T', date: new Date('2024-09-06T00:00:00Z') },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: 'T', date: '2024-09-06', authors: [], tags: [] },
      [],
    ],
    [
      'keeps a post without a title',
      { date: '2024-09-06' },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: '', date: '2024-09-06', authors: [], tags: [] },
      [],
    ],
    [
      'drops bad optional fields and reports them',
      { title: 'T', date: '2024-09-06', readers: 'many', series: { index: 1 }, author: [''] },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: 'T', date: '2024-09-06', authors: [], tags: [] },
      ['front matter: author[1] has no name', 'front matter: readers is not a number', 'front matter: series has no name'],
    ],
    [
      'keeps a date-time written without an offset, as Jekyll and Hugo allow',
      { title: 'T', date: '2024-09-06 10:00:00' },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: 'T', date: '2024-09-06 10:00:00', authors: [], tags: [] },
      [],
    ],
    [
      'does not call a date-time without an offset future while it has begun somewhere',
      // 2025-01-01 09:00 has begun at UTC+14 (it is 10:00 there) at the test's now.
      { title: 'T', date: '2025-01-01T09:00:00' },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: 'T', date: '2025-01-01T09:00:00', authors: [], tags: [] },
      [],
    ],
    [
      'calls a date-time without an offset future once it has begun nowhere',
      { title: 'T', date: '2025-01-01T14:30:00' },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: 'T', date: '2025-01-01T14:30:00', authors: [], tags: [] },
      ['front matter: date is in the future'],
    ],
    [
      'keeps a future post and reports it',
      { title: 'T', date: '2030-01-01' },
      { id: 'rope-2d', url: 'https://example.org/rope-2d', title: 'T', date: '2030-01-01', authors: [], tags: [] },
      ['front matter: date is in the future'],
    ],
  ];
  for (const [name, meta, expectedPost, expectedErrors] of cases) {
    it(name, () => {
      const { post, errors } = postFromFrontMatter(meta, source, { now });
      assert.deepEqual(post, expectedPost);
      assert.deepEqual(errors.map((e) => e.message), expectedErrors);
    });
  }

  const rejected = [
    ['gives no post without a date', { title: 'T' }, /^front matter: date is not a date \(none given/],
    ['gives no post for an impossible date', { title: 'T', date: '2024-02-30' }, /^front matter: date is not a date/],
  ];
  for (const [name, meta, message] of rejected) {
    it(name, () => {
      const { post, errors } = postFromFrontMatter(meta, source, { now });
      assert.equal(post, undefined);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, message);
    });
  }

  it('reads what parseFrontMatter gives from a markdown file', () => {
    const { meta } = parseFrontMatter('---\ntitle: 旋转编码\ndate: 2024-09-06\nauthor: 李明\nreaders: 120\ntags: [math, 位置编码]\nseries:\n  name: 纸上谈兵\n  index: 2\n---\n\nBody');
    assert.deepEqual(postFromFrontMatter(meta, source, { now }), {
      post: {
        id: 'rope-2d', url: 'https://example.org/rope-2d', title: '旋转编码', date: '2024-09-06',
        authors: [{ name: '李明' }], tags: ['math', '位置编码'], readers: 120, series: { name: '纸上谈兵', index: 2 },
      },
      errors: [],
    });
  });
});

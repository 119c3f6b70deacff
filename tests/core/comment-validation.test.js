import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commentSubmission,
  isEmailAddress,
  isNearLengthLimit,
  isWebUrl,
  loadCommentDraft,
  saveCommentDraft,
  validateComment,
} from '../../dist/core/comment-validation.js';

const valid = { name: '林知远', email: 'lin@example.org', url: '', body: '$x^2$' };

describe('isEmailAddress', () => {
  const cases = [
    ['lin@example.org', true],
    ['  lin@example.org ', true],
    ['a.b+tag@mail.example.co.uk', true],
    ['林@例子.中国', true],
    ['lin@example', false],
    ['lin@@example.org', false],
    ['lin example@example.org', false],
    ['@example.org', false],
    ['lin@.org', false],
    ['lin@example.', false],
    ['', false],
  ];
  for (const [text, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} ${JSON.stringify(text)}`, () => assert.equal(isEmailAddress(text), expected));
  }
});

describe('isWebUrl', () => {
  const cases = [
    ['https://kexue.fm', true],
    ['http://example.org/~lin?x=1#top', true],
    ['  HTTPS://example.org ', true],
    ['kexue.fm', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>', false],
    ['mailto:lin@example.org', false],
    ['ftp://example.org', false],
    ['https://', false],
    ['/relative/path', false],
  ];
  for (const [text, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} ${JSON.stringify(text)}`, () => assert.equal(isWebUrl(text), expected));
  }
});

describe('validateComment', () => {
  const cases = [
    ['accepts a complete comment', valid, {}],
    ['accepts an http(s) website', { ...valid, url: 'https://example.org' }, {}],
    ['requires name, email and body, not a website', { name: ' ', email: '', url: '', body: '\n\t' }, { name: 'required', email: 'required', body: 'required' }],
    ['rejects an address that is not one', { ...valid, email: 'lin@example' }, { email: 'invalid' }],
    ['rejects a website that is not http(s)', { ...valid, url: 'javascript:alert(1)' }, { url: 'invalid' }],
    ['rejects a body over the limit', { ...valid, body: 'x'.repeat(11) }, { body: 'tooLong' }],
    ['accepts a body at the limit', { ...valid, body: 'x'.repeat(10) }, {}],
  ];
  for (const [name, fields, expected] of cases) {
    it(name, () => assert.deepEqual(validateComment(fields, { maxLength: 10 }), expected));
  }

  it('uses a limit of 10 000 characters by default, counted as renderComment counts', () => {
    assert.deepEqual(validateComment({ ...valid, body: 'x'.repeat(10_000) }), {});
    assert.deepEqual(validateComment({ ...valid, body: '𝑥'.repeat(5_001) }), { body: 'tooLong' });
  });
});

describe('isNearLengthLimit', () => {
  for (const [length, expected] of [[0, false], [8_999, false], [9_000, true], [10_000, true], [12_000, true]]) {
    it(`${length} of 10 000 characters: ${expected ? 'show' : 'hide'} the counter`, () => assert.equal(isNearLengthLimit(length, 10_000), expected));
  }
});

describe('commentSubmission', () => {
  it('trims name, email and website and keeps the body as typed', () => {
    assert.deepEqual(commentSubmission({ name: ' 林知远 ', email: ' lin@example.org', url: ' https://example.org ', body: '  indented\n' }), {
      name: '林知远',
      email: 'lin@example.org',
      url: 'https://example.org',
      body: '  indented\n',
      parent: undefined,
    });
  });

  it('leaves out an empty website and takes the parent from the comment answered', () => {
    const reply = commentSubmission(valid, { id: 'c42', author: '苏剑林', date: '2024-09-06', body: '…' });
    assert.equal(reply.url, undefined);
    assert.equal(reply.parent, 'c42');
    // What the form POSTs: JSON leaves the missing website out.
    assert.deepEqual(JSON.parse(JSON.stringify(reply)), { name: '林知远', email: 'lin@example.org', body: '$x^2$', parent: 'c42' });
  });
});

describe('comment drafts', () => {
  const memory = () => {
    const items = new Map();
    return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => items.set(key, String(value)), removeItem: (key) => items.delete(key), items };
  };
  const refusing = () => {
    throw new Error('SecurityError: storage is disabled');
  };

  it('stores what was typed and the comment answered, and reads it back', () => {
    const storage = memory();
    const draft = { ...valid, url: 'https://example.org', replyTo: { id: 'c42', author: '苏剑林', body: 'not stored' } };
    assert.equal(saveCommentDraft(() => storage, 'k', draft), true);
    assert.deepEqual(loadCommentDraft(() => storage, 'k'), { ...valid, url: 'https://example.org', replyTo: { id: 'c42', author: '苏剑林' } });
  });

  it('removes the draft once nothing is typed', () => {
    const storage = memory();
    saveCommentDraft(() => storage, 'k', valid);
    saveCommentDraft(() => storage, 'k', { name: '', email: '', url: '', body: ' ' });
    assert.equal(storage.items.has('k'), false);
  });

  const unreadable = [
    ['nothing stored', null],
    ['not JSON', '{name: '],
    ['not an object', '"text"'],
    ['JSON null', 'null'],
    ['only blank fields', '{"name":" ","body":""}'],
  ];
  for (const [what, stored] of unreadable) {
    it(`reads ${what} as no draft`, () => {
      const storage = memory();
      if (stored !== null) storage.setItem('k', stored);
      assert.equal(loadCommentDraft(() => storage, 'k'), undefined);
    });
  }

  it('keeps the readable fields of a draft with wrong types', () => {
    const storage = memory();
    storage.setItem('k', JSON.stringify({ name: 42, email: 'lin@example.org', body: ['x'], replyTo: { id: 7, author: 'x' } }));
    assert.deepEqual(loadCommentDraft(() => storage, 'k'), { name: '', email: 'lin@example.org', url: '', body: '' });
  });

  it('reports refused storage instead of throwing', () => {
    assert.equal(loadCommentDraft(refusing, 'k'), undefined);
    assert.equal(saveCommentDraft(refusing, 'k', valid), false);
    const full = { ...memory(), setItem: () => { throw new Error('QuotaExceededError'); } };
    assert.equal(saveCommentDraft(() => full, 'k', valid), false);
  });
});

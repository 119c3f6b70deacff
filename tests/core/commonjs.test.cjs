// CommonJS users (an older build script, a Jest setup, a `"type": "commonjs"`
// package) get core through require, with the same results as import.
const assert = require('node:assert/strict');
const { describe, it } = require('node:test');

describe('require("sciblog-elements/core")', () => {
  it('gives the same renderMarkdown as import, numbering and all', async () => {
    const required = require('sciblog-elements/core');
    const imported = await import('sciblog-elements/core');
    const source = '$$a\\label{a}$$\n\nSee \\eqref{a} and $x^2$.';
    assert.equal(required.renderMarkdown(source).html, imported.renderMarkdown(source).html);
    assert.deepEqual(required.renderMarkdown(source).equations, [{ id: 'eq-a', number: '1', label: 'a' }]);
  });

  it('exports the same names as the ES module', async () => {
    const required = Object.keys(require('sciblog-elements/core')).sort();
    const imported = Object.keys(await import('sciblog-elements/core')).sort();
    assert.deepEqual(required, imported);
  });
});

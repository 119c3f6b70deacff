import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const tags = readdirSync('src/elements', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name);
const index = readFileSync('src/all-elements.ts', 'utf8');

describe('package entry points', () => {
  it('has an element folder for every tag and at least the ones the design names first', () => {
    for (const tag of ['math-block', 'post-body']) assert.ok(tags.includes(tag), tag);
  });

  for (const tag of tags) {
    it(`exports ${tag} as sciblog-elements/${tag}.js, built, typed, side-effectful and registered by the main entry`, () => {
      assert.deepEqual(pkg.exports[`./${tag}.js`], { types: `./dist/${tag}.d.ts`, import: `./dist/${tag}.js` });
      assert.ok(existsSync(`dist/${tag}.js`), `dist/${tag}.js is built`);
      assert.ok(existsSync(`dist/${tag}.d.ts`), `dist/${tag}.d.ts is built`);
      assert.ok(pkg.sideEffects.includes(`./dist/${tag}.js`));
      assert.match(index, new RegExp(`export \\* from './${tag}.js';`));
    });
  }

  it('keeps core free of side effects so bundlers can drop what a page does not use', () => {
    assert.ok(!pkg.sideEffects.some((path) => path.includes('/core')));
  });
});

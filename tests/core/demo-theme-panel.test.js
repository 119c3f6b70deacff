// The demo's theme panel offers every design token of the library, with the
// library's own default, and its presets set only tokens that exist.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';

const source = await readFile(new URL('../../src/styles/tokens.ts', import.meta.url), 'utf8');
const table = source.slice(source.indexOf('export const tokenFallbacks = {'), source.indexOf('} as const;'));
const fallbacks = Object.fromEntries([...table.matchAll(/^\s+'?([a-z-]+)'?: (['"])(.*)\2,$/gm)].map(([, name, , value]) => [name, value]));

// The panel's module imports site.js, which needs a page: read its table as text too.
const panel = await readFile(new URL('../../demo/theme-panel.js', import.meta.url), 'utf8');
const defaults = Object.fromEntries([...panel.slice(panel.indexOf('export const tokenDefaults = {'), panel.indexOf('};', panel.indexOf('export const tokenDefaults'))).matchAll(/^\s+'?([a-z-]+)'?: (['"])(.*)\2,$/gm)].map(([, name, , value]) => [name, value]));

it('reads the tokens table (so the comparison below compares something)', () => {
  assert.ok(Object.keys(fallbacks).length >= 20, Object.keys(fallbacks).join(', '));
});

it('the panel has every token of tokens.ts, with the same default, and no other', () => {
  assert.deepEqual(defaults, fallbacks);
});

it('each preset sets only tokens that exist', () => {
  const presets = panel.slice(panel.indexOf('export const presets'));
  const names = [...presets.matchAll(/^\s+'?([a-z-]+)'?: ['"`]/gm)].map(([, name]) => name).filter((name) => !['zh', 'en'].includes(name));
  assert.ok(names.length > 20, names.join(', '));
  assert.deepEqual(names.filter((name) => !(name in fallbacks)), []);
});

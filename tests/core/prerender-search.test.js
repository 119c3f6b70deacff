// `sciblog-elements prerender <in> <out> --search`: a Pagefind bundle of the prerendered site, from the built CLI.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

const cli = new URL('../../dist/node/cli.js', import.meta.url).pathname;

const site = mkdtempSync(join(tmpdir(), 'sciblog-search-'));
const write = (file, text) => {
  mkdirSync(join(site, 'in', file, '..'), { recursive: true });
  writeFileSync(join(site, 'in', file), text);
};
write('index.html', '<!doctype html><html lang="en"><body><p>Softmax temperature.</p></body></html>');
write('posts/svd.md', '---\ntitle: 低秩近似\ndate: 2024-03-01\n---\n奇异值分解给出最优的低秩近似，$\\sigma_i$ 递减。\n');
write('posts/euler.md', '---\ntitle: Euler\ndate: 2024-03-02\n---\nThe identity $e^{i\\pi}+1=0$.\n\n$$\\sum_{n} \\frac{1}{n^2} = \\frac{\\pi^2}{6}$$\n');

/** What Pagefind keeps of each page (its fragments: gzip, a signature, then JSON), by URL. */
function fragments(bundle) {
  const dir = join(bundle, 'fragment');
  const pages = readdirSync(dir).map((name) => JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')));
  return Object.fromEntries(pages.map((page) => [page.url, page]));
}

describe('sciblog-elements prerender --search', async () => {
  const out = join(site, 'out');
  const { stdout } = await promisify(execFile)(process.execPath, [cli, 'prerender', join(site, 'in'), out, '--search', '--workers', '1']);
  const bundle = join(out, 'pagefind');
  after(() => rmSync(site, { recursive: true, force: true }));

  it('writes a Pagefind bundle into <out>/pagefind/ and says how many pages it indexed', () => {
    assert.match(stdout, /search: 3 pages indexed by Pagefind into .*pagefind/);
    for (const file of ['pagefind.js', 'pagefind-entry.json']) assert.ok(existsSync(join(bundle, file)), file);
  });

  it('makes one index of the whole site, whatever language each page declares', () => {
    const { languages } = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
    assert.deepEqual(Object.values(languages).map((language) => language.page_count), [3]);
  });

  it('gives Pagefind Chinese split into words, and each formula as its TeX rather than KaTeX markup', () => {
    const svd = fragments(bundle)['/posts/svd.html'];
    const unspaced = (text) => text.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
    assert.match(svd.content, /\p{Script=Han} \p{Script=Han}/u, 'words apart');
    assert.match(unspaced(svd.content), /奇异值分解给出最优的低秩近似/);
    assert.match(svd.content, /\\\(\\sigma_i\\\)/);
    assert.equal(unspaced(svd.meta.title), '低秩近似');
    const euler = fragments(bundle)['/posts/euler.html'];
    assert.match(euler.content, /\\\(e\^\{i\\pi\}\+1=0\\\)/);
    assert.doesNotMatch(euler.content, /mord|katex|<math/);
  });

  it('gives a displayed formula between \\[ and \\], so that site-search displays it again', () => {
    const euler = fragments(bundle)['/posts/euler.html'];
    assert.match(euler.content, /\\\[\\sum_\{n\} \\frac\{1\}\{n\^2\} = \\frac\{\\pi\^2\}\{6\}\\\]/);
    assert.doesNotMatch(euler.content, /\\\(\\sum/);
  });
});

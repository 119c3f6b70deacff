// `sciblog-elements prerender <in> <out>` over a folder, from the built package's bin.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const cli = new URL('../../dist/node/cli.js', import.meta.url).pathname;
const run = (...args) => promisify(execFile)(process.execPath, [cli, ...args]).then(
  ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
  (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
);

const site = mkdtempSync(join(tmpdir(), 'sciblog-prerender-'));
const input = join(site, 'in');
const write = (file, text) => {
  mkdirSync(join(input, file, '..'), { recursive: true });
  writeFileSync(join(input, file), text);
};
write('index.html', '<!doctype html><html lang="en"><body><math-block>e^{i\\pi}+1=0</math-block></body></html>');
write('about.html', '<!doctype html><html><body><post-meta author="Ada" date="2024-03-01"></post-meta></body></html>');
write('posts/euler.md', '---\ntitle: Euler\ndate: 2024-03-01\nauthor: Ada\n---\n# Identity\n\n$$e^{i\\pi}+1=0\\label{e}$$\n\nBy \\eqref{e}.\n');
write('posts/zh/gauss.md', '---\ntitle: 高斯积分\ndate: 2023-07-09\n---\n$$\\int e^{-x^2}\\,dx=\\sqrt\\pi$$\n');
write('posts/broken.md', '---\ntitle: [unclosed\n---\nText.\n');
write('archive.html', '<!doctype html><html><body><archive-list src="/feed.json"></archive-list></body></html>');
write('feed.json', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'B', items: [{ id: '1', url: '/posts/euler.html', title: 'Euler', content_text: 'x', date_published: '2024-03-01' }] }));
write('style.css', 'body { margin: 0 }');
// A post whose references are in a .bib file beside it, as a blogger keeps them.
write('posts/walk.md', '---\ntitle: Walks\nbibliography: refs/walk.bib\n---\nAs \\cite{pearson1905} asked[^1].\n\n[^1]: In *Nature*.\n');
write('posts/refs/walk.bib', '@article{pearson1905,\n  author = {Pearson, Karl},\n  title = {The Problem of the Random Walk},\n  journal = {Nature},\n  year = {1905}\n}\n');

/** Every file under a folder, relative to it, with its text. */
const tree = (root) =>
  Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .map((path) => [relative(root, path), readFileSync(path, 'utf8')])
      .sort(([a], [b]) => a.localeCompare(b)),
  );

describe('sciblog-elements prerender', async () => {
  const one = await run('prerender', input, join(site, 'out-1'), '--workers', '1');
  const two = await run('prerender', input, join(site, 'out-2'), '--workers', '2');
  const out = join(site, 'out-1');

  it('exits with 1 when a file failed, after building the others', () => {
    assert.equal(one.code, 1);
    assert.match(one.stderr, /posts\/broken\.md: .*front matter/);
  });

  it('ends with a summary of pages, copies, elements and errors', () => {
    assert.match(one.stdout, /7 pages \(6 ok, 1 failed\), 3 other files copied, \d+ elements prerendered, 0 element errors, [\d.]+ s/);
  });

  it('prerenders the HTML pages and turns markdown posts into pages, keeping the tree', () => {
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /<math-block><template shadowroot="open" shadowrootmode="open">[\s\S]*class="katex-display"/);
    assert.match(readFileSync(join(out, 'archive.html'), 'utf8'), /<archive-list src="\/feed.json"><template[\s\S]*href="\/posts\/euler.html"/);
    const euler = readFileSync(join(out, 'posts/euler.html'), 'utf8');
    assert.match(euler, /<title>Euler<\/title>/);
    assert.match(euler, /<post-body id="post"><template[\s\S]*href="#eq-e"/);
    assert.match(euler, /<script type="module" src="..\/sciblog-elements\/sciblog-elements.hydrate.js">/);
    assert.match(readFileSync(join(out, 'posts/zh/gauss.html'), 'utf8'), /<title>高斯积分<\/title>/);
    assert.equal(existsSync(join(out, 'posts/broken.html')), false);
  });

  it('copies other files as they are, and the elements beside the markdown pages', () => {
    assert.equal(readFileSync(join(out, 'style.css'), 'utf8'), 'body { margin: 0 }');
    assert.ok(existsSync(join(out, 'feed.json')));
    assert.ok(existsSync(join(out, 'sciblog-elements/sciblog-elements.hydrate.js')));
    assert.ok(existsSync(join(out, 'sciblog-elements/katex.css')));
  });

  it('copies every module the hydrate file imports, so the pages hydrate from the copy', () => {
    const copied = join(out, 'sciblog-elements');
    const unresolved = [];
    const pending = ['sciblog-elements.hydrate.js'];
    for (const seen = new Set(); pending.length > 0; ) {
      const file = pending.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      if (!existsSync(join(copied, file))) {
        unresolved.push(file);
        continue;
      }
      const text = readFileSync(join(copied, file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:import|from)\s*\(?\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
        pending.push(join(dirname(file), specifier));
      }
    }
    assert.deepEqual(unresolved, []);
    assert.ok(existsSync(join(copied, 'hydrate-chunks')), 'the elements are in hydrate-chunks/');
  });

  it('reads the .bib file a markdown post names, lists its references, and preloads the chunks the post uses from the copy', () => {
    const walk = readFileSync(join(out, 'posts/walk.html'), 'utf8');
    assert.match(walk, /As <span class="sb-cite">\[<a href="#ref-pearson1905">1<\/a>\]<\/span> asked/);
    assert.match(walk, /<span class="sb-reference-label">\[1\] <\/span>Karl Pearson\. The Problem of the Random Walk\./);
    const preloads = [...walk.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
    assert.ok(preloads.some((href) => href.includes('/citation-support-')) && preloads.some((href) => href.includes('/footnote-support-')), preloads.join(' '));
    for (const href of preloads) assert.ok(existsSync(join(out, 'posts', href)), `${href} is in the output`);
    assert.doesNotMatch(readFileSync(join(out, 'posts/euler.html'), 'utf8'), /modulepreload/, 'a post with math alone preloads nothing');
  });

  it('writes the same output with one worker as with two', () => {
    assert.equal(two.code, 1);
    assert.deepEqual(tree(join(site, 'out-2')), tree(out));
  });

  it('prints a plain line per file when not on a terminal', () => {
    assert.match(one.stderr, /^✓ index\.html \(1 element\)$/m);
  });

  it('reports a usage error', async () => {
    const { code, stderr } = await run('prerender', input);
    assert.equal(code, 1);
    assert.match(stderr, /input and an output folder/);
  });
});

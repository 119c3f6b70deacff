// The gallery shows every element the manifest lists, each with at least one
// instance, under a heading that names it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));
const gallery = await readFile(new URL('demo/gallery.html', root), 'utf8');
const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement).map((declaration) => declaration.tagName);

// Each section of the gallery, by the element it is about.
const sections = new Map([...gallery.matchAll(/<section class="gallery-item" data-element="([a-z-]+)"[^>]*>([\s\S]*?)<\/section>/g)].map(([, tag, body]) => [tag, body]));

it('the manifest lists the elements (so the check below checks something)', () => {
  assert.ok(tags.length >= 13, tags.join(', '));
});

for (const tag of tags) {
  it(`the gallery shows <${tag}> under a heading naming it`, () => {
    const body = sections.get(tag);
    assert.ok(body, `demo/gallery.html has no <section class="gallery-item" data-element="${tag}">`);
    assert.match(body, new RegExp(`<h2 id="g-${tag}"><code>&lt;${tag}&gt;</code></h2>`));
    assert.match(body, new RegExp(`<${tag}[\\s>]`), `the ${tag} section has no <${tag}>`);
  });
}

it('the gallery has no section for an element the manifest does not list', () => {
  assert.deepEqual([...sections.keys()].filter((tag) => !tags.includes(tag)), []);
});

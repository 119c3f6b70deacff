// The README's API tables say what custom-elements.json says, element by element.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import { apiTables, end, start } from '../../scripts/readme-api.mjs';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));
const readme = await readFile(new URL('README.md', root), 'utf8');
const written = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end)).trim();
const made = apiTables(manifest);
const sections = (text) => Object.fromEntries(text.split(/\n(?=### `<)/).map((section) => [section.slice(0, section.indexOf('\n')), section.trim()]));

it('the README has a table for each element of the manifest', () => {
  const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement).map((declaration) => `### \`<${declaration.tagName}>\``).sort();
  assert.ok(tags.length >= 13);
  assert.deepEqual(Object.keys(sections(written)).sort(), tags);
});

for (const [heading, table] of Object.entries(sections(made))) {
  it(`the README's ${heading.slice(4)} table matches custom-elements.json (node scripts/readme-api.mjs rewrites it)`, () => {
    assert.equal(sections(written)[heading], table);
  });
}

// What the tables are made from must be the public contract and nothing else: an event the
// analyzer guessed from a constructor's arguments, or internal state left public, shows up
// here without a name or without a description.
it('every event, public property and attribute in the manifest has a name and a description', () => {
  const undocumented = [];
  for (const element of manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement)) {
    const items = [
      ...(element.events ?? []).map((item) => ['event', item]),
      ...(element.attributes ?? []).map((item) => ['attribute', item]),
      ...(element.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.privacy).map((item) => ['property', item]),
    ];
    for (const [kind, item] of items) if (!item.name || !item.description?.trim()) undocumented.push(`<${element.tagName}> ${kind} ${item.name || '(no name)'}`);
  }
  assert.deepEqual(undocumented, []);
});

// The manifest tells the truth about parts: every `part` an element's
// template can render is documented with @csspart, and nothing else is.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
const modules = manifest.modules.filter((module) => (module.declarations ?? []).some((declaration) => declaration.tagName));

/** Part names in source: `part="a b"`, the quoted names inside `part=${…}`, and `setAttribute('part', …)`. */
export function partsIn(source) {
  const names = new Set();
  for (const [, value] of source.matchAll(/\bpart="([^"$]*)"/g)) value.split(/\s+/).filter(Boolean).forEach((name) => names.add(name));
  for (const [, expression] of source.matchAll(/\bpart=\$\{([^}]*)\}/g)) {
    for (const [, quoted] of expression.matchAll(/'([^']*)'/g)) quoted.split(/\s+/).filter(Boolean).forEach((name) => names.add(name));
  }
  for (const [, value] of source.matchAll(/setAttribute\('part', '([^']*)'\)/g)) value.split(/\s+/).forEach((name) => names.add(name));
  return names;
}

describe('css parts', () => {
  it('reads plain, several and computed part names', () => {
    assert.deepEqual([...partsIn(`<a part="x y"></a><b part=\${on ? 'item current' : 'item'}></b>`)].sort(), ['current', 'item', 'x', 'y']);
  });

  for (const module of modules) {
    const element = module.declarations.find((declaration) => declaration.tagName);
    it(`${element.tagName} documents exactly the parts its templates render`, async () => {
      const folder = join(root, module.path, '..');
      const files = (await readdir(folder)).filter((name) => name.endsWith('.ts') && !name.endsWith('.styles.ts'));
      const rendered = new Set();
      for (const file of files) for (const name of partsIn(await readFile(join(folder, file), 'utf8'))) rendered.add(name);
      const documented = (element.cssParts ?? []).map((part) => part.name).sort();
      assert.deepEqual(documented, [...rendered].sort());
    });
  }
});

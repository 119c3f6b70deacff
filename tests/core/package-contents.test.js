// What `npm pack` puts in the tarball a user installs: every file the exports
// map and the manifest promise, a licence, and no script that runs at install.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// The build has run (pretest:core); packing without scripts lists what it left.
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = new Set(packed.files.map((file) => file.path));

/** Every file an export target names, `*` patterns expanded against the tarball. */
function targets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value).flatMap(targets);
}

describe('the packed package', () => {
  for (const [subpath, value] of Object.entries(pkg.exports)) {
    it(`holds every file that sciblog-elements${subpath.slice(1)} points to`, () => {
      for (const target of targets(value)) {
        const path = target.replace(/^\.\//, '');
        if (path.includes('*')) {
          const [before, after] = path.split('*');
          assert.ok([...files].some((file) => file.startsWith(before) && file.endsWith(after) && file.length > before.length + after.length), `${subpath}: nothing matches ${path}`);
        } else {
          assert.ok(files.has(path), `${subpath}: ${path} is not in the tarball`);
        }
      }
    });
  }

  it('holds the custom elements manifest it names and a licence', () => {
    assert.ok(files.has(pkg.customElements));
    assert.ok(files.has('LICENSE'));
    const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []));
    assert.ok(tags.includes('post-body') && tags.includes('math-block'), tags.join());
  });

  it('ships every KaTeX font as woff2, and no module under node_modules/', () => {
    assert.equal([...files].filter((file) => /^dist\/fonts\/KaTeX_.*\.woff2$/.test(file)).length, 20);
    assert.deepEqual([...files].filter((file) => file.includes('node_modules/')), []);
  });

  it('asks users to install no CommonJS-only package: markdown-it-texmath ships inside it as ESM', () => {
    assert.equal(pkg.dependencies['markdown-it-texmath'], undefined);
    assert.ok([...files].some((file) => file.startsWith('dist/vendor/markdown-it-texmath/')));
  });

  it('runs nothing when it is installed', () => {
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(pkg.scripts[script], undefined, script);
  });

  it('says where it comes from and what it needs', () => {
    for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'engines', 'license']) assert.ok(pkg[field], field);
  });
});

// The README's code samples work as written: its feed parses, its Node code
// runs, every module it imports exists in the package, its commands exist.
// The HTML samples run in Chromium (tests/elements/readme/).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as core from 'sciblog-elements/core';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const require = createRequire(import.meta.url);

/** The fenced code blocks of the README: `{ language, code, line }`. */
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({
  language: match[1],
  code: match[2],
  line: readme.slice(0, match.index).split('\n').length,
}));
const of = (language) => blocks.filter((block) => block.language === language);

const samplePost = '---\ntitle: A post\n---\n\n$$e^{i\\pi}+1=0\\label{eq:euler}$$\n\nSee \\eqref{eq:euler} and $\\R$.';

describe('README code samples', () => {
  it('has samples of every kind it documents', () => {
    for (const language of ['sh', 'js', 'json', 'html']) assert.ok(of(language).length > 0, language);
  });

  for (const { code, line } of of('json')) {
    it(`the JSON Feed at line ${line} parses without errors`, () => {
      const { posts, errors } = core.parseFeed(JSON.parse(code));
      assert.deepEqual(errors, []);
      assert.ok(posts.length > 0);
    });
  }

  for (const { code, line } of of('js')) {
    const specifiers = [...code.matchAll(/(?:import\s[^'"]*|require\()['"]([^'"]+)['"]/g)].map((match) => match[1]);
    it(`every module the sample at line ${line} imports is in the package: ${specifiers.join(', ')}`, () => {
      assert.ok(specifiers.length > 0);
      for (const specifier of specifiers) {
        const resolved = code.includes('require(') ? require.resolve(specifier) : fileURLToPath(import.meta.resolve(specifier));
        assert.ok(existsSync(resolved), `${specifier} → ${resolved}`);
      }
    });

    if (specifiers.every((specifier) => specifier === 'sciblog-elements/core')) {
      it(`the Node sample at line ${line} runs and renders`, async () => {
        // The sample's imports become the module it names; `source` is a post of our own.
        const body = code
          .replace(/^import \{([^}]*)\} from 'sciblog-elements\/core';$/gm, 'const {$1} = core;')
          .replace(/require\('sciblog-elements\/core'\)/g, 'require("sciblog-elements/core")');
        const run = new Function('core', 'require', 'source', `${body}\nreturn typeof html === 'undefined' ? undefined : { html, errors };`);
        const result = run(core, require, samplePost);
        if (result) {
          assert.deepEqual(result.errors, []);
          assert.match(result.html, /href="#eq-eq:euler"/);
        }
      });
    }
  }

  it('names only npm scripts that exist, and the package by its name', () => {
    for (const { code } of of('sh')) {
      for (const [, script] of code.matchAll(/npm (?:run )?(start|test|[a-z:]+(?= ))/g)) {
        if (['install', 'i', 'ci'].includes(script)) continue;
        assert.ok(pkg.scripts[script], `npm ${script}`);
      }
      for (const [, name] of code.matchAll(/npm i(?:nstall)? ([\w@/-]+)/g)) assert.equal(name, pkg.name);
    }
  });

  it('the repository layout it shows exists', () => {
    const layout = blocks.find((block) => block.language === '' && block.code.includes('src/core/'));
    assert.ok(layout);
    for (const [, path] of layout.code.matchAll(/^(\S+\/)\s/gm)) assert.ok(existsSync(path), path);
  });
});

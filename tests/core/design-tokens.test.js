// The design tokens: literal colours live only in styles/tokens.ts, and each
// element's manifest entry lists every custom property its styles read, with
// the fallback it really has, so custom-elements.json tells a designer the truth.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const { tokenFallbacks, tokens } = await import(join(root, 'dist/styles/tokens.js'));
await import(join(root, 'dist/index.js'));
// Loaded on first need into post-body's shadow root, so not among its static styles.
const { referencePreviewStyles } = await import(join(root, 'dist/elements/post-body/reference-preview.styles.js'));
const lazyStyles = { 'post-body': [referencePreviewStyles] };
const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);

const namedColours = ['black', 'white', 'red', 'green', 'blue', 'gray', 'grey', 'silver', 'yellow', 'orange', 'purple', 'navy', 'teal', 'maroon', 'olive', 'lime', 'aqua', 'fuchsia', 'pink', 'brown', 'gold', 'crimson', 'darkred', 'darkblue', 'lightgray', 'lightgrey', 'darkgray', 'darkgrey', 'whitesmoke', 'ghostwhite', 'aliceblue', 'canvas', 'canvastext', 'linktext', 'visitedtext', 'buttonface', 'buttontext', 'field', 'fieldtext', 'highlight', 'highlighttext', 'graytext', 'mark', 'marktext'];
const literalColour = new RegExp(`#[0-9a-f]{3,8}\\b|\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\(|(?<![\\w-])(?:${namedColours.join('|')})(?![\\w-])`, 'i');

async function sourceFiles(folder) {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')).map((entry) => join(entry.parentPath, entry.name));
}

/** `{ line, value }` of each declaration in the css`…` templates of a source file. */
function declarationsIn(source) {
  const found = [];
  for (const template of source.matchAll(/\bcss`([\s\S]*?)`/g)) {
    const start = source.slice(0, template.index).split('\n').length;
    const text = template[1].replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
    for (const declaration of text.matchAll(/([\w-]+)\s*:([^;{}]*)[;}]/g)) {
      found.push({ line: start + text.slice(0, declaration.index).split('\n').length - 1, property: declaration[1], value: declaration[2] });
    }
  }
  return found;
}

/** Each `var(NAME, FALLBACK)` in a stylesheet's text, its fallback as written (undefined when it has none). */
function varsIn(text) {
  const found = [];
  for (let at = text.indexOf('var('); at !== -1; at = text.indexOf('var(', at + 4)) {
    let depth = 0;
    let end = at + 4;
    for (; end < text.length; end++) {
      if (text[end] === '(') depth++;
      else if (text[end] === ')' && depth-- === 0) break;
    }
    const inside = text.slice(at + 4, end);
    const comma = inside.indexOf(',');
    found.push(comma === -1 ? { name: inside.trim() } : { name: inside.slice(0, comma).trim(), fallback: inside.slice(comma + 1).trim() });
  }
  return found;
}

/** A fallback as the manifest writes it: private tokens by the global name a page sets. */
const documented = (fallback) =>
  varsIn(fallback).reduce((text, { name, fallback: inner }) => {
    const global = name.replace(/^--(?:_|sb-)/, '');
    const written = inner === undefined ? `var(${name})` : `var(${name}, ${inner})`;
    return global in tokenFallbacks && (inner === undefined || inner === tokenFallbacks[global]) ? text.replace(written, `var(--sb-${global})`) : text;
  }, fallback.replace(/\s+/g, ' '));

/** The custom properties an element's styles read, each with its fallback: `Map(--sb-NAME → fallback)`. */
function propertiesRead(tag) {
  const sheets = [...customElements.get(tag).elementStyles, ...(lazyStyles[tag] ?? [])].map((sheet) => sheet.cssText);
  // `--_NAME: var(--sb-NAME, …)` declarations, wherever they are; the tokens block declares every global one.
  const privates = new Map();
  for (const text of [...sheets, tokens.cssText]) {
    for (const [, name, value] of text.matchAll(/(--_[\w-]+)\s*:\s*([^;]+);/g)) privates.set(name, varsIn(value)[0] ?? { name: undefined, fallback: value.trim() });
  }
  const read = new Map();
  const undefinedPrivates = [];
  const visit = ({ name, fallback }) => {
    if (name.startsWith('--sb-')) read.set(name, fallback === undefined ? undefined : documented(fallback));
    else if (name.startsWith('--_') && privates.has(name)) {
      const declared = privates.get(name);
      if (declared.name) visit(declared);
    } else if (name.startsWith('--_') && fallback === undefined) undefinedPrivates.push(name);
    for (const inner of fallback === undefined ? [] : varsIn(fallback)) visit(inner);
  };
  for (const text of sheets.filter((text) => text !== tokens.cssText)) {
    // The right-hand side of a private declaration counts only where the private is used.
    const uses = text.replace(/--_[\w-]+\s*:\s*[^;]+;/g, '');
    for (const use of varsIn(uses)) visit(use);
  }
  return { read, undefinedPrivates };
}

describe('design tokens', () => {
  it('styles hold no literal colour outside the token fallbacks in styles/tokens.ts', async () => {
    const files = [...(await sourceFiles('src/elements')), ...(await sourceFiles('src/styles'))].filter((file) => !/tokens\.ts$|\.generated\.ts$/.test(file));
    const found = [];
    for (const file of files) {
      for (const { line, property, value } of declarationsIn(await readFile(file, 'utf8'))) {
        if (literalColour.test(value)) found.push(`${relative(root, file)}:${line}: ${property}:${value}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('the check finds a literal colour in each form it knows', () => {
    for (const value of ['#fff', 'rgb(0 0 0 / 0.5)', 'light-dark(white, black)', 'Canvas', 'oklch(70% 0.1 200)']) {
      assert.ok(declarationsIn(`css\`a { color: ${value}; }\``).some((declaration) => literalColour.test(declaration.value)), value);
    }
    for (const value of ['var(--_color-text)', 'transparent', 'currentColor', 'inherit']) {
      assert.ok(!declarationsIn(`css\`a { color: ${value}; }\``).some((declaration) => literalColour.test(declaration.value)), value);
    }
    assert.ok(!declarationsIn('css`a { white-space: nowrap; }`').some((declaration) => literalColour.test(declaration.value)));
  });

  it('the manifest lists thirteen elements', () => assert.equal(elements.length, 13));

  for (const element of elements) {
    it(`${element.tagName} documents every custom property it reads, with its fallback, and no other`, () => {
      const { read, undefinedPrivates } = propertiesRead(element.tagName);
      assert.deepEqual(undefinedPrivates, [], 'private tokens used but never declared');
      const listed = new Map((element.cssProperties ?? []).map((property) => [property.name, property.default]));
      const expected = Object.fromEntries([...read].sort());
      const actual = Object.fromEntries([...listed].filter(([name]) => read.has(name)).sort());
      assert.deepEqual(actual, expected);
      assert.deepEqual([...listed.keys()].filter((name) => !read.has(name)), [], 'documented but never read');
    });
  }

  it('every global token is read by some element', () => {
    const all = new Set(elements.flatMap((element) => [...propertiesRead(element.tagName).read.keys()]));
    assert.deepEqual(Object.keys(tokenFallbacks).filter((name) => !all.has(`--sb-${name}`)), []);
  });
});

// `npm run size`: for each public entry, the min+gzip JavaScript a page
// loads up front, what loads on first need, and how much of it is our own
// code (without Lit, KaTeX, markdown-it, texmath and yaml); then the files of
// the self-contained build.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { measureEntry } from './measure-bundles.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// Subpaths without `.js` are the same files, and the self-contained builds are measured as files below.
const entries = Object.entries(pkg.exports)
  .filter(([name, target]) => typeof target === 'object' && (name === '.' || name === './core' || name.endsWith('.js')) && !name.startsWith('./sciblog-elements') && name !== './node')
  .map(([name, target]) => [name === '.' ? 'sciblog-elements (all elements)' : name === './core' ? 'sciblog-elements/core (all of it)' : `sciblog-elements${name.slice(1)}`, typeof target.import === 'string' ? target.import : target.import.default]);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
console.log(`${'entry'.padEnd(34)} ${'up front'.padStart(9)} ${'on need'.padStart(9)} ${'own code'.padStart(9)}   (min+gzip)`);
let own = 0;
for (const [name, input] of entries) {
  const size = await measureEntry(input, { everything: name.includes('/core') });
  if (name.startsWith('sciblog-elements (all')) own = size.own;
  console.log(`${name.padEnd(34)} ${kb(size.initial)} ${kb(size.lazy)} ${kb(size.own)}`);
}
console.log(`\nour own code in all: ${kb(own).trim()}`);
const file = (path) => `${path.padEnd(44)} ${kb(gzipSync(readFileSync(path)).length)} gzip`;
console.log(`\n${file('dist/sciblog-elements.js')}`);
for (const chunk of readdirSync('dist/chunks')) console.log(file(`dist/chunks/${chunk}`));
console.log(file('dist/sciblog-elements.iife.js'));

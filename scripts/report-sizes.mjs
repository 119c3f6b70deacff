// Prints min+gzip sizes of what a bundler would ship for each public entry
// (dependencies included), and of the self-contained file in dist/.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// The ES module each entry resolves to; subpaths without `.js` are the same files and are left out.
const esModule = (target) => (typeof target.import === 'string' ? target.import : target.import?.default);
const entries = Object.fromEntries(
  Object.entries(pkg.exports)
    .filter(([name, target]) => typeof target === 'object' && esModule(target) && (name === '.' || name === './core' || name.endsWith('.js')) && !name.startsWith('./sciblog-elements'))
    .map(([name, target]) => [name === '.' ? 'sciblog-elements (all elements)' : `sciblog-elements${name.slice(1)}`, esModule(target)]),
);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (name, code) => console.log(`${name.padEnd(34)} ${kb(code.length).padStart(9)} min  ${kb(gzipSync(code).length).padStart(9)} min+gzip`);

for (const [name, input] of Object.entries(entries)) {
  const bundle = await rollup({ input, plugins: [nodeResolve(), commonjs(), terser()], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  row(name, Buffer.from(output[0].code));
}
row('dist/sciblog-elements.js', readFileSync('dist/sciblog-elements.js'));

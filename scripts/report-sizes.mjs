// Prints min+gzip sizes of what a bundler would ship for each public entry
// (dependencies included), and of the self-contained file in dist/.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';

const entries = {
  'sciblog-elements/core': 'dist/core/index.js',
  'sciblog-elements/math-block.js': 'dist/math-block.js',
  'sciblog-elements/post-body.js': 'dist/post-body.js',
  'sciblog-elements/post-toc.js': 'dist/post-toc.js',
  'sciblog-elements (all elements)': 'dist/index.js',
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (name, code) => console.log(`${name.padEnd(34)} ${kb(code.length).padStart(9)} min  ${kb(gzipSync(code).length).padStart(9)} min+gzip`);

for (const [name, input] of Object.entries(entries)) {
  const bundle = await rollup({ input, plugins: [nodeResolve(), commonjs({ ignore: ['katex'] }), terser()], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  row(name, Buffer.from(output[0].code));
}
row('dist/sciblog-elements.js', readFileSync('dist/sciblog-elements.js'));

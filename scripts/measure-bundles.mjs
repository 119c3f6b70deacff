// What a user's bundler ships for one of our entries, measured min+gzip:
// the JavaScript a page loads up front, what it loads on first need (KaTeX,
// markdown-it), and how much of it is our own code rather than Lit, KaTeX,
// markdown-it, texmath or yaml. Sizes of built files are deterministic, so
// tests may hold them to a budget.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { rollup } from 'rollup';

const gzip = (code) => gzipSync(Buffer.from(code)).length;

/** A page that imports the entry for its effect, as `import 'sciblog-elements/post-card.js'` does. */
const pageImporting = (input) => ({
  name: 'page',
  resolveId: (id) => (id === '\0page' ? id : null),
  load: (id) => (id === '\0page' ? `import ${JSON.stringify(resolve(input))};` : null),
});

/**
 * `{ initial, lazy, own }` in bytes (min+gzip) for a page that imports an ES
 * module entry, e.g. `dist/post-card.js`; with `everything`, for all that the
 * entry exports (a library entry such as core, whose cost depends on use).
 * `chunks` lists each chunk (`bytes`, `upFront`, its `modules`' ids, the
 * `imports` and `dynamicImports` by file name), for parts loaded only by
 * some pages (the BibTeX parser, for posts with BibTeX).
 * Also `initialModules`, the module ids loaded up front, and `lazyChunks`,
 * `{ size, modules }` of each chunk loaded on first need.
 */
export async function measureEntry(input, { everything = false } = {}) {
  // Tree-shaking as a user's bundler does it: what the page does not use, and has no side effects, goes.
  const plugins = [nodeResolve(), commonjs(), terser()];
  const bundle = everything
    ? await rollup({ input, plugins, onwarn: () => {} })
    : await rollup({ input: '\0page', plugins: [pageImporting(input), ...plugins], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  // Up front: the entry and what it imports statically, transitively.
  const upFront = new Set();
  const visit = (fileName) => {
    if (upFront.has(fileName)) return;
    upFront.add(fileName);
    for (const imported of chunks.get(fileName).imports) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  let initial = 0;
  let lazy = 0;
  const measured = [];
  // Loaded on first need: each chunk's size and the modules in it, to tell one feature's chunks from another's.
  const lazyChunks = [];
  const initialModules = [];
  for (const [fileName, chunk] of chunks) {
    const bytes = gzip(chunk.code);
    measured.push({ fileName, bytes, upFront: upFront.has(fileName), modules: Object.keys(chunk.modules), imports: chunk.imports, dynamicImports: chunk.dynamicImports });
    if (upFront.has(fileName)) {
      initial += bytes;
      initialModules.push(...Object.keys(chunk.modules));
    } else {
      lazy += bytes;
      lazyChunks.push({ size: bytes, modules: Object.keys(chunk.modules) });
    }
  }

  // Our own code: everything but the packages we build on (texmath ships in dist/vendor/).
  const ours = await rollup({
    input,
    external: (id, importer) => (importer !== undefined && !id.startsWith('.') && !id.startsWith('/')) || id.includes('/vendor/') || id.includes('/_virtual/'),
    plugins: [terser()],
    onwarn: () => {},
  });
  const own = await ours.generate({ format: 'es', inlineDynamicImports: true });
  await ours.close();
  return { initial, lazy, initialModules, lazyChunks, own: gzip(own.output[0].code), chunks: measured };
}

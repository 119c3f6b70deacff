import { readFileSync, rmSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

// One entry per element that src/all-elements.ts registers (tests/core/package-exports.test.js
// checks that package.json and the element folders agree with it).
const elements = [...readFileSync('src/all-elements.ts', 'utf8').matchAll(/^export \* from '\.\/([a-z-]+)\.js';/gm)].map((match) => match[1]);
// markdown-it-texmath is not among them: it is CommonJS, and its
// `require('katex')` makes a user's bundler add KaTeX's CommonJS build beside
// the ESM one. It is bundled into our modules instead, as ESM.
// @lit-labs/ssr and parse5 are for src/node/ (Node only), @lit-labs/ssr-client for hydrate.js.
const dependencies = ['lit', 'katex', 'minisearch', 'pagefind', 'markdown-it', 'markdown-it-container', 'highlight.js', 'tslib', 'yaml', '@lit-labs/ssr', '@lit-labs/ssr-client', 'parse5', 'markdown-it-footnote', '@retorquere/bibtex-parser'];
const isDependency = (id) => id.startsWith('node:') || dependencies.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * texmath falls back to `require('katex')` when no engine is given; we always
 * give one. Resolved by the CommonJS plugin, that require would bring in
 * KaTeX's CommonJS build beside the ESM one; an empty module keeps it out.
 */
const texmathWithoutItsKatex = {
  name: 'texmath-without-its-katex',
  resolveId(source, importer) {
    if (source === 'katex' && importer?.includes('markdown-it-texmath')) return '\0texmath-no-katex';
    return null;
  },
  load(id) {
    return id === '\0texmath-no-katex' ? 'export default undefined;' : null;
  },
};

/**
 * Writes `<folder>/feature-chunks.json` for a build for plain pages: for each
 * feature of a post (post-features.ts), for highlight.js and for each of its
 * languages, the chunks the browser fetches for it beyond those the entry and
 * post-body's renderers bring. `prerender` reads it to have a page preload
 * exactly what its post will ask for, instead of the browser finding out only
 * once the renderers have arrived (src/node/module-preloads.ts).
 */
const featureChunks = (folder) => ({
  name: 'feature-chunks',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
    const source = (path) => (id) => id.endsWith(`/src/${path}`);
    const holding = (test) => chunks.filter((chunk) => chunk.moduleIds.some(test));
    const withImports = (start) => {
      const found = new Set();
      const visit = (chunk) => {
        if (!chunk || found.has(chunk.fileName)) return;
        found.add(chunk.fileName);
        for (const name of chunk.imports) visit(bundle[name]);
      };
      start.forEach(visit);
      return found;
    };
    const loaded = withImports([...chunks.filter((chunk) => chunk.isEntry), ...holding(source('elements/shared/post-renderers.ts'))]);
    const beyond = (...tests) => [...withImports(tests.flatMap(holding))].filter((name) => !loaded.has(name)).sort();
    const features = {
      footnotes: beyond(source('elements/shared/footnote-support.ts'), source('elements/post-body/sidenote-layout.ts')),
      citations: beyond(source('elements/shared/citation-support.ts')),
      theorems: beyond(source('core/theorem-blocks.ts')),
      figures: beyond(source('core/figure-blocks.ts')),
      code: beyond(source('core/code-block-rendering.ts')),
    };
    const highlighter = beyond(source('core/code-highlighter.ts'));
    const highlightCore = beyond((id) => /\/highlight\.js\/(?:es|lib)\/core\.js$/.test(id));
    const languages = {};
    for (const id of chunks.flatMap((chunk) => chunk.moduleIds)) {
      const language = /\/highlight\.js\/(?:es|lib)\/languages\/([\w-]+)\.js$/.exec(id)?.[1];
      if (language) languages[language] = beyond((other) => other === id);
    }
    const manifest = { features, highlighter, highlightCore, languages };
    this.emitFile({ type: 'asset', fileName: `${folder}/feature-chunks.json`, source: `${JSON.stringify(manifest, null, 1)}\n` });
  },
});

/** The plugins of the builds for plain pages: everything bundled (one KaTeX), minified, fonts emitted. */
const selfContained = () => [
  typescript({ tsconfig: './tsconfig.json', declaration: false, rootDir: 'src' }),
  texmathWithoutItsKatex,
  nodeResolve(),
  commonjs(),
  importMetaAssets({ include: ['**/katex-css.generated.ts'] }),
  terser({ format: { comments: false } }),
];

// Chunk names carry hashes: a rebuild would leave the old ones beside the new.
rmSync('dist/chunks', { recursive: true, force: true });
rmSync('dist/hydrate-chunks', { recursive: true, force: true });

export default [
  // For npm users: one module per source file, dependencies left to their bundler.
  {
    input: {
      index: 'src/index.ts',
      'core/index': 'src/core/index.ts',
      // Node only: prerendering, the command and its worker threads.
      'node/index': 'src/node/index.ts',
      'node/cli': 'src/node/cli.ts',
      'node/prerender-worker': 'src/node/prerender-worker.ts',
      hydrate: 'src/hydrate.ts',
      // Started by URL from site-search's module beside it, so it must be a file of its own.
      'elements/site-search/search-worker': 'src/elements/site-search/search-worker.ts',
      ...Object.fromEntries(elements.map((name) => [name, `src/${name}.ts`])),
    },
    external: isDependency,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      // npm leaves every node_modules folder out of a package: bundled code goes to vendor/.
      entryFileNames: (chunk) => (chunk.name.includes('node_modules/') ? `vendor/${chunk.name.split('node_modules/').pop()}.js` : '[name].js'),
      banner: (chunk) => (chunk.name === 'node/cli' ? '#!/usr/bin/env node' : ''),
      assetFileNames: 'fonts/[name][extname]',
    },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', declaration: true, declarationDir: 'dist', rootDir: 'src' }),
      nodeResolve({ resolveOnly: ['markdown-it-texmath'] }),
      commonjs(),
      importMetaAssets({ include: ['**/katex-css.generated.ts'] }),
    ],
  },
  // For CommonJS users of core (require('sciblog-elements/core')): one file.
  {
    input: 'src/core/index.ts',
    external: isDependency,
    output: { file: 'dist/core/index.cjs', format: 'cjs' },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', declaration: false, rootDir: 'src' }),
      nodeResolve({ resolveOnly: ['markdown-it-texmath'] }),
      commonjs(),
      {
        name: 'commonjs-types',
        // The ESM declarations describe the same API; TypeScript wants them under a .d.cts name for require.
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: 'index.d.cts', source: "export * from './index.js';\n" });
        },
      },
    ],
  },
  // For plain HTML pages: every element in one file, KaTeX and markdown-it in
  // chunks/ loaded on first need, KaTeX's fonts in fonts/.
  {
    input: { 'sciblog-elements': 'src/all-elements.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      assetFileNames: 'fonts/[name][extname]',
    },
    plugins: [...selfContained(), featureChunks('chunks')],
  },
  // For pages opened from disk, where module scripts do not load: a classic
  // script. Its font URLs resolve against its own <script src>.
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/sciblog-elements.iife.js',
      format: 'iife',
      name: 'SciblogElements',
      inlineDynamicImports: true,
      assetFileNames: 'fonts/[name][extname]',
    },
    plugins: selfContained(),
  },
  // For prerendered plain pages: hydration support up front, the elements in
  // hydrate-chunks/ once the server's HTML has been painted. A build of its
  // own (the hydration support must run before Lit), so its chunks have a
  // folder of their own: a page loads one KaTeX, from one folder or the other.
  {
    input: { 'sciblog-elements.hydrate': 'src/sciblog-elements.hydrate.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'hydrate-chunks/[name]-[hash].js',
      assetFileNames: 'fonts/[name][extname]',
    },
    plugins: [...selfContained(), featureChunks('hydrate-chunks')],
  },
];

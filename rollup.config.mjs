import { readFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

// One entry per element that src/index.ts registers (tests/core/package-exports.test.js
// checks that package.json and the element folders agree with it).
const elements = [...readFileSync('src/index.ts', 'utf8').matchAll(/^export \* from '\.\/([a-z-]+)\.js';/gm)].map((match) => match[1]);
const dependencies = ['lit', 'katex', 'markdown-it', 'markdown-it-texmath', 'tslib', 'yaml'];
const isDependency = (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`));

export default [
  // For npm users: one module per source file, dependencies left to their bundler.
  {
    input: {
      index: 'src/index.ts',
      'core/index': 'src/core/index.ts',
      ...Object.fromEntries(elements.map((name) => [name, `src/${name}.ts`])),
    },
    external: isDependency,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      assetFileNames: 'fonts/[name][extname]',
    },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', declaration: true, declarationDir: 'dist', rootDir: 'src' }),
      importMetaAssets({ include: ['**/katex-css.generated.ts'] }),
    ],
  },
  // For plain HTML pages: everything in one file, KaTeX's fonts beside it.
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/sciblog-elements.js',
      format: 'es',
      assetFileNames: 'fonts/[name][extname]',
    },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', declaration: false, rootDir: 'src' }),
      nodeResolve(),
      // texmath would `require('katex')` if no engine were given; we always give
      // one, and bundling that require would add a second copy of KaTeX.
      commonjs({ ignore: ['katex'] }),
      importMetaAssets({ include: ['**/katex-css.generated.ts'] }),
      terser({ format: { comments: false } }),
    ],
  },
];

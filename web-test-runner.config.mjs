import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { pagefindDemoSite } from './scripts/pagefind-demo-site.mjs';

// Debian's Chromium: npm packages that download a browser of their own cannot do so here.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// markdown-it-texmath is CommonJS, which browsers cannot import. It is always
// given KaTeX as its engine, so its require('katex') branch never runs.
// highlight.js's ESM core (es/core.js) imports its CommonJS build, which has no require() of its own.
const texmathAsModule = {
  name: 'texmath-as-module',
  transform(context) {
    if (!context.path.endsWith('/markdown-it-texmath/texmath.js') && !context.path.endsWith('/highlight.js/lib/core.js')) return undefined;
    return {
      body: `const module = { exports: {} };\nconst require = undefined;\n${context.body}\nexport default module.exports;\n`,
    };
  },
};

// The BibTeX parser's dependencies moo and lodash.merge are CommonJS too.
const bibtexParserDependenciesAsModules = {
  name: 'bibtex-parser-dependencies-as-modules',
  transform(context) {
    if (!/\/node_modules\/(?:moo\/moo|lodash\.merge\/index)\.js$/.test(context.path)) return undefined;
    return {
      body: `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n`,
    };
  },
};

// A worker is started by URL, and the source tree has search-worker.ts where the build has search-worker.js.
const typeScriptForMissingJs = async (context, next) => {
  if (context.path.startsWith('/src/') && context.path.endsWith('.js')) {
    const file = new URL(`.${context.path}`, import.meta.url);
    if (!existsSync(file) && existsSync(new URL(`.${context.path.slice(0, -3)}.ts`, import.meta.url))) context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
  }
  return next();
};

// Two answers a real server can give that a fixture file cannot: none at all
// (until the browser gives up; capped so a stray request cannot hold the run),
// and a very long one, streamed.
const slowAndLargeAnswers = async (context, next) => {
  if (context.path === '/tests/never-answers') {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 60_000);
      context.req.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    context.status = 504;
    return;
  }
  if (context.path === '/tests/large-answer') {
    const bytes = Number(context.query.bytes ?? 1000);
    context.type = 'text/markdown';
    context.body = `# Large\n\n${'x'.repeat(Math.max(0, bytes - 10))}\n`;
    return;
  }
  return next();
};

// A real Waline server on a real PostgreSQL database, for the comment tests:
// started on the first request to /tests/waline/start (so a run without those
// tests starts nothing), stopped and restarted for the outage test, removed
// when the run ends.
let waline;
const walineServer = {
  name: 'waline-server',
  async serverStop() {
    await (await waline)?.stop();
  },
};
const walineControl = async (context, next) => {
  if (!context.path.startsWith('/tests/waline/')) return next();
  const action = context.path.slice('/tests/waline/'.length);
  if (action === 'start') waline ??= import('./tests/waline/server.mjs').then(({ startWaline }) => startWaline());
  const server = await waline;
  if (!server) return next();
  if (action === 'pause') await server.pause();
  if (action === 'resume') await server.resume();
  context.type = 'application/json';
  context.body = JSON.stringify({ url: server.url });
};

// A real Pagefind bundle of the demo's posts for site-search's Pagefind backend (see the script).
const pagefindSite = pagefindDemoSite('/tests/pagefind-site/');

export default {
  files: 'tests/elements/**/*.test.ts',
  middleware: [typeScriptForMissingJs, pagefindSite.middleware, slowAndLargeAnswers, walineControl],
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    texmathAsModule,
    walineServer,
    pagefindSite.plugin,
    bibtexParserDependenciesAsModules,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // The long-post tests render megabytes; on a busy machine a file can take minutes.
  testsFinishTimeout: 300_000,
};

import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

// Debian's Chromium: npm packages that download a browser of their own cannot do so here.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// markdown-it-texmath is CommonJS, which browsers cannot import. It is always
// given KaTeX as its engine, so its require('katex') branch never runs.
const texmathAsModule = {
  name: 'texmath-as-module',
  transform(context) {
    if (!context.path.endsWith('/markdown-it-texmath/texmath.js')) return undefined;
    return {
      body: `const module = { exports: {} };\nconst require = undefined;\n${context.body}\nexport default module.exports;\n`,
    };
  },
};

export default {
  files: 'tests/elements/**/*.test.ts',
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    texmathAsModule,
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
};

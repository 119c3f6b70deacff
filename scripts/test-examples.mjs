// Installs the package the way a user does (from the tarball `npm pack` makes)
// into copies of examples/vite and examples/eleventy, builds both, and checks
// what a user would notice: one KaTeX in the bundle, the fonts shipped, math
// rendered in Chromium with every KaTeX font family loaded, and the package
// usable from CommonJS and under @lit-labs/ssr.
//
// Every check runs, whatever the others do; the last line is
// `examples: N passed, M failed` and the exit code is non-zero on a failure.
// KEEP_EXAMPLES=1 keeps the temporary folder for a look afterwards.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'sciblog-examples-'));
const started = Date.now();

// The families KaTeX's stylesheet names; the example post uses a glyph of each.
const katexFamilies = [
  'KaTeX_Main', 'KaTeX_Math', 'KaTeX_AMS', 'KaTeX_Caligraphic', 'KaTeX_Fraktur', 'KaTeX_SansSerif',
  'KaTeX_Script', 'KaTeX_Typewriter', 'KaTeX_Size1', 'KaTeX_Size2', 'KaTeX_Size3', 'KaTeX_Size4',
];
// Formulas in examples/*/post.md (every-font.md): 8 inline, 2 display.
const postFormulas = 10;
// Text from one of KaTeX's error messages: it occurs once in each copy of
// KaTeX (ESM, CommonJS and minified builds alike) and in none of our code.
const katexMarker = 'KaTeX parse error';
// Hang guards only; nothing is asserted about time.
const minutes = (n) => n * 60_000;

// ---------------------------------------------------------------- helpers

/** Runs a command; resolves with its output, rejects with the end of it on a non-zero exit or a hang. */
function run(command, args, { cwd, timeout = minutes(3), env } = {}) {
  return new Promise((resolvePromise, reject) => {
    // detached: a process group of its own, so a hung child and its children can be ended together.
    const child = spawn(command, args, { cwd, env: env ?? childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolvePromise({ stdout, stderr });
      const tail = (stderr.trim() || stdout.trim()).split('\n').slice(-15).join('\n');
      const why = signal ? `was stopped (${signal}${signal === 'SIGKILL' ? `, no exit after ${timeout / 1000} s` : ''})` : `exited ${code}`;
      reject(new Error(`${command} ${args.join(' ')} ${why}:\n${tail}`));
    });
  });
}

/** The environment without what `npm run` adds about this package, so a nested npm sees only its own folder. */
function childEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle)_|^npm_config_local_prefix$|^INIT_CWD$/.test(key)));
}

/** Memoises an async setup step: checks that need it share one run, and its failure. */
const once = (fn) => {
  let promise;
  return () => (promise ??= fn());
};

const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());

/** A port nobody listens on now, for servers that must be told one. */
async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipSize = (buffer) => gzipSync(buffer).length;
const count = (text, needle) => text.split(needle).length - 1;

/** A copy of an example, without anything a previous local install or build left in it. */
function copyExample(name) {
  const to = join(work, name);
  cpSync(join(root, 'examples', name), to, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|dist|dist-double|dist-all|_site)$/.test(source),
  });
  return to;
}

const npmWarnings = new Set();

async function npmInstall(dir, specs) {
  // The examples pin their own dependencies exactly; the tarball is added on top.
  // No --install-links needed: that concerns `file:` folders, and this is a tarball.
  const { stderr } = await run('npm', ['install', '--no-audit', '--no-fund', ...specs], { cwd: dir, timeout: minutes(10) });
  // What a user sees at install, boiled down to one line per package: an
  // engine npm finds too old, and install scripts npm 11 holds back.
  for (const [, name, range] of stderr.matchAll(/EBADENGINE\s+package: '([^']+)',\s*npm warn EBADENGINE\s+required: \{ node: '([^']+)'/g)) {
    npmWarnings.add(`${name} wants node ${range} (EBADENGINE)`);
  }
  for (const [, line] of stderr.matchAll(/npm warn install-scripts {3}(\S+@\S+ \(.*\))/g)) npmWarnings.add(`install script not covered by allowScripts: ${line}`);
}

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

/** A static server for one built site on 127.0.0.1, on a port the system picks. */
async function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    // Chromium asks every site for one; neither example has one, and a 404 would read as a problem.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    let file = resolve(dir, `.${path}`);
    if (file !== dir && !file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

// ---------------------------------------------------------------- setup steps

const packed = once(async () => {
  await run('npm', ['run', 'build'], { cwd: root, timeout: minutes(5) });
  const packDir = join(work, 'pack');
  mkdirSync(packDir);
  // The build just ran; without scripts, prepack's second build stays out of the JSON on stdout.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, timeout: minutes(3) });
  // npm pack's JSON is an array with one entry per package packed.
  const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('[')));
  const tarball = join(packDir, filename);
  assert.ok(existsSync(tarball), `npm pack reported ${filename} but wrote no such file in ${packDir}`);
  return tarball;
});

const examplePost = () => readFileSync(join(root, 'examples/vite/post.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

const viteBuilt = once(async () => {
  const tarball = await packed();
  const dir = copyExample('vite');
  await npmInstall(dir, [tarball]);
  await run('npx', ['vite', 'build'], { cwd: dir });
  return { dir, out: join(dir, 'dist') };
});

/** Builds a page of the Vite example whose main.js is `main`, into dist-<name>/; returns its JS files. */
async function viteVariant(name, main) {
  const { dir } = await viteBuilt();
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
  writeFileSync(join(dir, name, 'main.js'), main);
  await run('npx', ['vite', 'build', name, '--outDir', `../dist-${name}`, '--emptyOutDir'], { cwd: dir });
  return filesUnder(join(dir, `dist-${name}`)).filter((file) => file.endsWith('.js'));
}

/** How many copies of KaTeX some JS files hold, and their gzip size together. */
function katexCopiesAndGzip(files) {
  return {
    found: files.reduce((sum, file) => sum + count(readFileSync(file, 'utf8'), katexMarker), 0),
    gzip: files.reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0),
  };
}

const eleventyBuilt = once(async () => {
  const tarball = await packed();
  const dir = copyExample('eleventy');
  await npmInstall(dir, [tarball]);
  await run('npx', ['@11ty/eleventy'], { cwd: dir });
  return { dir, out: join(dir, '_site') };
});

// A plain Node project with nothing but the package and @lit-labs/ssr, for the
// CommonJS and server-rendering checks. CommonJS by its package.json.
const consumer = once(async () => {
  const tarball = await packed();
  const dir = join(work, 'consumer');
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'commonjs' }, null, 2));
  // The version our own devDependency resolved to, so both agree and the install is repeatable.
  const ssrVersion = JSON.parse(readFileSync(join(root, 'node_modules/@lit-labs/ssr/package.json'), 'utf8')).version;
  await npmInstall(dir, [tarball, `@lit-labs/ssr@${ssrVersion}`]);
  return dir;
});

let browserPromise;
const browser = () =>
  (browserPromise ??= (async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
    assert.ok(existsSync(executablePath), `no Chromium at ${executablePath} (set CHROME_PATH, or apt-get install chromium)`);
    return puppeteer.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
      protocolTimeout: minutes(1),
    });
  })());

/**
 * Opens a built site in Chromium and reads what a reader gets: the formulas
 * in the <post-body> shadow root, the font faces of the document once their
 * loads have settled, and anything that went wrong on the way.
 */
async function visit(siteDir) {
  const server = await serve(siteDir);
  try {
    return await visitUrl(server.url);
  } finally {
    await server.close();
  }
}

async function visitUrl(url) {
  const page = await (await browser()).newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page
      .waitForFunction(() => document.querySelector('post-body')?.shadowRoot?.querySelector('[part="content"]'), { timeout: 30_000 })
      .catch((error) => {
        throw new Error(`<post-body> did not render its article in 30 s (${error.message})${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
      });
    return await page.evaluate(async () => {
      // The whole article is in (it arrives a piece at a time) once updateComplete resolves.
      const body = document.querySelector('post-body');
      await customElements.whenDefined('post-body');
      await body.updateComplete;
      // Two frames: styles and layout have run, so every face a glyph needs has started loading.
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const settled = await Promise.race([document.fonts.ready.then(() => true), new Promise((done) => setTimeout(() => done(false), 20_000))]);
      const shadow = document.querySelector('post-body').shadowRoot;
      return {
        settled,
        katex: shadow.querySelectorAll('.katex').length,
        errors: shadow.querySelectorAll('.sb-math-error, .katex-error').length,
        faces: [...document.fonts].map(({ family, style, weight, status }) => ({ family, style, weight, status })),
        note: document.getElementById('note')?.innerHTML ?? null,
      };
    }).then((result) => ({ ...result, problems }));
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Starts a dev server that keeps running (Vite's, web-dev-server) and resolves
 * with its URL and a stop function once it says where it listens.
 */
function startServer(command, args, { cwd, urlPattern }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${command} ${args.join(' ')} gave no URL in 60 s:\n${output.slice(-800)}`));
    }, minutes(1));
    const read = (chunk) => {
      // Strip colours: Vite prints its URL in them.
      output += String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
      const match = urlPattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[0], stop, output: () => output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-800)}`));
    });
  });
}

/** A page that loads the elements as unbuilt modules by their package names, for dev servers that resolve them. */
const unbundledPage = (post) => `<!doctype html>
<html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><body>
<post-body><script type="text/markdown">
${post}
</script></post-body>
<script type="module">import 'sciblog-elements/post-body.js';</script>
</body></html>
`;

function assertRendered(result) {
  assert.deepEqual(result.problems, [], 'the page reported problems');
  assert.equal(result.errors, 0, 'formulas rendered as errors');
  assert.equal(result.katex, postFormulas, `.katex elements in the <post-body> shadow root`);
}

function assertFamiliesLoaded(result) {
  assert.ok(result.settled, 'document.fonts.ready did not settle in 20 s');
  const missing = katexFamilies.filter((family) => !result.faces.some((face) => face.family === family && face.status === 'loaded'));
  const katexFaces = result.faces.filter((face) => face.family.includes('KaTeX'));
  // Brackets, not quotes: a family name with quotes of its own is what goes wrong.
  const seen = [...new Set(katexFaces.map((face) => `[${face.family}] ${face.status}`))].sort();
  assert.ok(missing.length === 0, `no loaded face for ${missing.join(', ')}; document.fonts has:\n    ${seen.join('\n    ')}`);
}

const viteVisit = once(async () => visit((await viteBuilt()).out));
const eleventyVisit = once(async () => visit((await eleventyBuilt()).out));

// ---------------------------------------------------------------- checks

const report = [];
const checks = [
  ['package builds and packs', async () => {
    const tarball = await packed();
    return `${relative(work, tarball)}, ${kb(statSync(tarball).size)}`;
  }],

  ['vite: installs from the tarball and builds', async () => {
    const { out } = await viteBuilt();
    assert.ok(existsSync(join(out, 'index.html')));
  }],

  ['vite: exactly one KaTeX in the emitted JS', async () => {
    const { out } = await viteBuilt();
    const js = filesUnder(out).filter((file) => file.endsWith('.js'));
    const { found, gzip } = katexCopiesAndGzip(js);
    const raw = js.reduce((sum, file) => sum + statSync(file).size, 0);
    report.push(`vite JS: ${js.length} file(s), ${kb(raw)} minified, ${kb(gzip)} gzip`);
    assert.equal(found, 1, `copies of KaTeX (occurrences of "${katexMarker}")`);
  }],

  ['vite: the KaTeX counter sees two in a bundle that adds katex/dist/katex.js', async () => {
    // The control for the check above: a counter that cannot count two proves nothing.
    const { found, gzip } = katexCopiesAndGzip(await viteVariant('double', "import '../main.js';\nimport katex from 'katex/dist/katex.js';\nconsole.log(katex.version);\n"));
    report.push(`vite JS with a second KaTeX (control): ${kb(gzip)} gzip`);
    assert.equal(found, 2, `copies of KaTeX counted in the double bundle`);
  }],

  ["vite: import 'sciblog-elements' (every element) also bundles one KaTeX", async () => {
    const { found, gzip } = katexCopiesAndGzip(await viteVariant('all', "import 'sciblog-elements';\n"));
    report.push(`vite JS for import 'sciblog-elements': ${kb(gzip)} gzip`);
    assert.equal(found, 1, 'copies of KaTeX');
  }],

  ['vite: every KaTeX woff2 font is in the output', async () => {
    const { dir, out } = await viteBuilt();
    const fontsDir = join(dir, 'node_modules/sciblog-elements/dist/fonts');
    const fonts = readdirSync(fontsDir).filter((name) => name.endsWith('.woff2'));
    assert.ok(fonts.length >= 20, `the package ships ${fonts.length} woff2 fonts`);
    const emitted = filesUnder(out).filter((file) => file.endsWith('.woff2'));
    const js = filesUnder(out).filter((file) => file.endsWith('.js')).map((file) => readFileSync(file, 'utf8')).join('\n');
    const inlined = [];
    const absent = [];
    for (const font of fonts) {
      const stem = font.replace(/\.woff2$/, '');
      // Vite names an emitted asset `<name>-<hash>.woff2`.
      if (emitted.some((file) => new RegExp(`[\\\\/]${stem}-[\\w-]+\\.woff2$`).test(file))) continue;
      // Vite inlines assets under build.assetsInlineLimit (4 KB) as data: URLs; that font still ships.
      if (js.includes(readFileSync(join(fontsDir, font)).toString('base64'))) inlined.push(stem);
      else absent.push(stem);
    }
    const bytes = emitted.reduce((sum, file) => sum + statSync(file).size, 0);
    report.push(`vite fonts: ${emitted.length} woff2 files emitted (${kb(bytes)})${inlined.length ? `, inlined as data: URLs: ${inlined.join(', ')}` : ''}`);
    assert.deepEqual(absent, [], 'fonts neither emitted nor inlined');
  }],

  ['vite in Chromium: the post renders, formulas in the shadow root, renderMarkdown into the page', async () => {
    const result = await viteVisit();
    assertRendered(result);
    assert.match(result.note ?? '', /<strong>renderMarkdown<\/strong>/, 'the light-DOM div filled by renderMarkdown');
  }],

  ['vite in Chromium: every KaTeX font family loaded', async () => {
    assertFamiliesLoaded(await viteVisit());
  }],

  ['eleventy: installs from the tarball and builds', async () => {
    const { out } = await eleventyBuilt();
    assert.ok(existsSync(join(out, 'index.html')));
  }],

  ['eleventy: the post is static HTML with KaTeX output', async () => {
    const { out } = await eleventyBuilt();
    const html = readFileSync(join(out, 'posts/every-font/index.html'), 'utf8');
    assert.equal(count(html, 'class="katex"'), postFormulas, 'class="katex" in posts/every-font/index.html');
    assert.equal(count(html, 'class="katex-display"'), 2, 'display formulas');
    assert.ok(!/sb-math-error|katex-error/.test(html), 'a formula rendered as an error');
  }],

  ['eleventy: the copied bundle (one KaTeX) and its fonts', async () => {
    const { dir, out } = await eleventyBuilt();
    const bundle = readFileSync(join(out, 'js/sciblog-elements.js'));
    const chunks = readdirSync(join(out, 'js/chunks')).map((name) => readFileSync(join(out, 'js/chunks', name)));
    assert.equal([bundle, ...chunks].reduce((sum, file) => sum + count(file.toString('utf8'), katexMarker), 0), 1, 'copies of KaTeX in js/sciblog-elements.js and js/chunks/');
    const shipped = readdirSync(join(dir, 'node_modules/sciblog-elements/dist/fonts')).filter((name) => name.endsWith('.woff2'));
    const copied = readdirSync(join(out, 'js/fonts')).filter((name) => name.endsWith('.woff2'));
    const bytes = copied.reduce((sum, name) => sum + statSync(join(out, 'js/fonts', name)).size, 0);
    const chunkGzip = chunks.reduce((sum, file) => sum + gzipSize(file), 0);
    report.push(`eleventy: js/sciblog-elements.js and its ${chunks.length} chunks: ${kb(gzipSize(bundle) + chunkGzip)} gzip; js/fonts: ${copied.length} woff2 (${kb(bytes)})`);
    assert.deepEqual(copied.sort(), shipped.sort(), 'fonts in _site/js/fonts');
  }],

  ['eleventy in Chromium: the post renders from its markdown file', async () => {
    assertRendered(await eleventyVisit());
  }],

  ['eleventy in Chromium: every KaTeX font family loaded', async () => {
    assertFamiliesLoaded(await eleventyVisit());
  }],

  ["vite's dev server: the page renders from the unbundled modules, no shim", async () => {
    const { dir } = await viteBuilt();
    mkdirSync(join(dir, 'dev'), { recursive: true });
    writeFileSync(join(dir, 'dev/index.html'), unbundledPage(examplePost()));
    const server = await startServer('npx', ['vite', 'dev', '--host', '127.0.0.1', '--port', '0', '--strictPort', 'false'], {
      cwd: join(dir, 'dev'),
      urlPattern: /http:\/\/127\.0\.0\.1:\d+\//,
    });
    try {
      const result = await visitUrl(server.url);
      // Vite's dev server optimises dependencies on the first visit and may reload once; the article is what counts.
      assert.equal(result.errors, 0, 'formulas rendered as errors');
      assert.equal(result.katex, postFormulas, '.katex elements in the <post-body> shadow root');
    } finally {
      server.stop();
    }
  }],

  ['web-dev-server --node-resolve: the page renders from the unbundled modules, no shim', async () => {
    const dir = await consumer();
    mkdirSync(join(dir, 'wds'), { recursive: true });
    writeFileSync(join(dir, 'wds/index.html'), unbundledPage(examplePost()));
    const server = await startServer(join(root, 'node_modules/.bin/web-dev-server'), ['--root-dir', dir, '--node-resolve', '--hostname', '127.0.0.1', '--port', String(await freePort())], {
      cwd: dir,
      urlPattern: /http:\/\/127\.0\.0\.1:\d+\//,
    });
    try {
      // It prints its URL a moment before it serves: the first answers may be 500s.
      let answer;
      for (let attempt = 0; attempt < 20 && !answer?.ok; attempt++) {
        if (attempt > 0) await new Promise((done) => setTimeout(done, 250));
        answer = await fetch(`${server.url}wds/`);
      }
      assert.ok(answer.ok, `the dev server answered ${answer.status}: ${(await answer.text()).slice(0, 400)}`);
      const result = await visitUrl(`${server.url}wds/`);
      assertRendered(result);
    } finally {
      server.stop();
    }
  }],

  ['a page opened from disk (file://) renders with the classic script, fonts beside it', async () => {
    const dir = await consumer();
    const page = join(dir, 'from-disk');
    mkdirSync(join(page, 'js'), { recursive: true });
    const dist = join(dir, 'node_modules/sciblog-elements/dist');
    cpSync(join(dist, 'sciblog-elements.iife.js'), join(page, 'js/sciblog-elements.iife.js'));
    cpSync(join(dist, 'fonts'), join(page, 'js/fonts'), { recursive: true });
    writeFileSync(join(page, 'index.html'), unbundledPage(examplePost()).replace(/<script type="module">[^<]*<\/script>/, '<script src="js/sciblog-elements.iife.js"></script>'));
    const result = await visitUrl(`file://${join(page, 'index.html')}`);
    assertRendered(result);
    assertFamiliesLoaded(result);
  }],

  ['TypeScript: types resolve for nodenext CommonJS and bundler ESM projects', async () => {
    const dir = await consumer();
    const tsc = join(root, 'node_modules/.bin/tsc');
    const compiler = { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], skipLibCheck: false, types: [] };
    writeFileSync(join(dir, 'cjs.ts'), "import { renderMarkdown, type RenderedMarkdown } from 'sciblog-elements/core';\nconst result: RenderedMarkdown = renderMarkdown('$x$');\nexport const count: number = result.equations.length;\n");
    writeFileSync(join(dir, 'tsconfig.cjs.json'), JSON.stringify({ compilerOptions: { ...compiler, module: 'nodenext', moduleResolution: 'nodenext' }, files: ['cjs.ts'] }));
    await run(tsc, ['-p', 'tsconfig.cjs.json'], { cwd: dir, timeout: minutes(2) });
    mkdirSync(join(dir, 'esm'), { recursive: true });
    writeFileSync(join(dir, 'esm/package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(dir, 'esm/app.ts'),
      "import 'sciblog-elements/post-body';\nimport type { MathBlockElement } from 'sciblog-elements/math-block.js';\nimport { renderMarkdown } from 'sciblog-elements/core';\n" +
        "const body = document.createElement('post-body');\nbody.markdown = renderMarkdown('$x$').html;\nexport const block: MathBlockElement | null = document.querySelector('math-block');\n",
    );
    writeFileSync(join(dir, 'esm/tsconfig.json'), JSON.stringify({ compilerOptions: { ...compiler, module: 'esnext', moduleResolution: 'bundler' }, files: ['app.ts'] }));
    await run(tsc, ['-p', 'esm/tsconfig.json'], { cwd: dir, timeout: minutes(2) });
  }],

  ["CommonJS: require('sciblog-elements/core').renderMarkdown", async () => {
    const dir = await consumer();
    writeFileSync(
      join(dir, 'require-core.js'),
      "const { renderMarkdown } = require('sciblog-elements/core');\nprocess.stdout.write(renderMarkdown('$x$').html);\n",
    );
    const { stdout } = await run('node', ['require-core.js'], { cwd: dir, timeout: minutes(1) }).catch((error) => {
      // Node's first error line says it all (e.g. ERR_PACKAGE_PATH_NOT_EXPORTED); the stack does not.
      throw new Error(error.message.split('\n').find((line) => /^\w*Error\b|\[ERR_/.test(line)) ?? error.message);
    });
    assert.match(stdout, /class="katex"/);
  }],

  ...['<math-block>x^2</math-block>', '<math-block tex="x^2"></math-block>', '<post-body>'].map((element) => [
    `SSR: ${element} with @lit-labs/ssr`,
    async () => (await ssrResults())[element](),
  ]),
];

// One Node process renders all three, each in its own try, so one throwing does not hide the others.
const ssrResults = once(async () => {
  const dir = await consumer();
  writeFileSync(
    join(dir, 'ssr.mjs'),
    `import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import 'sciblog-elements/math-block.js';
import 'sciblog-elements/post-body.js';
import { loadMathRenderers } from 'sciblog-elements';

// The elements load KaTeX and markdown-it on first need; a server render cannot wait, so they come first.
await loadMathRenderers();

const post = 'Inline $a^2$ and a display:\\n\\n$$\\\\int_0^1 b\\\\,db$$\\n';
const templates = {
  '<math-block>x^2</math-block>': html\`<math-block>x^2</math-block>\`,
  '<math-block tex="x^2"></math-block>': html\`<math-block tex="x^2"></math-block>\`,
  '<post-body>': html\`<post-body .markdown=\${post}></post-body>\`,
};
const results = {};
for (const [name, template] of Object.entries(templates)) {
  try {
    results[name] = { html: await collectResult(render(template)) };
  } catch (error) {
    results[name] = { error: String(error?.stack ?? error).split('\\n').slice(0, 2).join(' | ') };
  }
}
process.stdout.write(JSON.stringify(results));
`,
  );
  const { stdout } = await run('node', ['ssr.mjs'], { cwd: dir, timeout: minutes(1) });
  const results = JSON.parse(stdout);
  const rendered = (name) => {
    const { html, error } = results[name];
    if (error) throw new Error(error);
    // A declarative shadow root: what the server sends for the browser to attach.
    assert.match(html, /<template shadowroot(mode)?="open"/, 'no declarative shadow root');
    return html;
  };
  return {
    // No DOM on the server, so no text content to read: the TeX stays as the readable light child.
    '<math-block>x^2</math-block>': () => assert.match(rendered('<math-block>x^2</math-block>'), /<\/template>\s*x\^2\s*<\/math-block>/),
    '<math-block tex="x^2"></math-block>': () => assert.equal(count(rendered('<math-block tex="x^2"></math-block>'), 'class="katex"'), 1),
    '<post-body>': () => {
      const html = rendered('<post-body>');
      assert.equal(count(html, 'class="katex"'), 2, 'formulas in the server-rendered <post-body>');
    },
  };
});

let passed = 0;
let failed = 0;
try {
  for (const [name, check] of checks) {
    try {
      const detail = await check();
      passed += 1;
      console.log(`ok - ${name}${typeof detail === 'string' ? ` (${detail})` : ''}`);
    } catch (error) {
      failed += 1;
      console.log(`not ok - ${name}\n  ${String(error?.message ?? error).split('\n').join('\n  ')}`);
    }
  }
} finally {
  if (browserPromise) await browserPromise.then((b) => b.close()).catch(() => {});
  if (process.env.KEEP_EXAMPLES) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log('\nreport:');
for (const line of report) console.log(`  ${line}`);
for (const line of npmWarnings) console.log(`  npm warned: ${line}`);
console.log(`  took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`\nexamples: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;

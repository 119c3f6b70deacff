// The demo's markdown posts prerendered with `prerender --search` (the built CLI, so `npm run build`
// first), as a dev server middleware: a real Pagefind bundle for site-search's `pagefind` backend,
// built on the first request under `bundlePath` and removed when the server stops.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';

const types = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html' };

/**
 * `sitePath` is where the prerendered site is served (`/tests/pagefind-site/`, or `/` so the pages
 * the bundle links to open where Pagefind says they are); the build starts on the first request
 * under `${sitePath}pagefind/`. Other paths pass through until the site is built.
 */
export function pagefindDemoSite(sitePath) {
  let site;
  const build = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sciblog-pagefind-'));
    await promisify(execFile)(process.execPath, ['dist/node/cli.js', 'prerender', 'demo/posts', dir, '--search', '--workers', '1']);
    return dir;
  };
  return {
    async middleware(context, next) {
      if (!context.path.startsWith(sitePath)) return next();
      if (!site && !context.path.startsWith(`${sitePath}pagefind/`)) return next();
      site ??= build();
      const file = join(await site, context.path.slice(sitePath.length));
      if (!existsSync(file) || !extname(file)) return next();
      context.type = types[extname(file)] ?? 'application/octet-stream';
      context.body = await readFile(file);
    },
    plugin: {
      name: 'pagefind-demo-site',
      async serverStop() {
        if (site) await rm(await site, { recursive: true, force: true });
      },
    },
  };
}

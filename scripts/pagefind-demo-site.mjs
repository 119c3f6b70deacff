// The demo's posts prerendered with `prerender --search` (the built CLI, so `npm run build` first),
// as a dev server middleware: a real Pagefind bundle for site-search's `pagefind` backend, built on
// the first request under `${sitePath}pagefind/` and removed when the server stops.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    await writeFeedPosts(join(dir, 'in'));
    await promisify(execFile)(process.execPath, ['dist/node/cli.js', 'prerender', join(dir, 'in'), join(dir, 'out'), '--search', '--workers', '1']);
    return join(dir, 'out');
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
        if (site) await rm(join(await site, '..'), { recursive: true, force: true });
      },
    },
  };
}

const yamlString = (text) => JSON.stringify(text);

/**
 * The posts the demo's feed lists, as markdown files in `folder`, so Pagefind searches what the
 * page's own index searches: a post's file from demo/posts/ (with its bibliography) where the
 * article page has one, else the feed's summary and text under front matter made from the item.
 */
async function writeFeedPosts(folder) {
  await mkdir(folder, { recursive: true });
  const feed = JSON.parse(await readFile('demo/feed.json', 'utf8'));
  for (const item of feed.items) {
    const slug = new URL(item.url, 'https://x/').searchParams.get('post');
    const own = join('demo/posts', `${slug}.md`);
    if (existsSync(own)) {
      await copyFile(own, join(folder, `${slug}.md`));
      continue;
    }
    const front = [
      `title: ${yamlString(item.title)}`,
      `date: ${yamlString(item.date_published.slice(0, 10))}`,
      `author: ${yamlString(item.authors?.[0]?.name ?? '')}`,
      `lang: ${/[\u4e00-\u9fff]/.test(item.title) ? 'zh-CN' : 'en'}`,
    ];
    await writeFile(join(folder, `${slug}.md`), `---\n${front.join('\n')}\n---\n\n${item.summary ?? ''}\n\n${item.content_text ?? ''}\n`);
  }
  // What the copied posts refer to (their .bib files).
  for (const name of await readdir('demo/posts')) if (!name.endsWith('.md')) await copyFile(join('demo/posts', name), join(folder, name));
}

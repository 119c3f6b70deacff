// `sciblog-elements prerender <in> <out>`: a folder of pages and markdown
// posts to a folder of prerendered pages, over worker threads.
import { copyFile, cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { writePagefindIndex } from './pagefind-index.js';
import type { FileJob, FileOutcome } from './prerender-file.js';
import { ProgressLine } from './progress-line.js';

const usage = `Usage: sciblog-elements prerender <in> <out> [--workers N] [--template page.html] [--assets URL] [--search]

  <in>        folder of .html pages and .md posts (YAML front matter); other files are copied
  <out>       folder to write the prerendered pages to, keeping the tree (.md becomes .html)
  --workers   worker threads (default: the machine's available parallelism)
  --template  page for markdown posts, with {{title}}, {{date}}, {{author}}, {{lang}}, {{assets}}, {{content}}
  --assets    where pages load the elements and katex.css from (default: a copy in <out>/sciblog-elements/)
  --search    index the prerendered pages with Pagefind (npm package pagefind) into <out>/pagefind/, for <site-search pagefind>`;

/** The files under `root`, relative to it, in a stable order; `skip` (the output inside the input) is left out. */
async function listFiles(root: string, skip: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => path !== skip && !path.startsWith(skip + sep))
    .map((path) => relative(root, path))
    .sort();
}

/** Runs the jobs over `count` workers, each taking the next job when it is done with one. */
async function runJobs(jobs: FileJob[], count: number, onDone: (outcome: FileOutcome) => void): Promise<void> {
  const queue = [...jobs];
  const workerUrl = new URL('./prerender-worker.js', import.meta.url);
  const run = () =>
    new Promise<void>((done, fail) => {
      const worker = new Worker(workerUrl);
      const next = () => {
        const job = queue.shift();
        if (job) worker.postMessage(job);
        else void worker.terminate().then(() => done());
      };
      worker.on('message', (outcome: FileOutcome) => {
        onDone(outcome);
        next();
      });
      worker.on('error', fail);
      next();
    });
  await Promise.all(Array.from({ length: Math.min(count, jobs.length) }, run));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function prerenderCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { workers: { type: 'string' }, template: { type: 'string' }, assets: { type: 'string' }, search: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('prerender takes an input and an output folder');
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number of at least 1, not "${values.workers}"`);
  const [input, output] = positionals.map((path) => resolve(path));
  const template = values.template === undefined ? undefined : await readFile(values.template, 'utf8');
  const started = performance.now();

  const files = await listFiles(input, output);
  const isPage = (file: string) => /\.(html?|md)$/i.test(file);
  const pages = files.filter(isPage);
  await mkdir(output, { recursive: true });
  for (const file of files.filter((file) => !isPage(file))) {
    await mkdir(dirname(join(output, file)), { recursive: true });
    await copyFile(join(input, file), join(output, file));
  }
  // Markdown posts become pages that load the elements: without --assets, from a copy beside them.
  const assets = values.assets ?? 'sciblog-elements/';
  if (values.assets === undefined && pages.some((file) => file.endsWith('.md'))) {
    const dist = fileURLToPath(new URL('../', import.meta.url));
    const target = join(output, 'sciblog-elements');
    await mkdir(target, { recursive: true });
    for (const name of ['sciblog-elements.hydrate.js', 'katex.css']) await copyFile(join(dist, name), join(target, name));
    // The hydrate file loads the elements, KaTeX and markdown-it from hydrate-chunks/ (the plain bundle from chunks/).
    for (const folder of ['fonts', 'chunks', 'hydrate-chunks']) await cp(join(dist, folder), join(target, folder), { recursive: true });
  }

  const progress = new ProgressLine(process.stderr, pages.length);
  let failed = 0;
  let elements = 0;
  let elementErrors = 0;
  const jobs = pages.map((file): FileJob => ({ input, output, file, template, assets }));
  await runJobs(jobs, workers, (outcome) => {
    elements += outcome.rendered;
    elementErrors += outcome.errors.length;
    if (outcome.failure !== undefined || outcome.errors.length > 0) failed += 1;
    if (outcome.failure !== undefined) progress.log(`✗ ${outcome.file}: ${outcome.failure}`);
    for (const error of outcome.errors) progress.log(`✗ ${outcome.file}: ${error.element}: ${error.message}`);
    if (!progress.isTerminal && outcome.failure === undefined && outcome.errors.length === 0) progress.log(`✓ ${outcome.file} (${plural(outcome.rendered, 'element')})`);
    progress.advance(outcome.file);
  });
  progress.finish();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${plural(pages.length, 'page')} (${pages.length - failed} ok, ${failed} failed), ${plural(files.length - pages.length, 'other file')} copied, ` +
      `${plural(elements, 'element')} prerendered, ${plural(elementErrors, 'element error')}, ${seconds} s`,
  );
  if (values.search) {
    const search = await writePagefindIndex(output);
    for (const error of search.errors) console.error(`✗ pagefind: ${error}`);
    console.log(`search: ${plural(search.pages, 'page')} indexed by Pagefind into ${search.outputPath}`);
    if (search.errors.length > 0) return 1;
  }
  return failed > 0 ? 1 : 0;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'prerender') return await prerenderCommand(rest);
    if (command === undefined || command === '--help' || command === '-h') {
      console.log(usage);
      return command === undefined ? 1 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    console.error(`sciblog-elements: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(usage);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

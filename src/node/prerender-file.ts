import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { markdownPage } from './markdown-page.js';
import { prerender, type PrerenderError } from './prerender.js';

/** What a build needs to know to turn one file of the input folder into a page. */
export interface FileJob {
  /** The input and output folders. */
  input: string;
  output: string;
  /** The file, relative to `input`. */
  file: string;
  /** The page template for markdown files, its text. */
  template?: string;
  /** Where pages find the elements' script and katex.css; relative to the output root when it does not start with `/` or a scheme. */
  assets: string;
}

export interface FileOutcome {
  file: string;
  /** Relative to the output folder; absent when nothing was written. */
  written?: string;
  rendered: number;
  errors: PrerenderError[];
  /** Why the file could not be built at all. */
  failure?: string;
}

// Pages see the input folder as a site: `src="/feed.json"` or `src="post.md"` read files in it.
const site = 'http://prerender.invalid/';

/** Prerenders one HTML file, or makes a page of one markdown file and prerenders that. */
export async function prerenderFile(job: FileJob): Promise<FileOutcome> {
  const urlPath = job.file.split(sep).join('/');
  const isMarkdown = /\.md$/i.test(job.file);
  const written = isMarkdown ? job.file.replace(/\.md$/i, '.html') : job.file;
  try {
    const text = await readFile(join(job.input, job.file), 'utf8');
    const depth = urlPath.split('/').length - 1;
    const assets = /^([a-z][\w+.-]*:|\/)/i.test(job.assets) ? job.assets : '../'.repeat(depth) + job.assets;
    const page = isMarkdown ? markdownPage(text, { template: job.template, assets }) : text;
    const result = await prerender(page, {
      baseUrl: site + urlPath,
      readFile: async (url) => {
        if (!url.startsWith(site)) return undefined;
        const path = posix.normalize(decodeURIComponent(new URL(url).pathname));
        return readFile(join(job.input, ...path.split('/')), 'utf8');
      },
    });
    const target = join(job.output, written);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, result.html);
    return { file: job.file, written: relative(job.output, target), rendered: result.rendered, errors: result.errors };
  } catch (error) {
    return { file: job.file, rendered: 0, errors: [], failure: error instanceof Error ? error.message : String(error) };
  }
}

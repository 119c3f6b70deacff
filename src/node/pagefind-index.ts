// `prerender --search`: a Pagefind index of the prerendered site, for
// `<site-search pagefind="…/pagefind">`. Pagefind is an optional peer
// dependency: a site that searches its feed in the page never installs it.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { texAnnotation } from '../core/excerpt-html-reader.js';
import { classOf, elementEnd, HtmlTokenizer } from '../core/html-scan.js';
import { spaceCjkWords } from '../core/search-tokenize.js';

interface PagefindModule {
  createIndex(config?: Record<string, unknown>): Promise<{ errors: string[]; index?: PagefindIndex }>;
  close(): Promise<unknown>;
}

interface PagefindIndex {
  addHTMLFile(file: { url: string; content: string }): Promise<{ errors: string[] }>;
  writeFiles(options: { outputPath: string }): Promise<{ errors: string[]; outputPath: string }>;
}

/** What was indexed, where it was written, and what Pagefind complained about. */
export interface PagefindOutcome {
  pages: number;
  outputPath: string;
  errors: string[];
}

async function loadPagefind(): Promise<PagefindModule> {
  try {
    return (await import('pagefind')) as PagefindModule;
  } catch (error) {
    throw new Error(
      `--search needs the pagefind package (1.x), which is not installed (${error instanceof Error ? error.message : String(error)}); ` +
        'install it beside sciblog-elements: npm install --save-dev pagefind',
    );
  }
}

/**
 * A prerendered page as Pagefind should read it. Pagefind skips `<template>`
 * content, and a prerendered element's text is in its declarative shadow
 * root's template: the templates are unwrapped. KaTeX writes each formula
 * twice (MathML and the visual HTML): a formula is given as its TeX instead,
 * between `\(` and `\)`, or `\[` and `\]` when displayed.
 * Chinese gets spaces between its words (`spaceCjkWords`), as Pagefind
 * splits words on spaces; site-search takes them out of its excerpts again.
 */
export function pageForPagefind(html: string): string {
  const unwrapped = html.replace(/<template\s+shadowroot(?:mode)?=[^>]*>|<\/template>/gi, '');
  const tokens = new HtmlTokenizer(unwrapped);
  let out = '';
  for (let token; (token = tokens.next()); ) {
    const raw = unwrapped.slice(token.start, token.end);
    if (token.kind === 'text') {
      out += spaceCjkWords(raw);
      continue;
    }
    if (token.kind !== 'start' || !/(?:^|\s)katex(?:\s|$)/.test(classOf(raw))) {
      out += raw;
      continue;
    }
    // A formula as its TeX between \( and \), a display one between \[ and \], which site-search renders
    // again in Pagefind's excerpts (unlike $, an excerpt that starts inside a formula cannot pair its
    // closing delimiter with the next opening one, so a cut formula can be told and left out).
    const end = elementEnd(unwrapped, token.end, token.name);
    const formula = unwrapped.slice(token.end, end);
    const tex = texAnnotation.exec(formula);
    const display = /<math\b[^>]*\sdisplay="block"/.test(formula);
    out += tex ? (display ? ` \\[${tex[1].trim()}\\] ` : ` \\(${tex[1].trim()}\\) `) : '';
    tokens.seek(end);
  }
  return out;
}

/** The language most pages say they are in, for one index of the whole site. */
function commonLanguage(pages: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const lang = /<html[^>]*\slang\s*=\s*["']?([a-zA-Z-]+)/i.exec(page)?.[1].toLowerCase();
    if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Indexes the HTML pages under `site` with Pagefind and writes the bundle
 * to `site/pagefind/`, as one index in `language` (by default the language
 * most pages declare).
 */
export async function writePagefindIndex(site: string, language?: string): Promise<PagefindOutcome> {
  const pagefind = await loadPagefind();
  const outputPath = join(site, 'pagefind');
  const files = (await readdir(site, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.html?$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.startsWith(outputPath + sep))
    .sort();
  const pages = await Promise.all(files.map((path) => readFile(path, 'utf8')));
  try {
    // One index for the whole site: Pagefind otherwise splits it by language and searches only the
    // one of the page the search box is on, so an English page would never find a Chinese post.
    const created = await pagefind.createIndex({ forceLanguage: language ?? commonLanguage(pages) ?? 'en' });
    if (!created.index) throw new Error(`pagefind: ${created.errors.join('; ')}`);
    const errors = [...created.errors];
    for (const [i, path] of files.entries()) {
      const url = `/${relative(site, path).split(sep).join('/')}`;
      const added = await created.index.addHTMLFile({ url, content: pageForPagefind(pages[i]) });
      errors.push(...added.errors.map((error) => `${url}: ${error}`));
    }
    const written = await created.index.writeFiles({ outputPath });
    return { pages: files.length, outputPath, errors: [...errors, ...written.errors] };
  } finally {
    await pagefind.close();
  }
}

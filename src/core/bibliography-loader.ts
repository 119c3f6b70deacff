import { codedErrorAt } from './post-error-messages.js';
import {
  type Bibliography,
  type BibliographyPlace,
  type BibliographySource,
  type CslItem,
  isCslJson,
  readBibliographySource,
  readCslItems,
  readCslJson,
  referencesFromBibtex,
} from './bibliography.js';
import { parseFrontMatter } from './front-matter.js';

// The BibTeX parser is about 90 KB (min+gzip): it is imported here, on first
// need, and only for BibTeX. `renderMarkdown` stays synchronous and takes the
// result through its `bibliography` option.

/**
 * Parses a bibliography: BibTeX text, CSL-JSON text (a JSON array) or CSL-JSON
 * items. TeX accents and braces are resolved (`M{\"u}ller` → `Müller`); what
 * cannot be read is in `errors`, and the rest is kept.
 */
export async function loadBibliography(source: string | readonly CslItem[], place: BibliographyPlace = {}): Promise<Bibliography> {
  if (typeof source !== 'string') return readCslItems(source, place.line);
  if (isCslJson(source)) return readCslJson(source, place.line);
  const { parse } = await import('@retorquere/bibtex-parser');
  let library;
  try {
    // Titles as written (no sentence case); an unknown command keeps its argument's text.
    library = parse(source, { sentenceCase: false, english: false, unsupported: unknownCommand });
  } catch (error) {
    library = { entries: [], errors: [{ error: error instanceof Error ? error.message : String(error) }] };
  }
  return referencesFromBibtex(library, place, source);
}

// An unknown command keeps only its arguments (`\foo{bar}` → `bar`), as the parser's `ignore` does; TeX logos keep their name.
const unknownCommand = (node: object): string => {
  const { content } = node as { content?: unknown };
  const name = typeof content === 'string' ? content : '';
  return /^(?:TeX|BibTeX|XeTeX|LuaTeX|ConTeXt|AmS|\s)$/.test(name) ? name : '';
};

/**
 * The bibliography of a post that must be loaded before `renderMarkdown`
 * can use it: BibTeX or CSL-JSON text, or a URL, in the front matter.
 * `undefined` when there is none, or when `renderMarkdown` reads it itself
 * (a YAML list of CSL items), or in untrusted text.
 */
export function bibliographyToLoad(source: string, trusted: boolean): (BibliographySource & { kind: 'url' | 'text' }) | undefined {
  const { meta, fieldLines } = parseFrontMatter(source);
  const found = readBibliographySource(meta, fieldLines, trusted);
  return found?.kind === 'items' ? undefined : found;
}

export interface LoadPostBibliographyOptions {
  /** As for `renderMarkdown`: untrusted text has no bibliography of its own. Default `true`. */
  trusted?: boolean;
  /** Reads a `bibliography:` that is a URL or a path (in Node, a file read; in a browser, a fetch). */
  readUrl?: (url: string) => Promise<string>;
}

/**
 * The bibliography a post's front matter names (`bibliography:` holding
 * BibTeX, CSL-JSON, or a URL that `readUrl` reads), for `renderMarkdown`'s
 * `bibliography` option; `undefined` when the post has none.
 *
 * ```js
 * const bibliography = await loadPostBibliography(source, { readUrl: (path) => readFile(path, 'utf8') });
 * const { html, citations } = renderMarkdown(source, { bibliography });
 * ```
 */
export async function loadPostBibliography(source: string, options: LoadPostBibliographyOptions = {}): Promise<Bibliography | undefined> {
  const { meta, fieldLines } = parseFrontMatter(source);
  const found = readBibliographySource(meta, fieldLines, options.trusted ?? true);
  if (!found) return undefined;
  if (found.kind === 'items') return readCslItems(found.items, found.line);
  if (found.kind === 'text') return loadBibliography(found.text, { line: found.line, firstLine: found.line === undefined ? undefined : found.line + 1 });
  if (!options.readUrl) {
    return { references: [], errors: [codedErrorAt('bibliography-url', { url: found.url }, found.line)] };
  }
  let text: string;
  try {
    text = await options.readUrl(found.url);
  } catch (error) {
    return { references: [], errors: [codedErrorAt('bibliography-unreadable', { url: found.url, detail: error instanceof Error ? error.message : String(error) }, found.line)] };
  }
  return loadBibliography(text, { line: found.line });
}

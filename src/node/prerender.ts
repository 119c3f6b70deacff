import type { TexMacros } from '../core/render-math.js';
import type { Heading } from '../core/render-markdown.js';
import { type ElementInput, LeftForBrowser, prerenderedTags, readElementInput } from './element-inputs.js';
import { descendants, getAttribute, hasDeclarativeShadowRoot, type HtmlNode, parsePage } from './html-tree.js';
import { modulePreloads, type PrerenderedPost } from './module-preloads.js';
import { loadServerRenderer, renderShadowRoot } from './server-render.js';

/** How to prerender a page. */
export interface PrerenderOptions {
  /**
   * Site-wide TeX macros, given to every element that renders math. The page
   * must give its elements the same macros, or they re-render on upgrade.
   */
  macros?: TexMacros;
  /** The page's language where no element or ancestor has a `lang`; it is also written on those elements. */
  lang?: string;
  /** The site's IANA time zone for elements without `time-zone`; it is also written on those elements. */
  timeZone?: string;
  /** The page's URL: `src` attributes resolve against it, and it is the `location` elements see (the current post of a series). */
  baseUrl?: string;
  /**
   * Reads what a `src` attribute points to (a markdown post, a JSON Feed, comments),
   * given the URL resolved against `baseUrl` (as written when there is none).
   * Return undefined to leave that element to the browser; a thrown error is
   * reported for the element. Without `readFile`, elements with a `src` are left to the browser.
   */
  readFile?: (url: string) => string | undefined | Promise<string | undefined>;
  /**
   * Preload the KaTeX faces nearly every formula uses (Main regular, Math
   * italic, Size1) from the `fonts/` folder beside the page's `katex.css`, when
   * the page has one and a rendered element has math: they then arrive before
   * the first layout instead of moving the text when they come. Default `true`.
   */
  preloadFonts?: boolean;
  /**
   * Have the page preload the code its articles use beyond markdown and math
   * (footnotes, citations, theorems, figures, code and its languages), which
   * `post-body` would otherwise ask for only once its renderers have arrived:
   * `<link rel="modulepreload">`s before the page's `sciblog-elements.hydrate.js`
   * (or `sciblog-elements.js`) script, for this version's chunks beside it.
   * A page that bundles the elements itself gets none. Default `true`.
   */
  preloadModules?: boolean;
}

/** An element that could not be prerendered; it is left in the page as it was. */
export interface PrerenderError {
  /** The tag and where it starts, `post-body at 12:5` (line:column of the page). */
  element: string;
  message: string;
}

export interface PrerenderResult {
  /** The page, with each element that could be rendered given its declarative shadow root. */
  html: string;
  /** Elements that failed; the rest of the page is rendered. */
  errors: PrerenderError[];
  /** How many elements were given a shadow root. */
  rendered: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const tags = new Set<string>(prerenderedTags);
const order = (node: HtmlNode) => prerenderedTags.indexOf(node.tagName as (typeof prerenderedTags)[number]);

/**
 * Renders the sciblog elements of a page into declarative shadow DOM
 * (`<template shadowrootmode="open">` as each element's first child), so the
 * page shows its math and posts before any script runs, or without scripts.
 * Light children stay as they are: they are what the elements read in the
 * browser, where the elements hydrate the server's DOM instead of rendering
 * it again (see `sciblog-elements/hydrate.js`).
 *
 * The page is edited in place, not re-serialized: everything but the
 * prerendered elements is byte for byte what was given, and prerendering a
 * prerendered page changes nothing.
 */
export async function prerender(html: string, options: PrerenderOptions = {}): Promise<PrerenderResult> {
  const ssr = await loadServerRenderer();
  const document = parsePage(html);
  const location = new URL(options.baseUrl ?? 'http://localhost/');
  const headingsById = new Map<string, readonly Heading[]>();
  const context = {
    macros: options.macros,
    lang: options.lang,
    timeZone: options.timeZone,
    headingsById,
    baseUrl: options.baseUrl,
    readSource: async (src: string) => (options.readFile ? await options.readFile(options.baseUrl ? new URL(src, options.baseUrl).href : src) : undefined),
  };
  // Articles first (a table of contents may come before its article); otherwise page order.
  const elements = [...descendants(document)]
    .filter((node) => tags.has(node.tagName!) && !hasDeclarativeShadowRoot(node))
    .sort((a, b) => order(a) - order(b) || a.sourceCodeLocation!.startOffset - b.sourceCodeLocation!.startOffset);

  const edits: Edit[] = [];
  const errors: PrerenderError[] = [];
  let rendered = 0;
  let hasMath = false;
  const posts: PrerenderedPost[] = [];
  for (const node of elements) {
    const where = node.sourceCodeLocation;
    if (!where?.startTag) continue;
    try {
      const input = await readElementInput(node, context);
      if (input instanceof LeftForBrowser) continue;
      const shadowRoot = renderShadowRoot(ssr, node.tagName!, input.attributes, input.properties, location);
      edits.push({ start: where.startTag.startOffset, end: where.startTag.endOffset, text: startTag(html, node, input) + shadowRoot });
      rendered += 1;
      hasMath ||= shadowRoot.includes('class="katex');
      if (node.tagName === 'post-body' && typeof input.properties.markdown === 'string') {
        posts.push({ markdown: input.properties.markdown, hasBibliography: input.properties.bibliography !== undefined });
      }
      if (input.appendChildren) {
        const at = where.endTag?.startOffset ?? where.endOffset;
        edits.push({ start: at, end: at, text: input.appendChildren });
      }
    } catch (error) {
      errors.push({
        element: `${node.tagName} at ${where.startLine}:${where.startCol}`,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const preloads = hasMath && options.preloadFonts !== false ? fontPreloads(document) : undefined;
  if (preloads) edits.push(preloads);
  const modules = options.preloadModules === false ? undefined : modulePreloads(document, posts);
  if (modules) edits.push({ start: modules.at, end: modules.at, text: modules.text });
  return { html: applyEdits(html, edits), errors, rendered };
}

/** The faces nearly every formula uses: the README's `preload` lines. */
const firstFaces = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_Size1-Regular'];
const katexSheet = /^(.*?)katex(?:\.min)?\.css(?:[?#].*)?$/;

/** `<link rel="preload">`s for `firstFaces` before the page's katex.css link, for those the page does not preload yet. */
function fontPreloads(document: HtmlNode): Edit | undefined {
  const links = [...descendants(document)].filter((node) => node.tagName === 'link');
  const rel = (link: HtmlNode) => (getAttribute(link, 'rel') ?? '').toLowerCase().split(/\s+/);
  const sheet = links.find((link) => rel(link).includes('stylesheet') && katexSheet.test(getAttribute(link, 'href') ?? ''));
  const at = sheet?.sourceCodeLocation?.startOffset;
  if (!sheet || at === undefined) return undefined;
  const folder = katexSheet.exec(getAttribute(sheet, 'href')!)![1];
  const preloaded = new Set(links.filter((link) => rel(link).includes('preload')).map((link) => getAttribute(link, 'href')));
  const lines = firstFaces
    .map((face) => `${folder}fonts/${face}.woff2`)
    .filter((href) => !preloaded.has(href))
    .map((href) => `<link rel="preload" href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" as="font" type="font/woff2" crossorigin>\n`);
  return lines.length === 0 ? undefined : { start: at, end: at, text: lines.join('') };
}

/** The element's start tag as written, or rewritten when the browser must read different attributes. */
function startTag(html: string, node: HtmlNode, input: ElementInput): string {
  const where = node.sourceCodeLocation!.startTag!;
  const changes = Object.entries(input.pageAttributes ?? {});
  if (changes.length === 0) return html.slice(where.startOffset, where.endOffset);
  const attributes = new Map((node.attrs ?? []).map(({ name, value }) => [name, value]));
  for (const [name, value] of changes) {
    if (value === null) attributes.delete(name);
    else attributes.set(name, value);
  }
  const text = [...attributes].map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`));
  return `<${node.tagName}${text.join('')}>`;
}

function applyEdits(html: string, edits: Edit[]): string {
  let output = html;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  }
  return output;
}

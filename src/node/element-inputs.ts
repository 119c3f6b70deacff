// What each element reads in the browser (attributes, children, fetched
// feeds), read from the parsed page instead, so the server render shows what
// the element will show once it upgrades, and hydration finds the same DOM.
import { dedent } from '../core/dedent.js';
import { parseFeed } from '../core/feed.js';
import type { Post } from '../core/post.js';
import type { Heading } from '../core/render-markdown.js';
import { renderMarkdown } from '../core/render-markdown.js';
import { loadPostBibliography } from '../core/bibliography-loader.js';
import { codeLanguagesIn } from '../core/code-languages.js';
import { codeHighlighterFor } from '../elements/shared/code-highlighting.js';
import type { TexMacros } from '../core/render-math.js';
import { childElements, closestLang, getAttribute, type HtmlNode, isElement, outerHtml, textContent } from './html-tree.js';

/** The elements `prerender` renders, in the order it renders them: articles first, so a table of contents can read theirs. */
export const prerenderedTags = [
  'post-body',
  'math-block',
  'post-card',
  'post-excerpt',
  'post-meta',
  'post-toc',
  'series-nav',
  'post-cite',
  'archive-list',
  'comment-list',
  'post-list',
] as const;

export type PrerenderedTag = (typeof prerenderedTags)[number];

/** Elements with a `time-zone` attribute. */
const zoned = new Set<string>(['post-card', 'post-meta', 'archive-list', 'comment-list', 'post-list']);

/** What one element is rendered from, and how the page must change so the browser reads the same. */
export interface ElementInput {
  /** Attributes for the server render. */
  attributes: Record<string, string>;
  /** Properties for the server render, as the element would compute them from its children or feed. */
  properties: Record<string, unknown>;
  /** Attributes the page's element gains (or, with `null`, loses), so the browser renders what the server did. */
  pageAttributes?: Record<string, string | null>;
  /** Markup added after the element's existing children. */
  appendChildren?: string;
}

export interface InputContext {
  macros?: TexMacros;
  lang?: string;
  timeZone?: string;
  /** Reads a `src`; undefined leaves the element to the browser. */
  readSource(url: string): Promise<string | undefined>;
  /** The page's URL, which a `src` is relative to. */
  baseUrl?: string;
  /** Headings of the articles rendered so far, by the `id` of their `post-body`. */
  headingsById: Map<string, readonly Heading[]>;
}

/** Why an element is left as it is for the browser to render; not an error. */
export class LeftForBrowser {
  constructor(readonly reason: string) {}
}

/** Reads an element's input; resolves to `LeftForBrowser` when the server cannot know what the browser will show. */
export async function readElementInput(node: HtmlNode, context: InputContext): Promise<ElementInput | LeftForBrowser> {
  const tag = node.tagName as PrerenderedTag;
  const attributes: Record<string, string> = Object.fromEntries((node.attrs ?? []).map(({ name, value }) => [name, value]));
  const pageAttributes: Record<string, string | null> = {};
  // The element's LocaleController reads only its own lang on a server; in the browser, the nearest ancestor's.
  if (attributes.lang === undefined) {
    const lang = closestLang(node) ?? context.lang;
    if (lang !== undefined) attributes.lang = lang;
    if (closestLang(node) === undefined && context.lang !== undefined) pageAttributes.lang = context.lang;
  }
  if (zoned.has(tag) && attributes['time-zone'] === undefined && context.timeZone !== undefined) {
    attributes['time-zone'] = pageAttributes['time-zone'] = context.timeZone;
  }
  const properties: Record<string, unknown> = {};
  if (context.macros && ['post-body', 'math-block', 'post-card', 'post-excerpt', 'comment-list', 'post-list'].includes(tag)) {
    properties.macros = context.macros;
  }
  const input: ElementInput = { attributes, properties, pageAttributes };

  const src = attributes.src;
  // A feed read now stands in for the browser's fetch; the server render must not start one of its own.
  const readFeed = async (): Promise<string | LeftForBrowser | undefined> => {
    if (src === undefined) return undefined;
    delete attributes.src;
    return (await context.readSource(src)) ?? new LeftForBrowser(`src="${src}" is not read at build time`);
  };
  // The JSON read at build time goes into the page, where the element reads it instead of fetching it again.
  const keepInPage = (json: string) => {
    const safe = scriptSafeJson(json);
    if (safe !== undefined) input.appendChildren = `<script type="application/json" data-src="${escapeAttribute(src!)}">${safe}</script>`;
  };

  switch (tag) {
    case 'math-block':
      if (attributes.tex === undefined) properties.tex = textContent(node).trim();
      break;
    case 'post-body': {
      if (attributes['no-shadow'] !== undefined) return new LeftForBrowser('no-shadow renders into the page, not a shadow root');
      let markdown: string | undefined;
      if (src !== undefined) {
        const text = await readFeed();
        if (text instanceof LeftForBrowser) return text;
        markdown = text;
        // The article is in the page now; without src the browser renders the same text instead of fetching it.
        if (!/<\/script/i.test(markdown!)) {
          pageAttributes.src = null;
          input.appendChildren = `<script type="text/markdown">\n${markdown}\n</script>`;
        }
      } else {
        const script = childElements(node).find((child) => child.tagName === 'script' && getAttribute(child, 'type') === 'text/markdown');
        if (script) markdown = dedent(textContent(script));
      }
      if (markdown === undefined) break;
      properties.markdown = markdown;
      const trusted = attributes.untrusted === undefined;
      // What the browser loads on first need, loaded now: a server render cannot wait for a module or a file.
      const languages = codeLanguagesIn(markdown);
      if (languages.length > 0) await codeHighlighterFor(languages).load();
      // A bibliography path is relative to the post: its src, or the page it is written in.
      const postUrl = src !== undefined && context.baseUrl ? new URL(src, context.baseUrl).href : context.baseUrl;
      const readUrl = async (url: string) => {
        const text = await context.readSource(postUrl ? new URL(url, postUrl).href : url);
        if (text === undefined) throw new Error('not readable at build time');
        return text;
      };
      const bibliography = await loadPostBibliography(markdown, { trusted, readUrl });
      if (bibliography) {
        properties.bibliography = bibliography;
        // The browser hydrates with the same references, without fetching or parsing the file again.
        const safe = scriptSafeJson(JSON.stringify(bibliography));
        if (safe !== undefined) input.appendChildren = `${input.appendChildren ?? ''}<script type="application/json" data-bibliography>${safe}</script>`;
      }
      const id = attributes.id;
      if (id) {
        const rendered = renderMarkdown(markdown, { trusted, macros: context.macros });
        context.headingsById.set(id, rendered.headings);
      }
      break;
    }
    case 'post-toc':
      properties.headings = context.headingsById.get(attributes.for ?? '') ?? [];
      break;
    case 'post-card':
    case 'post-excerpt': {
      const light = readLightSource(node);
      // Both elements treat a summary as markdown and contentHtml as markup, as they treat plain and marked-up children.
      if (light) properties.post = light.format === 'html' ? { contentHtml: light.text } : { summary: light.text };
      break;
    }
    case 'series-nav': {
      const text = await readFeed();
      if (text instanceof LeftForBrowser) return text;
      properties.posts = text !== undefined ? parseFeed(text).posts : seriesLinks(node, attributes.series ?? '');
      if (text !== undefined) keepInPage(text);
      break;
    }
    case 'archive-list':
    case 'post-list': {
      const text = await readFeed();
      if (text instanceof LeftForBrowser) return text;
      if (text !== undefined) {
        properties.posts = parseFeed(text).posts;
        keepInPage(text);
      }
      break;
    }
    case 'comment-list': {
      const text = await readFeed();
      if (text instanceof LeftForBrowser) return text;
      if (text !== undefined) {
        properties.comments = JSON.parse(text);
        keepInPage(text);
      }
      break;
    }
  }
  return input;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * JSON as the text of a `<script>`: the same value, with every `<` escaped so
 * no `</script>` or `<!--` inside a string can end or change the element.
 * Text that is not JSON is left out: the element fetches it and reports it as it would.
 */
function scriptSafeJson(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** `readLightSource` from the elements, on a parsed node. */
function readLightSource(node: HtmlNode): { text: string; format: 'markdown' | 'html' } | undefined {
  const nodes = (node.childNodes ?? []).filter((child) => !(isElement(child) && getAttribute(child, 'slot') !== undefined));
  const hasMarkup = nodes.some(isElement);
  const text = hasMarkup
    ? nodes.map((child) => (isElement(child) ? outerHtml(child) : ownText(child))).join('')
    : dedent(nodes.map(ownText).join(''));
  return text.trim() === '' ? undefined : { text, format: hasMarkup ? 'html' : 'markdown' };
}

/** A child's `textContent` as the DOM gives it: for a comment, its text. */
const ownText = (child: HtmlNode): string => (child.nodeName === '#comment' ? (child.data ?? '') : textContent(child));

/** The posts `series-nav` makes of its `<a href>` children. */
function seriesLinks(node: HtmlNode, series: string): Post[] {
  return childElements(node)
    .filter((child) => child.tagName === 'a' && getAttribute(child, 'href') !== undefined)
    .map((link, index) => ({
      id: getAttribute(link, 'href')!,
      url: getAttribute(link, 'href')!,
      title: textContent(link).trim(),
      date: '',
      authors: [],
      tags: [],
      series: { name: series, index: index + 1 },
    }));
}

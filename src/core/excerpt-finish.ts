import type { Excerpt } from './excerpt.js';
import { droppedElements, texAnnotation } from './excerpt-html-reader.js';
import { findLastIndex } from './excerpt-pieces.js';
import { blockElements, classOf, decodeEntities, elementEnd, HtmlTokenizer, readAttributes, textOf, voidElements, writeStartTag } from './html-scan.js';
import { isSafeUrl } from './safe-url.js';
import { replaceCommands } from './tex-scan.js';

// Finishing: the same for both inputs.

const inlineElements = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
]);
// An ellipsis inside these would sit between items rather than after text.
const listLikeElements = new Set(['ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);
// An ellipsis goes after a whole table, not into its last cell.
const tableElements = new Set(['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
const urlAttributes = new Set(['href', 'src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'cite']);
const rewriteNeeded = /\s(?:id|name|href|src|srcset|xlink:href|action|formaction|poster|cite|on[a-z]+)\s*=/i;

interface OpenElement {
  /** As in the input. */
  source: string;
  /** As written out: `p` for a heading, `span` for a same-page link. */
  name: string;
  /** An ellipsis goes after it rather than inside (inline elements, display formulas, code blocks). */
  passThrough: boolean;
}

/**
 * Makes rendered HTML safe to show among other excerpts: headings become
 * paragraphs, ids go (and with them same-page links, which would point
 * nowhere or into another excerpt), scripts and event handlers go, every
 * open element is closed, and `…` follows the last text when truncated.
 */
export function finishExcerpt(html: string, truncated: boolean, trusted: boolean): Excerpt {
  const tokens = new HtmlTokenizer(html);
  const out: string[] = [];
  const open: OpenElement[] = [];
  let text = '';
  // Where the ellipsis goes: after the last content, and the element around that point.
  let ellipsisAt = -1;
  let ellipsisDepth = 0;
  let ellipsisContainer: string | undefined;
  const markContent = () => {
    ellipsisAt = out.length;
    ellipsisDepth = open.length;
    ellipsisContainer = open.at(-1)?.name;
  };
  const close = (element: OpenElement) => {
    const adjacent = ellipsisAt === out.length && ellipsisDepth === open.length + 1;
    out.push(`</${element.name}>`);
    // After a table even when empty cells follow its last text.
    if ((adjacent && element.passThrough) || (element.name === 'table' && ellipsisDepth > open.length)) markContent();
  };

  for (let token; (token = tokens.next()); ) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'text') {
      const raw = html.slice(token.start, token.end);
      const adjacent = ellipsisAt === out.length;
      out.push(raw);
      text += decodeEntities(raw);
      if (/\S/.test(raw)) markContent();
      else if (adjacent) ellipsisAt = out.length;
      continue;
    }
    if (token.kind === 'end') {
      const at = findLastIndex(open, (element) => element.source === token.name);
      if (at < 0) continue;
      while (open.length > at) close(open.pop()!);
      if (blockElements.has(token.name)) text += '\n';
      continue;
    }

    const { name } = token;
    const tag = html.slice(token.start, token.end);
    const classes = classOf(tag);
    const hasNoEnd = voidElements.has(name) || token.selfClosing;
    if (droppedElements.has(name) || /(?:^|\s)(?:sb-heading-anchor|sb-equation-anchor)(?:\s|$)/.test(classes)) {
      if (!hasNoEnd) tokens.seek(elementEnd(html, token.end, name));
      continue;
    }
    if (/(?:^|\s)(?:katex|sb-math-error)(?:\s|$)/.test(classes)) {
      const end = elementEnd(html, token.end, name);
      tokens.seek(end);
      const element = html.slice(token.start, end);
      out.push(withoutIds(element));
      text += formulaText(element);
      markContent();
      continue;
    }

    let written = tag;
    let writtenName = name;
    if (/^h[1-6]$/.test(name)) {
      // An excerpt on a home page must not add to the page's outline.
      writtenName = 'p';
      written = '<p class="sb-excerpt-heading">';
    } else if (rewriteNeeded.test(tag)) {
      let attributes = readAttributes(tag).filter((a) => a.name !== 'id' && !a.name.startsWith('on') && !(name === 'a' && a.name === 'name'));
      const href = attributes.find((a) => a.name === 'href');
      if (href && decodeEntities(href.value ?? '').trim().startsWith('#')) {
        attributes = attributes.filter((a) => a !== href);
        if (name === 'a') writtenName = 'span';
      }
      if (!trusted) attributes = attributes.filter((a) => !urlAttributes.has(a.name) || isSafeUrl(decodeEntities(a.value ?? '')));
      written = writeStartTag(writtenName, attributes);
    }
    out.push(written);
    if (blockElements.has(name)) text += '\n';
    if (name === 'img' || name === 'svg' || name === 'video' || name === 'picture') markContent();
    if (!hasNoEnd) {
      const passThrough =
        inlineElements.has(writtenName) ||
        tableElements.has(name) ||
        name === 'pre' ||
        name === 'figure' ||
        name.includes('-') ||
        /(?:^|\s)(?:sb-equation|katex-display)(?:\s|$)/.test(classes);
      open.push({ source: name, name: writtenName, passThrough });
    }
  }
  while (open.length > 0) close(open.pop()!);

  if (truncated) {
    if (ellipsisAt < 0) out.push('<p>…</p>');
    else out.splice(ellipsisAt, 0, ellipsisContainer === undefined || listLikeElements.has(ellipsisContainer) ? '<p>…</p>' : '…');
  }
  const plain = text.replace(/\s+/g, ' ').trim();
  return { html: out.join(''), text: truncated ? `${plain}…` : plain, truncated };
}

/** A rendered formula without ids and with its equation links as plain text, as in the rest of the excerpt. */
function withoutIds(element: string): string {
  if (!element.includes(' id=') && !element.includes('href="#')) return element;
  return element.replace(/<a href="#[^"]*">([\s\S]*?)<\/a>/g, '<span>$1</span>').replace(/\s(?:id="[^"]*"|href="#[^"]*")/g, '');
}

/** A formula as `$TeX$`: the source KaTeX keeps, without the numbering's `\tag`s and links. */
function formulaText(element: string): string {
  const source = /<code class="sb-math-error-source">([\s\S]*?)<\/code>/.exec(element);
  if (source) return `$${decodeEntities(source[1]).trim()}$`;
  const annotation = texAnnotation.exec(element);
  if (!annotation) return textOf(element);
  let tex = decodeEntities(annotation[1]);
  tex = replaceCommands(tex, 'tag', () => '');
  tex = tex.replace(/\\href\{#[^{}]*\}\{\\text\{([^{}]*)\}\}/g, '$1').replace(/\\(?:notag|nonumber)(?![a-zA-Z])/g, '');
  return `$${tex.replace(/\s+/g, ' ').trim()}$`;
}

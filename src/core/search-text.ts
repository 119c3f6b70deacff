import { texAnnotation } from './excerpt-html-reader.js';
import { classOf, decodeEntities, elementEnd, HtmlTokenizer, voidElements } from './html-scan.js';
import type { Post } from './post.js';

// What of a post search reads: its text, with rendered formulas read as the TeX they came from.

const unread = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'svg', 'button', 'textarea', 'select']);
const formulaClass = /(?:^|\s)(?:katex|katex-display)(?:\s|$)/;

/** The text of HTML: tags out, entities decoded, a KaTeX formula as its TeX, scripts and styles left out. */
export function searchableText(html: string): string {
  const tokens = new HtmlTokenizer(html);
  let text = '';
  for (let token; (token = tokens.next()); ) {
    if (token.kind === 'text') text += decodeEntities(html.slice(token.start, token.end));
    else if (token.kind === 'start') {
      const formula = formulaClass.test(classOf(html.slice(token.start, token.end)));
      text += ' ';
      if ((!formula && !unread.has(token.name)) || voidElements.has(token.name) || token.selfClosing) continue;
      const end = elementEnd(html, token.end, token.name);
      const annotation = formula ? texAnnotation.exec(html.slice(token.end, end)) : null;
      if (annotation) text += `${decodeEntities(annotation[1])} `;
      tokens.seek(end);
    } else text += ' ';
  }
  return text;
}

/** The fields of a post search indexes. */
export interface SearchDocument {
  id: string;
  title: string;
  tags: string;
  summary: string;
  content: string;
}

export function searchDocument(post: Post): SearchDocument {
  return {
    id: post.id,
    title: post.title,
    tags: post.tags.join(' '),
    summary: post.summary ?? '',
    content: post.contentHtml !== undefined ? searchableText(post.contentHtml) : (post.contentText ?? ''),
  };
}

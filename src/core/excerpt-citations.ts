import type { Token } from 'markdown-it';
import { type Bibliography, isCslJson, readBibliographySource } from './bibliography.js';
import { type CitationStyle, citationStyles } from './citation-format.js';
import type { CitationMeta } from './citation-syntax.js';
import { escapeHtml } from './escape-html.js';
import type { FrontMatter } from './front-matter.js';
import { messages, resolveLocale } from './messages.js';
import { citationsOfPost } from './post-citation-options.js';
import { resolveCitations } from './post-citations.js';

// An excerpt has no reference list, and a post's bibliography is most often
// a BibTeX file or a URL, which an excerpt (synchronous, on a home page of
// many posts) does not load. Its citations still show what the post shows
// where that can be known:
// - with CSL-JSON in the front matter, exactly what the post shows;
// - otherwise, numbers: the post numbers its references in order of first
//   citation, and an excerpt is the post's beginning, so the n-th key it
//   cites is the post's [n] (every key presumed to be in the bibliography;
//   an in-text citation shows its number alone, as the authors' names are
//   in the bibliography);
// - in author–year style, which needs names and years, the key itself
//   (`sb-cite-key`, small capitals in the elements), which usually names
//   them.
// A bare `@key` is a citation in the post only when the bibliography has
// the key (else an address, a handle): here, when the excerpt also cites it
// in brackets or with `\cite`.

/** Gives every citation token among `tokens` the HTML the excerpt shows; untrusted text keeps them as written, like the post. */
export function resolveExcerptCitations(tokens: Token[], front: FrontMatter, trusted: boolean, lang: string | undefined, newToken: (type: string, tag: string) => Token): void {
  if (!trusted || !tokens.some((token) => token.children?.some((child) => child.type === 'citation'))) return;
  const source = readBibliographySource(front.meta, front.fieldLines, trusted);
  const readable = source?.kind === 'items' || (source?.kind === 'text' && isCslJson(source.text));
  if (readable) citationsOfPost(tokens, front, { trusted, lang }, newToken);
  else presumeCitations(tokens, front, lang, newToken);
  // No reference list in an excerpt.
  for (const token of tokens) if (token.type === 'references') token.meta = { html: '' };
}

function presumeCitations(tokens: Token[], front: FrontMatter, lang: string | undefined, newToken: (type: string, tag: string) => Token): void {
  const citations = tokens.flatMap((token) => token.children?.filter((child) => child.type === 'citation') ?? []);
  const keys = new Set(citations.flatMap((token) => ((token.meta as CitationMeta).bare ? [] : (token.meta as CitationMeta).items.map((item) => item.key))));
  const bibliography: Bibliography = { references: [...keys].map((key) => ({ key, type: 'misc', authors: [] })), errors: [] };
  const written = front.meta['citation-style'];
  const style: CitationStyle = (citationStyles as readonly unknown[]).includes(written) ? (written as CitationStyle) : 'numeric';
  for (const token of citations) (token.meta as CitationMeta).form = 'paren';
  const locale = resolveLocale(typeof front.meta.lang === 'string' ? front.meta.lang : lang);
  resolveCitations(tokens, { bibliography, trusted: true, style: 'numeric', messages: messages[locale], lineOffset: 0, newToken });
  if (style === 'author-year') {
    for (const token of citations) if (token.type === 'citation') (token.meta as CitationMeta).html = keysHtml(token.meta as CitationMeta);
  }
}

/** `(vaswani2017, p. 3; bahdanau2014)`, the keys in their own class. */
function keysHtml(meta: CitationMeta): string {
  const items = meta.items.map((item) => {
    const key = `<span class="sb-cite-key">${escapeHtml(item.key)}</span>`;
    return [item.prefix && escapeHtml(item.prefix), key].filter(Boolean).join(' ') + (item.locator ? `, ${escapeHtml(item.locator)}` : '');
  });
  return `<span class="sb-cite">(${items.join('; ')})</span>`;
}

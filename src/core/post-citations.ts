import type { Token } from 'markdown-it';
import { codedErrorAt } from './post-error-messages.js';
import type { LocatedError } from './error-messages.js';
import type { Bibliography, Reference } from './bibliography.js';
import { type CitationFormat, citationHtml, type CitedReference, referenceListHtml } from './citation-format.js';
import type { CitationMeta } from './citation-syntax.js';

// A post's citations, resolved once its whole text is parsed: numbers in
// order of first citation, each citation's HTML in its token's `meta.html`,
// the reference list where the post asks for it (or at its end).

export interface PostCitations {
  /** The references cited, in order of their numbers. */
  cited: CitedReference[];
  errors: LocatedError[];
}

export interface CitationSettings extends CitationFormat {
  /** The post's bibliography; `undefined` when it has none. */
  bibliography?: Bibliography;
  /** Untrusted text without a bibliography keeps `\cite{…}` as written, with no error. */
  trusted: boolean;
  /** Lines before the parsed text (front matter), to report lines of the whole file. */
  lineOffset: number;
  /** Makes the token that holds the reference list when the post does not place it. */
  newToken: (type: string, tag: string) => Token;
}

/**
 * Resolves every `citation` token in `tokens` (which it may append a
 * `references` token to). A bare `@key` whose key is not in the bibliography
 * is left as text (an address, a handle); any other unknown key shows `?`
 * and is reported with its line.
 */
export function resolveCitations(tokens: Token[], settings: CitationSettings): PostCitations {
  const references = new Map<string, Reference>((settings.bibliography?.references ?? []).map((reference) => [reference.key, reference]));
  const result: PostCitations = { cited: [], errors: [] };
  const byKey = new Map<string, CitedReference>();
  const ids = new Set<string>();
  const cite = (key: string): CitedReference | undefined => {
    const reference = references.get(key);
    if (!reference) return undefined;
    let cited = byKey.get(key);
    if (!cited) {
      cited = { key, number: byKey.size + 1, id: uniqueId(`ref-${key.replace(/[^\p{L}\p{N}:._-]+/gu, '-')}`, ids), reference };
      byKey.set(key, cited);
      result.cited.push(cited);
    }
    return cited;
  };

  const places: Token[] = [];
  for (const token of tokens) {
    if (token.type === 'references') places.push(token);
    if (token.type !== 'inline' || !token.children) continue;
    let line = token.map ? token.map[0] + 1 + settings.lineOffset : undefined;
    let links = 0;
    for (const child of token.children) {
      if (child.type === 'link_open') links++;
      if (child.type === 'link_close') links--;
      if (child.type === 'citation') resolveOne(child, line, links > 0);
      if (line !== undefined) line += lineBreaksIn(child);
    }
  }

  function resolveOne(token: Token, line: number | undefined, inLink: boolean): void {
    const meta = token.meta as CitationMeta;
    // A bare `@key` in a link's text (`[@handle](url)`) is part of the link's text.
    const bareText = meta.bare && (inLink || !meta.items.every((item) => references.has(item.key)));
    const asText = bareText || (!settings.bibliography && !settings.trusted);
    if (asText) {
      token.type = 'text';
      return;
    }
    const items = meta.items.map((item) => {
      const cited = cite(item.key);
      if (!cited) {
        result.errors.push(codedErrorAt(settings.bibliography ? 'citation-unknown' : 'citation-no-bibliography', { key: item.key }, line));
      }
      return { ...item, cited };
    });
    meta.html = citationHtml(items, meta.form, settings);
  }

  const list = referenceListHtml(result.cited, settings);
  if (places.length === 0 && list) {
    const token = settings.newToken('references', 'section');
    token.block = true;
    tokens.push(token);
    places.push(token);
  }
  places.forEach((token, index) => (token.meta = { html: index === 0 ? list : '' }));
  return result;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function lineBreaksIn(token: Token): number {
  if (token.type === 'softbreak' || token.type === 'hardbreak') return 1;
  return token.content.split('\n').length - 1;
}

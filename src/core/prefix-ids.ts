import { escapeHtml } from './escape-html.js';

// Attributes that name an element by id, and so must move with the ids.
const idAttribute = /(\s(?:id|for|aria-describedby|aria-labelledby|aria-controls|aria-details|aria-owns|aria-flowto)=")([^"]*)"/g;
const fragmentLink = /(\shref="#)([^"]+)"/g;

/**
 * Prefixes every id in rendered HTML, every id list (`aria-describedby`,
 * `aria-labelledby`, …) and every `#fragment` link, in one pass over the
 * attributes, so text rendered beside others (a comment in a page) can
 * neither create an id the page uses nor point a link at one. Links to the
 * ids in `keep` (the page's own targets the text may reach, made of letters,
 * digits and `:._-` as label-registry.ts makes them) stay as written.
 */
export function prefixIds(html: string, prefix: string, keep: ReadonlySet<string> = new Set()): string {
  if (!prefix) return html;
  const inAttribute = escapeHtml(prefix);
  const inFragment = escapeHtml(encodeURIComponent(prefix));
  return html
    .replace(idAttribute, (_, start: string, ids: string) => `${start}${ids.split(/\s+/).map((id) => (id ? inAttribute + id : id)).join(' ')}"`)
    .replace(fragmentLink, (link: string, start: string, fragment: string) => (keep.has(fragment) ? link : `${start}${inFragment}${fragment}"`));
}

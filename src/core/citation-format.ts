import type { Reference, ReferenceName } from './bibliography.js';
import type { CitationItem } from './citation-syntax.js';
import { escapeHtml } from './escape-html.js';
import type { Messages } from './messages.js';

// Citations and the reference list as HTML. Every piece of a reference is
// escaped here; links go only to https://doi.org/ and to http(s) URLs.

/** How citations look: `[1]` in order of first citation, or `(Vaswani et al., 2017)`. */
export type CitationStyle = 'numeric' | 'author-year';

export const citationStyles: readonly CitationStyle[] = ['numeric', 'author-year'];

/** A reference the post cites, with its number (in order of first citation). */
export interface CitedReference {
  key: string;
  number: number;
  /** The element id of its entry in the reference list: `ref-` and the key. */
  id: string;
  reference: Reference;
}

export interface CitationFormat {
  style: CitationStyle;
  messages: Pick<Messages, 'references' | 'authorsAnd' | 'etAl'>;
}

/** A citation: each item with the reference it names, or none when the key is unknown. */
export function citationHtml(items: readonly (CitationItem & { cited?: CitedReference })[], form: 'paren' | 'text', format: CitationFormat): string {
  const numeric = format.style === 'numeric';
  const link = (cited: CitedReference, text: string) => `<a href="#${escapeHtml(cited.id)}">${text}</a>`;
  const unknown = (item: CitationItem) => `<span class="sb-cite-unknown" title="${escapeHtml(item.key)}">?</span>`;
  const around = (item: CitationItem, core: string) =>
    [item.prefix && escapeHtml(item.prefix), core].filter(Boolean).join(' ') + (item.locator ? `, ${escapeHtml(item.locator)}` : '');

  if (form === 'text') {
    const parts = items.map((item) => {
      const { cited } = item;
      if (!cited) return numeric ? `[${unknown(item)}]` : `(${unknown(item)})`;
      const names = escapeHtml(shortAuthors(cited.reference, format.messages));
      const year = escapeHtml(cited.reference.year ?? 'n.d.');
      const inner = numeric ? link(cited, String(cited.number)) : link(cited, year);
      const bracketed = numeric ? `[${around({ ...item, prefix: undefined }, inner)}]` : `(${around({ ...item, prefix: undefined }, inner)})`;
      return names && !item.suppressAuthor ? `${names} ${bracketed}` : bracketed;
    });
    return `<span class="sb-cite">${parts.join(', ')}</span>`;
  }

  if (numeric) {
    const plain = items.every((item) => item.cited && !item.prefix && !item.locator);
    const body = plain
      ? compressed(items.map((item) => item.cited as CitedReference)).map((run) =>
          run.length >= 3 ? `${link(run[0], String(run[0].number))}–${link(run.at(-1)!, String(run.at(-1)!.number))}` : run.map((cited) => link(cited, String(cited.number))).join(', '))
        .join(', ')
      : items.map((item) => around(item, item.cited ? link(item.cited, String(item.cited.number)) : unknown(item))).join('; ');
    return `<span class="sb-cite">[${body}]</span>`;
  }
  const body = items
    .map((item) => {
      if (!item.cited) return around(item, unknown(item));
      const names = item.suppressAuthor ? '' : shortAuthors(item.cited.reference, format.messages);
      const year = item.cited.reference.year ?? 'n.d.';
      return around(item, link(item.cited, escapeHtml(names ? `${names}, ${year}` : year)));
    })
    .join('; ');
  return `<span class="sb-cite">(${body})</span>`;
}

/** Numbers sorted, and cut into runs of consecutive ones: 1, 2, 3, 5 → [1, 2, 3], [5]. */
function compressed(cited: CitedReference[]): CitedReference[][] {
  const sorted = [...new Map(cited.map((one) => [one.number, one])).values()].sort((a, b) => a.number - b.number);
  const runs: CitedReference[][] = [];
  for (const one of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.number === one.number - 1) run.push(one);
    else runs.push([one]);
  }
  return runs;
}

/** `Vaswani`, `Vaswani and Shazeer`, `Vaswani et al.`; the title when there is no author. */
export function shortAuthors(reference: Reference, messages: CitationFormat['messages']): string {
  const names = reference.authors.map((name) => name.family ?? name.literal ?? name.given ?? '').filter(Boolean);
  if (names.length === 0) return reference.title ?? reference.key;
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]}${messages.authorsAnd}${names[1]}`;
  return `${names[0]}${messages.etAl}`;
}

/** The reference list: a heading, then one entry per cited reference, each with its id. */
export function referenceListHtml(cited: readonly CitedReference[], format: CitationFormat): string {
  if (cited.length === 0) return '';
  const numeric = format.style === 'numeric';
  const ordered = numeric ? cited : [...cited].sort((a, b) => sortName(a.reference).localeCompare(sortName(b.reference)) || (a.reference.year ?? '').localeCompare(b.reference.year ?? ''));
  const entries = ordered.map((one) => {
    // The space goes inside the label, where the end of its box drops it: the first line then starts where the others do.
    const label = numeric ? `<span class="sb-reference-label">[${one.number}] </span>` : '';
    return `<li class="sb-reference" id="${escapeHtml(one.id)}">${label}${referenceHtml(one.reference, format.style)}</li>`;
  });
  const list = numeric ? 'ol' : 'ul';
  return `<section class="sb-references"><h2 class="sb-references-heading">${escapeHtml(format.messages.references)}</h2>\n<${list} class="sb-reference-list">\n${entries.join('\n')}\n</${list}></section>\n`;
}

function sortName(reference: Reference): string {
  const first = reference.authors[0];
  return first?.family ?? first?.literal ?? reference.title ?? reference.key;
}

/** One entry: authors, (year,) title, venue, volume, pages, publisher, year, and its DOI or URL as a link. */
export function referenceHtml(reference: Reference, style: CitationStyle): string {
  const parts: string[] = [];
  const authors = fullAuthors(reference.authors);
  const year = reference.year ? escapeHtml(reference.year) : undefined;
  if (authors) parts.push(sentence(escapeHtml(authors) + (style === 'author-year' ? ` (${year ?? 'n.d.'})` : '')));
  else if (style === 'author-year') parts.push(`(${year ?? 'n.d.'}).`);
  const book = /^(book|mvbook|thesis|phdthesis|mastersthesis|report|techreport)$/.test(reference.type);
  if (reference.title) parts.push(sentence(book ? `<i>${escapeHtml(reference.title)}</i>` : escapeHtml(reference.title)));
  const venue: string[] = [];
  if (reference.container) venue.push(`<i>${escapeHtml(reference.container)}</i>`);
  if (reference.volume) venue.push((book ? 'Vol. ' : '') + escapeHtml(reference.volume) + (reference.issue ? `(${escapeHtml(reference.issue)})` : ''));
  if (reference.pages) venue.push(escapeHtml(reference.pages));
  if (reference.publisher) venue.push(escapeHtml(reference.publisher));
  if (style === 'numeric' && year) venue.push(year);
  if (venue.length > 0) parts.push(sentence(venue.join(', ')));
  const link = referenceLink(reference);
  if (link) parts.push(`<a class="sb-reference-link" href="${escapeHtml(link)}">${escapeHtml(link)}</a>`);
  return parts.join(' ');
}

/** `Ashish Vaswani, Noam Shazeer, and Niki Parmar`. */
function fullAuthors(names: readonly ReferenceName[]): string {
  const written = names.map((name) => name.literal ?? [name.given, name.family].filter(Boolean).join(' ')).filter(Boolean);
  if (written.length <= 2) return written.join(' and ');
  return `${written.slice(0, -1).join(', ')}, and ${written.at(-1)}`;
}

function sentence(html: string): string {
  return /[.?!。？！]$/.test(html.replace(/<[^>]*>/g, '')) ? html : `${html}.`;
}

/** `https://doi.org/…` for a DOI; otherwise the entry's URL when it is http or https. */
export function referenceLink(reference: Reference): string | undefined {
  if (reference.doi) return `https://doi.org/${reference.doi.split('/').map(encodeURIComponent).join('/')}`;
  const url = reference.url?.trim();
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

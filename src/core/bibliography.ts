import type { FieldLine, PostMeta } from './front-matter.js';
import { codedErrorAt } from './post-error-messages.js';
import type { LocatedError } from './error-messages.js';

// One shape for a reference, whichever format it was written in: BibTeX
// (read by @retorquere/bibtex-parser, see bibliography-loader.ts) or CSL-JSON
// (read here, synchronously). Every field is plain text; HTML is made from it
// only when a citation or the reference list is rendered.

/** A person or body named in a reference. */
export interface ReferenceName {
  /** Family name, with its particle (`van der Berg`). */
  family?: string;
  given?: string;
  /** A name that is not split, such as an organisation (`{Google Brain Team}`). */
  literal?: string;
}

/** One entry of a bibliography. */
export interface Reference {
  /** The key citations use: `\cite{key}`, `[@key]`. */
  key: string;
  /** The kind of work, as written: `article`, `inproceedings`, `book`, CSL's `article-journal`, … */
  type: string;
  authors: ReferenceName[];
  title?: string;
  /** Journal, proceedings or book the work appeared in. */
  container?: string;
  publisher?: string;
  year?: string;
  volume?: string;
  issue?: string;
  /** `5998–6008`, with an en dash. */
  pages?: string;
  /** The DOI alone, `10.1000/xyz`, without `https://doi.org/`. */
  doi?: string;
  url?: string;
}

/** What a bibliography source gave: its references in the order written, and what was wrong. */
export interface Bibliography {
  references: Reference[];
  errors: LocatedError[];
}

/** A CSL-JSON item, as Zotero and pandoc write them (`id`, `type`, `author`, `title`, `issued`, …). */
export type CslItem = Record<string, unknown>;

/** Where a post's references come from, read from its front matter `bibliography:`. */
export type BibliographySource =
  | { kind: 'url'; url: string; line?: number }
  | { kind: 'text'; text: string; line?: number }
  | { kind: 'items'; items: unknown[]; line?: number };

/**
 * A value of `bibliography:` that is a URL rather than BibTeX or JSON: one
 * line, no `@` entry and no braces (`refs.bib`, `https://example.com/a.bib`).
 */
export function isBibliographyUrl(value: string): boolean {
  const text = value.trim();
  return text !== '' && !/[\n{}[\]@]/.test(text);
}

/**
 * What a post's front matter says about its references. Visitors (untrusted
 * text) cannot supply a bibliography: there it is always `undefined`.
 */
export function readBibliographySource(meta: PostMeta, fieldLines: Readonly<Record<string, FieldLine>>, trusted: boolean): BibliographySource | undefined {
  const value = meta.bibliography;
  if (!trusted || value === undefined || value === null) return undefined;
  const line = Object.hasOwn(fieldLines, 'bibliography') ? fieldLines.bibliography.line : undefined;
  if (Array.isArray(value)) return { kind: 'items', items: value, line };
  if (typeof value !== 'string') return { kind: 'text', text: String(value), line };
  if (isBibliographyUrl(value)) return { kind: 'url', url: value.trim(), line };
  return { kind: 'text', text: value, line };
}

/** Whether text given as a bibliography is CSL-JSON (a JSON array) rather than BibTeX. */
export function isCslJson(text: string): boolean {
  return text.trimStart().startsWith('[');
}

/** Reads CSL-JSON text; a syntax error is reported, with `line` (of the post) when given. */
export function readCslJson(text: string, line?: number): Bibliography {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    return { references: [], errors: [codedErrorAt('bibliography-not-json', { detail: error instanceof Error ? error.message : String(error) }, line)] };
  }
  return readCslItems(items, line);
}

/** Reads an array of CSL-JSON items; an item without an `id` is reported and left out. */
export function readCslItems(items: unknown, line?: number): Bibliography {
  const bibliography: Bibliography = { references: [], errors: [] };
  if (!Array.isArray(items)) {
    bibliography.errors.push(codedErrorAt('bibliography-not-array', {}, line));
    return bibliography;
  }
  items.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      bibliography.errors.push(codedErrorAt('bibliography-item-not-object', { index: index + 1 }, line));
      return;
    }
    const fields = item as CslItem;
    const key = text(fields.id);
    if (!key) {
      bibliography.errors.push(codedErrorAt('bibliography-item-no-id', { index: index + 1 }, line));
      return;
    }
    bibliography.references.push(
      compact({
        key,
        type: text(fields.type) ?? 'document',
        authors: cslNames(fields.author),
        title: text(fields.title),
        container: text(fields['container-title']),
        publisher: text(fields.publisher),
        year: cslYear(fields.issued),
        volume: text(fields.volume),
        issue: text(fields.issue),
        pages: dashed(text(fields.page)),
        doi: bareDoi(text(fields.DOI)),
        url: text(fields.URL),
      }),
    );
  });
  return withoutDuplicates(bibliography, line);
}

/** What @retorquere/bibtex-parser returns, as far as it is read here. */
export interface ParsedBibtex {
  entries: { type: string; key: string; fields: Record<string, unknown> }[];
  /** `input` is the text of the entry that could not be read. */
  errors: { error: string; input?: string }[];
}

/** Where a bibliography is written: the post's line of `bibliography:`, and of the BibTeX's first line when the BibTeX is in the post. */
export interface BibliographyPlace {
  line?: number;
  firstLine?: number;
}

/** The references of a parsed BibTeX library. */
export function referencesFromBibtex(library: ParsedBibtex, { line, firstLine }: BibliographyPlace = {}, source = ''): Bibliography {
  const errors = library.errors.map(({ error, input }) => {
    // The entry that failed starts so many lines below the BibTeX's first (the parser's own line is where it gave up).
    const at = input ? source.indexOf(input) : -1;
    const within = at < 0 ? undefined : source.slice(0, at).split('\n').length;
    return codedErrorAt('bibliography-bibtex', { detail: error }, within !== undefined && firstLine !== undefined ? firstLine + within - 1 : line);
  });
  const references = library.entries.map((entry): Reference => {
    const field = (name: string) => plain(entry.fields[name]);
    const eprint = field('archiveprefix')?.toLowerCase() === 'arxiv' && field('eprint') ? `https://arxiv.org/abs/${field('eprint')}` : undefined;
    return compact({
      key: entry.key,
      type: entry.type.toLowerCase(),
      authors: bibtexNames(entry.fields.author ?? entry.fields.editor),
      title: field('title'),
      container: field('journal') ?? field('journaltitle') ?? field('booktitle') ?? field('howpublished'),
      publisher: field('publisher') ?? field('school') ?? field('institution'),
      year: field('year') ?? field('date')?.slice(0, 4),
      volume: field('volume'),
      issue: field('number') ?? field('issue'),
      pages: dashed(field('pages')),
      doi: bareDoi(field('doi')),
      url: field('url') ?? eprint,
    });
  });
  return withoutDuplicates({ references, errors }, line);
}


/** A key written twice keeps its first entry, as BibTeX does. */
function withoutDuplicates(bibliography: Bibliography, line: number | undefined): Bibliography {
  const seen = new Set<string>();
  const references = bibliography.references.filter(({ key }) => {
    if (!seen.has(key)) return seen.add(key);
    bibliography.errors.push(codedErrorAt('bibliography-key-twice', { key }, line));
    return false;
  });
  return { references, errors: bibliography.errors };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

// The parser turns `\emph`, `\textbf`, `\url`, … into HTML; references here are plain text.
function plain(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value.map(plain).filter(Boolean).join(', '));
  const written = text(typeof value === 'string' ? value.replaceAll('LᴬT<sub>E</sub>X', 'LaTeX') : value);
  // The parser writes accents as combining marks (`u` + U+0308); NFC makes them the characters people type.
  return written === undefined ? undefined : text(written.replace(/<\/?[a-z][^<>]*>/gi, '').normalize('NFC'));
}

function dashed(pages: string | undefined): string | undefined {
  return pages?.replace(/\s*(?:--|-|–)\s*/g, '–');
}

function bareDoi(doi: string | undefined): string | undefined {
  return doi?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

function cslNames(value: unknown): ReferenceName[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((name: unknown) => {
    if (typeof name !== 'object' || name === null) return [];
    const fields = name as Record<string, unknown>;
    const particle = text(fields['non-dropping-particle']);
    const family = text(fields.family);
    return [compact({ family: particle && family ? `${particle} ${family}` : family, given: text(fields.given), literal: text(fields.literal) })];
  });
}

function cslYear(issued: unknown): string | undefined {
  if (typeof issued !== 'object' || issued === null) return text(issued)?.slice(0, 4);
  const fields = issued as Record<string, unknown>;
  const parts = fields['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) return text(parts[0][0]);
  return text(fields.raw)?.slice(0, 4) ?? text(fields.literal);
}

function bibtexNames(value: unknown): ReferenceName[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((name: unknown) => {
    if (typeof name !== 'object' || name === null) return [];
    const fields = name as Record<string, unknown>;
    const prefix = plain(fields.prefix);
    const last = plain(fields.lastName);
    const family = prefix && last ? `${prefix} ${last}` : last;
    const given = [plain(fields.firstName), plain(fields.suffix)].filter(Boolean).join(', ') || undefined;
    return [compact({ family, given, literal: plain(fields.name) })];
  });
}

/** The object without its undefined fields, so results compare and print cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

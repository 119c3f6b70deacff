import type { TheoremNumbering } from './block-numbering.js';
import { codedError } from './post-error-messages.js';
import type { CodedError, LocatedError } from './error-messages.js';
import type { FieldLine, PostDialect, PostMeta } from './front-matter.js';
import { type Locale, resolveLocale } from './messages.js';
import type { TexMacros } from './render-math.js';

/** How a post asks to be rendered, from its front matter, checked. */
export interface PostOptions {
  /** The post's own TeX macros, names in KaTeX's form (`\R`); `{}` when none. */
  macros: TexMacros;
  dialect: PostDialect;
  /** The post's language (`lang:`), which names its figures and theorems; absent when not written. */
  locale?: Locale;
  /** `theorem-numbering: shared` puts every theorem-like block on one counter; absent when not written. */
  theoremNumbering?: TheoremNumbering;
  /** What was wrong and left out; `line` when the caller could say where fields are. */
  errors: LocatedError[];
}

const dialects: readonly PostDialect[] = ['default', 'kramdown'];

// A TeX control sequence is a run of letters or one other character; `@` counts as a letter in macro packages.
const commandName = /^\\(?:[A-Za-z@]+|[^A-Za-z@\s])$/;

/**
 * Reads the front matter fields that change how a post renders:
 *
 * - `macros`: a map of TeX macro name to expansion. `R`, `\R` and `\\R` all
 *   name `\R` (YAML users write the backslash, or escape it, or leave it
 *   out). An entry whose expansion is not a string is reported and skipped.
 * - `dialect`: `default` or `kramdown`; anything else is reported and `default` used.
 * - `lang`: the post's language, for the names of its figures and theorems (`zh…` is Chinese).
 * - `theorem-numbering`: `per-kind` (Theorem 1, Lemma 1) or `shared` (Theorem 1, Lemma 2).
 *
 * Pass `fieldLines` from {@link parseFrontMatter} to have each error carry its line.
 */
export function readPostOptions(meta: PostMeta, fieldLines: Readonly<Record<string, FieldLine>> = {}): PostOptions {
  const errors: PostOptions['errors'] = [];
  const report: Report = (problem, [field, entry]) => {
    const lines = Object.hasOwn(fieldLines, field) ? fieldLines[field] : undefined;
    const line = (entry !== undefined && lines?.entries && Object.hasOwn(lines.entries, entry) ? lines.entries[entry] : undefined) ?? lines?.line;
    errors.push(line === undefined ? problem : { ...problem, line });
  };
  const options: PostOptions = { macros: readMacros(meta.macros, report), dialect: readDialect(meta.dialect, report), errors };
  if (typeof meta.lang === 'string') options.locale = resolveLocale(meta.lang);
  const numbering = meta['theorem-numbering'];
  if (numbering === 'shared' || numbering === 'per-kind') options.theoremNumbering = numbering;
  else if (numbering !== undefined && numbering !== null) report(codedError('not-one-of', { field: 'theorem-numbering', value: JSON.stringify(numbering), allowed: ['per-kind', 'shared'] }), ['theorem-numbering']);
  return options;
}

type Report = (problem: CodedError, path: string[]) => void;

function readMacros(value: unknown, report: Report): TexMacros {
  const macros: Record<string, string> = {};
  if (value === undefined || value === null) return macros;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(codedError('macros-not-map', {}), ['macros']);
    return macros;
  }
  for (const [written, expansion] of Object.entries(value)) {
    const name = `\\${written.replace(/^\\+/, '')}`;
    if (!commandName.test(name)) {
      report(codedError('macro-name', { name: JSON.stringify(written) }), ['macros', written]);
    } else if (typeof expansion !== 'string') {
      report(codedError('macro-not-text', { name }), ['macros', written]);
    } else if (Object.hasOwn(macros, name)) {
      report(codedError('macro-twice', { name }), ['macros', written]);
    } else {
      macros[name] = expansion;
    }
  }
  return macros;
}

function readDialect(value: unknown, report: Report): PostDialect {
  if (value === undefined || value === null) return 'default';
  if (typeof value === 'string' && (dialects as readonly string[]).includes(value)) return value as PostDialect;
  report(codedError('not-one-of', { field: 'dialect', value: JSON.stringify(value) ?? String(value), allowed: [...dialects] }), ['dialect']);
  return 'default';
}

/**
 * The macros a post's formulas start with: the site's, with the post's front
 * matter `macros:` on top. Without any of the post's own, the site's object
 * itself, so the formula cache keeps recognising it.
 */
export function macrosInForce(site: TexMacros | undefined, post: TexMacros): TexMacros | undefined {
  return Object.keys(post).length > 0 ? { ...site, ...post } : site;
}

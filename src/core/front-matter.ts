import { type Document, isAlias, isMap, isScalar, type Node as YamlNode, parseDocument, visit } from 'yaml';
import { codedErrorAt } from './post-error-messages.js';
import type { LocatedError } from './error-messages.js';
import type { TexMacros } from './render-math.js';

/** How a post's markdown is read: `kramdown` for posts written for Jekyll's kramdown and MathJax. */
export type PostDialect = 'default' | 'kramdown';

/**
 * Front matter of a post: the common fields typed, anything else kept as
 * written. The types say what the fields should hold; YAML may give anything,
 * so readers such as `postFromFrontMatter` and `readPostOptions` check them.
 */
export interface PostMeta {
  title?: string;
  date?: string;
  author?: string;
  readers?: number;
  tags?: string[];
  series?: string | { name: string; index?: number };
  /** TeX macros for this post's formulas, `{ '\R': '\mathbb{R}' }`; the backslash may be left out. */
  macros?: TexMacros;
  /** How the markdown is read; `default` when absent. */
  dialect?: PostDialect;
  [field: string]: unknown;
}

export interface FrontMatter {
  meta: PostMeta;
  /** The markdown after the front matter. */
  body: string;
  /** How many lines the front matter took, to report body lines as the author sees them. */
  lineOffset: number;
  errors: LocatedError[];
  /** Where each top-level field is written, so checks made later can say where a value is wrong. */
  fieldLines: Record<string, FieldLine>;
}

/** The 1-based line of the file (front matter included) where a field's key is written. */
export interface FieldLine {
  line: number;
  /** For a map such as `macros:`, the line of each of its keys. */
  entries?: Record<string, number>;
}

// The YAML may be empty: `---` right after `---` is front matter without fields, as in Jekyll.
const frontMatterPattern = /^---[ \t]*\r?\n(?:|([\s\S]*?)\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

// Front matter has little use for aliases; a few lines of `&a` and `*a` can
// otherwise expand into billions of values ("billion laughs"). yaml counts
// every copy an alias makes and stops past this many.
const maxAliasCount = 100;

/**
 * Splits YAML front matter (between `---` lines at the very top) from the
 * markdown after it. Never throws: whatever is wrong with the YAML (a syntax
 * error, an alias bomb, a list where fields belong) is an entry in `errors`
 * with its line, `meta` is then `{}`, and the body is still there to render.
 */
export function parseFrontMatter(text: string): FrontMatter {
  // Editors on Windows save UTF-8 with a byte order mark; it would hide the opening `---`.
  const source = text.replace(/^\uFEFF/, '');
  const match = frontMatterPattern.exec(source);
  if (!match) return { meta: {}, body: source, lineOffset: 0, errors: [], fieldLines: {} };

  const body = source.slice(match[0].length);
  const lineOffset = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  const yaml = match[1] ?? '';
  const lineAt = lineCounter(yaml);
  const failed = (errors: FrontMatter['errors']): FrontMatter => ({ meta: {}, body, lineOffset, errors, fieldLines: {} });

  let document: Document.Parsed;
  try {
    document = parseDocument(yaml, { prettyErrors: false });
  } catch (error) {
    return failed([codedErrorAt('front-matter-yaml', { detail: describeError(error) }, 2)]);
  }
  if (document.errors.length > 0) {
    return failed(document.errors.map((error) => codedErrorAt('front-matter-yaml', { detail: error.message.split('\n')[0] }, lineAt(error.pos[0]))));
  }
  const aliases = checkAliases(document);
  if (aliases.unresolved) {
    const { source: name, range } = aliases.unresolved;
    return failed([codedErrorAt('front-matter-alias-unresolved', { name }, lineAt(range?.[0] ?? 0))]);
  }

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    const first = aliases.first?.range?.[0];
    const line = first === undefined ? 2 : lineAt(first);
    const problem = /alias count/i.test(describeError(error))
      ? codedErrorAt('front-matter-alias-bomb', { name: aliases.first?.source ?? '', limit: maxAliasCount }, line)
      : codedErrorAt('front-matter-yaml', { detail: describeError(error) }, line);
    return failed([problem]);
  }
  if (value === null || value === undefined) return { meta: {}, body, lineOffset, errors: [], fieldLines: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    const start = (document.contents as YamlNode | null)?.range?.[0] ?? 0;
    return failed([codedErrorAt('front-matter-not-map', {}, lineAt(start))]);
  }
  return { meta: value as PostMeta, body, lineOffset, errors: [], fieldLines: fieldLinesOf(document.contents, lineAt) };
}

/** The line of the file at an offset into the YAML, which starts on line 2, after the opening `---`. */
function lineCounter(yaml: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = yaml.indexOf('\n'); i !== -1; i = yaml.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    // Binary search: a front matter with many fields asks for many lines.
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (newlines[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return 2 + low;
  };
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}

interface AliasCheck {
  first?: { source: string; range?: [number, number, number] | null };
  unresolved?: { source: string; range?: [number, number, number] | null };
}

/**
 * The first alias, and the first one without an anchor before it, in one
 * pass: yaml would throw on the latter without saying where it is, and asking
 * yaml alias by alias walks the document once per alias.
 */
function checkAliases(document: Document.Parsed): AliasCheck {
  const anchors = new Set<string>();
  const check: AliasCheck = {};
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        check.first ??= node;
        if (!anchors.has(node.source)) {
          check.unresolved = node;
          return visit.BREAK;
        }
      } else if (node.anchor) {
        anchors.add(node.anchor);
      }
      return undefined;
    },
  });
  return check;
}

/** The line of each top-level key, and of the keys of maps one level down. */
function fieldLinesOf(contents: unknown, lineAt: (offset: number) => number): Record<string, FieldLine> {
  const lines: Record<string, FieldLine> = {};
  if (!isMap(contents)) return lines;
  for (const pair of contents.items) {
    const key = keyOf(pair.key);
    if (!key) continue;
    const field: FieldLine = { line: lineAt(key.start) };
    if (isMap(pair.value)) {
      const entries: Record<string, number> = {};
      for (const entry of pair.value.items) {
        const entryKey = keyOf(entry.key);
        if (entryKey) entries[entryKey.name] = lineAt(entryKey.start);
      }
      field.entries = entries;
    }
    lines[key.name] = field;
  }
  return lines;
}

function keyOf(node: unknown): { name: string; start: number } | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const name = String(node.value);
  // An assignment to `__proto__` would change the object instead of adding a key.
  return name === '__proto__' ? undefined : { name, start: node.range[0] };
}

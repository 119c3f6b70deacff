import { parseDocument } from 'yaml';

/** Front matter of a post: the common fields typed, anything else kept as written. */
export interface PostMeta {
  title?: string;
  date?: string;
  author?: string;
  readers?: number;
  tags?: string[];
  series?: string | { name: string; index?: number };
  [field: string]: unknown;
}

export interface FrontMatter {
  meta: PostMeta;
  /** The markdown after the front matter. */
  body: string;
  /** How many lines the front matter took, to report body lines as the author sees them. */
  lineOffset: number;
  errors: { message: string; line?: number }[];
}

// The YAML may be empty: `---` right after `---` is front matter without fields, as in Jekyll.
const frontMatterPattern = /^---[ \t]*\r?\n(?:|([\s\S]*?)\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits YAML front matter (between `---` lines at the very top) from the markdown after it. */
export function parseFrontMatter(text: string): FrontMatter {
  // Editors on Windows save UTF-8 with a byte order mark; it would hide the opening `---`.
  const source = text.replace(/^\uFEFF/, '');
  const match = frontMatterPattern.exec(source);
  if (!match) return { meta: {}, body: source, lineOffset: 0, errors: [] };

  const body = source.slice(match[0].length);
  const lineOffset = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  const yaml = match[1] ?? '';
  const document = parseDocument(yaml, { prettyErrors: false });
  if (document.errors.length > 0) {
    const errors = document.errors.map((error) => ({
      message: `front matter: ${error.message.split('\n')[0]}`,
      // The YAML starts on line 2, after the opening `---`.
      line: 2 + (yaml.slice(0, error.pos[0]).match(/\n/g)?.length ?? 0),
    }));
    return { meta: {}, body, lineOffset, errors };
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return { meta: {}, body, lineOffset, errors: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { meta: {}, body, lineOffset, errors: [{ message: 'front matter: expected "field: value" lines', line: 2 }] };
  }
  return { meta: value as PostMeta, body, lineOffset, errors: [] };
}

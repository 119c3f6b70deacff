import { type CodedError, type LabelKind, type LocatedError, quoted, type TextsOf } from './error-messages.js';

// The errors of rendering a post or a comment: front matter, numbering,
// formulas, code blocks, citations and bibliographies.

export interface PostErrorParams {
  'comment-too-long': { length: number; limit: number };
  // Front matter and the options it sets.
  'front-matter-yaml': { detail: string };
  'front-matter-alias-unresolved': { name: string };
  'front-matter-alias-bomb': { name: string; limit: number };
  'front-matter-not-map': Record<string, never>;
  'macros-not-map': Record<string, never>;
  'macro-name': { name: string };
  'macro-not-text': { name: string };
  'macro-twice': { name: string };
  'not-one-of': { field: string; value: string; allowed: string[] };
  // Equations, figures, tables and theorems, and references to them.
  'unknown-label': { label: string };
  'duplicate-label': { label: string; kind: LabelKind; number: string };
  'two-labels': { kind: LabelKind; labels: string[] };
  'eqref-not-equation': { label: string; kind: LabelKind };
  'block-unclosed': { name: string };
  'label-in-proof': { label: string; written: 'label' | 'option' };
  // Formulas and text.
  formula: { detail: string };
  'formula-too-long': { length: number; limit: number };
  'formula-too-large': { offset: string; limit: number };
  'text-too-long': { length: number; limit: number };
  'code-block-option': { option: string };
  'code-block-linenos': { value: string };
  // Citations and bibliographies.
  'bibliography-needs-loading': Record<string, never>;
  'bibliography-url': { url: string };
  'bibliography-unreadable': { url: string; detail: string };
  'bibliography-not-loaded': { detail: string };
  'bibliography-not-json': { detail: string };
  'bibliography-not-array': Record<string, never>;
  'bibliography-item-not-object': { index: number };
  'bibliography-item-no-id': { index: number };
  'bibliography-bibtex': { detail: string };
  'bibliography-key-twice': { key: string };
  'citation-unknown': { key: string };
  'citation-no-bibliography': { key: string };
}

const enShown = (kind: LabelKind, number: string) => (kind === 'equation' ? `(${number})` : `${kind} ${number}`);

/** The English text of each post error code: their `message`. */
export const englishPostErrors: TextsOf<PostErrorParams> = {
  'comment-too-long': ({ length, limit }) => `comment is too long: ${length} characters, the limit is ${limit}`,
  'front-matter-yaml': ({ detail }) => `front matter: ${detail}`,
  'front-matter-alias-unresolved': ({ name }) => `front matter: *${name} refers to no &${name} above it`,
  'front-matter-alias-bomb': ({ name, limit }) => `front matter: aliases (*${name}) expand into more than ${limit} copies; write the values out instead`,
  'front-matter-not-map': () => 'front matter: expected "field: value" lines',
  'macros-not-map': () => "front matter: macros is not a map of macro names to expansions (macros: { '\\R': '\\mathbb{R}' })",
  'macro-name': ({ name }) => `front matter: macros: ${name} is not a TeX command name`,
  'macro-not-text': ({ name }) => `front matter: macros: ${name} is not given as text (put its expansion in quotes)`,
  'macro-twice': ({ name }) => `front matter: macros: ${name} is defined twice; the first is kept`,
  'not-one-of': ({ field, value, allowed }) => `front matter: ${field} ${value} is not one of ${quoted(allowed, ', ')}`,
  'unknown-label': ({ label }) => `unknown label "${label}"`,
  'duplicate-label': ({ label, kind, number }) => `duplicate label "${label}": references use the first one, ${enShown(kind, number)}`,
  'two-labels': ({ kind, labels }) => `one ${kind} has two labels: ${quoted(labels, ' and ')} (the first is used)`,
  'eqref-not-equation': ({ label, kind }) => `\\eqref{${label}} refers to a ${kind}, not an equation: write \\ref{${label}} or @${label}`,
  'block-unclosed': ({ name }) => `\\begin{${name}} has no \\end{${name}}: shown as text`,
  'label-in-proof': ({ label, written }) => (written === 'label' ? `\\label{${label}} in a proof names nothing: proofs are not numbered` : `label "${label}" names nothing: proofs are not numbered`),
  formula: ({ detail }) => detail,
  'formula-too-long': ({ length, limit }) => `formula is too long: ${length} characters (the limit for untrusted formulas is ${limit})`,
  'formula-too-large': ({ offset, limit }) => `formula is too large: it moves something ${offset}em (the limit is ${limit}em)`,
  'text-too-long': ({ length, limit }) => `text is too long to render: ${length} characters (the limit is ${limit})`,
  'code-block-option': ({ option }) => `code block: unknown option "${option}" (known: linenos, linenos=N)`,
  'code-block-linenos': ({ value }) => `code block: linenos=${value} is not a line number (write linenos or linenos=5)`,
  'bibliography-needs-loading': () => 'front matter: the bibliography is BibTeX or a URL, which needs loading first: pass renderMarkdown the bibliography option from loadPostBibliography()',
  'bibliography-url': ({ url }) => `bibliography: ${url} is a URL; pass readUrl to read it`,
  'bibliography-unreadable': ({ url, detail }) => `bibliography: could not read ${url} (${detail})`,
  'bibliography-not-loaded': ({ detail }) => `bibliography: ${detail}`,
  'bibliography-not-json': ({ detail }) => `bibliography: not valid CSL-JSON: ${detail}`,
  'bibliography-not-array': () => 'bibliography: CSL-JSON must be an array of items',
  'bibliography-item-not-object': ({ index }) => `bibliography: item ${index} is not an object`,
  'bibliography-item-no-id': ({ index }) => `bibliography: item ${index} has no id`,
  'bibliography-bibtex': ({ detail }) => `bibliography: ${detail}`,
  'bibliography-key-twice': ({ key }) => `bibliography: key "${key}" is defined twice; the first is kept`,
  'citation-unknown': ({ key }) => `citation: no reference "${key}" in the bibliography`,
  'citation-no-bibliography': ({ key }) => `citation: "${key}" is cited, but the post has no bibliography`,
};

/** A post error with this code and these parameters, its `message` in English. */
export function codedError<C extends keyof PostErrorParams>(code: C, params: PostErrorParams[C]): Extract<CodedError, { code: C }> {
  return { code, params, message: englishPostErrors[code](params) } as Extract<CodedError, { code: C }>;
}

/** `codedError`, with the line it was found on when that is known. */
export function codedErrorAt<C extends keyof PostErrorParams>(code: C, params: PostErrorParams[C], line: number | undefined): LocatedError {
  const error = codedError(code, params);
  return line === undefined ? error : { ...error, line };
}

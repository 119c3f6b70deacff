import type MarkdownIt from 'markdown-it';
import { needsFootnotes } from './footnote-loader.js';
import type { StateCore, Token } from 'markdown-it';
import type { CitationOptions } from './post-citation-options.js';
import type { FrontMatter } from './front-matter.js';
import type { PostCitations } from './post-citations.js';
import type { LocatedError } from './error-messages.js';

// What a post may use beyond markdown and math, each with code of its own:
// `renderMarkdown` has all of them; `post-body` loads only those a post's
// source may use (`postFeaturesUsedBy`), so that a plain post loads none.

/** The parts of a post's syntax whose code is loaded only for a post that uses them. */
export type PostFeatureName = 'footnotes' | 'citations' | 'theorems' | 'figures' | 'code';

export const postFeatureNames: readonly PostFeatureName[] = ['footnotes', 'citations', 'theorems', 'figures', 'code'];

/** Rules a feature adds to markdown-it. */
export interface MarkdownFeature {
  /** Tells markdown-it instances apart: instances with the same features' keys are the same. */
  readonly key: string;
  use(md: MarkdownIt, trusted: boolean): void;
}

/** Theorems, or figures and tables: rules, and token rewriting run in one core rule right after the inline rule. */
export interface BlockFeature extends MarkdownFeature {
  afterInline(state: StateCore): void;
}

export interface CitationFeature extends MarkdownFeature {
  /** Resolves the post's citations once it is parsed, and places its reference list. */
  cite(tokens: Token[], front: FrontMatter, options: CitationOptions, newToken: (type: string, tag: string) => Token): PostCitations;
}

export interface CodeFeature extends MarkdownFeature {
  /** What the post's code blocks' options get wrong. */
  errors(tokens: readonly Token[], lineOffset: number): LocatedError[];
}

/** The features a post is prepared with; one that is absent leaves its syntax as markdown reads it. */
export interface PostFeatures {
  footnotes?: MarkdownFeature;
  citations?: CitationFeature;
  theorems?: BlockFeature;
  figures?: BlockFeature;
  code?: CodeFeature;
}

// Each test finds more than its feature's syntax, never less: finding too
// much loads a chunk for nothing; missing one would render the post wrong.
// Each is linear in the text (no pattern that backtracks over a long line).
const featureSyntax: Record<PostFeatureName, (text: string) => boolean> = {
  footnotes: needsFootnotes,
  // `\cite…`; pandoc's `[@a]`, `[-@a]` and `@a` (a bare `@a` without a bibliography is text, but not linkified);
  // where the reference list goes; a bibliography or citation style in the front matter.
  citations: (text) => /\\cite|@[\p{L}\p{N}_]|\[\[references\]\]|\\printbibliography|bibliography|citation-style/u.test(text),
  // `\begin{theorem}` … in any position, and fenced divs (`::: lemma`).
  theorems: (text) => theoremSyntax.test(text),
  // Any image (one alone in its paragraph is a figure) and any table (a line with a pipe over a line of
  // dashes, pipes and colons): captioned or not, a table is given a tab stop by the same code.
  figures: (text) => text.includes('![') || /^[^\n|]*\|[^\n]*\n[ \t>|:]*-[ \t|:-]*$/m.test(text),
  // Fences, and indented code: 4 spaces or a tab anywhere (inside lists, quotes, notes and theorems too).
  code: (text) => /```|~~~| {4}|\t/.test(text),
};

// The kinds of block-kinds.ts, written out: importing them would put that module in every page's first load.
const theoremSyntax = /\\begin\{(?:theorem|lemma|proposition|corollary|definition|example|remark|proof)\}|:::/;

/**
 * The features a post's markdown (front matter included) may use: a cheap
 * scan of the text, no parse. It may name a feature the post turns out not
 * to use, never leave out one it uses.
 */
export function postFeaturesUsedBy(source: string): Set<PostFeatureName> {
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  return new Set(postFeatureNames.filter((name) => featureSyntax[name](text)));
}

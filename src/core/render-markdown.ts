import { allPostFeatures } from './all-post-features.js';
import type { CodeHighlighter } from './code-highlighter.js';
import type { NumberedBlock, TheoremNumbering } from './block-numbering.js';
import type { LocatedError } from './error-messages.js';
import type { Locale } from './messages.js';
import type { Equation } from './equation-numbering.js';
import type { PostDialect, PostMeta } from './front-matter.js';
import { type PostBlocks, renderPostBlocksWith } from './post-blocks.js';
import { renderPost, renderPostInSteps } from './render-post.js';
import type { Steps } from './steps.js';
import type { TexMacros } from './render-math.js';
import type { LabelTarget } from './label-registry.js';
import type { FootnoteLabels, FootnotePlugin } from './footnotes.js';
import type { Bibliography, CslItem } from './bibliography.js';
import type { CitationStyle, CitedReference } from './citation-format.js';

/** How a post's markdown marks math: `default`, or `kramdown` for posts written for Jekyll. */
export type MathDialect = PostDialect;

export { untrustedTextLimit } from './render-post.js';

export interface RenderMarkdownOptions {
  /**
   * Whether the text comes from the site owner (raw HTML allowed) or from a
   * visitor (HTML shown as text, only http, https, mailto and relative links,
   * no KaTeX `trust`). Default `true`.
   */
  trusted?: boolean;
  /** Site-wide TeX macros. */
  macros?: TexMacros;
  /** Read YAML front matter at the top. Default `true`; comments turn it off. */
  frontMatter?: boolean;
  /** Render `![alt](src)` as an image. Default `true`; otherwise it stays a link. */
  images?: boolean;
  /**
   * `kramdown`: `$$..$$` inside a paragraph is inline math, as Jekyll has it;
   * on lines of its own it is a display. Front matter `dialect:` sets it for
   * one post. Default `default`: `$$..$$` is always a display.
   */
  dialect?: MathDialect;
  /**
   * Untrusted text longer than this many characters is not rendered: the
   * result is the text itself, escaped, and an error. Default
   * `untrustedTextLimit` (100 000). Trusted text has no limit.
   */
  maxLength?: number;
  /**
   * markdown-it-footnote, as `await loadFootnotes()` gives it: `[^1]` with its
   * `[^1]: …` definition, and inline `^[…]`, become numbered notes (ids
   * `fn-1`, `fnref-1`; a visitor's are prefixed) in a list at the end.
   * Without it they stay text.
   */
  footnotes?: FootnotePlugin;
  /** Accessible names of the footnote list and its back links. Default English (`messages.en`). */
  footnoteLabels?: FootnoteLabels;
  /**
   * The references `\cite{…}`, `[@…]` and `@…` name: from `loadBibliography`
   * or `loadPostBibliography` (BibTeX needs its parser, loaded on first need),
   * or CSL-JSON items. Takes the place of the front matter's `bibliography:`,
   * which renderMarkdown reads itself only when it holds CSL-JSON.
   */
  bibliography?: Bibliography | readonly CslItem[];
  /** `numeric` (`[1]`, the default) or `author-year` (`(Vaswani et al., 2017)`); front matter `citation-style:` sets it for one post. */
  citationStyle?: CitationStyle;
  /** Language of what the renderer writes (the reference list's heading) when the front matter has no `lang`. Default English. */
  lang?: string;
  /**
   * The language that names figures, tables and theorems (`Figure 1`, `图 1`).
   * Front matter `lang:` sets it for one post. Default `en`.
   */
  locale?: Locale;
  /**
   * `shared`: theorems, lemmas, definitions … are numbered on one counter
   * (Theorem 1, Lemma 2). Front matter `theorem-numbering:` sets it for one
   * post. Default `per-kind` (Theorem 1, Lemma 1).
   */
  theoremNumbering?: TheoremNumbering;
  /**
   * Highlights fenced code blocks, from `loadCodeHighlighter`; without it
   * (or for a language it has not loaded) code is plain escaped text.
   */
  highlighter?: CodeHighlighter;
  /**
   * Put before every id the HTML creates (headings, equations, footnotes,
   * figures, theorems, references), every id list and every `#fragment`
   * link to them, and before the ids in the result: text shown among other
   * text (a comment in a page, `c-42-`) then cannot create or target the
   * page's own ids. Default none.
   */
  idPrefix?: string;
  /**
   * Labels defined outside the text, by name (a comment's post's equations):
   * `\eqref`, `\ref` and `@…` the text cannot resolve itself link to them,
   * and `idPrefix` leaves those links as they are. The text's own labels win.
   */
  labels?: ReadonlyMap<string, LabelTarget>;
}

export interface Heading {
  level: number;
  /** The heading as plain text, formulas as their TeX. */
  text: string;
  /** The heading as HTML, formulas rendered, without links: for a table of contents. */
  html: string;
  /** Unique element id, usable as a URL fragment. */
  id: string;
}

/** A problem in a post: its code, parameters and English `message`, and its 1-based line in the source, front matter included. */
export type RenderError = LocatedError;

export interface RenderedMarkdown {
  html: string;
  meta: PostMeta;
  equations: Equation[];
  headings: Heading[];
  errors: RenderError[];
  /** The macros the post's formulas defined (`\newcommand`, `\def`, …), name → expansion. */
  macros: Record<string, string>;
  /** The references the post cites, in order of their numbers. */
  citations: CitedReference[];
  /** Numbered figures, tables and theorem-like blocks, in order of appearance. */
  blocks: NumberedBlock[];
}

/** Renders a markdown post with math: front matter, numbered equations, references, heading ids. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  return renderPost(source, options, allPostFeatures(options.footnotes));
}

/** `renderMarkdown`, yielding while the post is prepared and after each formula is typeset, for a caller that spreads the work over tasks. */
export function renderMarkdownInSteps(source: string, options: RenderMarkdownOptions = {}): Steps<RenderedMarkdown> {
  return renderPostInSteps(source, options, allPostFeatures(options.footnotes));
}

/** A post cut into top-level blocks, formulas left to typeset: for renderers that show it a piece at a time. */
export function renderPostBlocks(source: string, options: RenderMarkdownOptions = {}): PostBlocks {
  return renderPostBlocksWith(source, options, allPostFeatures(options.footnotes));
}

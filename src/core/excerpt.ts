import { excerptHtml } from './excerpt-html.js';
import { excerptMarkdown } from './excerpt-markdown.js';
import type { Locale } from './messages.js';
import type { TexMacros } from './render-math.js';

export interface ExcerptOptions {
  /**
   * About how many characters the reader should see. Default 200. A grapheme
   * (an emoji family, a flag, an accented letter) counts 1, a run of spaces 1,
   * markup 0, a formula `ceil(TeX length / 4)`, a code span or link its text.
   */
  length?: number;
  /** Language of the text, for sentence and word boundaries. Default `'en'`. */
  locale?: Locale;
  /** `'markdown'` (default): a post's source. `'html'`: a JSON Feed `content_html`. */
  format?: 'markdown' | 'html';
  /** Whether the text is the site owner's; see `renderMarkdown`. Default `true`. */
  trusted?: boolean;
  /** Site-wide TeX macros. */
  macros?: TexMacros;
  /**
   * `'text'` sets display formulas at the size of inline ones (`\textstyle`: fractions and
   * sums as tall as in running text), for an excerpt kept to a line, such as a sidebar's.
   * Default `'display'`.
   */
  displayMath?: 'display' | 'text';
}

export interface Excerpt {
  /**
   * The beginning of the post, rendered: formulas as KaTeX, headings as
   * `<p class="sb-excerpt-heading">`, no `id`s, every tag closed, `…` at the end
   * when truncated.
   */
  html: string;
  /** The same as plain text on one line, formulas as `$TeX$`: for meta descriptions and summaries. */
  text: string;
  /** Whether the post goes on after the excerpt. */
  truncated: boolean;
}

/**
 * The beginning of a post for a home page or a feed: up to `<!--more-->` when
 * the post has one, otherwise about `length` visible characters, ending on a
 * sentence if one ends within reach, else on a word. Never cuts inside a
 * formula, a code span or block, a link, a tag, an entity or a grapheme: a
 * formula that straddles the limit is kept whole when that stays within 1.5×
 * `length`, else the excerpt stops before it.
 *
 * `\eqref`, `\ref` and `@fig:x` to an equation, figure, table or theorem
 * beyond the excerpt show its number as plain text; references are not
 * links, as the excerpt has no ids. An excerpt has no reference list and
 * loads no bibliography: a citation shows the number the post gives it (the
 * order of first citation, each key presumed in the bibliography), in an
 * author–year post its key (`sb-cite-key`), and with CSL-JSON in the front
 * matter what the post shows. A citation or reference is never cut in half.
 *
 * What is math, code or text is what `renderMarkdown` makes of it: markdown-it
 * reads the post's first blocks (those that start within about 4× `length`
 * characters, more when they show too little; the outline of every block
 * when the post has a `<!--more-->` or link definitions), those blocks are
 * rendered whole, and the HTML is cut as for `format: 'html'`. A
 * `<!--more-->` in code, or in a visitor's text (where HTML is text), is no
 * marker.
 *
 * Only the formulas the cut keeps go to KaTeX, and an `\eqref` beyond the
 * excerpt costs a parse of the rest, not a rendering, so excerpting a
 * thousand long posts costs about as much as rendering a thousand short ones.
 */
export function excerpt(source: string, options: ExcerptOptions = {}): Excerpt {
  const settings: Settings = {
    length: options.length !== undefined && options.length > 0 ? options.length : 200,
    locale: options.locale ?? 'en',
    trusted: options.trusted ?? true,
    macros: options.macros,
    textStyleDisplays: options.displayMath === 'text',
  };
  return options.format === 'html' ? excerptHtml(source, settings) : excerptMarkdown(source, settings);
}

/** `ExcerptOptions` with the defaults filled in. */
export interface Settings {
  length: number;
  locale: Locale;
  trusted: boolean;
  macros: TexMacros | undefined;
  textStyleDisplays: boolean;
}

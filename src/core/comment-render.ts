import { type RenderedMarkdown, renderMarkdownInSteps } from './render-markdown.js';
import { codedError } from './post-error-messages.js';
import { drain, type Steps } from './steps.js';
import type { TexMacros } from './render-math.js';
import type { LabelTarget } from './label-registry.js';

// Apart from comments.ts, so that threading comments loads no markdown or KaTeX.

export interface RenderCommentOptions {
  /** Longest body accepted, in characters. Default 10 000. */
  maxLength?: number;
  /** Whether `![alt](src)` shows the picture. Default `false`: it stays a link. */
  images?: boolean;
  macros?: TexMacros;
  /**
   * Put before every id and `#fragment` link of the body (`c-42-`), so a
   * comment cannot create or scroll to the page's own ids. Default none.
   */
  idPrefix?: string;
  /** The post's labels, by name: `\eqref{x}` in the comment links to the post's equation `x` (unprefixed) and shows its number. */
  labels?: ReadonlyMap<string, LabelTarget>;
}

/** How many levels a comment's headings move down: its `#` is an h4, below the post's sections. */
export const commentHeadingShift = 3;

export interface RenderedComment extends Pick<RenderedMarkdown, 'html' | 'errors'> {
  /** True when the body was over the length limit and not rendered at all. */
  refused: boolean;
}

/**
 * Renders a visitor's comment: markdown and math, but raw HTML shown as text,
 * only http, https, mailto and relative links (with `rel="nofollow ugc
 * noopener"`), KaTeX without `trust`, no front matter, and no images unless
 * the site allows them; headings move down `commentHeadingShift` levels. A body over the length limit is refused unread, so a
 * megabyte of TeX cannot stall the page.
 */
export function renderComment(body: string, options: RenderCommentOptions = {}): RenderedComment {
  return drain(renderCommentInSteps(body, options));
}

/** `renderComment`, yielding between pieces of work (each formula is one), for a caller that spreads a long comment over tasks. */
export function* renderCommentInSteps(body: string, options: RenderCommentOptions = {}): Steps<RenderedComment> {
  const maxLength = options.maxLength ?? 10_000;
  if (body.length > maxLength) {
    return {
      html: '',
      errors: [codedError('comment-too-long', { length: body.length, limit: maxLength })],
      refused: true,
    };
  }
  const { html, errors } = yield* renderMarkdownInSteps(body, { trusted: false, frontMatter: false, images: options.images ?? false, macros: options.macros, idPrefix: options.idPrefix, labels: options.labels });
  return { html: demoteHeadings(html, commentHeadingShift), errors, refused: false };
}

/** Moves every heading `shift` levels down (h1 → h4 for 3), never below h6. */
export function demoteHeadings(html: string, shift: number): string {
  if (shift <= 0) return html;
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}`);
}

import { type RenderedMarkdown, renderMarkdown } from './render-markdown.js';
import type { TexMacros } from './render-math.js';

// Apart from comments.ts, so that threading comments loads no markdown or KaTeX.

export interface RenderCommentOptions {
  /** Longest body accepted, in characters. Default 10 000. */
  maxLength?: number;
  /** Whether `![alt](src)` shows the picture. Default `false`: it stays a link. */
  images?: boolean;
  macros?: TexMacros;
}

export interface RenderedComment extends Pick<RenderedMarkdown, 'html' | 'errors'> {
  /** True when the body was over the length limit and not rendered at all. */
  refused: boolean;
}

/**
 * Renders a visitor's comment: markdown and math, but raw HTML shown as text,
 * only http, https, mailto and relative links (with `rel="nofollow ugc
 * noopener"`), KaTeX without `trust`, no front matter, and no images unless
 * the site allows them. A body over the length limit is refused unread, so a
 * megabyte of TeX cannot stall the page.
 */
export function renderComment(body: string, options: RenderCommentOptions = {}): RenderedComment {
  const maxLength = options.maxLength ?? 10_000;
  if (body.length > maxLength) {
    return {
      html: '',
      errors: [{ message: `comment is too long: ${body.length} characters, the limit is ${maxLength}` }],
      refused: true,
    };
  }
  const { html, errors } = renderMarkdown(body, { trusted: false, frontMatter: false, images: options.images ?? false, macros: options.macros });
  return { html, errors, refused: false };
}


import type { Equation } from '../../core/equation-numbering.js';
import type { PostMeta } from '../../core/front-matter.js';
import type { Heading, RenderError } from '../../core/render-markdown.js';

export interface PostRenderedDetail {
  equations: readonly Equation[];
  headings: readonly Heading[];
  errors: readonly RenderError[];
  meta: PostMeta;
}

/** Fired by `post-body` each time it has put a new article on the page. */
export class PostRenderedEvent extends Event {
  static readonly eventName = 'rendered';

  constructor(readonly detail: PostRenderedDetail) {
    super(PostRenderedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    rendered: PostRenderedEvent;
  }
}

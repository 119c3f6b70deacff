import type { Equation } from '../../core/equation-numbering.js';
import type { PostMeta } from '../../core/front-matter.js';
import type { Heading, RenderError } from '../../core/render-markdown.js';

/** What `post-body` put on the page. */
export interface PostRenderedDetail {
  equations: readonly Equation[];
  headings: readonly Heading[];
  errors: readonly RenderError[];
  meta: PostMeta;
}

/** Fired by `post-body` each time it has put a new article on the page. */
export class PostRenderedEvent extends Event implements PostRenderedDetail {
  static readonly eventName = 'post-rendered';
  /** The numbered equations, in order. */
  readonly equations: readonly Equation[];
  /** The headings, with their ids, for a table of contents. */
  readonly headings: readonly Heading[];
  /** What could not be rendered, with lines (broken formulas, unknown labels, bad front matter). */
  readonly errors: readonly RenderError[];
  /** The post's front matter. */
  readonly meta: PostMeta;

  constructor({ equations, headings, errors, meta }: PostRenderedDetail) {
    super(PostRenderedEvent.eventName, { bubbles: true, composed: true });
    this.equations = equations;
    this.headings = headings;
    this.errors = errors;
    this.meta = meta;
  }
}

declare global {
  interface HTMLElementEventMap {
    'post-rendered': PostRenderedEvent;
  }
}

import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { type Comment, type CommentThread, safeAuthorUrl, threadComments } from '../../core/comments.js';
import { formatPostDate, readPostDate, validTimeZone } from '../../core/dates.js';
import type { Messages } from '../../core/messages.js';
import type { DataError } from '../../core/post.js';
import type { TexMacros } from '../../core/render-math.js';
import { katexStyles, registerKatexFonts } from '../../styles/katex-styles.js';
import { buttonStyles } from '../../styles/buttons.js';
import { mathErrorStyles, tokens } from '../../styles/tokens.js';
import { FetchController, failureReason } from '../shared/fetch-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { LazyModuleRequest, readyToHydrate, updatedWith } from '../shared/lazy-module.js';
import { markdownRenderers } from '../shared/math-modules.js';
import { commentListStyles } from './comment-list.styles.js';
import { CommentReplyEvent } from './comment-reply-event.js';

/**
 * @tagname comment-list
 * @summary Threaded comments with math, safe to fill with what strangers wrote; or, as `variant="recent"`, a sidebar of recent comments.
 *
 * Comments come from `comments` or a JSON array at `src`. Bodies are markdown
 * with math, rendered without raw HTML, with only safe links and a length
 * limit. Bad records are listed in `errors` and skipped; the rest are shown.
 *
 * @slot - Fallback content, shown beside the message when `src` cannot be loaded.
 *
 * @csspart list - The outermost list.
 * @csspart comment - One comment.
 * @csspart author - Its author (a link when the author gave an http(s) website).
 * @csspart date - Its `<time>`.
 * @csspart body - The rendered body.
 * @csspart reply-button - The button that fires `comment-reply`.
 * @csspart replies - The list of replies under a comment.
 * @csspart excerpt - In the recent variant, the one-line excerpt.
 * @csspart post-link - In the recent variant, the link to the post.
 * @csspart status - The loading message.
 * @csspart error - The message shown when `src` cannot be loaded or read.
 * @csspart empty - The message shown when there are no comments.
 *
 * @cssprop [--sb-comment-list-indent=1.25em] - Indentation of each level of replies.
 *
 * @fires {CommentReplyEvent} comment-reply - The reader pressed Reply; `comment` is the comment to answer.
 */
export class CommentListElement extends LitElement {
  static override styles = [tokens, katexStyles, mathErrorStyles, buttonStyles, commentListStyles];

  /** Comment records (`{ id, parent?, author, url?, date, body, post? }`); takes precedence over `src`. */
  @property({ attribute: false }) accessor comments: readonly unknown[] | null | undefined = undefined;

  /** URL of a JSON array of comment records. */
  @property() accessor src: string | undefined = undefined;

  /** `thread` (default): the discussion under a post. `recent`: one line per comment, newest first, with its post. */
  @property({ reflect: true }) accessor variant: 'thread' | 'recent' = 'thread';

  /** How many levels a thread shows, the top level included; deeper replies line up with the last, so long threads stay readable on a phone. */
  @property({ type: Number, attribute: 'max-depth' }) accessor maxDepth = 3;

  /** How many comments the recent variant shows. */
  @property({ type: Number }) accessor limit = 10;

  /** Longest body rendered, in characters; longer ones show a notice instead. */
  @property({ type: Number, attribute: 'max-length' }) accessor maxLength = 10_000;

  /** TeX macros for the comments' formulas. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /**
   * The site's IANA time zone (`Asia/Shanghai`), for comment dates written as a
   * date-time without an offset; the reader's zone when absent or unknown.
   * A calendar date, or a date-time with an offset, shows the day written in
   * every zone.
   */
  @property({ attribute: 'time-zone' }) accessor timeZone: string | undefined = undefined;

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  /** Problems found in the data: records skipped, parents missing, cycles broken. */
  get errors(): readonly DataError[] {
    return this.#data.errors;
  }

  readonly #locale = new LocaleController(this);
  readonly #fetch = new FetchController(this);
  readonly #math = new LazyModuleRequest(this, markdownRenderers);
  #data: ReturnType<typeof threadComments> = { threads: [], comments: [], errors: [] };
  #readFrom: unknown;

  override connectedCallback(): void {
    super.connectedCallback();
    registerKatexFonts();
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return updatedWith([this.#math], () => super.getUpdateComplete());
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return readyToHydrate(this, [this.#math]) && super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.#fetch.load(this.comments !== undefined ? undefined : this.src);
    const load = this.#fetch.state;
    const source = this.comments !== undefined ? this.comments : load.state === 'loaded' ? load.text : undefined;
    if (source === this.#readFrom) return;
    this.#readFrom = source;
    if (typeof source === 'string') {
      try {
        this.#data = threadComments(JSON.parse(source));
      } catch (error) {
        this.#data = { threads: [], comments: [], errors: [{ message: this.#locale.messages.notJson((error as Error).message) }] };
      }
    } else {
      this.#data = source !== undefined ? threadComments(source) : { threads: [], comments: [], errors: [] };
    }
  }

  #reply(comment: Comment): void {
    const event = new CommentReplyEvent(comment);
    this.dispatchEvent(event);
  }

  #author(comment: Comment) {
    const url = safeAuthorUrl(comment.url);
    return url ? html`<a part="author" href=${url} rel="nofollow ugc noopener">${comment.author}</a>` : html`<span part="author">${comment.author}</span>`;
  }

  #date(comment: Comment) {
    return html`<time part="date" datetime=${readPostDate(comment.date) ? comment.date : nothing}>${formatPostDate(comment.date, this.#locale.locale, { timeZone: validTimeZone(this.timeZone) })}</time>`;
  }

  #body(comment: Comment) {
    const renderers = this.#math.value;
    // Until the renderers arrive, the comment shows as its author typed it.
    if (!renderers) return html`<p class="source">${comment.body}</p>`;
    const body = renderers.renderComment(comment.body, { maxLength: this.maxLength, macros: this.macros });
    return body.refused ? html`<p class="refused">${this.#locale.messages.commentRefused}</p>` : unsafeHTML(body.html);
  }

  #comment(comment: Comment) {
    const messages = this.#locale.messages;
    return html`<li>
      <article part="comment" id="comment-${comment.id}" aria-label="${comment.author}">
        <header>${this.#author(comment)} ${this.#date(comment)}</header>
        <div part="body">${this.#body(comment)}</div>
        <button part="reply-button" type="button" aria-label=${messages.replyTo(comment.author)} @click=${() => this.#reply(comment)}>
          ${messages.reply}
        </button>
      </article>
    </li>`;
  }

  #thread(threads: readonly CommentThread[], depth: number): unknown {
    return threads.map(
      ({ comment, replies }) =>
        html`${this.#comment(comment)}${replies.length === 0
          ? nothing
          : depth < this.maxDepth
            ? html`<li><ol part="replies">${this.#thread(replies, depth + 1)}</ol></li>`
            : this.#flat(replies)}`,
    );
  }

  // Below the deepest level, replies follow one another in reading order. Walked
  // without recursion, so a chain of 10 000 replies cannot overflow the stack.
  #flat(threads: readonly CommentThread[]) {
    const shown = [];
    const stack = [...threads].reverse();
    for (let thread = stack.pop(); thread; thread = stack.pop()) {
      shown.push(this.#comment(thread.comment));
      for (let i = thread.replies.length - 1; i >= 0; i--) stack.push(thread.replies[i]);
    }
    return shown;
  }

  #recent() {
    const locale = this.#locale.locale;
    const messages = this.#locale.messages;
    const newest = [...this.#data.comments].reverse().slice(0, this.limit);
    const renderers = this.#math.value;
    return html`<ul part="list" aria-label=${messages.recentComments}>
      ${newest.map((comment) => {
        const summary =
          comment.body.length > this.maxLength
            ? messages.commentRefused
            : renderers
              ? unsafeHTML(renderers.excerpt(comment.body, { length: 60, locale, trusted: false, macros: this.macros }).html)
              : comment.body.slice(0, 60);
        return html`<li part="comment">
          <div class="line">${this.#author(comment)}${messages.colon}<span part="excerpt">${summary}</span></div>
          ${comment.post ? html`<a part="post-link" href=${comment.post.url}>${locale === 'zh' ? `《${comment.post.title}》` : comment.post.title}</a>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  protected override render() {
    const messages = this.#locale.messages;
    const load = this.#fetch.state;
    if (this.comments === undefined && load.state === 'loading') return html`<p part="status" role="status">${messages.loading}</p>`;
    if (this.comments === undefined && load.state === 'failed') return html`<p part="error" role="alert">${messages.loadFailed(load.url, failureReason(load, messages))}</p><slot></slot>`;
    if (this.#data.comments.length === 0) {
      const [problem] = this.#data.errors;
      return problem && !Array.isArray(this.comments) ? html`<p part="error" role="alert">${problem.message}</p>` : html`<p part="empty">${messages.noComments}</p>`;
    }
    if (this.variant === 'recent') return this.#recent();
    return html`<ol part="list" aria-label=${messages.comments}>${this.#thread(this.#data.threads, 1)}</ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-list': CommentListElement;
  }
}

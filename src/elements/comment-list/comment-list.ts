import { html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CommentBackendError, CommentPage } from '../../core/comment-backend.js';
import { type Comment, type CommentThread, safeAuthorUrl, threadComments } from '../../core/comments.js';
import type { LabelTarget } from '../../core/label-registry.js';
import type { Equation } from '../../core/equation-numbering.js';
import type { NumberedBlock } from '../../core/block-numbering.js';
import { formatPostDate, readPostDate, validTimeZone } from '../../core/dates.js';
import { dataError } from '../../core/data-error-messages.js';
import type { ErrorStrings } from '../../core/error-messages.js';
import { errorText } from '../../core/error-text.js';
import type { Messages } from '../../core/messages.js';
import type { DataError } from '../../core/post.js';
import type { TexMacros } from '../../core/render-math.js';
import { katexStyles, registerKatexFonts } from '../../styles/katex-styles.js';
import { buttonStyles } from '../../styles/buttons.js';
import { mathErrorStyles, tokens } from '../../styles/tokens.js';
import { FetchController, failureReason } from '../shared/fetch-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ScrollerFocus } from '../shared/scroller-focus.js';
import { LazyModuleRequest, readyToHydrate, updatedWith } from '../shared/lazy-module.js';
import { commentBodies, markdownRenderers } from '../shared/math-modules.js';
import { afterNextPaint, yieldToBrowser } from '../shared/yield-to-browser.js';
import { type BackendChoice, backendFromAttribute, chosenBackend, postKey } from '../shared/comment-backends.js';
import { commentListStyles } from './comment-list.styles.js';
import { CommentReplyEvent } from './comment-reply-event.js';
import type { CommentBodies } from './comment-bodies.js';

// Many long comments full of math would take seconds to typeset in one task.
// An update renders the bodies that fit in `firstSliceCharacters` of
// markdown; the others show their source text (find-in-page finds it) and
// are typeset after the first paint, a formula at a time in slices of
// `sliceBudget` ms, the linked comment first. A thread of short comments
// renders whole in its first update, with no flash of TeX.

/** Characters of comment markdown one update renders at most; a comment that does not fit waits for the slices. */
const firstSliceCharacters = 6000;
/** Milliseconds of typesetting between two yields to the browser. */
const sliceBudget = 8;
/** Milliseconds at most between two frames while typesetting: a yield alone may leave the browser no time to paint. */
const frameInterval = 50;
/** How many bodies from the top of the list are laid out wherever the page is scrolled, at most… */
const laidOutBodies = 10;
/** …and until they hold this many characters of markdown: a few long comments fill more than a screen. */
const laidOutCharacters = 4000;

/**
 * @tagname comment-list
 * @summary Threaded comments with math, safe to fill with what strangers wrote; or, as `variant="recent"`, a sidebar of recent comments.
 *
 * Comments come from `comments`, from a comment server (`backend`: any
 * `CommentBackend`, or `backend="waline" server="…"`), or from a JSON array at
 * `src`. Bodies are markdown with math, rendered without raw HTML, with only
 * safe links and a length limit. Bad records are listed in `errors` and
 * skipped; the rest are shown. A long thread shows `window` top-level comments
 * and a button for more; a server's pages get page buttons. Comments past
 * the first few thousand characters show their source until they are
 * typeset, a formula at a time, after the first paint. A link to
 * `#comment-ID` shows and scrolls to that comment, once it is typeset. With `for`, a comment's
 * `\eqref{x}` links to equation `x` of that `post-body`.
 *
 * @slot - Fallback content, shown beside the message when `src` cannot be loaded.
 *
 * @csspart list - The outermost list.
 * @csspart comment - One comment.
 * @csspart header - Its author and date.
 * @csspart author - Its author (a link when the author gave an http(s) website).
 * @csspart date - Its `<time>`.
 * @csspart body - The rendered body.
 * @csspart refused - Shown in place of a body too long to render.
 * @csspart reply-button - The button that fires `comment-reply`.
 * @csspart replies - The list of replies under a comment.
 * @csspart excerpt - In the recent variant, the one-line excerpt.
 * @csspart post-link - In the recent variant, the link to the post.
 * @csspart status - The loading message.
 * @csspart error - The message shown when `src` cannot be loaded or read.
 * @csspart empty - The message shown when there are no comments.
 * @csspart more-button - The buttons that show the next (or, above a linked comment, the earlier) `window` comments.
 * @csspart pagination - The previous / next page buttons of a server's pages.
 * @csspart page-button - Each of them.
 *
 * @cssprop [--sb-comment-list-indent=1.25em] - Indentation of each level of replies.
 * @cssprop [--sb-color-text=inherit] - Text colour (by default the page's).
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Secondary text: dates, counts, notes and status messages.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links, buttons and focus rings.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Borders and rules.
 * @cssprop [--sb-color-surface=light-dark(#f4f6f8, #1c2128)] - Background of code, boxes and error messages.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - Error messages, and formulas KaTeX could not render.
 * @cssprop [--sb-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace] - Font of code and TeX source.
 * @cssprop [--sb-math-scale=1] - Size of formulas, as a multiple of KaTeX's own (1.21 times the text).
 * @cssprop [--sb-radius=6px] - Corner radius of boxes, buttons and controls.
 * @cssprop [--sb-space-xs=0.25em] - The smallest step of the spacing scale.
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 *
 * @fires {CommentReplyEvent} comment-reply - The reader pressed Reply; `comment` is the comment to answer.
 */
export class CommentListElement extends LitElement {
  static override styles = [tokens, katexStyles, mathErrorStyles, buttonStyles, commentListStyles];

  /** Comment records (`{ id, parent?, author, url?, date, body, post? }`); takes precedence over `src`. */
  @property({ attribute: false }) accessor comments: readonly unknown[] | null | undefined = undefined;

  /** URL of a JSON array of comment records. */
  @property() accessor src: string | undefined = undefined;

  /**
   * The comment server: a `CommentBackend` object (property), or the name of
   * a built-in one (attribute): `waline`, with `server`. Takes precedence
   * over `src`.
   */
  @property({ converter: { fromAttribute: backendFromAttribute } }) accessor backend: BackendChoice = undefined;

  /** The Waline server's URL, for `backend="waline"`. */
  @property() accessor server: string | undefined = undefined;

  /** The post's key on the comment server; default the page's path. */
  @property() accessor post: string | undefined = undefined;

  /** How many top-level comments show before the "show more" button, and how many more each press shows. */
  @property({ type: Number }) accessor window = 50;

  /** `thread` (default): the discussion under a post. `recent`: one line per comment, newest first, with its post. */
  @property({ reflect: true }) accessor variant: 'thread' | 'recent' = 'thread';

  /** How many levels a thread shows, the top level included; deeper replies line up with the last, so long threads stay readable on a phone. */
  @property({ type: Number, attribute: 'max-depth' }) accessor maxDepth = 3;

  /** How many comments the recent variant shows. */
  @property({ type: Number }) accessor limit = 10;

  /** Longest body rendered, in characters; longer ones show a notice instead. */
  @property({ type: Number, attribute: 'max-length' }) accessor maxLength = 10_000;

  /** Whether `![alt](src)` in a comment shows the picture (a request to wherever the visitor chose). Default off: it stays a link. */
  @property({ type: Boolean }) accessor images = false;

  /** TeX macros for the comments' formulas. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /**
   * The site's IANA time zone (`Asia/Shanghai`), for comment dates written as a
   * date-time without an offset; the reader's zone when absent or unknown.
   * A calendar date, or a date-time with an offset, shows the day written in
   * every zone.
   */
  @property({ attribute: 'time-zone' }) accessor timeZone: string | undefined = undefined;

  /**
   * The id of the `post-body` (in the same document or shadow root) the
   * comments are under: a comment's `\eqref{x}`, `\ref{x}` and `@fig:x` link
   * to that post's equation or block `x` and show its number; a click scrolls
   * the post to it. Labels a comment defines itself win. Followed as the post
   * renders, before or after the list.
   */
  @property({ attribute: 'for' }) accessor for: string | undefined = undefined;

  /** Replacements for the built-in interface text; `errors` rewords the messages about bad data, by code (`{ errors: { 'comments-not-list': ({ got }) => … } }`). */
  @property({ attribute: false }) accessor strings: (Partial<Messages> & ErrorStrings) | undefined = undefined;

  /** Problems found in the data: records skipped, parents missing, cycles broken. */
  get errors(): readonly DataError[] {
    return this.#data.errors;
  }

  readonly #locale = new LocaleController(this);
  readonly #fetch = new FetchController(this);
  readonly #math = new LazyModuleRequest(this, markdownRenderers);
  readonly #bodyParts = new LazyModuleRequest(this, commentBodies);
  #data: ReturnType<typeof threadComments> = { threads: [], comments: [], errors: [] };
  #readFrom: unknown;
  #remote: { state: 'idle' } | { state: 'loading' } | { state: 'loaded'; page: CommentPage | { comments: Comment[] } } | { state: 'failed'; error: CommentBackendError } = { state: 'idle' };
  #remoteAbort?: AbortController;
  #page = 1;
  /** The window of top-level comments on show: from `#from` up to `#shown`. */
  #from = 0;
  #shown = 0;
  /** Rendered bodies by comment id: a new render of the list renders no comment twice. */
  readonly #rendered = new Map<string, RenderedBody>();
  /** Bumped when every body must be rendered again (new macros, limit, images or post labels); a stale body shows until its turn. */
  #generation = 0;
  /** Characters of markdown the update under way may still render. */
  #charactersLeft = 0;
  /** The comments the last render showed as their source or stale, in the order they appear. */
  #unrendered: Comment[] = [];
  /** Where each body is on show (its module loads with the renderers: only rendered bodies need it). */
  #bodies?: CommentBodies;
  /** The typesetting of `#unrendered` after the paint, while it runs. */
  #typesetting?: Promise<void>;
  #scrollTo?: string;
  /** While rendering: the bodies rendered so far, and whether a linked comment is still to come. */
  #bodiesSoFar = 0;
  #charactersSoFar = 0;
  #aboveLinked = false;
  /** The labels of the `for` post the comments were rendered with. */
  #postLabels?: ReadonlyMap<string, LabelTarget>;
  #postLabelsFrom?: readonly unknown[];
  #postRoot?: Document | ShadowRoot;

  constructor() {
    super();
    new ScrollerFocus(this, { root: () => this.renderRoot, selector: '.sb-equation', messages: () => this.#locale.messages });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    registerKatexFonts();
    this.#postRoot = this.getRootNode() as Document | ShadowRoot;
    this.#postRoot.addEventListener('post-rendered', this.#onPostRendered);
  }

  readonly #onPostRendered = (event: Event): void => {
    if (this.for && event.target === this.#post()) this.requestUpdate();
  };

  /** The `post-body` named by `for`, if it is there. */
  #post(): PostBodyLike | undefined {
    if (!this.for) return undefined;
    const post = (this.#postRoot ?? (this.getRootNode() as Document | ShadowRoot)).getElementById?.(this.for) as PostBodyLike | null;
    return post && 'showFragment' in post ? post : undefined;
  }

  /** The `for` post's labels, as the post last rendered them; a new set clears the rendered comments. */
  #readPostLabels(): void {
    const result = this.#post()?.result;
    const from = [result?.equations, result?.blocks];
    if (this.#postLabelsFrom?.every((item, index) => item === from[index])) return;
    this.#postLabelsFrom = from;
    this.#postLabels = result ? postLabels(result.equations, result.blocks) : undefined;
    this.#generation++;
  }

  /** Resolves once every comment on show is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await updatedWith([this.#math, this.#bodyParts], () => super.getUpdateComplete());
    for (let typesetting = this.#typesetting; typesetting; typesetting = this.#typesetting) {
      await typesetting;
      result = await updatedWith([this.#math, this.#bodyParts], () => super.getUpdateComplete());
    }
    return result;
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return readyToHydrate(this, [this.#math, this.#bodyParts]) && super.shouldUpdate(changed);
  }

  get #backend() {
    return this.comments === undefined ? chosenBackend(this.backend, this.server, this.#locale.locale) : undefined;
  }

  /** Shows page `page` (from 1) of the server's pages of comments. */
  showPage(page: number): void {
    this.#page = page;
    this.#loadRemote();
  }

  #loadRemote(): void {
    this.#remoteAbort?.abort();
    const backend = this.#backend;
    if (!backend) return void (this.#remote = { state: 'idle' });
    const abort = (this.#remoteAbort = new AbortController());
    this.#remote = { state: 'loading' };
    const asked = this.variant === 'recent' ? backend.recent(this.limit, { signal: abort.signal }) : backend.list(postKey(this.post), this.#page, { signal: abort.signal });
    asked.then((answer) => {
      if (abort.signal.aborted) return;
      this.#remote = answer.ok ? { state: 'loaded', page: Array.isArray(answer.value) ? { comments: answer.value } : answer.value } : { state: 'failed', error: answer.error };
      this.requestUpdate();
    });
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#remoteAbort?.abort();
    this.#postRoot?.removeEventListener('post-rendered', this.#onPostRendered);
    this.#postRoot = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('backend')) this.#fetch.load(this.comments !== undefined || this.#backend ? undefined : this.src);
    if ((['backend', 'server', 'post', 'variant', 'limit', 'comments'] as const).some((key) => changed.has(key))) this.#loadRemote();
    if (changed.has('macros') || changed.has('maxLength') || changed.has('images')) this.#generation++;
    // On a server, and when hydrating what one rendered, every body is rendered at once: the two must match.
    // The updates that show what the slices typeset render nothing themselves, so each stays short.
    this.#charactersLeft = isServer || (!this.hasUpdated && this.shadowRoot?.firstChild) ? Infinity : this.#typesetting ? 0 : firstSliceCharacters;
    this.#readPostLabels();
    const load = this.#fetch.state;
    const remote = this.#remote.state === 'loaded' ? this.#remote.page.comments : undefined;
    const source = this.comments !== undefined ? this.comments : this.#backend ? remote : load.state === 'loaded' ? load.text : undefined;
    if (source === this.#readFrom) return;
    this.#readFrom = source;
    this.#from = 0;
    this.#shown = this.window;
    if (typeof source === 'string') {
      try {
        this.#data = threadComments(JSON.parse(source));
      } catch (error) {
        this.#data = { threads: [], comments: [], errors: [dataError('comments-not-json', { detail: (error as Error).message })] };
      }
    } else {
      this.#data = source !== undefined ? threadComments(source) : { threads: [], comments: [], errors: [] };
    }
    if (this.#remote.state === 'loaded' && 'errors' in this.#remote.page) this.#data.errors.unshift(...this.#remote.page.errors);
    this.#showLinkedComment();
  }

  /** When the URL points at a comment further down than the window shows, the window grows to it. */
  #showLinkedComment(): void {
    const hash = typeof location === 'undefined' ? '' : decodeURIComponent(location.hash.slice(1));
    if (!hash.startsWith('comment-')) return;
    const id = hash.slice('comment-'.length);
    const index = this.#data.threads.findIndex((thread) => containsComment(thread, id));
    if (index < 0) return;
    // The window that holds it, not everything before it: a link to the 9 000th comment renders 50.
    if (index < this.#from || index >= this.#shown) {
      this.#from = Math.floor(index / this.window) * this.window;
      this.#shown = this.#from + this.window;
    }
    this.#scrollTo = hash;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#unrendered.length > 0) this.#typesetting ??= this.#typesetUnrendered();
    this.#scrollToLinked();
  }

  /** Scrolls to the linked comment once it and the comments above it are typeset: none of them changes height after. */
  #scrollToLinked(): void {
    const id = this.#scrollTo;
    const target = id && this.shadowRoot?.getElementById(id);
    if (!target || this.#linkedAndAbove().some((comment) => !this.#isCurrent(comment))) return;
    this.#scrollTo = undefined;
    target.scrollIntoView({ block: 'start' });
  }

  /** Whether the body on show is the comment's, rendered with today's options. */
  #isCurrent(comment: Comment): boolean {
    const body = this.#rendered.get(comment.id);
    return body?.body === comment.body && body.generation === this.#generation;
  }

  #renderOptions(comment: Comment) {
    return { maxLength: this.maxLength, macros: this.macros, images: this.images, idPrefix: commentIdPrefix(comment), labels: this.#postLabels };
  }

  /** Typesets the comments shown as source, after the paint that shows them, in slices; each one done replaces its own body. */
  async #typesetUnrendered(): Promise<void> {
    await afterNextPaint();
    let painted = performance.now();
    let job: { comment: Comment; generation: number; steps: Generator<void, { html: string; refused: boolean }> } | undefined;
    for (;;) {
      const renderers = this.#math.value;
      if (!this.isConnected || !renderers) break;
      const start = performance.now();
      let done = 0;
      do {
        // A job is dropped when the options changed or its comment is no longer on show.
        if (job && (job.generation !== this.#generation || !this.#unrendered.includes(job.comment))) job = undefined;
        if (!job) {
          const comment = this.#nextToTypeset();
          if (!comment) break;
          job = { comment, generation: this.#generation, steps: renderers.renderCommentInSteps(comment.body, this.#renderOptions(comment)) };
        }
        const step = job.steps.next();
        if (!step.done) continue;
        this.#rendered.set(job.comment.id, { body: job.comment.body, generation: job.generation, ...step.value });
        this.#bodies?.show(job.comment.id, this.#bodyContent(job.comment));
        job = undefined;
        done++;
      } while (performance.now() - start < sliceBudget);
      if (done > 0) this.#scrollToLinked();
      if (!job && !this.#nextToTypeset()) break;
      if (performance.now() - painted < frameInterval) await yieldToBrowser();
      else {
        await afterNextPaint();
        painted = performance.now();
      }
    }
    // Cleared before the last update's microtask: a render that finds comments left starts again.
    this.#typesetting = undefined;
  }

  /** The linked comment if it waits, then those above it, then the first comment that waits. */
  #nextToTypeset(): Comment | undefined {
    const waiting = (comment: Comment) => !this.#isCurrent(comment);
    const linked = this.#linkedAndAbove();
    return (linked.at(-1) && waiting(linked.at(-1)!) ? linked.at(-1) : linked.find(waiting)) ?? this.#unrendered.find(waiting);
  }

  /** Of the comments shown as source, the linked one (last) and those above it; none once the page has scrolled to it. */
  #linkedAndAbove(): Comment[] {
    const index = this.#scrollTo ? this.#unrendered.findIndex((comment) => `comment-${comment.id}` === this.#scrollTo) : -1;
    return this.#unrendered.slice(0, index + 1);
  }

  /** A comment's links to its own anchors point into the shadow root, which the browser's fragment navigation does not look in. */
  #followInnerLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    const fragment = link?.getAttribute('href')?.slice(1);
    if (!fragment) return;
    const id = decodeURIComponent(fragment);
    const target = this.shadowRoot?.getElementById(id);
    if (target) {
      event.preventDefault();
      target.scrollIntoView({ block: 'center' });
      return;
    }
    // Only links to the `for` post's targets are left unprefixed: the post shows them, typeset.
    if (this.#post()?.showFragment(id)) event.preventDefault();
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
    const parts = this.#bodyParts.value;
    // Until the renderers arrive, the comment shows as its author typed it.
    if (!renderers || !parts) return html`<p class="source">${comment.body}</p>`;
    // A body over the limit costs nothing: it is refused unread.
    const cost = comment.body.length > this.maxLength ? 0 : comment.body.length;
    if (!this.#isCurrent(comment) && cost <= this.#charactersLeft) {
      this.#charactersLeft -= cost;
      this.#rendered.set(comment.id, { body: comment.body, generation: this.#generation, ...renderers.renderComment(comment.body, this.#renderOptions(comment)) });
    }
    if (!this.#isCurrent(comment)) this.#unrendered.push(comment);
    return parts.commentBody((this.#bodies ??= new parts.CommentBodies()), comment.id, this.#bodyContent(comment));
  }

  /** The comment's body as last rendered, or its source until it is. */
  #bodyContent(comment: Comment) {
    const body = this.#rendered.get(comment.id);
    if (body?.body !== comment.body) return html`<p class="source">${comment.body}</p>`;
    return body.refused ? html`<p part="refused" class="refused">${this.#locale.messages.commentRefused}</p>` : unsafeHTML(body.html);
  }

  #comment(comment: Comment) {
    const messages = this.#locale.messages;
    // The first bodies, and those down to a linked comment, are always laid out: what the reader sees first
    // keeps its place. Those after may be skipped by the browser while far off screen (`.far`).
    const linked = `comment-${comment.id}` === this.#scrollTo;
    if (linked) this.#aboveLinked = false;
    const far = (this.#bodiesSoFar++ >= laidOutBodies || this.#charactersSoFar >= laidOutCharacters) && !this.#aboveLinked && !linked;
    this.#charactersSoFar += comment.body.length;
    return html`<li>
      <article part="comment" id="comment-${comment.id}" aria-label="${comment.author}">
        <header part="header">${this.#author(comment)} ${this.#date(comment)}</header>
        <div part="body" class=${far ? 'far' : ''}>${this.#body(comment)}</div>
        <button part="reply-button" type="button" aria-label=${messages.replyTo(comment.author)} @click=${() => this.#reply(comment)}>
          ${messages.reply}
        </button>
      </article>
    </li>`;
  }

  #thread(threads: readonly CommentThread[], depth: number): unknown {
    // Keyed, so that a comment added above or between others leaves their rendered bodies in place.
    return repeat(
      threads,
      ({ comment }) => comment.id,
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
    const shown: Comment[] = [];
    const stack = [...threads].reverse();
    for (let thread = stack.pop(); thread; thread = stack.pop()) {
      shown.push(thread.comment);
      for (let i = thread.replies.length - 1; i >= 0; i--) stack.push(thread.replies[i]);
    }
    return repeat(shown, (comment) => comment.id, (comment) => this.#comment(comment));
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
              ? unsafeHTML(renderers.excerpt(comment.body, { length: 60, locale, trusted: false, macros: this.macros, displayMath: 'text' }).html)
              : comment.body.slice(0, 60);
        return html`<li part="comment">
          <div class="line">${this.#author(comment)}${messages.colon}<span part="excerpt">${summary}</span></div>
          ${comment.post ? html`<a part="post-link" href=${comment.post.url}>${locale === 'zh' ? `《${comment.post.title}》` : comment.post.title}</a>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  #pagination() {
    const page = this.#remote.state === 'loaded' && 'pages' in this.#remote.page ? this.#remote.page : undefined;
    if (!page || page.pages <= 1) return nothing;
    const messages = this.#locale.messages;
    return html`<nav part="pagination" aria-label=${messages.pagination}>
      <button part="page-button" type="button" ?disabled=${page.page <= 1} @click=${() => this.showPage(page.page - 1)}>${messages.previousPage}</button>
      <span aria-current="page">${messages.page(page.page)} / ${page.pages}</span>
      <button part="page-button" type="button" ?disabled=${page.page >= page.pages} @click=${() => this.showPage(page.page + 1)}>${messages.nextPage}</button>
    </nav>`;
  }

  #more() {
    const remaining = this.#data.threads.length - this.#shown;
    if (remaining <= 0) return nothing;
    const showMore = () => {
      this.#shown += this.window;
      this.requestUpdate();
    };
    return html`<button part="more-button" type="button" @click=${showMore}>${this.#locale.messages.showMoreComments(remaining)}</button>`;
  }

  #earlier() {
    if (this.#from <= 0) return nothing;
    const showEarlier = () => {
      this.#from = Math.max(0, this.#from - this.window);
      this.requestUpdate();
    };
    return html`<button part="more-button" class="earlier" type="button" @click=${showEarlier}>${this.#locale.messages.showEarlierComments(this.#from)}</button>`;
  }

  protected override render() {
    this.#unrendered = [];
    const messages = this.#locale.messages;
    const load = this.#fetch.state;
    const remote = this.#remote;
    if (this.#backend && remote.state === 'failed') return html`<p part="error" role="alert">${messages.commentServerFailed(remote.error.kind, remote.error.message)}</p><slot></slot>`;
    if (this.#backend && remote.state !== 'loaded') return html`<p part="status" role="status">${messages.loading}</p>`;
    if (this.comments === undefined && !this.#backend && load.state === 'loading') return html`<p part="status" role="status">${messages.loading}</p>`;
    if (this.comments === undefined && !this.#backend && load.state === 'failed') return html`<p part="error" role="alert">${messages.loadFailed(load.url, failureReason(load, messages))}</p><slot></slot>`;
    if (this.#data.comments.length === 0) {
      const [problem] = this.#data.errors;
      return problem && !Array.isArray(this.comments) ? html`<p part="error" role="alert">${errorText(problem, this.#locale.locale, this.strings?.errors)}</p>` : html`<p part="empty">${messages.noComments}</p>`;
    }
    if (this.variant === 'recent') return this.#recent();
    this.#bodiesSoFar = 0;
    this.#charactersSoFar = 0;
    this.#aboveLinked = this.#scrollTo !== undefined;
    return html`${this.#earlier()}<ol part="list" aria-label=${messages.comments} @click=${this.#followInnerLink}>${this.#thread(this.#data.threads.slice(this.#from, this.#shown), 1)}</ol>
      ${this.#more()} ${this.#pagination()}`;
  }
}

interface RenderedBody {
  /** The markdown it was rendered from. */
  body: string;
  html: string;
  refused: boolean;
  /** The `#generation` of the options it was rendered with. */
  generation: number;
}

/** What the list needs of the `post-body` named by `for` (not imported, so the list loads none of it). */
interface PostBodyLike extends HTMLElement {
  readonly result?: { equations: readonly Equation[]; blocks: readonly NumberedBlock[] };
  showFragment(id: string): boolean;
}

/** A post's labels by name, as `renderComment` takes them. */
function postLabels(equations: readonly Equation[], blocks: readonly NumberedBlock[]): Map<string, LabelTarget> {
  const labels = new Map<string, LabelTarget>();
  for (const { label, id, number } of equations) if (label !== undefined && !labels.has(label)) labels.set(label, { id, number, kind: 'equation' });
  for (const { label, id, number, kind } of blocks) if (label !== undefined && !labels.has(label)) labels.set(label, { id, number, kind });
  return labels;
}

/** The prefix of a comment's own ids: unique per comment, and never one of the page's. */
function commentIdPrefix(comment: Comment): string {
  return `c-${comment.id}-`;
}

function containsComment(thread: CommentThread, id: string): boolean {
  const stack = [thread];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.comment.id === id) return true;
    stack.push(...next.replies);
  }
  return false;
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-list': CommentListElement;
  }
}

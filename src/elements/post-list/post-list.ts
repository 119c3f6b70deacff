import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseFeed } from '../../core/feed.js';
import type { Messages } from '../../core/messages.js';
import { paginate } from '../../core/pagination.js';
import type { DataError, Post } from '../../core/post.js';
import type { TexMacros } from '../../core/render-math.js';
import { tokens } from '../../styles/tokens.js';
import { CommentCountFields } from '../shared/comment-count-fields.js';
import { FetchController, failureReason } from '../shared/fetch-controller.js';
import { LazyModuleRequest, readyToHydrate, updatedWith } from '../shared/lazy-module.js';
import { markdownRenderers } from '../shared/math-modules.js';
import { LocaleController } from '../shared/locale-controller.js';
import { isPlainClick } from '../shared/plain-click.js';
import { postListStyles } from './post-list.styles.js';

/**
 * @tagname post-list
 * @summary A blog's home page: post cards from `posts` or a JSON Feed, a page at a time.
 *
 * The page number lives in the URL (`?page=2`), so back, forward, reload and
 * shared links all show the same page. Feed items that are not valid are
 * skipped and listed in `errors`; the rest are shown. With `comment-backend`,
 * each card's byline shows its comment count, all asked in one request.
 *
 * @slot - Fallback content, shown beside the message when `src` cannot be loaded.
 *
 * @csspart list - The list of cards.
 * @csspart card - Each `post-card`.
 * @csspart pagination - The page navigation.
 * @csspart page-link - Each link in it (previous, numbers, next); the current page has `aria-current="page"`.
 * @csspart gap - The ellipsis between page numbers.
 * @csspart status - The loading message, while the feed loads and then while the excerpts' renderers (markdown-it, KaTeX) load.
 * @csspart error - The message shown when `src` cannot be loaded.
 * @csspart empty - The message shown when there are no posts.
 *
 * @cssprop [--sb-post-list-reserved-height=100vh] - Height kept while the feed loads, so what follows does not jump when the cards arrive.
 * @cssprop [--sb-post-list-current-color=var(--sb-color-on-accent)] - Text colour of the current page number.
 * @cssprop [--sb-scroll-margin-top=1em] - Space kept above the list when a page change scrolls to it (for sticky headers).
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Secondary text: dates, counts, notes and status messages.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links, buttons and focus rings.
 * @cssprop [--sb-color-on-accent=light-dark(#ffffff, #0f1419)] - Text on the accent colour.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Borders and rules.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - Error messages, and formulas KaTeX could not render.
 * @cssprop [--sb-radius=6px] - Corner radius of boxes, buttons and controls.
 * @cssprop [--sb-space-l=1.5em] - The large step of the spacing scale.
 */
export class PostListElement extends CommentCountFields(LitElement) {
  static override styles = [tokens, postListStyles];

  /** The posts, newest first. Takes precedence over `src`. */
  @property({ attribute: false }) accessor posts: readonly Post[] | undefined = undefined;

  /** URL of a JSON Feed 1.1 document. */
  @property() accessor src: string | undefined = undefined;

  /** Cards per page. */
  @property({ type: Number, attribute: 'page-size' }) accessor pageSize = 10;

  /** Name of the URL query parameter that holds the page number. */
  @property({ attribute: 'page-param' }) accessor pageParam = 'page';

  /** About how many characters of excerpt each card shows. */
  @property({ type: Number, attribute: 'excerpt-length' }) accessor excerptLength = 200;

  /** TeX macros for the excerpts' formulas. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /**
   * The site's IANA time zone (`Asia/Shanghai`), for dates written as a
   * date-time without an offset; the reader's zone when absent or unknown.
   * A calendar date, or a date-time with an offset, shows the day its author
   * wrote in every zone. Passed on to each card.
   */
  @property({ attribute: 'time-zone' }) accessor timeZone: string | undefined = undefined;

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  /** The page shown (1-based). */
  @state() accessor page = 1;

  /** Problems found in the feed at `src`: items skipped and why. */
  get errors(): readonly DataError[] {
    const load = this.#fetch.state;
    return load.state === 'loaded' ? load.value.errors : [];
  }

  readonly #locale = new LocaleController(this);
  readonly #fetch = new FetchController(this, parseFeed);
  readonly #math = new LazyModuleRequest(this, markdownRenderers);

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readPageFromUrl();
    window.addEventListener('popstate', this.#readPageFromUrl);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#readPageFromUrl);
  }


  /** Resolves once the cards are in, their excerpts rendered. */
  protected override getUpdateComplete(): Promise<boolean> {
    return updatedWith([this.#math], () => super.getUpdateComplete());
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    // Here rather than in willUpdate: an update held back for hydration forgets what changed.
    if (changed.has('src')) this.#fetch.load(this.src);
    return readyToHydrate(this, [this.#math]) && super.shouldUpdate(changed);
  }

  readonly #readPageFromUrl = (): void => {
    this.page = Number(new URL(location.href).searchParams.get(this.pageParam)) || 1;
  };

  #pageUrl(page: number): string {
    const url = new URL(location.href);
    if (page === 1) url.searchParams.delete(this.pageParam);
    else url.searchParams.set(this.pageParam, String(page));
    return url.pathname + url.search + url.hash;
  }

  #go(event: MouseEvent, page: number): void {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    history.pushState(null, '', this.#pageUrl(page));
    this.page = page;
    this.scrollIntoView({ block: 'start' });
  }

  #pageLink(page: number, label: string, part: string, ariaLabel?: string) {
    return html`<a part=${part} href=${this.#pageUrl(page)} aria-label=${ariaLabel ?? nothing} @click=${(event: MouseEvent) => this.#go(event, page)}>${label}</a>`;
  }

  protected override render() {
    const messages = this.#locale.messages;
    const load = this.#fetch.state;
    // The list's room is kept while the feed loads, so the page below does not jump when the cards arrive.
    if (!this.posts && load.state === 'loading') return html`<p part="status" class="reserved" role="status">${messages.loading}</p>`;
    if (!this.posts && load.state === 'failed') return html`<p part="error" role="alert">${messages.loadFailed(load.url, failureReason(load, messages))}</p><slot></slot>`;
    const posts = this.posts ?? (load.state === 'loaded' ? load.value.posts : []);
    if (posts.length === 0) return html`<p part="empty">${messages.noPosts}</p>`;

    const { page, pageCount, start, end, links } = paginate(posts.length, this.page, this.pageSize);
    // Excerpts are markdown with math: the cards wait for the renderers in the list's kept room, so they
    // appear once, at their final height, instead of as plain text that then reflows and pushes the page down.
    const excerpts = posts.slice(start, end).some((post) => post.summary || post.contentHtml || post.contentText);
    if (excerpts && !this.#math.value) return html`<p part="status" class="reserved" role="status">${messages.loading}</p>`;
    return html`<ol part="list">
        ${posts.slice(start, end).map(
          (post) => html`<li><post-card part="card" .post=${post} time-zone=${this.timeZone ?? nothing} excerpt-length=${this.excerptLength} .macros=${this.macros} .commentBackend=${this.commentBackend} comment-server=${this.commentServer ?? nothing} .strings=${this.strings}></post-card></li>`,
        )}
      </ol>
      ${pageCount > 1
        ? html`<nav part="pagination" aria-label=${messages.pagination}>
            ${page > 1 ? this.#pageLink(page - 1, `← ${messages.previousPage}`, 'page-link previous') : nothing}
            ${links.map((n) =>
              n === undefined
                ? html`<span part="gap" class="gap" aria-hidden="true">…</span>`
                : n === page
                  ? html`<a part="page-link" aria-current="page" href=${this.#pageUrl(n)} aria-label=${messages.page(n)}>${n}</a>`
                  : this.#pageLink(n, String(n), 'page-link', messages.page(n)),
            )}
            ${page < pageCount ? this.#pageLink(page + 1, `${messages.nextPage} →`, 'page-link next') : nothing}
          </nav>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-list': PostListElement;
  }
}

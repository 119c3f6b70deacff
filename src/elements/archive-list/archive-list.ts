import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArchiveMonth, ArchiveYear, PostQuery } from '../../core/archive.js';
import { type ArchiveIndex, filterArchive, indexArchive, isEmptyQuery, planArchivePass } from '../../core/archive-view.js';
import { archiveMonthLabel, formatIsoDate, validTimeZone } from '../../core/dates.js';
import { type ParsedFeed, parseFeed } from '../../core/feed.js';
import type { ErrorStrings } from '../../core/error-messages.js';
import { errorText } from '../../core/error-text.js';
import type { Locale, Messages } from '../../core/messages.js';
import { formatCount } from '../../core/numbers.js';
import type { DataError, Post } from '../../core/post.js';
import { tokens } from '../../styles/tokens.js';
import { visuallyHidden } from '../../styles/visually-hidden.js';
import { FetchController, failureReason } from '../shared/fetch-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { archiveListStyles } from './archive-list.styles.js';

// Posts one update may add; a longer list is completed over the next tasks, so a keystroke that
// opens every year is answered with the first screenfuls at once and typing is never blocked for long.
const postsPerPass = 1000;

/**
 * @tagname archive-list
 * @summary Every post grouped by year and month, with counts, collapsible years and a filter by title and tag.
 *
 * Posts come from the `posts` property, else from the JSON Feed at `src`.
 * The newest year starts open; a year's posts are rendered only while it is
 * open, and off-screen months are not laid out, so an archive of thousands of
 * posts stays quick. While a filter is active, every year with a match is
 * open; a long list of matches is built over several tasks, first screenfuls
 * first, and `updateComplete` resolves once it is whole.
 *
 * @csspart controls - The box around the filter and the tag menu.
 * @csspart filter - The search box that filters by title.
 * @csspart tag-select - The menu that filters by tag (absent when no post has tags).
 * @csspart year - Each year's `<details>`.
 * @csspart year-summary - A year's `<summary>`: the year and its post count.
 * @csspart month - One month: its name, its post count and the list of its posts.
 * @csspart month-label - A month's name and post count.
 * @csspart post - Each post's line: its date and title link.
 * @csspart date - Each post's date.
 * @csspart post-link - Each post's title link.
 * @csspart status - The loading message.
 * @csspart error - The message shown when `src` cannot be loaded or holds no readable post.
 * @csspart empty - The message shown when there are no posts, or none matches the filter.
 *
 * @cssprop [--sb-archive-list-font-size=1rem] - Text size.
 * @cssprop [--sb-archive-list-indent=1.25em] - Indent of the months under their year.
 * @cssprop [--sb-color-text=inherit] - Text.
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Dates and counts.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Post links and the focus ring.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Filter controls and the rule under each year.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - The error message.
 * @cssprop [--sb-font-body=inherit] - Text font.
 * @cssprop [--sb-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace] - Dates.
 * @cssprop [--sb-radius=6px] - Corners of the filter controls.
 * @cssprop [--sb-space-xs=0.25em] - The smallest step of the spacing scale.
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 */
export class ArchiveListElement extends LitElement {
  static override styles = [tokens, visuallyHidden, archiveListStyles];

  /** The posts to list. Takes precedence over `src`; assign a new array to change them. */
  @property({ attribute: false }) accessor posts: readonly Post[] | undefined = undefined;

  /** URL of a JSON Feed to fetch and list. */
  @property({ reflect: true }) accessor src: string | undefined = undefined;

  /**
   * The site's IANA time zone (`Asia/Shanghai`), for dates written as a
   * date-time without an offset; the reader's zone when absent or unknown.
   * A calendar date, or a date-time with an offset, shows the day its author
   * wrote in every zone, and is listed under that day's month.
   */
  @property({ attribute: 'time-zone' }) accessor timeZone: string | undefined = undefined;

  /** Replacements for the built-in interface text; `errors` rewords the messages about a bad feed, by code (`{ errors: { 'feed-no-items': () => … } }`). */
  @property({ attribute: false }) accessor strings: (Partial<Messages> & ErrorStrings) | undefined = undefined;

  /** What was wrong in the feed fetched from `src` (`item 3: date_published is not a date …`); the rest is listed. */
  get errors(): readonly DataError[] {
    return this.posts === undefined ? (this.#feed?.errors ?? []) : [];
  }

  get #feed(): ParsedFeed | undefined {
    const load = this.#fetch.state;
    return load.state === 'loaded' ? load.value : undefined;
  }

  readonly #locale = new LocaleController(this);
  readonly #fetch = new FetchController(this, parseFeed);
  #indexed?: readonly Post[];
  #indexedZone?: string;
  #index?: ArchiveIndex;
  #shown: readonly ArchiveYear[] = [];
  #query: Required<PostQuery> = { text: '', tag: '' };
  /** The filter box's text, ahead of `#query.text` until the next frame or the end of a composition. */
  #typed = '';
  #typingFrame = 0;
  // Open states the reader chose, by year: one set for the whole archive, one for the current filter.
  readonly #opened = new Map<number, boolean>();
  readonly #openedWhileFiltering = new Map<number, boolean>();
  #budget = postsPerPass;
  #incomplete = false;
  #nextPass?: Promise<void>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#typingFrame);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('posts') || changed.has('src')) this.#fetch.load(this.posts === undefined ? this.src : undefined);
    const source = this.posts ?? this.#feed?.posts;
    const timeZone = validTimeZone(this.timeZone);
    if (source === this.#indexed && timeZone === this.#indexedZone) return;
    this.#indexed = source;
    this.#indexedZone = timeZone;
    this.#index = source && indexArchive(source, { timeZone });
    if (!this.#index?.tags.some(({ tag }) => tag === this.#query.tag)) this.#query.tag = '';
    this.#filter();
  }

  protected override updated(): void {
    if (!this.#incomplete || this.#nextPass) return;
    // A task, not an animation frame, so typing can interrupt between passes and a hidden page still completes.
    const shown = this.#shown;
    this.#nextPass = new Promise((resolve) =>
      setTimeout(() => {
        this.#nextPass = undefined;
        // A new filter in the meantime has started its own passes.
        if (shown === this.#shown) this.#budget += postsPerPass;
        this.requestUpdate();
        resolve();
      }),
    );
  }

  /** Resolves once every open year is listed in full, over as many passes as that takes. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#nextPass) {
      await this.#nextPass;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  get #filtering(): boolean {
    return !isEmptyQuery(this.#query);
  }

  #filter(): void {
    this.#shown = this.#index ? filterArchive(this.#index, this.#query) : [];
    this.#budget = postsPerPass;
  }

  #isOpen(year: number): boolean {
    if (this.#filtering) return this.#openedWhileFiltering.get(year) ?? true;
    return this.#opened.get(year) ?? year === this.#index?.years[0]?.year;
  }

  #setQuery(query: Partial<PostQuery>): void {
    this.#query = { ...this.#query, ...query };
    this.#openedWhileFiltering.clear();
    this.#filter();
    this.requestUpdate();
  }

  readonly #onInput = (event: Event): void => {
    this.#typed = (event.target as HTMLInputElement).value;
    // Mid-composition text (pinyin not yet turned into 汉字) is not what the reader is looking for.
    if ((event as InputEvent).isComposing) return;
    // Keystrokes that arrive within one frame (key repeat, typing during a long pass) are filtered once.
    cancelAnimationFrame(this.#typingFrame);
    this.#typingFrame = requestAnimationFrame(() => this.#setQuery({ text: this.#typed }));
  };

  readonly #onTagChange = (event: Event): void => this.#setQuery({ tag: (event.target as HTMLSelectElement).value });

  // `toggle` also follows the open state this element sets; only a difference from it is the reader's choice.
  readonly #onToggle = (event: Event): void => {
    const details = event.currentTarget as HTMLDetailsElement;
    const year = Number(details.dataset.year);
    if (details.open === this.#isOpen(year)) return;
    (this.#filtering ? this.#openedWhileFiltering : this.#opened).set(year, details.open);
    this.requestUpdate();
  };

  #renderMonth(year: number, month: ArchiveMonth, locale: Locale, messages: Messages) {
    const id = `month-${year}-${month.month}`;
    return html`<div part="month" style=${styleMap({ '--_rows': String(month.count) })}>
      <p part="month-label" class="month-label" id=${id}>${messages.withCount(archiveMonthLabel(year, month.month, locale), month.count)}</p>
      <ul aria-labelledby=${id}>
        ${month.posts.map((post) => {
          const date = formatIsoDate(post.date, { timeZone: this.#indexedZone });
          return html`<li part="post"><time part="date" datetime=${date}>${date}</time> <a part="post-link" href=${post.url || nothing}>${post.title || messages.untitled}</a></li>`;
        })}
      </ul>
    </div>`;
  }

  #renderYears(locale: Locale, messages: Messages) {
    const pass = planArchivePass(this.#shown, (year) => this.#isOpen(year), this.#budget);
    this.#incomplete = !pass.complete;
    // Keyed by year, so each <details> keeps its element, and its open state, as filters come and go.
    return repeat(
      this.#shown,
      (year) => year.year,
      (year, i) => html`<details part="year" data-year=${year.year} ?open=${this.#isOpen(year.year)} @toggle=${this.#onToggle}>
        <summary part="year-summary">${messages.withCount(locale === 'zh' ? `${year.year}年` : String(year.year), year.count)}</summary>
        ${pass.months[i].map((month) => this.#renderMonth(year.year, month, locale, messages))}
      </details>`,
    );
  }

  protected override render() {
    this.#incomplete = false;
    const messages = this.#locale.messages;
    const load = this.#fetch.state;
    const index = this.#index;
    if (this.posts === undefined && load.state !== 'idle') {
      if (load.state === 'loading') return html`<p part="status" role="status" aria-busy="true">${messages.loading}</p>`;
      const reason = load.state === 'failed' ? failureReason(load, messages) : index?.total === 0 && this.errors[0] && errorText(this.errors[0], this.#locale.locale, this.strings?.errors);
      if (reason) return html`<p part="error" role="alert">${messages.loadFailed(load.url, reason)}</p>`;
    }
    if (!index) return nothing;
    if (index.total === 0) return html`<p part="empty">${messages.noPosts}</p>`;
    const locale = this.#locale.locale;
    const matching = this.#shown.reduce((sum, year) => sum + year.count, 0);
    return html`<div part="controls" class="controls">
        <input part="filter" type="search" aria-label=${messages.filterPlaceholder} placeholder=${messages.filterPlaceholder} .value=${live(this.#typed)} @input=${this.#onInput} @compositionend=${this.#onInput} />
        ${index.tags.length === 0
          ? nothing
          : html`<select part="tag-select" aria-label=${messages.tag} @change=${this.#onTagChange}>
              <option value="" ?selected=${this.#query.tag === ''}>${messages.allTags}</option>
              ${index.tags.map(({ tag, count }) => html`<option value=${tag} ?selected=${tag === this.#query.tag}>${tag} (${formatCount(count, locale)})</option>`)}
            </select>`}
      </div>
      <p role="status" part=${matching === 0 ? 'empty' : nothing} class=${matching === 0 ? '' : 'visually-hidden'}>
        ${matching === 0 ? messages.noMatches : this.#filtering ? messages.postCount(matching) : ''}
      </p>
      <nav aria-label=${messages.archive}>${this.#renderYears(locale, messages)}</nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archive-list': ArchiveListElement;
  }
}

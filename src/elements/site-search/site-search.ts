import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { formatIsoDate, formatPostDate } from '../../core/dates.js';
import { parseFeed } from '../../core/feed.js';
import type { Messages } from '../../core/messages.js';
import type { Post } from '../../core/post.js';
import type { TexMacros } from '../../core/render-math.js';
import type { SearchBackend, SiteSearchResult } from '../../core/search-backend.js';
import { katexStyles, registerKatexFonts } from '../../styles/katex-styles.js';
import { mathErrorStyles, tokens } from '../../styles/tokens.js';
import { LocaleController } from '../shared/locale-controller.js';
import { postsSearchBackend } from './search-backends.js';
import { SiteSearchSelectEvent } from './site-search-select-event.js';
import { siteSearchStyles } from './site-search.styles.js';

/**
 * @tagname site-search
 * @summary Full-text search over the blog: a field, and the posts it finds with a snippet around each hit, math rendered.
 *
 * Results come from `posts`, from the JSON Feed at `src` (fetched and
 * indexed when the field is first focused, in a worker when the feed is
 * large), or from the Pagefind bundle at `pagefind`. Chinese is found
 * without spaces, TeX by the names in it (`\sigma`). `/` anywhere on the
 * page focuses the field; ↑/↓ choose a result, Enter opens it, Esc clears.
 * The query lives in the URL (`?q=…`), so a search survives reload and can
 * be shared.
 *
 * @fires site-search-select - Enter on a result; cancelable (the element then does not navigate).
 *
 * @csspart input - The search field (a combobox).
 * @csspart status - What the search is doing or found: a live region, so screen readers hear the count.
 * @csspart results - The list of results.
 * @csspart result - Each result, a link to the post; the chosen one has `aria-selected="true"`.
 * @csspart title - The post's title.
 * @csspart date - The post's date.
 * @csspart snippet - The text around the hit, the query's words in `<mark>`.
 * @csspart tags - The post's tags.
 * @csspart tag - Each tag.
 *
 * @cssprop [--sb-site-search-input-padding=0.5em 0.75em] - Padding of the field.
 * @cssprop [--sb-site-search-mark-color=var(--sb-color-highlight)] - Background of the marked words.
 * @cssprop [--sb-color-text=inherit] - Text colour (by default the page's).
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Secondary text: dates, counts, notes and status messages.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links, buttons and focus rings.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Borders and rules.
 * @cssprop [--sb-color-surface=light-dark(#f4f6f8, #1c2128)] - Background of the chosen result and of error messages.
 * @cssprop [--sb-color-highlight=light-dark(#fff5c2, #3b3417)] - Background of the query's words in snippets.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - Error messages, and formulas KaTeX could not render.
 * @cssprop [--sb-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace] - Font of TeX source.
 * @cssprop [--sb-math-scale=1] - Size of formulas, as a multiple of KaTeX's own (1.21 times the text).
 * @cssprop [--sb-radius=6px] - Corner radius of boxes, buttons and controls.
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 */
export class SiteSearchElement extends LitElement {
  static override styles = [tokens, katexStyles, mathErrorStyles, siteSearchStyles];

  /** The posts to search. Takes precedence over `src`. */
  @property({ attribute: false }) accessor posts: readonly Post[] | undefined = undefined;

  /** URL of a JSON Feed 1.1 document whose posts to search. */
  @property() accessor src: string | undefined = undefined;

  /** URL of a Pagefind bundle (the folder with `pagefind.js`), for sites too large to index in the page. Takes precedence over both. */
  @property() accessor pagefind: string | undefined = undefined;

  /** At most this many results. */
  @property({ type: Number }) accessor limit = 10;

  /** About how many characters each snippet shows. */
  @property({ type: Number, attribute: 'snippet-length' }) accessor snippetLength = 160;

  /** Milliseconds to wait after the last keystroke before searching. */
  @property({ type: Number }) accessor delay = 150;

  /** Name of the URL query parameter that holds the query. */
  @property() accessor param = 'q';

  /** TeX macros for the snippets' formulas. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  @state() private accessor typed = '';
  @state() private accessor results: readonly SiteSearchResult[] | undefined = undefined;
  @state() private accessor status: 'idle' | 'searching' | 'done' | 'failed' = 'idle';
  @state() private accessor failure = '';
  @state() private accessor active = -1;
  @query('input') private accessor input!: HTMLInputElement;

  readonly #locale = new LocaleController(this);
  #backend: { source: unknown; backend: Promise<SearchBackend> } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #searches = 0;
  // The search under way (its debounce included), for updateComplete to wait on.
  #work: Promise<void> | undefined;
  #endWork: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    registerKatexFonts();
    document.addEventListener('keydown', this.#onPageKey);
    window.addEventListener('popstate', this.#readQueryFromUrl);
    this.#readQueryFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onPageKey);
    window.removeEventListener('popstate', this.#readQueryFromUrl);
    clearTimeout(this.#timer);
  }

  /** Resolves once the results of what was typed are shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let work = this.#work; work; work = this.#work) {
      await work;
      if (work === this.#work) this.#work = undefined;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  readonly #readQueryFromUrl = (): void => {
    this.typed = new URL(location.href).searchParams.get(this.param) ?? '';
    this.#schedule(0);
  };

  readonly #onPageKey = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    this.input.focus();
  };

  /** The backend for the current inputs, made once per input. */
  #backendFor(): Promise<SearchBackend> {
    const { pagefind } = this;
    const source = pagefind ?? this.posts ?? this.src;
    const current = this.#backend;
    if (current && current.source === source) return current.backend;
    current?.backend.then((backend) => backend.dispose?.(), () => undefined);
    const backend = pagefind
      ? import('./pagefind-search-backend.js').then((module) => module.pagefindSearchBackend(pagefind))
      : this.posts
        ? Promise.resolve(postsSearchBackend(this.posts))
        : this.src
          ? this.#feedBackend(this.src)
          : Promise.reject(new Error('no posts, src or pagefind given'));
    this.#backend = { source, backend };
    return backend;
  }

  async #feedBackend(url: string): Promise<SearchBackend> {
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new Error(this.#locale.messages.loadFailed(url, error instanceof Error ? error.message : String(error)));
    }
    if (!response.ok) throw new Error(this.#locale.messages.loadFailed(url, `HTTP ${response.status}`));
    let feed: unknown;
    try {
      feed = await response.json();
    } catch (error) {
      throw new Error(this.#locale.messages.loadFailed(url, error instanceof Error ? error.message : String(error)));
    }
    return postsSearchBackend(parseFeed(feed).posts);
  }

  readonly #prepare = (): void => {
    // A failure shows when the reader searches; preparing is only a head start.
    this.#backendFor()
      .then((backend) => backend.prepare())
      .catch(() => undefined);
  };

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#work ??= new Promise((resolve) => (this.#endWork = resolve));
    this.#timer = setTimeout(() => void this.#search(), delay);
  }

  async #search(): Promise<void> {
    const query = this.typed.trim();
    const search = ++this.#searches;
    const end = this.#endWork;
    try {
      if (!query) {
        [this.results, this.status, this.active] = [undefined, 'idle', -1];
        return;
      }
      this.status = 'searching';
      const backend = await this.#backendFor();
      const results = await backend.search(query, { limit: this.limit, locale: this.#locale.locale, snippetLength: this.snippetLength, macros: this.macros });
      if (search !== this.#searches) return;
      [this.results, this.status, this.active] = [results, 'done', -1];
    } catch (error) {
      if (search !== this.#searches) return;
      [this.results, this.status, this.failure] = [undefined, 'failed', error instanceof Error ? error.message : String(error)];
    } finally {
      if (search === this.#searches) {
        this.#endWork = undefined;
        end?.();
      }
    }
  }

  #setQuery(value: string): void {
    this.typed = value;
    const url = new URL(location.href);
    if (value.trim()) url.searchParams.set(this.param, value);
    else url.searchParams.delete(this.param);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }

  readonly #onInput = (event: Event): void => {
    this.#setQuery((event.target as HTMLInputElement).value);
    this.#schedule(this.delay);
  };

  readonly #onKey = (event: KeyboardEvent): void => {
    const count = this.results?.length ?? 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Past either end the choice goes back to the field, then round.
      const next = this.active + step;
      this.active = next >= count ? -1 : next < -1 ? count - 1 : next;
    } else if (event.key === 'Enter') {
      const result = this.results?.[this.active >= 0 ? this.active : 0];
      if (!result) return;
      event.preventDefault();
      if (this.dispatchEvent(new SiteSearchSelectEvent(result.url, this.typed))) location.assign(result.url);
    } else if (event.key === 'Escape' && this.typed) {
      event.preventDefault();
      this.#setQuery('');
      this.#schedule(0);
    }
  };

  #statusText(messages: Messages): string {
    if (this.status === 'searching') return messages.searching;
    if (this.status === 'failed') return messages.searchFailed(this.failure);
    if (this.status !== 'done' || !this.results) return '';
    return this.results.length > 0 ? messages.searchResults(this.results.length) : messages.searchNothingFound(this.typed.trim());
  }

  protected override updated(): void {
    this.renderRoot.querySelector(`#result-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  protected override render() {
    const messages = this.#locale.messages;
    const { locale } = this.#locale;
    const results = this.results ?? [];
    return html`<input
        part="input"
        type="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-controls="results"
        aria-expanded=${results.length > 0 ? 'true' : 'false'}
        aria-activedescendant=${this.active >= 0 ? `result-${this.active}` : nothing}
        aria-label=${messages.search}
        placeholder=${messages.searchPlaceholder}
        .value=${live(this.typed)}
        @focus=${this.#prepare}
        @input=${this.#onInput}
        @keydown=${this.#onKey}
      />
      <p part="status" role="status" aria-live="polite">${this.#statusText(messages)}</p>
      <ul part="results" id="results" role="listbox" aria-label=${messages.search} ?hidden=${results.length === 0}>
        ${results.map(
          (result, i) =>
            html`<li role="none">
              <a part="result" role="option" id="result-${i}" href=${result.url} tabindex="-1" aria-selected=${i === this.active ? 'true' : 'false'}>
                <span part="title">${result.title}</span>${result.date
                  ? html`<time part="date" datetime=${formatIsoDate(result.date)}>${formatPostDate(result.date, locale)}</time>`
                  : nothing}
                <div part="snippet">${unsafeHTML(result.snippetHtml)}</div>
                ${result.tags.length > 0 ? html`<span part="tags">${result.tags.map((tag) => html`<span part="tag">#${tag}</span>`)}</span>` : nothing}
              </a>
            </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'site-search': SiteSearchElement;
  }
}

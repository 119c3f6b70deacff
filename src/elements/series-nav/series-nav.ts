import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { parseFeed } from '../../core/feed.js';
import type { Messages } from '../../core/messages.js';
import type { Post } from '../../core/post.js';
import { seriesOf } from '../../core/series.js';
import { tokens } from '../../styles/tokens.js';
import { FetchController } from '../shared/fetch-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { seriesNavStyles } from './series-nav.styles.js';

/**
 * @tagname series-nav
 * @summary The posts of a series in order, the current one marked, with links to the previous and next.
 *
 * Posts come from `posts`, from a JSON Feed at `src`, or from links written as
 * children (`<a href="/archives/1">Part 1</a>…`, read in order), which also
 * serve readers before the script runs.
 *
 * @slot - Links to the posts of the series, used when neither `posts` nor `src` is given.
 *
 * @csspart title - The series name.
 * @csspart list - The numbered list of posts.
 * @csspart item - Each post of the list; the current one is also `current`.
 * @csspart current - The current post's item.
 * @csspart link - Each post's link in the list.
 * @csspart previous - Link to the previous post.
 * @csspart next - Link to the next post.
 * @csspart pager - The box around the previous and next links.
 *
 * @cssprop [--sb-series-nav-padding=0.75em 1em] - Space inside the box.
 * @cssprop [--sb-color-text=inherit] - Text colour (by default the page's).
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links, buttons and focus rings.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Borders and rules.
 * @cssprop [--sb-radius=6px] - Corner radius of boxes, buttons and controls.
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 */
export class SeriesNavElement extends LitElement {
  static override styles = [tokens, seriesNavStyles];

  /** Posts to pick the series from (other posts are ignored). */
  @property({ attribute: false }) accessor posts: readonly Post[] | undefined = undefined;

  /** URL of a JSON Feed to read the posts from. */
  @property() accessor src: string | undefined = undefined;

  /** Series name; by default the series of the current post. */
  @property() accessor series = '';

  /** URL or id of the current post; by default this page's path. */
  @property() accessor current = '';

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  readonly #locale = new LocaleController(this);
  readonly #fetch = new FetchController(this, parseFeed);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this.#fetch.load(this.src);
  }

  #posts(): readonly Post[] {
    if (this.posts) return this.posts;
    const load = this.#fetch.state;
    if (load.state === 'loaded') return load.value.posts;
    // Hand-written links: their order is the series order.
    return [...this.querySelectorAll(':scope > a[href]')].map((link, index) => ({
      id: link.getAttribute('href')!,
      url: link.getAttribute('href')!,
      title: link.textContent!.trim(),
      date: '',
      authors: [],
      tags: [],
      series: { name: this.series, index: index + 1 },
    }));
  }

  protected override render() {
    const messages = this.#locale.messages;
    const { name, posts, current } = seriesOf(this.#posts(), this.current || location.pathname, this.series);
    if (posts.length === 0) return html`<slot></slot>`;
    const previous = current > 0 ? posts[current - 1] : undefined;
    const next = current >= 0 && current < posts.length - 1 ? posts[current + 1] : undefined;
    const title = (post: Post) => post.title || messages.untitled;
    return html`<nav aria-label=${messages.series(name)}>
      <h2 part="title">${messages.series(name)}</h2>
      <ol part="list">
        ${posts.map((post, i) => html`<li part=${i === current ? 'item current' : 'item'}><a part="link" href=${post.url} aria-current=${i === current ? 'page' : nothing}>${title(post)}</a></li>`)}
      </ol>
      ${previous || next
        ? html`<div part="pager">
            ${previous ? html`<a part="previous" rel="prev" href=${previous.url}>← ${messages.previousPost}${messages.colon}${title(previous)}</a>` : nothing}
            ${next ? html`<a part="next" rel="next" href=${next.url}>${messages.nextPost}${messages.colon}${title(next)} →</a>` : nothing}
          </div>`
        : nothing}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'series-nav': SeriesNavElement;
  }
}

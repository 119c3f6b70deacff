import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { formatDateBadge, readPostDate, validTimeZone } from '../../core/dates.js';
import type { Messages } from '../../core/messages.js';
import type { Post } from '../../core/post.js';
import type { TexMacros } from '../../core/render-math.js';
import { tokens } from '../../styles/tokens.js';
import { visuallyHidden } from '../../styles/visually-hidden.js';
import { CommentCountFields } from '../shared/comment-count-fields.js';
import { LightSourceController } from '../shared/light-source.js';
import { LocaleController } from '../shared/locale-controller.js';
import { PostFields, resolvePost } from '../shared/post-fields.js';
import { postCardStyles } from './post-card.styles.js';

/**
 * @tagname post-card
 * @summary One entry of a blog's home page: date badge, title link, byline, excerpt with math, "read more".
 *
 * Give it a `post` (from a JSON Feed) or write it by hand:
 * `<post-card href="/archives/1" title="…" date="2024-09-06" author="…" readers="59659">An excerpt with $x^2$…</post-card>`.
 * With `comment-backend`, its byline shows the comment server's count of the post.
 *
 * @slot - The excerpt, written by hand: plain text is read as markdown with math, markup as HTML. Overrides the post's summary.
 * @slot image - A picture shown above the title.
 * @slot actions - Links or buttons under the excerpt.
 *
 * @csspart card - The `<article>` around everything.
 * @csspart badge - The date badge.
 * @csspart badge-day - The day in the badge.
 * @csspart badge-month - The month in the badge.
 * @csspart body - Everything beside the badge: picture, title, byline, excerpt and actions.
 * @csspart title - The heading.
 * @csspart title-link - The link in the heading.
 * @csspart meta - The byline (a `post-meta`).
 * @csspart excerpt - The excerpt (a `post-excerpt`).
 *
 * @cssprop [--sb-post-card-padding=1.25em 0] - Space above and below the card.
 * @cssprop [--sb-post-card-badge-size=3.4em] - Width and height of the date badge.
 * @cssprop [--sb-post-card-badge-background=var(--sb-color-accent)] - Badge background.
 * @cssprop [--sb-post-card-badge-color=var(--sb-color-on-accent)] - Badge text colour.
 * @cssprop [--sb-post-card-title-size=1.3em] - Title size.
 * @cssprop [--sb-color-text=inherit] - Text colour (by default the page's).
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Secondary text: dates, counts, notes and status messages.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links, buttons and focus rings.
 * @cssprop [--sb-color-on-accent=light-dark(#ffffff, #0f1419)] - Text on the accent colour.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Borders and rules.
 * @cssprop [--sb-font-heading=inherit] - Font of headings and titles (by default the text's).
 * @cssprop [--sb-radius=6px] - Corner radius of boxes, buttons and controls.
 * @cssprop [--sb-space-xs=0.25em] - The smallest step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 */
export class PostCardElement extends CommentCountFields(PostFields(LitElement)) {
  static override styles = [tokens, visuallyHidden, postCardStyles];

  /** About how many characters of excerpt to show when the post has no `<!--more-->`. */
  @property({ type: Number, attribute: 'excerpt-length' }) accessor excerptLength = 200;

  /** Where the byline's cite link leads, if anywhere. */
  @property({ attribute: 'cite-href' }) accessor citeHref: string | undefined = undefined;

  /** The post's key on the comment server, for `comment-backend`; default the path of the post's URL. */
  @property({ attribute: 'comment-post' }) accessor commentPost: string | undefined = undefined;

  /** TeX macros for the excerpt's formulas. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /** Replacements for the built-in interface text, passed on to the byline and excerpt. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  readonly #locale = new LocaleController(this);
  readonly #light = new LightSourceController(this);

  /** The post with a hand-written excerpt in place of its summary. */
  #excerptPost(post: Post): Post {
    const light = this.#light.source;
    if (!light) return post;
    return light.format === 'html' ? { ...post, summary: undefined, contentHtml: light.text } : { ...post, summary: light.text };
  }

  protected override render() {
    const post = resolvePost(this);
    const locale = this.#locale.locale;
    const badge = formatDateBadge(post.date, locale, { timeZone: validTimeZone(this.timeZone) });
    const title = post.title.trim()
      ? post.url
        ? html`<a part="title-link" href=${post.url}>${post.title}</a>`
        : post.title
      : html`<span class="untitled">${this.#locale.messages.untitled}</span>`;
    return html`<article part="card" aria-labelledby="title">
      ${badge
        ? html`<time part="badge" datetime=${readPostDate(post.date) ? post.date : nothing}>
            <span part="badge-day" aria-hidden="true">${badge.day}</span>
            <span part="badge-month" aria-hidden="true">${badge.month}</span>
            <span class="visually-hidden">${badge.label}</span>
          </time>`
        : nothing}
      <div part="body" class="body">
        <slot name="image"></slot>
        <h2 part="title" id="title">${title}</h2>
        <post-meta part="meta" .post=${post} time-zone=${this.timeZone ?? nothing} cite-href=${this.citeHref ?? nothing} .commentBackend=${this.commentBackend} comment-server=${this.commentServer ?? nothing} comment-post=${this.commentPost ?? nothing} .strings=${this.strings}></post-meta>
        <post-excerpt part="excerpt" .post=${this.#excerptPost(post)} length=${this.excerptLength} .macros=${this.macros} .strings=${this.strings}></post-excerpt>
        <slot name="actions"></slot>
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-card': PostCardElement;
  }
}

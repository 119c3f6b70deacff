import { html, isServer, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CommentBackend, CommentResult } from '../../core/comment-backend.js';
import { sharedCommentCounter } from '../../core/comment-counts.js';
import { formatIsoDate, formatPostDate, readPostDate, validTimeZone } from '../../core/dates.js';
import type { Messages } from '../../core/messages.js';
import { formatReaderCount } from '../../core/numbers.js';
import { tokens } from '../../styles/tokens.js';
import type { PostCiteElement } from '../post-cite/post-cite.js';
import { chosenBackend, postKey } from '../shared/comment-backends.js';
import { CommentCountFields } from '../shared/comment-count-fields.js';
import { LocaleController } from '../shared/locale-controller.js';
import { PostFields, resolvePost } from '../shared/post-fields.js';
import { postMetaStyles } from './post-meta.styles.js';

/**
 * @tagname post-meta
 * @summary A post's byline: author | date | readers | comments | cite.
 *
 * Chinese pages show the date as `2024-09-06`, as 科学空间 does; English pages
 * spell it out. Missing fields are left out with their separators.
 *
 * The comment count links to the post's `#comments`. It is the post's
 * `comments` field, or, with `comment-backend`, the comment server's count:
 * every byline on the page is counted in one request.
 *
 * @csspart author - The author's name (a link when the post has an author URL).
 * @csspart date - The `<time>` element.
 * @csspart readers - The reader count.
 * @csspart comments - The comment count, a link to the comments.
 * @csspart cite - The link to the citation.
 * @csspart separator - Each separator between the items.
 *
 * @cssprop [--sb-post-meta-font-size=0.9em] - Text size.
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Text colour.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links, buttons and focus rings.
 */
export class PostMetaElement extends CommentCountFields(PostFields(LitElement)) {
  static override styles = [tokens, postMetaStyles];

  /**
   * Where the cite item leads: `#id` of a `post-cite` on the page (clicking
   * shows it) or any URL. Without it there is no cite item.
   */
  @property({ attribute: 'cite-href' }) accessor citeHref: string | undefined = undefined;

  /** The post's key on the comment server, for `comment-backend`; default the path of the post's URL, as `comment-list` has it on the post's page. */
  @property({ attribute: 'comment-post' }) accessor commentPost: string | undefined = undefined;

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  readonly #locale = new LocaleController(this);

  /** The server's count of the post, as asked of `backend` under `key`. */
  @state() private accessor counted: { backend: CommentBackend; key: string; result?: CommentResult<number> } | undefined = undefined;

  protected override willUpdate(): void {
    const backend = isServer ? undefined : chosenBackend(this.commentBackend, this.commentServer, this.#locale.locale);
    if (!backend) return void (this.counted = undefined);
    const url = resolvePost(this).url;
    const key = this.commentPost ?? (url ? new URL(url, location.href).pathname : postKey(undefined));
    if (this.counted?.backend === backend && this.counted.key === key) return;
    const asked = (this.counted = { backend, key });
    void sharedCommentCounter(backend)(key).then((result) => {
      if (this.counted === asked) this.counted = { ...asked, result };
      if (!result.ok) console.warn(`post-meta: could not count the comments of ${key}: ${result.error.message}`);
    });
  }

  #commentCount(count: number | undefined, href: string) {
    const messages = this.#locale.messages;
    const result = this.counted?.result;
    if (result?.ok) count = result.value;
    if (count === undefined && !this.counted) return undefined;
    const failure = result && !result.ok ? messages.commentServerFailed(result.error.kind, result.error.message) : undefined;
    return html`<a part="comments" href=${href} title=${failure ?? nothing}>${count === undefined ? messages.comments : messages.commentCount(count)}</a>`;
  }

  #onCite(event: MouseEvent): void {
    const id = this.citeHref?.startsWith('#') ? decodeURIComponent(this.citeHref.slice(1)) : '';
    const target = id ? (this.getRootNode() as Document | ShadowRoot).getElementById(id) : null;
    if (target?.localName !== 'post-cite') return;
    event.preventDefault();
    (target as PostCiteElement).show();
  }

  protected override render() {
    const post = resolvePost(this);
    const locale = this.#locale.locale;
    const messages = this.#locale.messages;
    const [author] = post.authors;
    const items: TemplateResult[] = [];
    if (author) {
      items.push(author.url ? html`<a part="author" href=${author.url} rel="author">${author.name}</a>` : html`<span part="author">${author.name}</span>`);
    }
    if (post.date) {
      const zone = { timeZone: validTimeZone(this.timeZone) };
      const shown = locale === 'zh' ? formatIsoDate(post.date, zone) : formatPostDate(post.date, locale, zone);
      items.push(html`<time part="date" datetime=${readPostDate(post.date) ? post.date : nothing}>${shown}</time>`);
    }
    if (post.readers !== undefined) items.push(html`<span part="readers">${formatReaderCount(post.readers, locale)}</span>`);
    const comments = this.#commentCount(post.comments, `${post.url}#comments`);
    if (comments) items.push(comments);
    if (this.citeHref) items.push(html`<a part="cite" href=${this.citeHref} @click=${this.#onCite}>${messages.cite}</a>`);
    return items.map((item, i) => (i === 0 ? item : html`<span part="separator" class="separator" aria-hidden="true">${messages.byline}</span>${item}`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-meta': PostMetaElement;
  }
}

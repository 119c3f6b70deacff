import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatIsoDate, formatPostDate, readPostDate, validTimeZone } from '../../core/dates.js';
import type { Messages } from '../../core/messages.js';
import { formatReaderCount } from '../../core/numbers.js';
import { tokens } from '../../styles/tokens.js';
import type { PostCiteElement } from '../post-cite/post-cite.js';
import { LocaleController } from '../shared/locale-controller.js';
import { PostFields, resolvePost } from '../shared/post-fields.js';
import { postMetaStyles } from './post-meta.styles.js';

/**
 * @tagname post-meta
 * @summary A post's byline: author | date | readers | cite.
 *
 * Chinese pages show the date as `2024-09-06`, as 科学空间 does; English pages
 * spell it out. Missing fields are left out with their separators.
 *
 * @csspart author - The author's name (a link when the post has an author URL).
 * @csspart date - The `<time>` element.
 * @csspart readers - The reader count.
 * @csspart cite - The link to the citation.
 * @csspart separator - Each separator between the items.
 *
 * @cssprop [--sb-post-meta-font-size=0.9em] - Text size.
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Text colour.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links, buttons and focus rings.
 */
export class PostMetaElement extends PostFields(LitElement) {
  static override styles = [tokens, postMetaStyles];

  /**
   * Where the cite item leads: `#id` of a `post-cite` on the page (clicking
   * shows it) or any URL. Without it there is no cite item.
   */
  @property({ attribute: 'cite-href' }) accessor citeHref: string | undefined = undefined;

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  readonly #locale = new LocaleController(this);

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
    if (this.citeHref) items.push(html`<a part="cite" href=${this.citeHref} @click=${this.#onCite}>${messages.cite}</a>`);
    return items.map((item, i) => (i === 0 ? item : html`<span part="separator" class="separator" aria-hidden="true">${messages.byline}</span>${item}`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-meta': PostMetaElement;
  }
}

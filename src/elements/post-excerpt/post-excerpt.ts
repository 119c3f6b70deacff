import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { textOf } from '../../core/html-scan.js';
import type { Messages } from '../../core/messages.js';
import type { Post } from '../../core/post.js';
import type { TexMacros } from '../../core/render-math.js';
import { katexStyles, registerKatexFonts } from '../../styles/katex-styles.js';
import { mathErrorStyles, tokens } from '../../styles/tokens.js';
import { type LightSource, LightSourceController } from '../shared/light-source.js';
import { LocaleController } from '../shared/locale-controller.js';
import { LazyModuleRequest, readyToHydrate, updatedWith } from '../shared/lazy-module.js';
import { markdownRenderers } from '../shared/math-modules.js';
import { postExcerptStyles } from './post-excerpt.styles.js';

/**
 * @tagname post-excerpt
 * @summary The beginning of a post, with its math rendered, and a "read more" link.
 *
 * Cut at `<!--more-->`, else at about `length` characters on a sentence or
 * word boundary — never inside a formula, a link, a tag or a character.
 * The text comes from `markdown`, from the children (written by hand: plain
 * text is read as markdown, markup as HTML), or from `post` (its summary,
 * else its content).
 *
 * @slot - The excerpt's source, shown as written until the element is defined.
 *
 * @csspart content - The excerpt.
 * @csspart read-more - The "read more" link.
 *
 * @cssprop [--sb-post-excerpt-line-height=var(--sb-line-height)] - Line height of the text.
 * @cssprop [--sb-color-text=inherit] - Text colour (by default the page's).
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - A citation of a key the post's references lack (`?`).
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - The "read more" link.
 * @cssprop [--sb-color-surface=light-dark(#f4f6f8, #1c2128)] - Background of code, boxes and error messages.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - Error messages, and formulas KaTeX could not render.
 * @cssprop [--sb-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace] - Font of code and TeX source.
 * @cssprop [--sb-line-height=1.8] - Line height of running text.
 * @cssprop [--sb-math-scale=1] - Size of formulas, as a multiple of KaTeX's own (1.21 times the text).
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 */
export class PostExcerptElement extends LitElement {
  static override styles = [tokens, katexStyles, mathErrorStyles, postExcerptStyles];

  /** Markdown (with math) to take the excerpt from. */
  @property({ attribute: false }) accessor markdown: string | undefined = undefined;

  /** A post to take the excerpt from: its summary, else its content. */
  @property({ attribute: false }) accessor post: Post | undefined = undefined;

  /** Address of the whole post, for the "read more" link; the post's URL by default. */
  @property() accessor href: string | undefined = undefined;

  /** About how many characters to keep when there is no `<!--more-->`. */
  @property({ type: Number }) accessor length = 200;

  /** TeX macros for the formulas. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  readonly #locale = new LocaleController(this);
  readonly #light = new LightSourceController(this);
  readonly #math = new LazyModuleRequest(this, markdownRenderers);

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

  #source(): LightSource | undefined {
    if (this.markdown !== undefined) return { text: this.markdown, format: 'markdown' };
    if (this.#light.source) return this.#light.source;
    const post = this.post;
    if (post?.summary) return { text: post.summary, format: 'markdown' };
    if (post?.contentHtml) return { text: post.contentHtml, format: 'html' };
    if (post?.contentText) return { text: post.contentText, format: 'markdown' };
    return undefined;
  }

  protected override render() {
    const source = this.#source();
    const href = this.href ?? this.post?.url;
    const readMore = href ? html`<a part="read-more" href=${href}>${this.#locale.messages.readMore}</a>` : nothing;
    if (!source) return readMore;
    const renderers = this.#math.value;
    // Until the renderers arrive, hand-written text shows as written and a
    // post's as plain text of about the same length, so the card keeps its height.
    if (!renderers) {
      const plain = this.#light.source ? html`<slot></slot>` : html`<p>${plainStart(source, this.length)}</p>`;
      return html`<div part="content" aria-busy="true">${plain}</div>
        ${readMore}`;
    }
    const { html: content } = renderers.excerpt(source.text, { format: source.format, length: this.length, locale: this.#locale.locale, macros: this.macros });
    return html`<div part="content">${unsafeHTML(content)}</div>
      ${readMore}`;
  }
}

/** The source's first `length` characters as plain text: markup left out, TeX as written. */
function plainStart(source: LightSource, length: number): string {
  const text = source.format === 'html' ? textOf(source.text) : source.text.replace(/^---[\s\S]*?\n---\n/, '').replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'post-excerpt': PostExcerptElement;
  }
}

import { html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { type HeadingNode, nestHeadings } from '../../core/heading-tree.js';
import type { Messages } from '../../core/messages.js';
import type { Heading } from '../../core/render-markdown.js';
import { katexStyles } from '../../styles/katex-styles.js';
import { tokens } from '../../styles/tokens.js';
import type { PostBodyElement } from '../post-body/post-body.js';
import { LocaleController } from '../shared/locale-controller.js';
import { isPlainClick } from '../shared/plain-click.js';
import { postTocStyles } from './post-toc.styles.js';

/**
 * @tagname post-toc
 * @summary The table of contents of a `post-body`, with the section being read highlighted.
 *
 * @csspart title - The "Contents" heading.
 * @csspart list - The outermost list.
 * @csspart sublist - Each list of the subsections of an entry.
 * @csspart item - Each entry: its link and its subsections.
 * @csspart link - Each entry's link; the current one has `aria-current="location"`.
 *
 * @cssprop [--sb-post-toc-font-size=0.9rem] - Text size.
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - The other entries.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - The current entry.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - Error messages, and formulas KaTeX could not render.
 * @cssprop [--sb-math-scale=1] - Size of formulas, as a multiple of KaTeX's own (1.21 times the text).
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 */
export class PostTocElement extends LitElement {
  // Headings may hold formulas, rendered by the article (which registers KaTeX's fonts).
  static override styles = [tokens, katexStyles, postTocStyles];

  /** Id of the `post-body` whose headings to list. */
  @property({ attribute: 'for' }) accessor htmlFor = '';

  /** Deepest heading level listed (2 lists h1 and h2). */
  @property({ type: Number }) accessor depth = 3;

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  @state() private accessor headings: readonly Heading[] = [];
  @state() private accessor currentId = '';

  readonly #locale = new LocaleController(this);
  #body?: PostBodyElement;
  #root?: Document | ShadowRoot;
  #frame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Listening on the root catches the article whether it comes before or after this element.
    this.#root = this.getRootNode() as Document | ShadowRoot;
    this.#root.addEventListener('post-rendered', this.#onRendered);
    window.addEventListener('scroll', this.#onScroll, { passive: true });
    window.addEventListener('resize', this.#onScroll, { passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#root?.removeEventListener('post-rendered', this.#onRendered);
    window.removeEventListener('scroll', this.#onScroll);
    window.removeEventListener('resize', this.#onScroll);
    cancelAnimationFrame(this.#frame);
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    // A list the server rendered waits for its article: rendered before it, the
    // list would be empty, unlike the server's, and hydration would replace it.
    if (!this.hasUpdated && this.shadowRoot?.firstChild && this.htmlFor) {
      const body = this.#root?.getElementById(this.htmlFor);
      if (body?.localName === 'post-body' && !(body as PostBodyElement).result) return false;
    }
    return super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // On a server there is no article to read: the list is filled in the browser.
    if (isServer || !changed.has('htmlFor')) return;
    const body = this.htmlFor ? this.#root?.getElementById(this.htmlFor) : null;
    this.#show(body?.localName === 'post-body' ? (body as PostBodyElement) : undefined);
  }

  #show(body: PostBodyElement | undefined): void {
    this.#body = body;
    this.headings = body?.result?.headings ?? [];
    this.#onScroll();
  }

  readonly #onRendered = (event: Event): void => {
    const body = event.target as PostBodyElement;
    if (this.htmlFor && body.id === this.htmlFor) this.#show(body);
  };

  // The current section is the last one whose heading has scrolled past the top third of the window.
  readonly #onScroll = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      const root = this.#body?.renderRoot;
      if (!root) return;
      const line = window.innerHeight / 3;
      let current = '';
      for (const { id } of this.#listed()) {
        const element = (root as ParentNode).querySelector(`#${CSS.escape(id)}`);
        if (element && element.getBoundingClientRect().top <= line) current = id;
      }
      this.currentId = current;
    });
  };

  #listed(): Heading[] {
    return this.headings.filter((heading) => heading.level <= this.depth);
  }

  #onClick(event: MouseEvent, id: string): void {
    if (!isPlainClick(event)) return;
    if (this.#body?.showFragment(id)) {
      event.preventDefault();
      this.currentId = id;
    }
  }

  #renderNodes(nodes: HeadingNode[], outermost = false): unknown {
    return html`<ol part=${outermost ? 'list' : 'sublist'}>
      ${nodes.map(
        ({ heading, children }) =>
          html`<li part="item">
            <a part="link" href="#${encodeURIComponent(heading.id)}" aria-current=${heading.id === this.currentId ? 'location' : nothing} @click=${(event: MouseEvent) => this.#onClick(event, heading.id)}
              >${unsafeHTML(heading.html)}</a
            >
            ${children.length > 0 ? this.#renderNodes(children) : nothing}
          </li>`,
      )}
    </ol>`;
  }

  protected override render() {
    const listed = this.#listed();
    if (listed.length === 0) return nothing;
    const title = this.#locale.messages.contents;
    return html`<nav aria-label=${title}>
      <h2 part="title">${title}</h2>
      ${this.#renderNodes(nestHeadings(listed), true)}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-toc': PostTocElement;
  }
}

import { html, LitElement } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { citation } from '../../core/citation.js';
import { validTimeZone } from '../../core/dates.js';
import type { Messages } from '../../core/messages.js';
import { buttonStyles } from '../../styles/buttons.js';
import { tokens } from '../../styles/tokens.js';
import { LocaleController } from '../shared/locale-controller.js';
import { PostFields, resolvePost } from '../shared/post-fields.js';
import { postCiteStyles } from './post-cite.styles.js';

type CopyStatus = 'idle' | 'copied' | 'failed';

/**
 * @tagname post-cite
 * @summary How to cite a post: a plain-text citation and a BibTeX entry, each with a copy button.
 *
 * Copying uses the Clipboard API; where the page may not use it, the text is
 * selected and copied the old way, and if even that is refused it stays
 * selected for the reader to copy. The outcome is announced to screen readers.
 *
 * @csspart title - The heading.
 * @csspart entry - Each form of the citation (plain text, BibTeX) with its label and copy button.
 * @csspart entry-head - An entry's label and copy button.
 * @csspart entry-label - An entry's label.
 * @csspart text - The plain-text citation.
 * @csspart bibtex - The BibTeX entry.
 * @csspart copy-button - Each copy button.
 * @csspart status - The announcement of what copying did.
 *
 * @cssprop [--sb-post-cite-padding=1em 1.25em] - Space inside the box.
 * @cssprop [--sb-post-cite-background=transparent] - Background of the box.
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Secondary text: dates, counts, notes and status messages.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links, buttons and focus rings.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Borders and rules.
 * @cssprop [--sb-color-surface=light-dark(#f4f6f8, #1c2128)] - Background of the citation texts.
 * @cssprop [--sb-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace] - Font of code and TeX source.
 * @cssprop [--sb-radius=6px] - Corner radius of boxes, buttons and controls.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 */
export class PostCiteElement extends PostFields(LitElement) {
  static override styles = [tokens, buttonStyles, postCiteStyles];

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  /** The day the reader accessed the post, for BibTeX's `urldate`; today when unset. */
  @property({ attribute: false }) accessor accessed: Date | undefined = undefined;

  @state() private accessor status: CopyStatus = 'idle';
  @query('[part="title"]') private accessor titleElement!: HTMLElement;

  readonly #locale = new LocaleController(this);

  /** Brings the citation into view and moves focus to it (what a byline's "cite" link does). */
  show(): void {
    this.scrollIntoView({ block: 'nearest' });
    this.titleElement?.focus({ preventScroll: true });
  }

  async #copy(text: string, shown: HTMLElement): Promise<void> {
    // Clear the message first so a second copy is announced again.
    this.status = 'idle';
    await this.updateComplete;
    try {
      await navigator.clipboard.writeText(text);
      this.status = 'copied';
    } catch {
      // Clipboard API denied (permissions, insecure context): select the text and try the legacy command.
      const selection = getSelection();
      selection?.selectAllChildren(shown);
      this.status = document.execCommand('copy') ? 'copied' : 'failed';
    }
  }

  #entry(label: string, text: string, part: 'text' | 'bibtex') {
    const shown = part === 'bibtex' ? html`<pre part="bibtex">${text}</pre>` : html`<p part="text">${text}</p>`;
    return html`<div part="entry" class="entry">
      <div part="entry-head" class="entry-head">
        <span part="entry-label">${label}</span>
        <button part="copy-button" type="button" aria-label="${this.#locale.messages.copy} ${label}" @click=${(event: Event) =>
          this.#copy(text, (event.target as HTMLElement).closest('.entry')!.querySelector(`[part="${part}"]`)!)}>
          ${this.#locale.messages.copy}
        </button>
      </div>
      ${shown}
    </div>`;
  }

  protected override render() {
    const messages = this.#locale.messages;
    const locale = this.#locale.locale;
    const post = resolvePost(this);
    const timeZone = validTimeZone(this.timeZone);
    const status = this.status === 'copied' ? messages.copied : this.status === 'failed' ? messages.copyFailed : '';
    return html`<section aria-labelledby="title">
      <h2 id="title" part="title" tabindex="-1">${messages.citeAs}</h2>
      ${this.#entry(messages.plainText, citation(post, { style: 'text', locale, timeZone }), 'text')}
      ${this.#entry(messages.bibtex, citation(post, { style: 'bibtex', locale, accessed: this.accessed, timeZone }), 'bibtex')}
      <p part="status" role="status">${status}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-cite': PostCiteElement;
  }
}

import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { RenderedFormula, TexMacros } from '../../core/render-math.js';
import { katexStyles, registerKatexFonts } from '../../styles/katex-styles.js';
import { mathErrorStyles, tokens } from '../../styles/tokens.js';
import { mathBlockStyles } from './math-block.styles.js';
import { LazyModuleRequest, readyToHydrate, updatedWith } from '../shared/lazy-module.js';
import { formulaRenderer } from '../shared/math-modules.js';
import { MathErrorEvent } from './math-error-event.js';
import type { Messages } from '../../core/messages.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ScrollerFocus } from '../shared/scroller-focus.js';

/**
 * @tagname math-block
 * @summary One formula typeset by KaTeX, from its text content or the `tex` property.
 *
 * Write the TeX as the element's text: it is readable before the script runs,
 * and read (not displayed) once the element is defined. Copying the rendered
 * formula copies its TeX source.
 *
 * @csspart formula - The typeset formula; scrolls horizontally when wider than the element.
 * @csspart error - Shown instead of the formula when the TeX is broken: the source and KaTeX's message.
 *
 * @cssprop [--sb-math-block-margin=1em 0] - Space around a display formula.
 * @cssprop [--sb-color-text=inherit] - Formula colour.
 * @cssprop [--sb-color-surface=light-dark(#f4f6f8, #1c2128)] - Background of code, boxes and error messages.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - Colour of an error message.
 * @cssprop [--sb-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace] - Font of code and TeX source.
 * @cssprop [--sb-math-scale=1] - Size of formulas, as a multiple of KaTeX's own (1.21 times the text).
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 *
 * @fires {MathErrorEvent} math-error - The TeX could not be rendered; the event has `tex` and `message`. It fires
 * after each render of a new broken source: for markup already in the page that is when the element is defined,
 * which may be before a page script adds its listener, so read `error` for the current state.
 */
export class MathBlockElement extends LitElement {
  static override styles = [tokens, katexStyles, mathErrorStyles, mathBlockStyles];

  /** The TeX to render. When unset, the element's text content is used. */
  @property() accessor tex: string | undefined = undefined;

  /** Inline (text) style instead of display style. */
  @property({ type: Boolean, reflect: true }) accessor inline = false;

  /** TeX macros for this formula, e.g. `{ '\\R': '\\mathbb{R}' }`. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /** Replacements for the built-in interface text (the name of a formula too wide for its column: `scrollableFormula`). */
  @property({ attribute: false }) accessor strings: Partial<Messages> | undefined = undefined;

  readonly #locale = new LocaleController(this);
  #textSource = '';
  #rendered: RenderedFormula = { html: '' };
  #errorIsNew = false;
  readonly #katex = new LazyModuleRequest(this, formulaRenderer);
  // Created on connection: server-side rendering has no MutationObserver.
  #textObserver?: MutationObserver;

  constructor() {
    super();
    new ScrollerFocus(this, { root: () => this.renderRoot, selector: '[part="formula"]', messages: () => this.#locale.messages });
  }

  /** KaTeX's message for the formula shown, or undefined when it rendered. Current after `updateComplete`. */
  get error(): string | undefined {
    return this.#rendered.error;
  }

  /** The TeX being shown: `tex` if set, else the text content. */
  get source(): string {
    return this.tex ?? this.#textSource;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    registerKatexFonts();
    this.#readText();
    this.#textObserver ??= new MutationObserver(() => this.#readText());
    this.#textObserver.observe(this, { childList: true, characterData: true, subtree: true });
    this.addEventListener('copy', this.#onCopy);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#textObserver?.disconnect();
    this.removeEventListener('copy', this.#onCopy);
  }

  #readText(): void {
    const text = (this.textContent ?? '').trim();
    if (text !== this.#textSource) {
      this.#textSource = text;
      this.requestUpdate();
    }
  }

  readonly #onCopy = (event: ClipboardEvent): void => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', this.source);
    event.preventDefault();
  };

  protected override getUpdateComplete(): Promise<boolean> {
    return updatedWith([this.#katex], () => super.getUpdateComplete());
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return readyToHydrate(this, [this.#katex]) && super.shouldUpdate(changed);
  }

  protected override willUpdate(): void {
    const katex = this.#katex.value;
    // Until KaTeX has loaded, the TeX shows as written, as it did before the element was defined.
    if (!katex) return;
    const next = katex.renderFormula(this.source, { display: !this.inline, macros: this.macros });
    // Results are cached, so the same object means nothing changed worth reporting again.
    this.#errorIsNew = next !== this.#rendered && next.error !== undefined;
    this.#rendered = next;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.#errorIsNew) return;
    const event = new MathErrorEvent(this.source, this.#rendered.error!);
    this.dispatchEvent(event);
  }

  protected override render() {
    if (!this.#katex.value) return html`<span part="formula" aria-busy="true">${this.source}</span>`;
    const { html: formula, error } = this.#rendered;
    return error === undefined
      ? html`<span part="formula">${unsafeHTML(formula)}</span>`
      : html`<span part="error">${unsafeHTML(formula)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'math-block': MathBlockElement;
  }
}

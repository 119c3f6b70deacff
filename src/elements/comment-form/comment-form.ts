import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { CommentField, CommentFields, CommentProblem, ReplyTarget } from '../../core/comment-validation.js';
import { commentFields, commentSubmission, isNearLengthLimit, loadCommentDraft, saveCommentDraft, validateComment } from '../../core/comment-validation.js';
import type { RenderedComment } from '../../core/comment-render.js';
import type { CommentBackendError, Moderation } from '../../core/comment-backend.js';
import { jsonCommentBackend } from '../../core/json-comment-backend.js';
import { type BackendChoice, backendFromAttribute, chosenBackend, postKey } from '../shared/comment-backends.js';
import type { TexMacros } from '../../core/render-math.js';
import { katexStyles, registerKatexFonts } from '../../styles/katex-styles.js';
import { buttonStyles } from '../../styles/buttons.js';
import { mathErrorStyles, tokens } from '../../styles/tokens.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ScrollerFocus } from '../shared/scroller-focus.js';
import { LazyModuleRequest, readyToHydrate, updatedWith } from '../shared/lazy-module.js';
import { markdownRenderers } from '../shared/math-modules.js';
import { commentFormMessages, type CommentFormMessages, problemMessage } from './comment-form.messages.js';
import { commentFormStyles } from './comment-form.styles.js';
import { CommentPostedEvent, CommentReplyCancelEvent, CommentSubmitEvent } from './comment-submit-event.js';

type SendState = { state: 'idle' | 'sending' | 'nowhere' } | { state: 'posted'; moderation: Moderation } | { state: 'failed'; reason: string };
const blank: CommentFields = { name: '', email: '', url: '', body: '' };
const labels = { name: 'name', email: 'email', url: 'website', body: 'comment' } as const;

/**
 * @tagname comment-form
 * @summary Write a comment with a live preview of its markdown and math; never loses a draft.
 *
 * Sending fires `comment-submit`; unless the page cancels it or answers it
 * with `respondWith(promise)`, the form sends the comment to its `backend`
 * (any `CommentBackend`, or `backend="waline" server="…"`), else POSTs it as
 * JSON to `action`. It clears only once the comment is accepted; on a network
 * error, an error answer or no answer within `timeout`, it keeps everything
 * and offers to retry. What is typed is saved in `localStorage` per post
 * (under `draft-key`) and restored after a reload until a comment is sent; when
 * the browser refuses to store it, the form says so. The preview renders like
 * `comment-list`, with `renderComment`: raw HTML shows as text.
 *
 * @slot - Text above the submit button, such as a note on how email addresses are used.
 *
 * @csspart form - The `<form>`.
 * @csspart reply - "Replying to …" and its cancel button, shown in reply mode.
 * @csspart cancel-reply-button - The button that cancels the reply.
 * @csspart draft-notice - The note that a saved draft was restored.
 * @csspart draft-warning - The note that the browser does not let the draft be stored.
 * @csspart identity - The name, email and website fields, side by side where there is room.
 * @csspart field - Each label, control and message group.
 * @csspart label - Each field's `<label>`.
 * @csspart input - The name, email and website inputs.
 * @csspart textarea - The comment's `<textarea>`.
 * @csspart field-error - Each field's validation message.
 * @csspart counter - The character count, shown near the length limit.
 * @csspart preview - The preview: heading and rendered comment.
 * @csspart preview-title - The preview's heading.
 * @csspart preview-content - The rendered comment (or why it is not rendered).
 * @csspart actions - The row of the submit button and the status.
 * @csspart submit-button - The submit button.
 * @csspart status - Progress and success messages.
 * @csspart error - Why sending failed, with the retry button.
 * @csspart retry-button - The button that sends again after a failure.
 *
 * @cssprop [--sb-comment-form-gap=0.9em] - Space between fields.
 * @cssprop [--sb-comment-form-control-background=transparent] - Background of the inputs and textarea.
 * @cssprop [--sb-comment-form-textarea-height=8em] - Initial height of the textarea.
 * @cssprop [--sb-comment-form-preview-background=var(--sb-color-surface)] - Background of the preview (defaults to `--sb-color-surface`).
 * @cssprop [--sb-color-text=inherit] - Text.
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Notes, counter and status.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - The submit button, links and focus rings.
 * @cssprop [--sb-color-on-accent=light-dark(#ffffff, #0f1419)] - Text on the accent colour.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Borders of the controls.
 * @cssprop [--sb-color-surface=light-dark(#f4f6f8, #1c2128)] - Background of code, boxes and error messages.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - Validation and send errors.
 * @cssprop [--sb-font-body=inherit] - Text font.
 * @cssprop [--sb-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace] - Code in the preview.
 * @cssprop [--sb-math-scale=1] - Size of formulas, as a multiple of KaTeX's own (1.21 times the text).
 * @cssprop [--sb-radius=6px] - Corners of the controls.
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 *
 * @fires {CommentSubmitEvent} comment-submit - A valid comment is sent; cancelable, with `name`, `email`, `url`, `body`, `parent`.
 * @fires {CommentPostedEvent} comment-posted - `action` answered 2xx; `response` holds its JSON, `submission` what was sent.
 * @fires {CommentReplyCancelEvent} comment-reply-cancel - The visitor cancelled the reply; `comment` is the one that was answered.
 */
export class CommentFormElement extends LitElement {
  static override styles = [tokens, katexStyles, mathErrorStyles, buttonStyles, commentFormStyles];

  /** URL to POST the comment to as JSON (`{ name, email, url, body, parent }`), when there is no `backend`. */
  @property({ reflect: true }) accessor action: string | undefined = undefined;

  /** The comment server: a `CommentBackend` object (property), or `waline` (attribute) with `server`. */
  @property({ converter: { fromAttribute: backendFromAttribute } }) accessor backend: BackendChoice = undefined;

  /** The Waline server's URL, for `backend="waline"`. */
  @property() accessor server: string | undefined = undefined;

  /** The post's key on the comment server, and the draft's; default the page's path. */
  @property() accessor post: string | undefined = undefined;

  /** Milliseconds to wait for the server's answer before offering to retry. */
  @property({ type: Number }) accessor timeout = 15_000;

  /** The comment being answered, `{ id, author }`: `form.replyTo = event.comment` from `comment-list`'s `comment-reply`. Undefined for a new thread. */
  @property({ attribute: false }) accessor replyTo: ReplyTarget | undefined = undefined;

  /** Longest comment accepted, in characters; a counter shows from 90 % of it. */
  @property({ type: Number, attribute: 'max-length' }) accessor maxLength = 10_000;

  /** `localStorage` key of the draft. Default `sciblog-comment-draft:` + `post` (the page's path). Read when the element first connects. */
  @property({ attribute: 'draft-key' }) accessor draftKey: string | undefined = undefined;

  /** Whether pictures in the comment show in the preview (as in `comment-list`). */
  @property({ type: Boolean }) accessor images = false;

  /** Site-wide TeX macros for the preview. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /** Replacements for the built-in interface text. */
  @property({ attribute: false }) accessor strings: Partial<CommentFormMessages> | undefined = undefined;

  /** What the visitor has typed. Setting it replaces the fields, e.g. to fill in a signed-in visitor's name. */
  get value(): CommentFields {
    return { ...this.#values };
  }
  set value(fields: Partial<CommentFields>) {
    this.#values = { ...blank, ...fields };
    this.#edited();
  }

  /** Answers `comment` (`{ id, author, … }`) and moves the focus to the comment box. */
  reply(comment: ReplyTarget): void {
    this.replyTo = comment;
    this.updateComplete.then(() => this.#control('body')?.focus());
  }

  // Only `locale` is read from it: the form's text has its own table.
  readonly #locale = new LocaleController(this);
  #values: CommentFields = { ...blank };
  readonly #touched = new Set<CommentField>();
  #send: SendState = { state: 'idle' };
  #draftRestored = false;
  #draftUnsaved = false;
  #connectedBefore = false;
  #previewSource = '';
  #preview?: { source: string; rendered: RenderedComment };
  readonly #math = new LazyModuleRequest(this, markdownRenderers);
  #previewTimer?: ReturnType<typeof setTimeout>;
  #saveTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    new ScrollerFocus(this, { root: () => this.renderRoot, selector: "[part='preview-content'] .katex-display", messages: () => this.#messages });
  }

  get #messages(): CommentFormMessages {
    return { ...commentFormMessages[this.#locale.locale], ...this.strings };
  }

  get #draftKey(): string {
    return this.draftKey ?? `sciblog-comment-draft:${postKey(this.post)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    registerKatexFonts();
    // A reload within the save delay would lose the last keystrokes.
    window.addEventListener('pagehide', this.#saveDraft);
    if (!this.#connectedBefore) {
      this.#connectedBefore = true;
      const draft = loadCommentDraft(storage, this.#draftKey);
      if (draft) {
        const { replyTo, ...fields } = draft;
        // What the page filled in before (a signed-in visitor's name) wins, field by field; the rest comes back.
        this.#values = { ...fields, ...Object.fromEntries(Object.entries(this.#values).filter(([, text]) => text.trim() !== '')) };
        this.replyTo ??= replyTo;
        this.#draftRestored = true;
      }
    }
    this.#previewSource = this.#values.body;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.#saveDraft);
    clearTimeout(this.#previewTimer);
    this.#saveDraft();
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return updatedWith([this.#math], () => super.getUpdateComplete());
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return readyToHydrate(this, [this.#math]) && super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('replyTo') && this.#connectedBefore) this.#scheduleSave();
    const source = this.#previewSource;
    // An empty box needs no renderer: the markdown code loads once the visitor has typed something.
    const renderers = source.trim() === '' || source.length > this.maxLength ? undefined : this.#math.value;
    if (!renderers) {
      this.#preview = undefined;
    } else if (source !== this.#preview?.source || changed.has('macros') || changed.has('maxLength') || changed.has('images')) {
      this.#preview = { source, rendered: renderers.renderComment(source, { maxLength: this.maxLength, images: this.images, macros: this.macros, idPrefix: 'preview-' }) };
    }
  }

  #edited(): void {
    if (this.#send.state === 'posted' || this.#send.state === 'nowhere') this.#send = { state: 'idle' };
    clearTimeout(this.#previewTimer);
    this.#previewTimer = setTimeout(() => ((this.#previewSource = this.#values.body), this.requestUpdate()), 200);
    // Before the draft is read, saving would overwrite it.
    if (this.#connectedBefore) this.#scheduleSave();
    this.requestUpdate();
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(this.#saveDraft, 300);
  }

  readonly #saveDraft = (): void => {
    clearTimeout(this.#saveTimer);
    const unsaved = !saveCommentDraft(storage, this.#draftKey, { ...this.#values, replyTo: this.replyTo });
    if (unsaved !== this.#draftUnsaved) {
      this.#draftUnsaved = unsaved;
      this.requestUpdate();
    }
  };

  #control(field: CommentField): HTMLElement | null | undefined {
    return this.shadowRoot?.getElementById(field);
  }

  async #submit({ retry = false } = {}): Promise<void> {
    if (this.#send.state === 'sending') return;
    commentFields.forEach((field) => this.#touched.add(field));
    const problems = validateComment(this.#values, { maxLength: this.maxLength });
    const invalid = commentFields.find((field) => problems[field]);
    if (invalid) {
      this.requestUpdate();
      await this.updateComplete;
      return this.#control(invalid)?.focus();
    }
    const submission = commentSubmission(this.#values, this.replyTo);
    const submitted = new CommentSubmitEvent(submission);
    // A retry re-sends what the page already let through, without asking it again;
    // but a page that sends comments itself (respondWith) is asked to send again.
    let response: Promise<unknown> | undefined;
    if (!retry || this.#pageSends) {
      if (!this.dispatchEvent(submitted)) return;
      response = submitted.response;
      this.#pageSends = response !== undefined;
    }
    const backend = chosenBackend(this.backend, this.server, this.#locale.locale) ?? (this.action ? jsonCommentBackend({ action: this.action }) : undefined);
    if (!response && !backend) {
      this.#send = { state: 'nowhere' };
      return this.requestUpdate();
    }
    // Stored before sending, so a failed send followed by a closed tab loses nothing.
    this.#saveDraft();
    this.#send = { state: 'sending' };
    this.requestUpdate();
    try {
      if (response) {
        const answer = await response;
        this.#succeed('approved');
        // Through a variable: the manifest analyzer takes a constructor's first argument for the event's name.
        const posted = new CommentPostedEvent(submission, answer);
        this.dispatchEvent(posted);
        return;
      }
      const sent = await backend!.submit(postKey(this.post), submission, { timeout: this.timeout });
      if (!sent.ok) return void (this.#send = { state: 'failed', reason: this.#reason(sent.error) });
      this.#succeed(sent.value.moderation);
      const posted = new CommentPostedEvent(submission, sent.value.answer);
      this.dispatchEvent(posted);
    } catch (error) {
      this.#send = { state: 'failed', reason: (error as Error)?.message || this.#messages.networkError };
    } finally {
      this.requestUpdate();
    }
  }

  /** Whether the page sent the last comment itself (`respondWith`). */
  #pageSends = false;

  #reason(error: CommentBackendError): string {
    const m = this.#messages;
    if (error.kind === 'network') return m.networkError;
    if (error.kind === 'timeout') return m.noAnswer(error.seconds ?? this.timeout / 1000);
    if (error.kind === 'http' && error.status !== undefined) return m.httpError(error.status, error.statusText ?? '');
    return error.message;
  }

  #succeed(moderation: Moderation): void {
    clearTimeout(this.#previewTimer);
    this.#values = { ...blank };
    this.#previewSource = '';
    this.#touched.clear();
    this.#draftRestored = false;
    this.#send = { state: 'posted', moderation };
    this.replyTo = undefined;
    this.#saveDraft();
    this.requestUpdate();
  }

  readonly #cancelReply = (): void => {
    const cancelled = this.replyTo && new CommentReplyCancelEvent(this.replyTo);
    this.replyTo = undefined;
    if (cancelled) this.dispatchEvent(cancelled);
    this.updateComplete.then(() => this.#control('body')?.focus());
  };

  readonly #onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement;
    this.#values = { ...this.#values, [control.id]: control.value };
    this.#edited();
  };

  readonly #onBlur = (event: Event): void => {
    this.#touched.add((event.target as HTMLElement).id as CommentField);
    this.requestUpdate();
  };

  readonly #onBodyKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    void this.#submit();
  };

  #field(field: CommentField, problem: CommentProblem | undefined, type = 'text', autocomplete = field) {
    const m = this.#messages;
    const length = this.#values.body.length;
    const error = problem && this.#touched.has(field) ? problemMessage(m, field, problem, length, this.maxLength) : '';
    const common = { readonly: this.#send.state === 'sending', invalid: error ? 'true' : 'false' };
    return html`<div part="field" class=${field}>
      <label part="label" for=${field}>${m[labels[field]]}</label>
      ${field === 'body'
        ? html`<textarea part="textarea" id="body" required ?readonly=${common.readonly} aria-invalid=${common.invalid} aria-describedby="body-error body-counter"
              .value=${live(this.#values.body)} @input=${this.#onInput} @blur=${this.#onBlur} @keydown=${this.#onBodyKeydown}></textarea>
            <p part="counter" id="body-counter" class=${length > this.maxLength ? 'over' : ''}>
              ${isNearLengthLimit(length, this.maxLength) ? m.characterCount(length, this.maxLength) : ''}
            </p>`
        : html`<input part="input" id=${field} type=${type} autocomplete=${autocomplete} ?required=${field !== 'url'} ?readonly=${common.readonly}
            aria-invalid=${common.invalid} aria-describedby="${field}-error" .value=${live(this.#values[field])} @input=${this.#onInput} @blur=${this.#onBlur} />`}
      <p part="field-error" id="${field}-error">${error}</p>
    </div>`;
  }

  #renderPreview(m: CommentFormMessages) {
    if (this.#previewSource.trim() === '') return html`<p class="note">${m.previewEmpty}</p>`;
    // Too long is known without rendering: no need to wait for the renderers to say so.
    if (this.#previewSource.length > this.maxLength) return html`<p class="note">${m.previewRefused(this.#previewSource.length, this.maxLength)}</p>`;
    // While the renderers load, the preview shows the text as typed.
    if (!this.#preview) return html`<p class="note source">${this.#previewSource}</p>`;
    const { source, rendered } = this.#preview;
    if (rendered.refused) return html`<p class="note">${m.previewRefused(source.length, this.maxLength)}</p>`;
    return source.trim() === '' ? html`<p class="note">${m.previewEmpty}</p>` : unsafeHTML(rendered.html);
  }

  protected override render() {
    const m = this.#messages;
    const send = this.#send;
    const sending = send.state === 'sending';
    const problems = validateComment(this.#values, { maxLength: this.maxLength });
    const failure = send.state === 'failed' && send.reason;
    return html`<form part="form" novalidate aria-busy=${sending ? 'true' : 'false'} @submit=${(event: Event) => (event.preventDefault(), this.#submit())}>
      ${this.replyTo
        ? html`<p part="reply">
            <span>${m.replyingTo(this.replyTo.author)}</span>
            <button part="cancel-reply-button" type="button" @click=${this.#cancelReply}>${m.cancelReply}</button>
          </p>`
        : nothing}
      ${this.#draftRestored ? html`<p part="draft-notice">${m.draftRestored}</p>` : nothing}
      ${this.#draftUnsaved ? html`<p part="draft-warning" role="status">${m.draftNotSaved}</p>` : nothing}
      <div part="identity" class="identity">
        ${this.#field('name', problems.name)} ${this.#field('email', problems.email, 'email')} ${this.#field('url', problems.url, 'url')}
      </div>
      ${this.#field('body', problems.body)}
      <section part="preview" aria-labelledby="preview-title">
        <p id="preview-title" part="preview-title" class="preview-title">${m.preview}</p>
        <div part="preview-content">${this.#renderPreview(m)}</div>
      </section>
      <slot></slot>
      <div part="actions" class="actions">
        <button part="submit-button" type="submit" ?disabled=${sending}>${sending ? m.sending : m.submit}</button>
        <p part="status" role="status">${sending ? m.sending : send.state === 'posted' ? (send.moderation === 'approved' ? m.posted : m.awaitingApproval) : send.state === 'nowhere' ? m.nowhereToSend : ''}</p>
      </div>
      ${failure
        ? html`<p part="error" role="alert">
            ${m.sendFailed(failure)} <button part="retry-button" type="button" @click=${() => this.#submit({ retry: true })}>${m.retry}</button>
          </p>`
        : nothing}
    </form>`;
  }
}

// `localStorage` itself throws where storage is disabled; the draft functions catch that.
const storage = () => localStorage;

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentFormElement;
  }
}

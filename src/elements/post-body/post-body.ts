import { html, isServer, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { dedent } from '../../core/dedent.js';
import type { TexMacros } from '../../core/render-math.js';
import type { RenderedMarkdown, RenderError, RenderMarkdownOptions } from '../../core/render-markdown.js';
import type { ErrorStrings } from '../../core/error-messages.js';
import { errorText } from '../../core/error-text.js';
import { type PostFeatureName, type PostFeatures, postFeatureNames, postFeaturesUsedBy } from '../../core/post-features.js';
import { adoptKatexStylesInDocument, katexStyles, registerKatexFonts } from '../../styles/katex-styles.js';
import { codeTokens, figureTokens, mathErrorStyles, tokens } from '../../styles/tokens.js';
import type { Messages } from '../../core/messages.js';
import { FetchController, failureReason } from '../shared/fetch-controller.js';
import { LazyModuleRequest, lazyModule, readyToHydrate, updatedWith } from '../shared/lazy-module.js';
import { bibliographyLoader, postFeatureModules, postRenderers } from '../shared/math-modules.js';
import { needsFootnotes } from '../../core/footnote-loader.js';
import type { FootnoteLabels } from '../../core/footnotes.js';
import { sidenoteStyles } from './sidenote.styles.js';
import type { SidenoteLayout } from './sidenote-layout.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ScrollerFocus } from '../shared/scroller-focus.js';
import { isPlainClick } from '../shared/plain-click.js';
import { postBodyStyles } from './post-body.styles.js';
import { numberedBlockStyles } from './numbered-blocks.styles.js';
import { adoptDeferredBlockStylesInDocument, deferredBlockStyles } from './deferred-block-styles.js';
import { ProgressiveArticle } from './progressive-article.js';
import { leadingChunk } from '../../core/markdown-chunks.js';
import { PostRenderedEvent } from './rendered-event.js';
import { ReferencePreviewTrigger } from './reference-preview-trigger.js';
import { BibliographyController } from './bibliography-controller.js';
import { citationStyles } from './citation.styles.js';
import { codeLanguagesIn } from '../../core/code-languages.js';
import type { CodeHighlighter } from '../../core/code-highlighter.js';
import type { Bibliography, CslItem } from '../../core/bibliography.js';
import { codeHighlighterFor } from '../shared/code-highlighting.js';
import { CodeCopyButtons } from './code-copy-buttons.js';
import { codeStyles } from './code.styles.js';

/** A trusted post longer than this (in characters) shows the first screen of its beginning while the whole is prepared. */
const longPost = 400_000;
/** About how much of a long post's beginning is prepared first. */
const headLength = 40_000;
/** What places footnotes beside the text: loaded for articles that have them. */
const sidenoteLayout = lazyModule(() => import('./sidenote-layout.js'));

/**
 * @tagname post-body
 * @summary A whole article from markdown with math: numbered equations, `\eqref` links, heading anchors.
 *
 * The markdown comes from the `markdown` property, else from `src`, else from a
 * `<script type="text/markdown">` child. Equation and heading links scroll
 * within the article and update the URL fragment, so they can be shared.
 * Hovering, focusing or tapping a link to an equation (or to anything else in
 * the article but a heading) first shows a preview of it beside the link (a
 * footnote already in the margin beside its line is highlighted there
 * instead); a second tap follows the link on a touch screen (`no-previews`
 * turns this off).
 *
 * @slot - Fallback content: shown when there is no markdown, and beside the message when `src` cannot be loaded.
 *
 * @csspart content - The rendered article.
 * @csspart status - The loading message.
 * @csspart error - The message shown when `src`, or the bibliography the post's front matter names, cannot be loaded.
 * @csspart preview - The preview of a link's target (an equation, a footnote…), shown beside the link.
 *
 * @cssprop [--sb-post-body-line-height=var(--sb-line-height)] - Line height of the text.
 * @cssprop [--sb-post-body-reserved-height=100vh] - Height kept for the article while it loads, so what follows it on the page does not jump when it appears.
 * @cssprop [--sb-scroll-margin-top=1em] - Space kept above an equation, heading or footnote scrolled to (for sticky headers).
 * @cssprop [--sb-post-body-sidenote-width=14rem] - Width of the footnotes shown in the right margin, beside the line citing them, when the article is at least 48rem wide (on screen; otherwise, and in print, they are listed at the end).
 * @cssprop [--sb-post-body-sidenote-gap=2rem] - Space between the text and those notes.
 * @cssprop [--sb-post-body-figure-backdrop=light-dark(transparent, #f0f3f6)] - What the picture of a figure sits on: in the dark scheme a light card, since a picture from a file (PNG, or SVG drawn for a white page) cannot follow the scheme; `transparent` for pictures drawn for both (an inline `<svg>` using `currentColor` never gets one).
 * @cssprop [--sb-post-body-theorem-rule=var(--sb-color-border)] - The rule beside a theorem, lemma, proof ….
 * @cssprop [--sb-post-body-theorem-font-style=normal] - Text of theorems, lemmas, propositions and corollaries (`italic` as in LaTeX).
 * @cssprop [--sb-post-body-preview-width=36rem] - Widest a link's preview gets (never wider than the viewport).
 * @cssprop [--sb-post-body-preview-max-height=16em] - Tallest a link's preview gets (at most 45vh); a longer target fades out at the bottom.
 * @cssprop [--sb-post-body-preview-background=var(--sb-color-background)] - Background of a link's preview.
 * @cssprop [--sb-code-background=var(--sb-color-surface)] - Background of code blocks.
 * @cssprop [--sb-code-text=var(--sb-color-text)] - Code that is not a highlighted token.
 * @cssprop [--sb-code-keyword=light-dark(#cf222e, #ff7b72)] - Keywords (`hljs-keyword`).
 * @cssprop [--sb-code-string=light-dark(#0a3069, #a5d6ff)] - Strings and regular expressions.
 * @cssprop [--sb-code-comment=light-dark(#57606a, #8b949e)] - Comments (in italics) and preprocessor lines.
 * @cssprop [--sb-code-number=light-dark(#0550ae, #79c0ff)] - Numbers, literals (`true`, `None`), symbols.
 * @cssprop [--sb-code-function=light-dark(#6639ba, #d2a8ff)] - Names of functions being defined, titles, sections.
 * @cssprop [--sb-code-type=light-dark(#953800, #ffa657)] - Built-ins, types and class names.
 * @cssprop [--sb-code-variable=light-dark(#0550ae, #79c0ff)] - Attributes, variables, properties, parameters.
 * @cssprop [--sb-code-tag=light-dark(#116329, #7ee787)] - Tag names in HTML and XML.
 * @cssprop [--sb-code-addition=light-dark(#116329, #aff5b4)] - Added lines of a diff.
 * @cssprop [--sb-code-addition-background=light-dark(#dafbe1, #033a16)] - Their background.
 * @cssprop [--sb-code-deletion=light-dark(#82071e, #ffdcd7)] - Removed lines of a diff.
 * @cssprop [--sb-code-deletion-background=light-dark(#ffebe9, #67060c)] - Their background.
 * @cssprop [--sb-code-line-number=var(--sb-color-muted)] - Line numbers of a code block whose info string asks for them (`linenos`).
 * @cssprop [--sb-color-text=inherit] - Text colour (by default the page's).
 * @cssprop [--sb-color-background=light-dark(#ffffff, #161b22)] - Background of popovers: the preview of a link's target.
 * @cssprop [--sb-color-muted=light-dark(#57606a, #9da7b3)] - Numbers of the reference list and unknown citations.
 * @cssprop [--sb-color-accent=light-dark(#0b5cad, #6cb6ff)] - Links.
 * @cssprop [--sb-color-border=light-dark(#d0d7de, #3d444d)] - Table and quote rules.
 * @cssprop [--sb-color-surface=light-dark(#f4f6f8, #1c2128)] - Background of code and table headers.
 * @cssprop [--sb-color-highlight=light-dark(#fff5c2, #3b3417)] - Background of the equation, theorem, figure or table just linked to.
 * @cssprop [--sb-color-error=light-dark(#b42318, #ff8a80)] - Error messages, and formulas KaTeX could not render.
 * @cssprop [--sb-shadow=0 6px 24px light-dark(rgb(0 0 0 / 0.16), rgb(0 0 0 / 0.55))] - Shadow of popovers.
 * @cssprop [--sb-font-body=inherit] - Text font (by default the page's).
 * @cssprop [--sb-font-heading=inherit] - Font of headings and titles (by default the text's).
 * @cssprop [--sb-font-mono=ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace] - Code font.
 * @cssprop [--sb-line-height=1.8] - Line height of running text.
 * @cssprop [--sb-math-scale=1] - Size of formulas, as a multiple of KaTeX's own (1.21 times the text).
 * @cssprop [--sb-radius=6px] - Corner radius of boxes, buttons and controls.
 * @cssprop [--sb-space-xs=0.25em] - The smallest step of the spacing scale.
 * @cssprop [--sb-space-s=0.5em] - The small step of the spacing scale.
 * @cssprop [--sb-space-m=1em] - The middle step of the spacing scale (the space between paragraphs).
 * @cssprop [--sb-space-l=1.5em] - The large step of the spacing scale.
 * @cssprop [--sb-space-xl=2.5em] - The largest step of the spacing scale.
 *
 * @fires {PostRenderedEvent} post-rendered - A new article is on the page, every block of it (its first screen showed earlier; far formulas are typeset as they come near); the event has `equations`, `headings`, `errors` and `meta`.
 */
export class PostBodyElement extends LitElement {
  static override styles = [tokens, codeTokens, figureTokens, katexStyles, mathErrorStyles, postBodyStyles, deferredBlockStyles, sidenoteStyles, citationStyles, numberedBlockStyles, codeStyles];

  /** The article's markdown, with optional YAML front matter. Takes precedence over `src`. */
  @property({ attribute: false }) accessor markdown: string | undefined = undefined;

  /** URL of a markdown file to fetch and render. */
  @property({ reflect: true }) accessor src: string | undefined = undefined;

  /** Milliseconds to wait for `src` before showing an error and the fallback content. */
  @property({ type: Number }) accessor timeout = 15_000;

  /** The longest `src` rendered, in bytes; a longer one shows an error and the fallback content. */
  @property({ type: Number, attribute: 'max-bytes' }) accessor maxBytes = 10_000_000;

  /** Site-wide TeX macros. */
  @property({ attribute: false }) accessor macros: TexMacros | undefined = undefined;

  /** Treat the markdown as visitor-written: raw HTML shown as text, only safe links, restricted TeX, no pictures unless `images`. */
  @property({ type: Boolean, reflect: true }) accessor untrusted = false;

  /** Whether `![alt](src)` in `untrusted` text shows the picture (a request to wherever the visitor chose); trusted posts always show theirs. As on `comment-list` and `comment-form`. */
  @property({ type: Boolean }) accessor images = false;

  /**
   * Render into the element itself instead of a shadow root, for sites that
   * style articles with their own CSS. Read once, when the element first connects.
   */
  @property({ type: Boolean, reflect: true, attribute: 'no-shadow' }) accessor noShadow = false;

  /** Turn off the previews of equations and other places in the article shown when a reader hovers, focuses or taps a link to them. */
  @property({ type: Boolean, reflect: true, attribute: 'no-previews' }) accessor noPreviews = false;

  /**
   * The references the post's citations name, from `loadPostBibliography`
   * or `loadBibliography` (or CSL-JSON items), in place of the front
   * matter's `bibliography:`, which is then not fetched. `prerender` sets it
   * from the file system and writes it into the page, as a child
   * `<script type="application/json" data-bibliography>` the element takes
   * when this is not set, so a prerendered post keeps its references when it
   * hydrates.
   */
  @property({ attribute: false }) accessor bibliography: Bibliography | readonly CslItem[] | undefined = undefined;

  /**
   * Replacements for the built-in interface text (loading and error messages); `errors` rewords
   * what `errorText` says of the post's errors, by code (`{ errors: { 'unknown-label': ({ label }) => … } }`).
   */
  @property({ attribute: false }) accessor strings: (Partial<Messages> & ErrorStrings) | undefined = undefined;

  /**
   * The last rendering: HTML, front matter, equations, headings and errors.
   * In the browser the article is shown a piece at a time: `result` is there
   * from the first piece (for a post of more than 400 000 characters, whose
   * first screen is shown from its beginning, once the whole is prepared);
   * `errors` list KaTeX's errors of the formulas typeset so far, and `html`
   * (every formula typeset) is rendered when read.
   */
  get result(): RenderedMarkdown | undefined {
    return this.#result ?? this.#article.result;
  }

  /**
   * What one of the post's errors (`result.errors`, or a `post-rendered` event's) says, in the
   * element's language, with `strings.errors` on top: `未知的标签“eq:x”` under `lang="zh"`.
   * KaTeX's own messages stay in English, after `公式错误：` in Chinese.
   */
  errorText(error: RenderError): string {
    return errorText(error, this.#locale.locale, this.strings?.errors);
  }

  /**
   * Appends what is still to come and typesets every formula now (a page
   * does it before printing). Formulas are otherwise typeset as they come
   * near the viewport.
   */
  typesetAll(): void {
    this.#article.typesetAll();
  }

  readonly #locale = new LocaleController(this);
  readonly #fetch = new FetchController(this, undefined, () => ({ timeout: this.timeout, maxBytes: this.maxBytes }));
  readonly #math = new LazyModuleRequest(this, postRenderers);
  /** The code of each feature, requested for a post that may use it. */
  readonly #features = Object.fromEntries(postFeatureNames.map((name) => [name, new LazyModuleRequest(this, postFeatureModules[name])])) as Record<PostFeatureName, LazyModuleRequest<PostFeatures>>;
  readonly #bibliographyLoader = new LazyModuleRequest(this, bibliographyLoader);
  readonly #bibliography = new BibliographyController(this, () => ({ timeout: this.timeout, maxBytes: this.maxBytes }));
  /**
   * The modules the article waits for: the renderers, its features' code, the bibliography's reader, and
   * last a highlighter when its code names languages (changed in place: `updateComplete` waits on the list).
   */
  readonly #lazy: LazyModuleRequest<unknown>[] = [this.#math, ...Object.values(this.#features), this.#bibliographyLoader];
  readonly #lazyBeforeCode = this.#lazy.length;
  #code?: { source: string; request?: LazyModuleRequest<CodeHighlighter> };
  #used?: { source: string; names: Set<PostFeatureName> };
  #renderedHighlighter?: CodeHighlighter;
  readonly #article = new ProgressiveArticle(this, {
    content: () => this.renderRoot.querySelector<HTMLElement>('[part="content"]'),
    onFirstScreen: () => this.#scrollToInitialHash(),
    onComplete: (result) => this.#announce(result),
  });
  readonly #previews = new ReferencePreviewTrigger(this, {
    content: () => this.renderRoot.querySelector<HTMLElement>('[part="content"]'),
    root: () => this.renderRoot as ShadowRoot | HTMLElement,
    reveal: (id) => this.#article.reveal(id),
    enabled: () => !this.noPreviews,
  });
  #scriptSource?: string;
  /** The article rendered whole: on a server, and when hydrating what a server rendered. */
  #result?: RenderedMarkdown;
  #renderedSource?: string;
  #renderedLang?: string;
  #resultIsNew = false;
  #hasSource = false;
  #scrolledToInitialHash = false;
  #targeted?: Element;
  #fallbackNodes: HTMLElement[] = [];
  /** Whether the article on show has footnotes (its text column then leaves room for them on a wide screen). */
  #withNotes = false;
  #renderedLabels?: string;
  #sidenotes?: SidenoteLayout;

  constructor() {
    super();
    new CodeCopyButtons(this, { root: () => this.renderRoot, messages: () => this.#locale.messages });
    new ScrollerFocus(this, { root: () => this.renderRoot, selector: '.sb-equation', messages: () => this.#locale.messages });
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.noShadow) return super.createRenderRoot();
    adoptKatexStylesInDocument();
    adoptDeferredBlockStylesInDocument();
    return this;
  }

  override connectedCallback(): void {
    this.#scriptSource ??= this.querySelector(':scope > script[type="text/markdown"]')?.textContent ?? undefined;
    this.#fallbackNodes = [...this.children].filter((child): child is HTMLElement => child instanceof HTMLElement && child.localName !== 'script');
    this.bibliography ??= bibliographyInPage(this);
    super.connectedCallback();
    registerKatexFonts();
    this.renderRoot.addEventListener('click', this.#onClick as EventListener);
    window.addEventListener('hashchange', this.#onHashChange);
    if (this.hasUpdated) this.#placeNotes();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('click', this.#onClick as EventListener);
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#sidenotes?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('markdown')) this.#fetch.load(this.markdown === undefined ? this.src : undefined);
    const load = this.#fetch.state;
    const source = this.markdown ?? (load.state === 'loaded' ? load.text : undefined) ?? (this.src ? undefined : this.#scriptSource && dedent(this.#scriptSource));
    const { messages } = this.#locale;
    const footnoteLabels: FootnoteLabels = { list: messages.footnotes, back: messages.footnoteBack };
    const labels = `${footnoteLabels.list}\n${footnoteLabels.back}`;
    const withNotes = source !== undefined && needsFootnotes(source);
    const lang = this.#locale.locale;
    this.#hasSource = source !== undefined;
    const highlighter = source === undefined ? undefined : this.#highlighterFor(source);
    const options: RenderMarkdownOptions = {
      trusted: !this.untrusted,
      macros: this.macros,
      images: !this.untrusted || this.images,
      footnoteLabels,
      lang,
      locale: lang,
      highlighter: highlighter || undefined,
    };
    if (source === undefined) {
      this.#result = undefined;
      this.#withNotes = false;
      this.#article.clear();
      this.#bibliography.clear();
    } else if (
      source !== this.#renderedSource ||
      changed.has('macros') ||
      changed.has('untrusted') ||
      changed.has('images') ||
      changed.has('bibliography') ||
      lang !== this.#renderedLang ||
      (withNotes && labels !== this.#renderedLabels) ||
      options.highlighter !== this.#renderedHighlighter
    ) {
      // Until markdown-it and KaTeX, and the code of the features the post may use, have loaded, the children stay on show; the update after the load renders.
      const renderers = this.#math.value;
      const features = this.#featuresFor(source);
      if (!renderers || !features) return;
      const hydrating = isServer || (!this.hasUpdated && this.shadowRoot?.firstChild);
      // A post with code waits for its highlighter too; what a server rendered is shown meanwhile, and highlighted after.
      if (highlighter === undefined && !hydrating) return;
      this.#withNotes = withNotes;
      this.#renderedLabels = labels;
      this.#renderedHighlighter = options.highlighter;
      // What a server rendered is hydrated as it is, so the first render must be the same whole article.
      if (hydrating) {
        this.#result = renderers.renderPost(source, { ...options, bibliography: this.bibliography }, features);
        this.#resultIsNew = true;
      } else {
        // A post with a bibliography waits for it (fetched, parsed), keeping its room; the update after the load renders.
        const loader = this.bibliography || !features.citations ? undefined : this.#bibliographyLoader.value;
        if (features.citations && !this.bibliography && !loader) return;
        const toLoad = loader?.bibliographyToLoad(source, !this.untrusted);
        if (loader && toLoad) {
          const url = toLoad.kind === 'url' ? new URL(toLoad.url, new URL(this.src ?? '', document.baseURI)).href : undefined;
          const bibliography = this.#bibliography.bibliography(toLoad, url, loader, this.#locale.messages);
          if (!bibliography) return;
          Object.assign(options, { bibliography });
        } else {
          this.#bibliography.clear();
          Object.assign(options, { bibliography: this.bibliography });
        }
        this.#result = undefined;
        // A long trusted post: its beginning alone is prepared first, for the first screen.
        const head = options.trusted && source.length > longPost ? leadingChunk(source, headLength) : undefined;
        this.#article.show(renderers.postBlocksInSteps(source, options, features), head && head.length < source.length ? renderers.postBlocksInSteps(head, options, features) : undefined);
      }
    }
    this.#renderedSource = source;
    this.#renderedLang = lang;
  }

  /** Resolves once the whole article is in: every block appended, the first screen's formulas typeset. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await updatedWith(this.#lazy, () => super.getUpdateComplete());
    for (let pending = this.#bibliography.pending ?? this.#article.pending; pending; pending = this.#bibliography.pending ?? this.#article.pending) {
      await pending;
      result = await updatedWith(this.#lazy, () => super.getUpdateComplete());
    }
    return result;
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const source = this.markdown ?? this.#scriptSource;
    const features = source === undefined ? [] : [...this.#featuresUsedBy(source)].map((name) => this.#features[name]);
    return readyToHydrate(this, [this.#math, ...features]) && super.shouldUpdate(changed);
  }

  /** The features a post may use: those its text shows, and citations when the page gives a bibliography. */
  #featuresUsedBy(source: string): Set<PostFeatureName> {
    if (this.#used?.source !== source) this.#used = { source, names: postFeaturesUsedBy(source) };
    return this.bibliography ? new Set([...this.#used.names, 'citations']) : this.#used.names;
  }

  /** The code of the features a post may use, once all of it is loaded (asking starts the loads, which update the element). */
  #featuresFor(source: string): PostFeatures | undefined {
    const loaded = [...this.#featuresUsedBy(source)].map((name) => this.#features[name].value);
    return loaded.every((features) => features !== undefined) ? Object.assign({}, ...loaded) : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('noPreviews') && this.noPreviews) this.#previews.hide();
    const showFallback = this.result === undefined && this.#fetch.state.state !== 'loading';
    if (this.renderRoot === this) for (const node of this.#fallbackNodes) node.hidden = !showFallback;
    if (!this.#resultIsNew || !this.#result) return;
    this.#resultIsNew = false;
    this.#announce(this.#result);
    this.#scrollToInitialHash();
  }

  /**
   * The highlighter for the languages the source names: false when it names
   * none, undefined while it loads (the load is started, and updates the element).
   */
  #highlighterFor(source: string): CodeHighlighter | false | undefined {
    // A server render cannot wait for a module: its code is plain unless the highlighter was loaded before (prerender loads it).
    if (isServer) {
      const languages = codeLanguagesIn(source);
      return (languages.length > 0 && codeHighlighterFor(languages).value) || false;
    }
    if (this.#code?.source !== source) {
      const languages = codeLanguagesIn(source);
      this.#code = { source, request: languages.length > 0 ? new LazyModuleRequest(this, codeHighlighterFor(languages)) : undefined };
      this.#lazy.splice(this.#lazyBeforeCode, 1, ...(this.#code.request ? [this.#code.request] : []));
    }
    return this.#code.request ? this.#code.request.value : false;
  }

  #announce({ equations, headings, errors, meta }: RenderedMarkdown): void {
    this.#placeNotes();
    // Through a variable: the manifest analyzer takes a constructor's first argument for the event's name.
    const rendered = new PostRenderedEvent({ equations, headings, errors, meta });
    this.dispatchEvent(rendered);
  }

  /** Once the whole article is in: its notes typeset and placed beside the text (when the styles say so). */
  #placeNotes(): void {
    const content = this.renderRoot.querySelector<HTMLElement>('[part="content"]');
    if (!this.#withNotes || !content) {
      this.#sidenotes?.disconnect();
      return;
    }
    // Notes beside the text are on screen long before the list's place at the end comes near: typeset them now.
    const firstNote = content.querySelector('.sb-footnote')?.id;
    if (firstNote) this.#article.reveal(firstNote);
    void sidenoteLayout.load().then(({ SidenoteLayout }) => {
      if (!this.isConnected || !this.#withNotes) return;
      this.#sidenotes ??= new SidenoteLayout();
      this.#sidenotes.observe(content);
    });
  }

  #scrollToInitialHash(): void {
    if (this.#scrolledToInitialHash) return;
    const id = decodeURIComponent(location.hash.slice(1));
    const found = id === '' || this.showFragment(id, { updateUrl: false });
    // While a long post's beginning alone is in, a target further on is looked for again once the whole is.
    if (found || this.#article.result) this.#scrolledToInitialHash = true;
  }

  /**
   * Scrolls to the equation, theorem, figure, table or heading with this id, highlights and focuses
   * it, and (unless `updateUrl` is false) records it as the URL fragment.
   * Returns false when the article has no such id.
   */
  showFragment(id: string, { updateUrl = true } = {}): boolean {
    this.#article.reveal(id);
    const root = this.renderRoot;
    const target = root instanceof ShadowRoot ? root.getElementById(id) : this.querySelector(`#${CSS.escape(id)}`);
    if (!target) return false;
    if (updateUrl) history.pushState(null, '', `#${encodeURIComponent(id)}`);
    const equation = target.closest('.sb-equation');
    const highlighted = equation ?? target.closest('.sb-theorem, .sb-figure, .sb-table');
    this.#targeted?.removeAttribute('data-targeted');
    this.#targeted = highlighted ?? undefined;
    highlighted?.setAttribute('data-targeted', '');
    const focusable = (highlighted ?? target) as HTMLElement;
    if (!focusable.hasAttribute('tabindex')) focusable.setAttribute('tabindex', '-1');
    focusable.focus({ preventScroll: true });
    target.scrollIntoView({ block: equation ? 'center' : 'start' });
    return true;
  }

  readonly #onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || !isPlainClick(event)) return;
    const href = (event.target as Element).closest?.('a[href^="#"]')?.getAttribute('href');
    // The browser looks for fragment targets in the document, not in shadow roots.
    if (href && this.showFragment(decodeURIComponent(href.slice(1)))) event.preventDefault();
  };

  readonly #onHashChange = (): void => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) this.showFragment(id, { updateUrl: false });
  };

  protected override render() {
    const load = this.#fetch.state;
    const messages = this.#locale.messages;
    if (load.state === 'failed' && this.markdown === undefined) {
      return html`<p part="error" role="alert">${messages.loadFailed(load.url, failureReason(load, messages))}</p>
        <slot></slot>`;
    }
    const notes = this.#withNotes ? 'sb-with-notes' : '';
    const failure = this.#bibliography.failure ? html`<p part="error" role="alert">${this.#bibliography.failure}</p>` : nothing;
    if (this.#result) return html`${failure}<div part="content" class=${notes}>${unsafeHTML(this.#result.html)}</div>`;
    // The controller fills it, a block at a time.
    if (this.#article.hasBlocks) return html`${failure}<div part="content" class=${notes}></div>`;
    // Fetching, or waiting for the renderers: the article's room is kept, so the page below it stays put.
    if (load.state === 'loading') return html`<p part="status" class="reserved" role="status" aria-busy="true">${messages.loading}</p>`;
    if (this.#hasSource) return html`<div part="content" class="reserved" aria-busy="true"></div>`;
    return this.renderRoot === this ? nothing : html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'post-body': PostBodyElement;
  }
}

/** The references `prerender` wrote into the element, if it did and they read as JSON. */
function bibliographyInPage(host: HTMLElement): Bibliography | undefined {
  const text = host.querySelector(':scope > script[type="application/json"][data-bibliography]')?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Bibliography;
  } catch {
    // Not ours, or damaged: the front matter's bibliography is fetched as without it.
    return undefined;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyModule } from '../shared/lazy-module.js';
import { isPlainClick } from '../shared/plain-click.js';
import type { ReferencePreviews } from './reference-preview.js';

// Previews of what an in-article link points to (an equation, a footnote, a
// figure…), shown on hover, keyboard focus or a first tap. This part is all a
// page pays for until a reader first comes to such a link: a few listeners
// that load the previews themselves (./reference-preview.js) on that first
// hover, focus or tap, and hand every event to them from then on.

export interface ReferencePreviewOptions {
  /** The rendered article: links in it are previewed, and their targets are looked for in it. */
  content(): HTMLElement | null;
  /** Where the popover goes: the element's shadow root, or the element itself when it has none. */
  root(): ShadowRoot | HTMLElement;
  /** Makes the part of the article holding `id` ready to be shown: appended and typeset, as for a jump to it. */
  reveal(id: string): void;
  /** Whether previews are on. */
  enabled(): boolean;
}

/** How a reader came to a link: the preview waits a little for the first two, not for a tap. */
export type PreviewInteraction = 'hover' | 'focus' | 'tap';

const listened = ['pointerdown', 'pointerover', 'pointerout', 'focusin', 'focusout', 'keydown', 'click'] as const;
const previewModule = lazyModule(() => import('./reference-preview.js'));

export class ReferencePreviewTrigger implements ReactiveController {
  #previews?: ReferencePreviews;
  #root?: ShadowRoot | HTMLElement;
  /** What the reader did while the previews were loading, to act on once they are there. */
  #intent?: { link: HTMLAnchorElement; how: PreviewInteraction };
  #pressed?: { link: HTMLAnchorElement | undefined; pointerType: string };

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ReferencePreviewOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#root = this.options.root();
    // Capturing, so that a first tap is claimed before the article's own click handler follows the link.
    for (const type of listened) this.#root.addEventListener(type, this.#onEvent, true);
  }

  hostDisconnected(): void {
    for (const type of listened) this.#root?.removeEventListener(type, this.#onEvent, true);
    this.#intent = undefined;
    this.#previews?.remove();
  }

  /** Hides the preview on show, if any (previews were turned off). */
  hide(): void {
    this.#intent = undefined;
    this.#previews?.hide();
  }

  readonly #onEvent = (event: Event): void => {
    if (this.#previews) return this.#previews.handle(event);
    const link = referenceLink(event.target, this.options.content());
    switch (event.type) {
      case 'pointerdown':
        this.#pressed = { link, pointerType: (event as PointerEvent).pointerType };
        return;
      case 'pointerover':
        if (link && (event as PointerEvent).pointerType !== 'touch') this.#want(link, 'hover');
        return;
      case 'focusin':
        // Focus that comes with a press is the pointer's, not the keyboard's.
        if (link && link !== this.#pressed?.link) this.#want(link, 'focus');
        return;
      case 'click': {
        const pressed = this.#pressed;
        this.#pressed = undefined;
        if (!link || !isPlainClick(event as MouseEvent) || !isTap(event as MouseEvent, link, pressed) || !this.options.enabled()) return;
        if (!previewSubject(link, this.options)) return;
        event.preventDefault();
        this.#want(link, 'tap');
        return;
      }
      case 'keydown':
        this.#pressed = undefined;
        if ((event as KeyboardEvent).key === 'Escape') this.#intent = undefined;
        return;
      default: {
        // pointerout, focusout: the reader moved on before the previews arrived.
        const to = (event as FocusEvent | PointerEvent).relatedTarget;
        if (link && link === this.#intent?.link && !(to instanceof Node && link.contains(to))) this.#intent = undefined;
      }
    }
  };

  #want(link: HTMLAnchorElement, how: PreviewInteraction): void {
    if (!this.options.enabled()) return;
    this.#intent = { link, how };
    previewModule.load().then(
      ({ ReferencePreviews }) => {
        this.#previews ??= new ReferencePreviews(this.options);
        const intent = this.#intent;
        this.#intent = undefined;
        if (intent && intent.link.isConnected) this.#previews.begin(intent.link, intent.how);
      },
      () => (this.#intent = undefined),
    );
  }
}

/** The in-article fragment link an event happened in, if any. */
export function referenceLink(node: EventTarget | null, content: HTMLElement | null): HTMLAnchorElement | undefined {
  if (!content || !(node instanceof Element)) return undefined;
  const link = node.closest('a[href^="#"]');
  return link instanceof HTMLAnchorElement && link.getAttribute('href')!.length > 1 && content.contains(link) ? link : undefined;
}

/**
 * Whether a click is a tap on a touch screen: the click says so itself
 * (Chromium, Safari 17, Firefox), or a touch pressed this very link.
 */
export function isTap(click: MouseEvent, link: HTMLAnchorElement, pressed: { link: HTMLAnchorElement | undefined; pointerType: string } | undefined): boolean {
  const pointerType = (click as Partial<PointerEvent>).pointerType;
  return pointerType ? pointerType === 'touch' : pressed?.link === link && pressed.pointerType === 'touch';
}

/**
 * What a preview of `link` shows: its target in the article (typeset first)
 * or, for an equation, the whole equation; for a target inside a line (the
 * mark a footnote returns to), the block it is in. Nothing for a link to a
 * heading (the table of contents' business), to a place outside the
 * article, or to what holds the link itself.
 */
export function previewSubject(link: HTMLAnchorElement, { content, reveal }: Pick<ReferencePreviewOptions, 'content' | 'reveal'>): Element | undefined {
  let id: string;
  try {
    id = decodeURIComponent(link.getAttribute('href')!.slice(1));
  } catch {
    return undefined;
  }
  reveal(id);
  const article = content();
  const target = article?.querySelector(`#${CSS.escape(id)}`);
  if (!article || !target || target.closest('h1, h2, h3, h4, h5, h6')) return undefined;
  let subject = target.closest('.sb-equation');
  if (!subject) {
    subject = target;
    while (subject.parentElement && subject.parentElement !== article && getComputedStyle(subject).display.startsWith('inline')) subject = subject.parentElement;
  }
  return subject.contains(link) ? undefined : subject;
}

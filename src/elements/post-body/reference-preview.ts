import { placeBeside } from '../../core/popover-placement.js';
import { isPlainClick } from '../shared/plain-click.js';
import { isTap, previewSubject, referenceLink, type PreviewInteraction, type ReferencePreviewOptions } from './reference-preview-trigger.js';
import { referencePreviewStyles } from './reference-preview.styles.js';

// The previews themselves, loaded on a reader's first hover, focus or tap of
// an in-article link (see reference-preview-trigger.ts). One popover per
// article, holding a copy of the link's target: the equation's KaTeX HTML as
// it is on the page, not typeset again. It lives in the article's shadow root,
// so the article's styles and KaTeX's reach the copy; with the Popover API it
// is in the top layer, where nothing on the page clips it, and otherwise an
// absolutely positioned element above the page. A footnote already on show
// beside its line (a sidenote) gets no popover, which would cover the margin
// it sits in: the note itself is highlighted instead.

/** Milliseconds the pointer rests on a link before its preview shows. */
const hoverDelay = 300;
/** Milliseconds a link keeps the keyboard's focus before its preview shows, so tabbing through links does not flash them. */
const focusDelay = 150;
/** Milliseconds between the pointer leaving and the preview hiding: time to cross the gap into the preview. */
const hideGrace = 200;

let previewCount = 0;

export class ReferencePreviews {
  #popover?: HTMLElement;
  /** The link whose preview is on show. */
  #link?: HTMLAnchorElement;
  /** The sidenote highlighted as the preview of `#link`, in place of the popover. */
  #note?: Element;
  #how?: PreviewInteraction;
  /** The link whose preview is waiting for its delay. */
  #pending?: HTMLAnchorElement;
  #showTimer?: ReturnType<typeof setTimeout>;
  #hideTimer?: ReturnType<typeof setTimeout>;
  /** A link whose preview Escape closed: it stays closed until the reader leaves the link. */
  #dismissed?: HTMLAnchorElement;
  #pressed?: { link: HTMLAnchorElement | undefined; pointerType: string };
  #frame?: number;

  constructor(private readonly options: ReferencePreviewOptions) {}

  /** Starts what the reader did while this module was loading. */
  begin(link: HTMLAnchorElement, how: PreviewInteraction): void {
    if (how === 'tap') this.#show(link, how);
    else this.#showLater(link, how);
  }

  /** Every event of the article's root, in the capture phase. */
  handle(event: Event): void {
    const node = event.target instanceof Node ? event.target : null;
    const link = referenceLink(node, this.options.content());
    const inPopover = this.#isInPreview(node);
    const pointerType = (event as Partial<PointerEvent>).pointerType;
    const to = (event as FocusEvent | PointerEvent).relatedTarget;
    const movedOff = (from: Node) => !(to instanceof Node && from.contains(to));
    switch (event.type) {
      case 'pointerdown':
        this.#pressed = { link, pointerType: pointerType ?? '' };
        if (this.#link && link !== this.#link && !inPopover) this.hide();
        break;
      case 'pointerover':
        if (pointerType === 'touch') break;
        if (inPopover || (link && link === this.#link)) this.#keep();
        else if (link) this.#showLater(link, 'hover');
        break;
      case 'pointerout':
        if (pointerType === 'touch') break;
        if (link && movedOff(link)) {
          if (link === this.#pending) this.#cancelShow();
          if (link === this.#dismissed) this.#dismissed = undefined;
        }
        if (this.#how === 'hover' && (inPopover || (link && link === this.#link)) && !this.#isWithin(to)) this.#hideSoon();
        break;
      case 'focusin':
        if (link && link !== this.#pressed?.link) this.#showLater(link, 'focus');
        break;
      case 'focusout':
        if (link && movedOff(link)) {
          if (link === this.#pending) this.#cancelShow();
          if (link === this.#dismissed) this.#dismissed = undefined;
          if (link === this.#link && !this.#isWithin(to)) this.hide();
        }
        break;
      case 'keydown':
        this.#pressed = undefined;
        if ((event as KeyboardEvent).key === 'Escape') this.#dismiss();
        break;
      case 'click':
        this.#onClick(event as MouseEvent, link, inPopover);
        break;
    }
  }

  /** Hides the preview on show, if any, and forgets one waiting to show. */
  hide(): void {
    this.#cancelShow();
    this.#cancelHide();
    if (this.#link) this.#hidePopover();
    this.#link?.removeAttribute('aria-describedby');
    this.#note?.removeAttribute('data-sb-previewed');
    this.#note = undefined;
    this.#link = undefined;
    this.#how = undefined;
    document.removeEventListener('keydown', this.#onDocumentKeydown, true);
    document.removeEventListener('pointerdown', this.#onDocumentPointerdown, true);
    document.removeEventListener('scroll', this.#onViewportChange, true);
    window.removeEventListener('resize', this.#onViewportChange);
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  /** Hides the preview and takes the popover out of the page (the article left it). */
  remove(): void {
    this.hide();
    this.#popover?.remove();
    this.#popover = undefined;
  }

  #onClick(click: MouseEvent, link: HTMLAnchorElement | undefined, inPopover: boolean): void {
    const pressed = this.#pressed;
    this.#pressed = undefined;
    if (!isPlainClick(click)) return;
    if (link && isTap(click, link, pressed)) {
      // The second tap on a link follows it; the first shows where it goes.
      if (link === this.#link) return this.hide();
      const subject = this.options.enabled() ? previewSubject(link, this.options) : undefined;
      if (!subject) return this.hide();
      click.preventDefault();
      this.#show(link, 'tap', subject);
      return;
    }
    // Selecting text in the preview keeps it; a link followed, in it or anywhere, hides it.
    if (inPopover && !(click.target as Element).closest?.('a[href]')) return;
    this.hide();
  }

  #showLater(link: HTMLAnchorElement, how: PreviewInteraction): void {
    // Moving between the parts of a link does not start its wait again.
    if (link === this.#dismissed || link === this.#pending || link === this.#link) return;
    this.#cancelShow();
    this.#pending = link;
    this.#showTimer = setTimeout(() => this.#show(link, how), how === 'hover' ? hoverDelay : focusDelay);
  }

  #show(link: HTMLAnchorElement, how: PreviewInteraction, subject?: Element): void {
    this.#cancelShow();
    this.#cancelHide();
    if (!this.options.enabled() || !link.isConnected) return;
    subject ??= previewSubject(link, this.options);
    if (!subject) return;
    if (this.#link !== link) this.#link?.removeAttribute('aria-describedby');
    this.#note?.removeAttribute('data-sb-previewed');
    this.#note = undefined;
    const shownBefore = this.#link !== undefined;
    this.#link = link;
    this.#how = how;
    if (isSidenoteInView(subject)) {
      this.#hidePopover();
      this.#note = subject;
      subject.setAttribute('data-sb-previewed', '');
      link.setAttribute('aria-describedby', subject.id);
    } else {
      const popover = this.#popoverFor(this.options.root());
      popover.firstElementChild!.replaceChildren(copyOf(subject));
      if (popover.hasAttribute('popover')) {
        if (!popover.matches(':popover-open')) popover.showPopover();
      } else {
        popover.hidden = false;
      }
      link.setAttribute('aria-describedby', popover.id);
      this.#position();
    }
    if (shownBefore) return;
    document.addEventListener('keydown', this.#onDocumentKeydown, true);
    document.addEventListener('pointerdown', this.#onDocumentPointerdown, true);
    document.addEventListener('scroll', this.#onViewportChange, { capture: true, passive: true });
    window.addEventListener('resize', this.#onViewportChange);
  }

  #hidePopover(): void {
    const popover = this.#popover;
    if (!popover) return;
    if (popover.hasAttribute('popover')) {
      if (popover.matches(':popover-open')) popover.hidePopover();
    } else {
      popover.hidden = true;
    }
  }

  #popoverFor(root: ShadowRoot | HTMLElement): HTMLElement {
    if (this.#popover?.parentNode === root) return this.#popover;
    adoptStyles(root);
    const popover = document.createElement('div');
    popover.className = 'sb-preview';
    popover.id = `sb-preview-${++previewCount}`;
    popover.setAttribute('role', 'tooltip');
    popover.setAttribute('part', 'preview');
    if (typeof HTMLElement.prototype.showPopover === 'function') {
      popover.setAttribute('popover', 'manual');
    } else {
      popover.hidden = true;
    }
    const body = document.createElement('div');
    body.className = 'sb-preview-body';
    popover.append(body);
    // First in the root: Lit renders from a marker after it and replaces only what follows that marker.
    root.prepend(popover);
    this.#popover = popover;
    return popover;
  }

  /** Puts the preview beside its link, inside the viewport; hides it once the link has scrolled out of view. */
  #position(): void {
    const popover = this.#popover;
    const link = this.#link;
    if (!link) return;
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const anchor = nearestLine(link);
    if (!link.isConnected || anchor.top + anchor.height < 0 || anchor.top > viewport.height) return this.hide();
    if (this.#note || !popover) return;
    // Where (0, 0) lands depends on the containing block (the viewport in the top layer, a positioned ancestor otherwise).
    popover.style.left = '0px';
    popover.style.top = '0px';
    const body = popover.firstElementChild as HTMLElement;
    fitWidth(body);
    const origin = popover.getBoundingClientRect();
    const place = placeBeside(anchor, origin, viewport);
    popover.style.left = `${place.left - origin.left}px`;
    popover.style.top = `${place.top - origin.top}px`;
    popover.dataset.side = place.side;
    body.toggleAttribute('data-clipped', body.scrollHeight > body.clientHeight + 1);
  }

  #keep(): void {
    this.#cancelHide();
  }

  #hideSoon(): void {
    this.#cancelHide();
    this.#hideTimer = setTimeout(() => this.hide(), hideGrace);
  }

  #dismiss(): void {
    const link = this.#link ?? this.#pending;
    if (!link) return;
    this.#dismissed = link;
    this.hide();
  }

  #cancelShow(): void {
    clearTimeout(this.#showTimer);
    this.#showTimer = undefined;
    this.#pending = undefined;
  }

  #cancelHide(): void {
    clearTimeout(this.#hideTimer);
    this.#hideTimer = undefined;
  }

  #isWithin(node: EventTarget | null): boolean {
    return (node instanceof Node && this.#link?.contains(node) === true) || this.#isInPreview(node);
  }

  /** Whether `node` is in what shows the preview: the popover, or the sidenote highlighted in its place. */
  #isInPreview(node: EventTarget | null): boolean {
    return node instanceof Node && (this.#popover?.contains(node) === true || this.#note?.contains(node) === true);
  }

  readonly #onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.#dismiss();
  };

  /** A press outside the article (inside it, `handle` sees it). */
  readonly #onDocumentPointerdown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.options.root())) this.hide();
  };

  readonly #onViewportChange = (): void => {
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = undefined;
      this.#position();
    });
  };
}

/**
 * A copy of the target for the preview: no ids (they would collide with the
 * article's), nothing to tab to (a tooltip is read, not entered), and none of
 * the article's marks of its own (highlight, deferred layout, heading anchors).
 */
function copyOf(subject: Element): Element {
  const copy = subject.cloneNode(true) as Element;
  for (const element of [copy, ...copy.querySelectorAll('[id], [data-targeted], [data-sb-previewed], [data-sb-far], [aria-describedby], [tabindex]')]) {
    for (const name of ['id', 'data-targeted', 'data-sb-previewed', 'data-sb-far', 'aria-describedby', 'tabindex']) element.removeAttribute(name);
  }
  for (const anchor of copy.querySelectorAll('.sb-heading-anchor')) anchor.remove();
  for (const focusable of copy.querySelectorAll('a[href], button, input, select, textarea, summary, [contenteditable]')) focusable.setAttribute('tabindex', '-1');
  return copy;
}

/**
 * Whether the target is a footnote already on show as a sidenote, beside the
 * line citing it and all of it in the viewport (see sidenote-layout.ts): a
 * popover could only repeat it, over the margin it is in.
 */
function isSidenoteInView(subject: Element): boolean {
  if (!subject.matches('.sb-footnotes[data-sb-placed] .sb-footnote') || getComputedStyle(subject).position !== 'absolute') return false;
  const { top, right, bottom, left } = subject.getBoundingClientRect();
  return top >= 0 && left >= 0 && bottom <= document.documentElement.clientHeight && right <= document.documentElement.clientWidth;
}

/** The smallest share of its size a formula wider than the preview is drawn at; wider still, it scrolls. */
const smallestScale = 0.7;

/** Draws a formula wider than the preview (on a phone, say) smaller, so its number shows. */
function fitWidth(body: HTMLElement): void {
  body.style.fontSize = '';
  const equation = body.firstElementChild;
  if (!equation?.classList.contains('sb-equation') || equation.scrollWidth <= equation.clientWidth) return;
  body.style.fontSize = `${Math.max(smallestScale, equation.clientWidth / equation.scrollWidth)}em`;
}

/** The link's box on its first line: a link broken over two lines has a bounding box spanning the column. */
function nearestLine(link: HTMLAnchorElement): DOMRect {
  const lines = link.getClientRects();
  return lines.length > 1 ? lines[0] : link.getBoundingClientRect();
}

const styled = new WeakSet<Node>();

/** The previews' styles, into the article's shadow root (or the document, for an article without one) the first time. */
function adoptStyles(root: ShadowRoot | HTMLElement): void {
  const target = root instanceof ShadowRoot ? root : document;
  if (styled.has(target)) return;
  styled.add(target);
  const sheet = referencePreviewStyles.styleSheet;
  if (sheet) {
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    return;
  }
  // No constructable style sheets (as Lit falls back there too): a <style> element.
  const style = document.createElement('style');
  style.textContent = referencePreviewStyles.cssText;
  (root instanceof ShadowRoot ? root : document.head).append(style);
}

// Puts each note of an article's footnote list beside the line that cites it,
// when the styles make notes sidenotes (a wide article on a screen: see
// sidenote.styles.ts); a note that would overlap the one above it goes below
// it instead. Loaded only for an article with footnotes, and only in the
// browser. Positions are measured after layout and again whenever the article
// or a note changes size (formulas typeset, fonts arrived, a narrower window).

/** Places the footnotes of one article's content element, and keeps them placed. */
export class SidenoteLayout {
  #content?: HTMLElement;
  #observer?: ResizeObserver;

  /** Places the notes of `content` and follows its changes of size (and its notes'). */
  observe(content: HTMLElement): void {
    if (content !== this.#content) {
      this.disconnect();
      this.#content = content;
      this.#observer = new ResizeObserver(() => this.place());
      this.#observer.observe(content);
    }
    for (const note of this.#notes()) this.#observer!.observe(note);
    this.place();
  }

  disconnect(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#content = undefined;
  }

  /** Measures, then writes: all reads come before any write, so placing costs one layout. */
  place(): void {
    const content = this.#content;
    const list = content?.querySelector<HTMLElement>(':scope > .sb-footnotes');
    if (!content || !list) return;
    list.toggleAttribute('data-sb-placed', true);
    const notes = this.#notes();
    if (notes.length === 0) return;
    if (getComputedStyle(notes[0]).position !== 'absolute') {
      // Notes at the end, in the flow: nothing to place.
      setProperty(content, '--_notes-overflow', '0px');
      return;
    }
    const root = content.getRootNode() as Document | ShadowRoot;
    const origin = content.getBoundingClientRect().top + content.clientTop;
    const wanted = notes.map((note) => {
      const reference = root.getElementById(firstReferenceId(note) ?? '');
      const style = getComputedStyle(note);
      return {
        note,
        top: reference ? Math.ceil(lineTop(reference) - origin) : 0,
        height: note.getBoundingClientRect().height,
        spacing: parseFloat(style.marginBottom) || 0,
      };
    });
    const end = list.offsetTop;
    let floor = -Infinity;
    for (const placed of wanted) {
      placed.top = Math.max(placed.top, floor);
      floor = Math.ceil(placed.top + placed.height + placed.spacing);
    }
    for (const { note, top } of wanted) setProperty(note, 'top', `${Math.ceil(top)}px`);
    // Notes that reach below the article's end make room for themselves rather than overlap what follows it.
    setProperty(content, '--_notes-overflow', `${Math.max(0, Math.ceil(floor - end))}px`);
  }

  #notes(): HTMLElement[] {
    return [...(this.#content?.querySelectorAll<HTMLElement>(':scope > .sb-footnotes .sb-footnote') ?? [])];
  }
}

/** The id of the first citation of a note, from its first back link. */
function firstReferenceId(note: Element): string | undefined {
  const href = note.querySelector(':scope .sb-footnote-backref')?.getAttribute('href');
  return href?.startsWith('#') ? decodeURIComponent(href.slice(1)) : undefined;
}

/** Where a citation's line begins, as far as the note beside it goes: the top of its (first) box. */
function lineTop(reference: Element): number {
  const [first] = reference.getClientRects();
  return (first ?? reference.getBoundingClientRect()).top;
}

/** Writes a style property only when it changes, so that a size change placing notes does not start another. */
function setProperty(element: HTMLElement, name: string, value: string): void {
  if (element.style.getPropertyValue(name) !== value) element.style.setProperty(name, value);
}

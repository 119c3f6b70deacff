import { AsyncDirective, directive } from 'lit/async-directive.js';

// A comment typeset after the list rendered replaces its own body, and only
// that: an update of the whole list per comment would cost as much as the
// typesetting it waits for, on a list of thousands.

/** The bodies on show, by comment id. */
export class CommentBodies {
  readonly #parts = new Map<string, CommentBodyDirective>();

  /** Shows `content` as the body of comment `id`, if it is on show. */
  show(id: string, content: unknown): void {
    this.#parts.get(id)?.setValue(content);
  }

  add(id: string, part: CommentBodyDirective): void {
    this.#parts.set(id, part);
  }

  remove(id: string, part: CommentBodyDirective): void {
    if (this.#parts.get(id) === part) this.#parts.delete(id);
  }
}

class CommentBodyDirective extends AsyncDirective {
  #bodies?: CommentBodies;
  #id?: string;

  render(bodies: CommentBodies, id: string, content: unknown): unknown {
    if (bodies !== this.#bodies || id !== this.#id) {
      if (this.#id !== undefined) this.#bodies?.remove(this.#id, this);
      this.#bodies = bodies;
      this.#id = id;
    }
    if (this.isConnected) bodies.add(id, this);
    return content;
  }

  protected override disconnected(): void {
    if (this.#id !== undefined) this.#bodies?.remove(this.#id, this);
  }

  protected override reconnected(): void {
    if (this.#id !== undefined) this.#bodies?.add(this.#id, this);
  }
}

/** A comment's body, which `bodies.show(id, …)` may replace later. */
export const commentBody = directive(CommentBodyDirective);

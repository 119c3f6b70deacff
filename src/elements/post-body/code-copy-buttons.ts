import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Messages } from '../../core/messages.js';

// A copy button on each code block (`div.sb-code`, as core renders them),
// added as blocks reach the page: whole, a block at a time, or hydrated from
// a server render. The buttons live in the DOM only, not in the rendered
// HTML, so a post rendered in Node carries none.

/** How long a button says "Copied" before it offers to copy again. */
const feedbackMilliseconds = 2000;

export interface CodeCopyButtonsOptions {
  /** Where the article's blocks are. */
  root(): ParentNode & Node;
  /** The interface text, for the buttons' labels. */
  messages(): Messages;
}

export class CodeCopyButtons implements ReactiveController {
  #observer?: MutationObserver;
  #label?: string;
  #scanned = false;
  readonly #timers = new Map<HTMLButtonElement, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly hasUpdated: boolean },
    private readonly options: CodeCopyButtonsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.options.root();
    this.#observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) this.#addButtonsWithin(node);
    });
    this.#observer.observe(root, { childList: true, subtree: true });
    root.addEventListener('click', this.#onClick);
    // What a server rendered gets its buttons after hydration, which expects the DOM it sent.
    if (this.host.hasUpdated) this.#addButtonsWithin(root);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.options.root().removeEventListener('click', this.#onClick);
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  hostUpdated(): void {
    if (!this.#scanned) {
      this.#scanned = true;
      this.#addButtonsWithin(this.options.root());
    }
    // The page's language may have changed: relabel the buttons not showing feedback.
    const label = this.options.messages().copyCode;
    if (label === this.#label) return;
    this.#label = label;
    for (const button of this.options.root().querySelectorAll<HTMLButtonElement>('.sb-code-copy')) if (!this.#timers.has(button)) button.textContent = label;
  }

  #addButtonsWithin(node: ParentNode & Node): void {
    // Formulas typeset in the article add nodes too; only a block holding code has a pre.
    const blocks = node instanceof Element && node.matches('.sb-code') ? [node] : node.querySelectorAll('.sb-code');
    for (const block of blocks) {
      if (block.querySelector(':scope > .sb-code-copy')) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sb-code-copy';
      button.textContent = this.options.messages().copyCode;
      block.prepend(button);
    }
  }

  readonly #onClick = (event: Event): void => {
    const button = (event.target as Element).closest?.('.sb-code-copy');
    if (button instanceof HTMLButtonElement) void this.#copy(button);
  };

  async #copy(button: HTMLButtonElement): Promise<void> {
    const code = button.parentElement?.querySelector('pre > code');
    if (!code) return;
    // The code as written: line numbers are generated content, not text; the block's final line break is left off.
    const text = (code.textContent ?? '').replace(/\n$/, '');
    const messages = this.options.messages();
    let copied = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard access (permissions, an insecure page): the code is selected for the reader to copy.
      getSelection()?.selectAllChildren(code);
      copied = document.execCommand('copy');
    }
    button.textContent = copied ? messages.codeCopied : messages.codeNotCopied;
    clearTimeout(this.#timers.get(button));
    this.#timers.set(
      button,
      setTimeout(() => {
        this.#timers.delete(button);
        button.textContent = this.options.messages().copyCode;
      }, feedbackMilliseconds),
    );
  }
}

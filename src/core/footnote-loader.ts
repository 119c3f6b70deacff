import type { FootnotePlugin } from './footnotes.js';

// Apart from footnotes.ts so that a caller can ask whether a post needs
// footnotes, and load them, without loading markdown-it.

/**
 * Imports markdown-it-footnote, for `renderMarkdown`'s `footnotes` option. A
 * post without footnotes need not load it: ask `needsFootnotes` first.
 */
export async function loadFootnotes(): Promise<FootnotePlugin> {
  // Its types describe markdown-it's CommonJS declarations, which TypeScript holds apart from the ESM ones we use.
  return (await import('markdown-it-footnote')).default as unknown as FootnotePlugin;
}

/**
 * Whether markdown may hold footnotes, so that `loadFootnotes` is worth
 * calling before it is rendered: an inline note `^[…]`, or a definition
 * `[^label]:` (markdown-it-footnote allows any character in a label but a
 * space, a line break and `]`). A `[^label]` without a definition is not a
 * footnote. Linear in the text, whatever it holds.
 */
export function needsFootnotes(markdown: string): boolean {
  if (markdown.includes('^[')) return true;
  for (let end = markdown.indexOf(']:'); end >= 0; end = markdown.indexOf(']:', end + 2)) {
    // Back from the `]` to the `[^` the label starts after; the next `]:` looks back no further than this one.
    for (let at = end - 1; at > 0; at--) {
      const c = markdown[at];
      if (c === ' ' || c === '\n' || c === '\r' || c === ']') break;
      if (c === '^' && markdown[at - 1] === '[' && at + 1 < end) return true;
    }
  }
  return false;
}

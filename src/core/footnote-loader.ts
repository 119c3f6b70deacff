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

// A definition `[^label]:` or an inline note `^[…]`; a `[^label]` without a
// definition is not a footnote.
const footnoteSyntax = /\[\^[^\]\s]+\]:|\^\[/;

/** Whether markdown may hold footnotes, so that `loadFootnotes` is worth calling before it is rendered. */
export function needsFootnotes(markdown: string): boolean {
  return footnoteSyntax.test(markdown);
}

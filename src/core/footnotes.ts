import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

// Footnotes (`[^1]` with its `[^1]: …` definition, and inline `^[…]`) come
// from markdown-it-footnote, which `loadFootnotes` imports on first need, with
// our markup (footnote-markup.ts, loaded with it). Here is what a post's
// preparation reads of their tokens whether or not it has notes.

/** markdown-it-footnote's plugin, as `loadFootnotes` gives it. */
export type FootnotePlugin = (md: MarkdownIt) => void;

/** Text a reader's assistive technology hears for the footnote list and its back links. */
export interface FootnoteLabels {
  /** The list's accessible name: `Footnotes`, `脚注`. */
  list: string;
  /** Each back link's accessible name: `Back to the text`, `返回正文`. */
  back: string;
}

export interface FootnoteMeta {
  id: number;
  subId?: number;
  /** Put before every id of a visitor's footnotes, so they differ from the post's and from other visitors'. */
  idPrefix?: string;
  labels?: FootnoteLabels;
}

export const noteId = (meta: FootnoteMeta) => `${meta.idPrefix ?? ''}fn-${meta.id + 1}`;

/** Gives the post's footnote list its labels (the list and its back links), in the reader's language. */
export function labelFootnotes(tokens: readonly Token[], labels: FootnoteLabels | undefined): void {
  const start = footnoteListStart(tokens);
  if (start < 0 || !labels) return;
  for (let index = start; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === 'footnote_block_open' || token.type === 'footnote_anchor') token.meta = { ...token.meta, labels };
  }
}

/** The ids of the notes in the footnote list, which starts at `start`: `fn-1`, `fn-2`, … */
export function footnoteIds(tokens: readonly Token[], start: number, end: number): string[] {
  const ids: string[] = [];
  for (let index = start; index < end; index++) if (tokens[index].type === 'footnote_open') ids.push(noteId(tokens[index].meta as FootnoteMeta));
  return ids;
}

/** Where the footnote list starts among a post's tokens (it is always last), or -1. */
export function footnoteListStart(tokens: readonly Token[]): number {
  if (tokens.at(-1)?.type !== 'footnote_block_close') return -1;
  for (let index = tokens.length - 1; index >= 0; index--) if (tokens[index].type === 'footnote_block_open') return index;
  return -1;
}


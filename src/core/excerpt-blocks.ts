import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** The top-level blocks at the start of a markdown text, as markdown-it reads them. */
export interface LeadingBlocks {
  /** `[startLine, endLine)` of each top-level block, in order. */
  lines: [number, number][];
  /** Source offset where each line starts, and the text's length after the last line. */
  lineStarts: number[];
  /** Whether blocks after these were left unread. */
  unread: boolean;
  /** Link reference definitions met on the way (markdown-it's `env.references`). */
  references: Record<string, unknown>;
}

/**
 * The top-level blocks that start before source offset `stopAt`, each read to
 * its end wherever that is; inline content is left unparsed.
 *
 * Every rule still sees the whole text, so a block is read as it is in the
 * whole post (a formula's closing far below, a list that runs on); only the
 * search for further blocks stops. Should markdown-it stop asking
 * `skipEmptyLines` for the next block, this reads every block: slower, never
 * wrong.
 */
export function readLeadingBlocks(md: MarkdownIt, src: string, stopAt: number): LeadingBlocks {
  const env: { references?: Record<string, unknown> } = {};
  const tokens: Token[] = [];
  const state = new md.block.State(src, md, env, tokens);
  let unread = false;
  const skipEmptyLines = state.skipEmptyLines;
  state.skipEmptyLines = function (this: typeof state, from: number): number {
    const line = skipEmptyLines.call(this, from);
    // Level 0: between top-level blocks, not inside a list or quote.
    if (this.level === 0 && line < this.lineMax && this.bMarks[line] >= stopAt) {
      unread = true;
      return this.lineMax;
    }
    return line;
  };
  md.block.tokenize(state, 0, state.lineMax);
  const lines = tokens.filter((token) => token.level === 0 && token.map).map((token) => token.map as [number, number]);
  return { lines, lineStarts: state.bMarks, unread, references: env.references ?? {} };
}

import type { FormulaInput } from './equation-numbering.js';

// Pieces: the source read as what a reader sees.

/**
 * A stretch of the source. Only text pieces may be cut inside (between
 * graphemes); any piece may be cut before.
 */
export interface Piece {
  /** `break`: a paragraph or block boundary. `markup`: nothing visible (`**`, `#`, a tag). */
  kind: 'text' | 'atom' | 'markup' | 'break';
  start: number;
  end: number;
  /** What the segmenters see: for text the source itself (same length), for an atom a stand-in. */
  visible: string;
  /** Visible weight of an atom; text is weighed grapheme by grapheme. */
  weight: number;
  math?: FormulaInput;
  /** Left out of the excerpt: scripts and comments. */
  drop?: boolean;
  /**
   * The start or end tag of an HTML element read piece by piece (so raw TeX
   * in it is found) but never cut inside: a link, a table.
   */
  region?: 'open' | 'close';
}

export interface PieceReader {
  next(): Piece | undefined;
}

// An atom shows to the segmenters as one "word" that ends no sentence.
export const OBJECT = '\ufffc';

/** How much a formula weighs against text: a quarter of its TeX, as `x_i` reads as about one character. */
export function formulaWeight(tex: string): number {
  return Math.max(1, Math.ceil(tex.trim().length / 4));
}

export function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) count++;
  }
  return count;
}

/** The pieces read so far, kept for writing out what the cut keeps. */
export class PieceStream implements PieceReader {
  readonly pieces: Piece[] = [];

  constructor(readonly reader: PieceReader) {}

  next(): Piece | undefined {
    const piece = this.reader.next();
    if (piece) this.pieces.push(piece);
    return piece;
  }
}

export function findLastIndex<T>(items: readonly T[], predicate: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i], i)) return i;
  return -1;
}

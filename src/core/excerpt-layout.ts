import type { Piece, PieceReader } from './excerpt-pieces.js';

// Layout: the visible text with, at each of its indices, the weight before it
// and the source offset a cut there keeps up to (-1 where no cut may fall).

// Text in which every UTF-16 unit is a grapheme of its own (ASCII, Latin-1,
// common CJK and punctuation, no combining marks): counted without a segmenter.
const simpleGraphemes = /^[\t\n\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u4e00-\u9fff\uff01-\uff9d]*$/;

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000;
}

export class Layout {
  visible = '';
  readonly weightAt: number[] = [];
  readonly rawAt: number[] = [];
  weight = 0;
  ended = false;
  #afterSpace = true;
  #rawEnd = 0;
  #regionDepth = 0;

  constructor(
    stream: PieceReader,
    stop: number,
    readonly graphemes: Intl.Segmenter,
  ) {
    // A region is read to its end: the cut may have to fall after it.
    while (this.weight <= stop || this.#regionDepth > 0) {
      const piece = stream.next();
      if (!piece) {
        this.ended = true;
        break;
      }
      this.#add(piece, stop);
    }
    this.#mark(this.visible.length, this.#rawEnd);
  }

  legal(index: number): boolean {
    return (this.rawAt[index] ?? -1) >= 0;
  }

  // The first piece to reach an index decides where a cut there ends: before
  // `**` or `</em>` rather than after, so an excerpt never ends on markup.
  // Inside a region nothing is marked, so no cut falls there.
  #mark(index: number, raw: number): void {
    if (this.#regionDepth === 0 && this.rawAt[index] === undefined) {
      this.rawAt[index] = raw;
      this.weightAt[index] = this.weight;
    }
  }

  #inside(index: number): void {
    this.rawAt[index] = -1;
    this.weightAt[index] = this.weight;
  }

  #count(space: boolean): void {
    // A run of spaces shows as one, and none at the start of a block.
    if (space) {
      if (!this.#afterSpace) this.weight++;
      this.#afterSpace = true;
    } else {
      this.weight++;
      this.#afterSpace = false;
    }
  }

  #add(piece: Piece, stop: number): void {
    const base = this.visible.length;
    if (piece.region === 'close') {
      this.#regionDepth--;
      this.#mark(base, piece.end);
    }
    this.#mark(base, piece.start);
    if (piece.region === 'open') this.#regionDepth++;
    if (piece.kind !== 'text') {
      for (let i = 1; i < piece.visible.length; i++) this.#inside(base + i);
      this.visible += piece.visible;
      if (piece.kind === 'break') this.#afterSpace = true;
      else if (piece.weight > 0) {
        this.weight += piece.weight;
        this.#afterSpace = false;
      }
      this.#rawEnd = piece.end;
      return;
    }
    const text = piece.visible;
    let consumed = text.length;
    if (simpleGraphemes.test(text)) {
      for (let i = 0; i < text.length; i++) {
        if (this.weight > stop && this.#regionDepth === 0) {
          consumed = i;
          break;
        }
        this.#mark(base + i, piece.start + i);
        this.#count(isSpaceCode(text.charCodeAt(i)));
      }
    } else {
      for (const { segment, index } of this.graphemes.segment(text)) {
        if (this.weight > stop && this.#regionDepth === 0) {
          consumed = index;
          break;
        }
        this.#mark(base + index, piece.start + index);
        for (let k = 1; k < segment.length; k++) this.#inside(base + index + k);
        this.#count(/^\s+$/.test(segment));
      }
    }
    this.visible += text.slice(0, consumed);
    this.#rawEnd = piece.start + consumed;
  }
}

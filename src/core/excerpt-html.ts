import { numberEquations } from './equation-numbering.js';
import type { Excerpt, Settings } from './excerpt.js';
import { cutByLength, trimDangling } from './excerpt-cut.js';
import { finishExcerpt } from './excerpt-finish.js';
import { HtmlReader } from './excerpt-html-reader.js';
import { findLastIndex, type Piece, PieceStream } from './excerpt-pieces.js';
import { blockElements, textOf } from './html-scan.js';
import { renderFormula } from './render-math.js';

function hasVisibleContent(html: string): boolean {
  return /\S/.test(textOf(html.replace(/<!--[\s\S]*?-->/g, ''))) || /<(?:img|svg|math|video|audio|picture|canvas)\b/i.test(html);
}

export const moreMarker = /<!--\s*more\b[^>]*?-->/i;

/** The TeX KaTeX sets for a formula of an excerpt: a display formula in text style when the settings ask for it. */
export const excerptTex = (tex: string, display: boolean, settings: Pick<Settings, 'textStyleDisplays'>): string => (display && settings.textStyleDisplays ? `\\textstyle ${tex}` : tex);

export function excerptHtml(source: string, settings: Settings): Excerpt {
  return cutHtml(source, settings, { readsTex: true, goesOn: false })!;
}

export interface HtmlCutOptions {
  /** Whether text may hold raw TeX to render (a feed's HTML), or math is only what is rendered already. */
  readsTex: boolean;
  /** Whether the post goes on after `html`. */
  goesOn: boolean;
  /** Whether the caller can give more of the post (and would rather, than cut where the HTML runs out). */
  extendable?: boolean;
  /** Turns what the cut keeps into the HTML to show: formulas left as stand-ins until it is known which are kept. */
  renderKept?: (html: string) => string;
}

/**
 * The excerpt of `html`; undefined when `extendable` and `html` ran out
 * before the cut was certain: given more of the post it may fall later.
 */
export function cutHtml(source: string, settings: Settings, options: HtmlCutOptions): Excerpt | undefined {
  const stream = new PieceStream(new HtmlReader(source, options.readsTex));
  let end: number;
  let sentence = true;
  let truncated: boolean;
  const marker = moreMarker.exec(source);
  if (marker) {
    end = marker.index;
    truncated = options.goesOn || hasVisibleContent(source.slice(marker.index + marker[0].length));
    for (let piece; (piece = stream.next()) && piece.end <= end; );
  } else {
    const cut = cutByLength(stream, settings);
    end = cut?.end ?? source.length;
    sentence = cut?.sentence ?? true;
    truncated = options.goesOn || (cut?.truncated ?? false);
    if (options.extendable && (cut === undefined || cut.ended)) return undefined;
    if (truncated) {
      const before = beforeTrailingHeading(source, stream.pieces, end);
      if (before < end) [end, sentence] = [before, true];
    }
  }
  let html = keptHtml(source, stream.pieces, end, sentence, settings);
  if (options.renderKept) html = options.renderKept(html);
  return finishExcerpt(html, truncated, settings.trusted);
}

const tagName = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/;

/** Where the excerpt ends without the headings at its end: they would announce what it leaves out. */
function beforeTrailingHeading(source: string, pieces: readonly Piece[], end: number): number {
  for (;;) {
    let i = findLastIndex(pieces, (piece) => piece.start < end && (piece.kind === 'atom' || (piece.kind === 'text' && source.slice(piece.start, Math.min(end, piece.end)).trim() !== '')));
    // The element the last content is in: the nearest block tag before it.
    let tag: RegExpExecArray | null = null;
    for (; i >= 0; i--) {
      tag = tagName.exec(source.slice(pieces[i].start, pieces[i].start + 12));
      if (tag && blockElements.has(tag[2].toLowerCase())) break;
    }
    if (i < 0 || !tag || tag[1] === '/' || !/^h[1-6]$/i.test(tag[2])) return end;
    end = pieces[i].start;
  }
}

/** The HTML before `end`, raw TeX rendered, scripts and comments left out, nothing opened after the last text. */
function keptHtml(source: string, pieces: readonly Piece[], end: number, sentence: boolean, settings: Settings): string {
  const kept = pieces.filter((piece) => piece.start < end && !piece.drop && (piece.end <= end || piece.kind === 'text'));
  const lastContent = findLastIndex(
    kept,
    (piece) => piece.kind === 'atom' || (piece.kind === 'text' && source.slice(piece.start, Math.min(end, piece.end)).trim() !== ''),
  );
  const formulas = kept.filter((piece) => piece.math && piece.kind === 'atom');
  const numbered = numberEquations(formulas.map((piece) => piece.math!)).formulas;
  const rendered = new Map(formulas.map((piece, i) => [piece, numbered[i].tex]));

  let html = '';
  let regionDepth = 0;
  kept.forEach((piece, i) => {
    if (piece.region === 'open') regionDepth++;
    else if (piece.region === 'close') regionDepth--;
    // A start tag after the last text would open an empty element, unless a table (kept whole) holds it: an empty cell.
    if (i > lastContent && regionDepth === 0 && piece.region !== 'close' && source[piece.start] === '<' && source[piece.start + 1] !== '/') return;
    const tex = rendered.get(piece);
    if (tex !== undefined) {
      html += renderFormula(excerptTex(tex, piece.math!.display, settings), { display: piece.math!.display, macros: settings.macros, trusted: settings.trusted }).html;
      return;
    }
    let text = source.slice(piece.start, Math.min(end, piece.end));
    if (i === lastContent && piece.kind === 'text') text = sentence ? text.trimEnd() : trimDangling(text);
    html += text;
  });
  return html;
}

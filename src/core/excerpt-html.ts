import { numberEquations } from './equation-numbering.js';
import type { Excerpt, Settings } from './excerpt.js';
import { cutByLength, trimDangling } from './excerpt-cut.js';
import { finishExcerpt } from './excerpt-finish.js';
import { HtmlReader } from './excerpt-html-reader.js';
import { findLastIndex, type Piece, PieceStream } from './excerpt-pieces.js';
import { textOf } from './html-scan.js';
import { renderFormula } from './render-math.js';

function hasVisibleContent(html: string): boolean {
  return /\S/.test(textOf(html.replace(/<!--[\s\S]*?-->/g, ''))) || /<(?:img|svg|math|video|audio|picture|canvas)\b/i.test(html);
}

export function excerptHtml(source: string, settings: Settings): Excerpt {
  const stream = new PieceStream(new HtmlReader(source));
  let end: number;
  let sentence = true;
  let truncated: boolean;
  const marker = /<!--\s*more\b[^>]*?-->/i.exec(source);
  if (marker) {
    end = marker.index;
    truncated = hasVisibleContent(source.slice(marker.index + marker[0].length));
    for (let piece; (piece = stream.next()) && piece.end <= end; );
  } else {
    const cut = cutByLength(stream, settings);
    end = cut?.end ?? source.length;
    sentence = cut?.sentence ?? true;
    truncated = cut?.truncated ?? false;
  }
  return finishExcerpt(keptHtml(source, stream.pieces, end, sentence, settings), truncated, settings.trusted);
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
  kept.forEach((piece, i) => {
    // A start tag after the last text would open an empty element.
    if (i > lastContent && source[piece.start] === '<' && source[piece.start + 1] !== '/') return;
    const tex = rendered.get(piece);
    if (tex !== undefined) {
      html += renderFormula(tex, { display: piece.math!.display, macros: settings.macros, trusted: settings.trusted }).html;
      return;
    }
    let text = source.slice(piece.start, Math.min(end, piece.end));
    if (i === lastContent && piece.kind === 'text') text = sentence ? text.trimEnd() : trimDangling(text);
    html += text;
  });
  return html;
}

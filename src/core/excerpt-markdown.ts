import { numberEquations, parseLoneReference } from './equation-numbering.js';
import type { Excerpt, Settings } from './excerpt.js';
import { cutByLength, trimDangling } from './excerpt-cut.js';
import { finishExcerpt } from './excerpt-finish.js';
import { MarkdownReader, normalizeLabel } from './excerpt-markdown-reader.js';
import { findLastIndex, type Piece, PieceStream } from './excerpt-pieces.js';
import { parseFrontMatter } from './front-matter.js';
import { renderMarkdown } from './render-markdown.js';

/** Link reference definitions (`[id]: url`): the excerpt keeps them so its reference links still resolve. */
function referenceDefinitions(body: string): { labels: Set<string>; lines: string[] } {
  const labels = new Set<string>();
  const lines: string[] = [];
  if (!body.includes(']:')) return { labels, lines };
  for (const match of body.matchAll(/^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*\S[^\n]*$/gm)) {
    labels.add(normalizeLabel(match[1]));
    lines.push(match[0].trim());
  }
  return { labels, lines };
}

const moreMarker = /<!--\s*more\b[^>]*?-->/gi;

/** The first `<!--more-->` that is a comment, not text in a code span or block. */
function findMoreMarker(body: string, stream: PieceStream): { start: number; end: number } | undefined {
  if (!body.includes('more')) return undefined;
  moreMarker.lastIndex = 0;
  for (let match; (match = moreMarker.exec(body)); ) {
    const at = match.index;
    while (stream.pieces.length === 0 || stream.pieces[stream.pieces.length - 1].end <= at) {
      if (!stream.next()) return undefined;
    }
    const holder = stream.pieces[findLastIndex(stream.pieces, (piece) => piece.start <= at)];
    if (holder.start === at && holder.kind === 'markup') return { start: at, end: at + match[0].length };
    moreMarker.lastIndex = Math.max(moreMarker.lastIndex, holder.end);
  }
  return undefined;
}

export function excerptMarkdown(source: string, settings: Settings): Excerpt {
  const body = /^\uFEFF?---/.test(source) ? parseFrontMatter(source).body : source;
  const definitions = referenceDefinitions(body);
  const stream = new PieceStream(new MarkdownReader(body, settings.trusted, definitions.labels));

  let kept: string;
  let truncated: boolean;
  const more = findMoreMarker(body, stream);
  if (more) {
    kept = tidyMarkdown(body.slice(0, more.start), true, false);
    truncated = /\S/.test(body.slice(more.end));
  } else {
    stream.rewind();
    const cut = cutByLength(stream, settings);
    kept = cut ? tidyMarkdown(body.slice(0, cut.end), cut.sentence, cut.truncated) : body.trimEnd();
    truncated = cut?.truncated ?? false;
  }

  const closers = unclosedEmphasis(stream.pieces, kept.length);
  kept = numberOutsideReferences(kept, stream) + closers;
  if (definitions.lines.length > 0) kept += `\n\n${definitions.lines.join('\n')}`;
  // The kept text never has front matter; a leading rule must not pass for it.
  if (kept.startsWith('---')) kept = `\n${kept}`;

  const { html } = renderMarkdown(kept, { trusted: settings.trusted, macros: settings.macros });
  return finishExcerpt(html, truncated, settings.trusted);
}

/** Removes what would dangle at the end of a cut: spaces, an opening bracket, a comma, an empty list item, a heading. */
function tidyMarkdown(text: string, sentence: boolean, dropHeading: boolean): string {
  let kept = text;
  for (;;) {
    const before = kept;
    kept = kept.trimEnd();
    if (!sentence) kept = trimDangling(kept);
    kept = kept.replace(/(?:^|\n)[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]*)?#{0,6}$/, '');
    if (dropHeading) kept = kept.replace(/(?:^|\n) {0,3}(?:>[ \t]?)*#{1,6}[ \t][^\n]*$/, '');
    if (kept === before) return kept;
  }
}

/** The delimiters that close the emphasis still open where the excerpt ends (`**` for `**important`). */
function unclosedEmphasis(pieces: readonly Piece[], end: number): string {
  const open: string[] = [];
  for (const piece of pieces) {
    if (piece.start >= end) break;
    if (piece.kind === 'break') open.length = 0;
    const delimiter = piece.delimiter;
    if (!delimiter) continue;
    const opener = delimiter.canClose ? findLastIndex(open, (run) => run[0] === delimiter.run[0]) : -1;
    if (opener >= 0) open.length = opener;
    else if (delimiter.canOpen) open.push(delimiter.run);
  }
  return open.reverse().join('');
}

const labelCommand = /\\label\s*\{([^{}]*)\}/g;
const referenceCommands = /\\(eq)?ref\s*\{([^{}]+)\}/g;

/**
 * Rewrites each `\eqref`/`\ref` whose equation lies beyond the excerpt as the
 * number that equation has in the whole post, in plain text: rendering the
 * excerpt alone would show `(??)` and report an unknown label.
 */
function numberOutsideReferences(kept: string, stream: PieceStream): string {
  const labels = new Set<string>();
  const candidates: Piece[] = [];
  for (const piece of stream.pieces) {
    if (piece.start >= kept.length) break;
    if (piece.math?.display) for (const match of piece.math.tex.matchAll(labelCommand)) labels.add(match[1].trim());
    if (piece.reference || piece.math?.tex.includes('ref') || (piece.container && kept.slice(piece.start, piece.end).includes('ref'))) candidates.push(piece);
  }
  const outside = (label: string) => !labels.has(label.trim());
  const needed = candidates.filter((piece) =>
    piece.reference
      ? outside(piece.reference.label)
      : [...(piece.math?.tex ?? kept.slice(piece.start, piece.end)).matchAll(referenceCommands)].some((match) => outside(match[2])),
  );
  if (needed.length === 0) return kept;

  // Numbering needs every formula of the post, but no rendering.
  stream.readAll();
  const numbering = numberEquations(stream.pieces.filter((piece) => piece.math).map((piece) => piece.math!));
  const number = (label: string, parenthesized: boolean) => numbering.resolve(label.trim(), parenthesized).text;
  let result = '';
  let last = 0;
  for (const piece of needed) {
    result += kept.slice(last, piece.start);
    const lone = piece.math && parseLoneReference(piece.math.tex);
    if (piece.reference) result += number(piece.reference.label, piece.reference.parenthesized);
    else if (lone) result += number(lone.label, lone.parenthesized);
    else {
      // In a formula the number is set as text; in a table or link it is text already.
      const write = piece.math ? (text: string) => `\\text{${text}}` : (text: string) => text;
      result += kept
        .slice(piece.start, piece.end)
        .replace(referenceCommands, (whole, eq: string | undefined, label: string) => (outside(label) ? write(number(label, eq !== undefined)) : whole));
    }
    last = piece.end;
  }
  return result + kept.slice(last);
}

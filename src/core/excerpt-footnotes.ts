import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline } from 'markdown-it';
import type { MarkdownFeature } from './post-features.js';

// An excerpt shows no footnotes: neither the marks in the text nor the notes.
// These rules read footnote syntax as markdown-it-footnote does (so a post
// and its excerpt agree on what is a note) and make nothing of it. They need
// no plugin to be loaded, so excerpts stay synchronous.

/** The env field listing the labels a post defines (`[^label]:` anywhere in it). */
export interface FootnoteLabelsEnv {
  footnoteLabels?: ReadonlySet<string>;
}

const definitionHead = /^\[\^([^\]\s]+)\]:/;
const definitionAnywhere = /^ {0,3}\[\^([^\]\s]+)\]:/gm;
const referenceHead = /^\[\^([^\]\s]+)\]/;

/** The labels a post's footnote definitions name; a `[^label]` without one is text, as in the post. */
export function footnoteLabelsIn(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(definitionAnywhere)].map((match) => match[1]));
}

// A definition and what belongs to it: the lines after it up to a blank line,
// and, after blank lines, lines indented four spaces more.
function definition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (!definitionHead.test(state.src.slice(start, state.eMarks[startLine]))) return false;
  if (silent) return true;
  const indented = (line: number) => state.sCount[line] - state.blkIndent >= 4;
  const blank = (line: number) => state.isEmpty(line);
  let line = startLine + 1;
  while (line < endLine) {
    if (blank(line)) {
      let next = line;
      while (next < endLine && blank(next)) next++;
      if (next >= endLine || !indented(next)) break;
      line = next;
    } else if (!indented(line) && definitionHead.test(state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]))) {
      break;
    }
    line++;
  }
  state.line = line;
  return true;
}

function reference(state: StateInline): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */ || state.src.charCodeAt(state.pos + 1) !== 0x5e /* ^ */) return false;
  const match = referenceHead.exec(state.src.slice(state.pos));
  if (!match || !(state.env as FootnoteLabelsEnv).footnoteLabels?.has(match[1])) return false;
  state.pos += match[0].length;
  return true;
}

function inlineNote(state: StateInline): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5e /* ^ */ || state.src.charCodeAt(state.pos + 1) !== 0x5b /* [ */) return false;
  const end = state.md.helpers.parseLinkLabel(state, state.pos + 1);
  if (end < 0) return false;
  state.pos = end + 1;
  return true;
}

/** Rules that read footnotes and leave them out of the HTML. */
export function footnotesLeftOut(md: MarkdownIt): void {
  md.block.ruler.before('reference', 'footnote_left_out', definition, { alt: ['paragraph', 'reference'] });
  md.inline.ruler.after('image', 'footnote_inline_left_out', inlineNote);
  md.inline.ruler.after('footnote_inline_left_out', 'footnote_ref_left_out', reference);
}

/** Footnotes left out, for an excerpt's features. */
export const footnotesLeftOutFeature: MarkdownFeature = { key: 'left-out', use: (md) => md.use(footnotesLeftOut) };

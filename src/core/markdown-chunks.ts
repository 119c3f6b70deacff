// A very long post is block-parsed a piece at a time so that no single step
// takes long. The pieces are cut only where markdown itself starts afresh: at
// a blank line followed by a line at the left margin that no open construct
// could continue. Anything unclear (an open fence, an unbalanced `$$` or
// `\begin`, an HTML comment, a list item that may continue a loose list)
// means "not here"; at worst the post is one piece, as before.

export interface MarkdownChunk {
  text: string;
  /** 0-based line of the whole text where the chunk starts. */
  line: number;
}

const fenceOpening = /^ {0,3}(`{3,}|~{3,})/;
const listItem = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const rawOpening = /<(pre|script|style|textarea)(?:[\s>]|$)/i;

/**
 * Cuts `text` into chunks of at least `minChars` characters at safe top-level
 * boundaries, found as they are asked for (the scan of a long text is work too).
 */
export function* chunksAtTopLevel(text: string, minChars: number): Generator<MarkdownChunk, void> {
  let fence: string | undefined;
  let raw: string | undefined;
  let comment = false;
  let dollars = 0;
  let brackets = 0;
  let environments = 0;
  let chunkStart = 0;
  let chunkLine = 0;
  let previousBlank = false;
  let line = 0;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const content = text.slice(start, end);
    const blank = content.trim() === '';
    const quiet = fence === undefined && raw === undefined && !comment && dollars % 2 === 0 && brackets <= 0 && environments <= 0;
    const canContinue = /^[ \t]/.test(content) || listItem.test(content);
    if (quiet && previousBlank && !blank && !canContinue && start - chunkStart >= minChars) {
      yield { text: text.slice(chunkStart, start), line: chunkLine };
      chunkStart = start;
      chunkLine = line;
    }
    if (fence !== undefined) {
      if (new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}[ \\t]*$`).test(content)) fence = undefined;
    } else if (fenceOpening.test(content)) {
      fence = fenceOpening.exec(content)![1];
    } else {
      if (raw !== undefined) {
        if (content.toLowerCase().includes(`</${raw}`)) raw = undefined;
      } else {
        const opening = rawOpening.exec(content);
        if (opening && !content.toLowerCase().includes(`</${opening[1].toLowerCase()}`)) raw = opening[1].toLowerCase();
      }
      const lastOpen = content.lastIndexOf('<!--');
      if (lastOpen >= 0 && content.indexOf('-->', lastOpen) < 0) comment = true;
      else if (comment && content.includes('-->')) comment = false;
      dollars += count(content, /(?<!\\)\$\$/g);
      brackets += count(content, /\\\[/g) - count(content, /\\\]/g);
      environments += count(content, /\\begin\{/g) - count(content, /\\end\{/g);
    }
    previousBlank = blank;
    start = end + 1;
  }
  yield { text: text.slice(chunkStart), line: chunkLine };
}

function count(text: string, pattern: RegExp): number {
  if (!text.includes('$') && !text.includes('\\')) return 0;
  return text.match(pattern)?.length ?? 0;
}

/** The text up to the first safe top-level boundary after `minChars` characters (all of it when there is none). */
export function leadingChunk(text: string, minChars: number): string {
  return chunksAtTopLevel(text, minChars).next().value?.text ?? text;
}

// Just enough TeX reading for numbering: balanced groups, commands with one
// argument, and the rows of an alignment. Not a TeX parser; KaTeX is.

/** Index just past the `}` that closes the group opened at `open`, or -1. */
export function groupEnd(tex: string, open: number): number {
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

export interface CommandUse {
  start: number;
  end: number;
  /** The braced argument without its braces. */
  argument: string;
  /** `\tag*` rather than `\tag`. */
  starred: boolean;
}

/** Every use of `\name{argument}` (or `\name*{argument}`) in order. */
export function findCommands(tex: string, name: string): CommandUse[] {
  const uses: CommandUse[] = [];
  // Most formulas name none of the commands numbering looks for: skip the regex.
  if (!tex.includes(`\\${name}`)) return uses;
  const pattern = new RegExp(`\\\\${name}(?![a-zA-Z])(\\*?)\\s*\\{`, 'g');
  for (let match; (match = pattern.exec(tex)); ) {
    // Skip an escaped backslash: `\\label` is a line break followed by "label".
    if (precededByOddBackslashes(tex, match.index)) continue;
    const open = match.index + match[0].length - 1;
    const end = groupEnd(tex, open);
    if (end < 0) break;
    uses.push({ start: match.index, end, argument: tex.slice(open + 1, end - 1).trim(), starred: match[1] === '*' });
    pattern.lastIndex = end;
  }
  return uses;
}

/** Whether the bare command `\name` (no argument) occurs. */
export function hasCommand(tex: string, name: string): boolean {
  if (!tex.includes(`\\${name}`)) return false;
  const pattern = new RegExp(`\\\\${name}(?![a-zA-Z])`, 'g');
  for (let match; (match = pattern.exec(tex)); ) {
    if (!precededByOddBackslashes(tex, match.index)) return true;
  }
  return false;
}

/** Replaces each use of `\name{...}` with what `replace` returns for it. */
export function replaceCommands(tex: string, name: string, replace: (use: CommandUse) => string): string {
  if (!tex.includes(`\\${name}`)) return tex;
  let result = '';
  let last = 0;
  for (const use of findCommands(tex, name)) {
    result += tex.slice(last, use.start) + replace(use);
    last = use.end;
  }
  return result + tex.slice(last);
}

export interface AlignmentRows {
  rows: string[];
  /** The line break after each row but the last: `\\` with any `[2pt]` spacing. */
  breaks: string[];
}

/**
 * Calls `visit` with the index of each character of an alignment body that
 * stands outside any group or nested environment, in order; for a control
 * sequence, with the index of its backslash (the character after it is not
 * visited). Stops when `visit` returns true. (A callback, not a generator:
 * this runs for every row of every alignment, on the warm path.)
 */
export function forEachTopLevel(body: string, visit: (index: number) => boolean | void): void {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '\\') {
      if (body.startsWith('\\begin{', i)) depth++;
      else if (body.startsWith('\\end{', i)) depth--;
      else if (depth === 0 && visit(i)) return;
      i++;
    } else if (depth === 0 && visit(i)) return;
  }
}

/** Splits an alignment body at the `\\` that end its rows, ignoring those inside groups and nested environments. */
export function splitRows(body: string): AlignmentRows {
  const rows: string[] = [];
  const breaks: string[] = [];
  let start = 0;
  forEachTopLevel(body, (i) => {
    // Inside the `[2pt]` of the break just taken.
    if (i < start || body[i] !== '\\' || body[i + 1] !== '\\') return;
    const spacing = /^\s*\[\s*-?[\d.]+\s*[a-z]{2}\s*\]/.exec(body.slice(i + 2));
    const end = i + 2 + (spacing ? spacing[0].length : 0);
    rows.push(body.slice(start, i));
    breaks.push(body.slice(i, end));
    start = end;
  });
  rows.push(body.slice(start));
  return { rows, breaks };
}

/** Whether the character at `index` is escaped: an odd run of backslashes stands before it. */
export function precededByOddBackslashes(tex: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && tex[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/**
 * The TeX without its comments: an unescaped `%` and the rest of its line.
 * Numbering must not see a commented-out `\label` or `\nonumber`. The line
 * break stays, where TeX would drop it, so that `\alpha%` and a `b` on the
 * next line do not join into `\alphab`.
 */
export function stripTexComments(tex: string): string {
  if (!tex.includes('%')) return tex;
  let result = '';
  let last = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') i++;
    else if (c === '%') {
      const lineEnd = tex.indexOf('\n', i);
      result += tex.slice(last, i);
      last = lineEnd < 0 ? tex.length : lineEnd;
      i = last - 1;
    }
  }
  return result + tex.slice(last);
}

import { formulaWeight, OBJECT, type Piece } from './excerpt-pieces.js';

// What both readers find alike in running text: character references, and
// formulas as markdown-math finds them.

export const entity = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;

export function matchAt(pattern: RegExp, src: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(src);
}

export interface MathSpan {
  end: number;
  tex: string;
  display: boolean;
}

function isEscaped(src: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && src.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

function indexOfUnescaped(src: string, needle: string, from: number, limit: number): number {
  for (let at = src.indexOf(needle, from); at >= 0 && at < limit; at = src.indexOf(needle, at + 1)) {
    if (!isEscaped(src, at)) return at;
  }
  return -1;
}

const environmentHead = /\\begin\{([a-zA-Z]+\*?)\}/y;

/** The formula starting at `pos` (`$..$`, `$$..$$`, `\(..\)`, `\[..\]`, `\begin{x}..\end{x}`), if one does. */
export function readMath(src: string, pos: number, limit: number): MathSpan | undefined {
  const c = src.charCodeAt(pos);
  if (c === 0x24) {
    if (isEscaped(src, pos)) return undefined;
    if (src.charCodeAt(pos + 1) === 0x24) {
      const close = indexOfUnescaped(src, '$$', pos + 2, limit);
      if (close < 0 || src.slice(pos + 2, close).trim() === '') return undefined;
      return { end: close + 2, tex: src.slice(pos + 2, close), display: true };
    }
    // As markdown-math's `dollarAsText`: the next `$` ends the formula, and must be able to.
    const close = indexOfUnescaped(src, '$', pos + 1, limit);
    if (close <= pos + 1) return undefined;
    const tex = src.slice(pos + 1, close);
    if (/^\s/.test(tex) || /[\s\\]$/.test(tex) || /[0-9]/.test(src[close + 1] ?? '') || tex.includes('\n')) return undefined;
    return { end: close + 1, tex, display: false };
  }
  if (c !== 0x5c) return undefined;
  const next = src.charCodeAt(pos + 1);
  if (next === 0x28 || next === 0x5b) {
    const close = src.indexOf(next === 0x28 ? '\\)' : '\\]', pos + 2);
    if (close < 0 || close + 2 > limit || src.slice(pos + 2, close).trim() === '') return undefined;
    return { end: close + 2, tex: src.slice(pos + 2, close), display: next === 0x5b };
  }
  environmentHead.lastIndex = pos;
  const head = environmentHead.exec(src);
  if (!head) return undefined;
  const closing = `\\end{${head[1]}}`;
  const close = src.indexOf(closing, environmentHead.lastIndex);
  if (close < 0 || close + closing.length > limit) return undefined;
  return { end: close + closing.length, tex: src.slice(pos, close + closing.length), display: true };
}

// The environments markdown-math reads as display math when they stand as a block.
const blockEnvironments = /^\\begin\{(?:equation|align|gather|multline|alignat|flalign)\*?\}/;

export function isBlockEnvironment(src: string, math: MathSpan): boolean {
  const lineEnd = src.indexOf('\n', math.end);
  return blockEnvironments.test(math.tex) && src.slice(math.end, lineEnd < 0 ? src.length : lineEnd).trim() === '';
}

export function formulaPiece(start: number, math: MathSpan): Piece {
  return { kind: 'atom', start, end: math.end, visible: OBJECT, weight: formulaWeight(math.tex), math: { tex: math.tex, display: math.display } };
}

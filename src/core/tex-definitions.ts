import { groupEnd, precededByOddBackslashes } from './tex-scan.js';

// Macro definitions written inside a post's formulas. MathJax keeps them for
// every later formula of the page; KaTeX forgets `\newcommand` at the end of
// the formula and refuses to redefine its built-ins (`\R`). So definitions are
// read here, taken out of the formula, and handed to KaTeX as `macros`.

export interface ExtractedDefinitions {
  /** The formula without its definitions and `\require{…}`s. */
  tex: string;
  /** What it defines, as KaTeX takes macros: `{ '\\tr': '\\operatorname{tr}' }`. */
  macros: Record<string, string>;
}

const definitionCommand = /\\(newcommand|renewcommand|providecommand|def|gdef|edef|xdef|let|DeclareMathOperator|require)(?![a-zA-Z])(\*?)/g;
const quickCheck = /\\(?:(?:re)?newcommand|providecommand|[gex]?def|let|DeclareMathOperator|require)(?![a-zA-Z])/;
const controlSequence = /\\(?:[a-zA-Z@]+|[^a-zA-Z@])/y;
const spaces = /\s*/y;

/** Whether the formula may define a macro: most do not, and skip the scan. */
export function mayDefineMacros(tex: string): boolean {
  return tex.includes('\\') && quickCheck.test(tex);
}

/**
 * Takes the definitions out of a formula. `isDefined` says whether a name is
 * already a macro (for `\providecommand`). A definition this reader cannot
 * follow (a delimited `\def\x#1.{…}`, an optional argument's default, a
 * missing brace) stays in the formula, where KaTeX applies it to that formula
 * or reports it.
 */
export function extractDefinitions(tex: string, isDefined: (name: string) => boolean): ExtractedDefinitions {
  const macros: Record<string, string> = {};
  if (!mayDefineMacros(tex)) return { tex, macros };
  let result = '';
  let last = 0;
  definitionCommand.lastIndex = 0;
  for (let match; (match = definitionCommand.exec(tex)); ) {
    if (precededByOddBackslashes(tex, match.index)) continue;
    const [, command, star] = match;
    const read = readDefinition(tex, definitionCommand.lastIndex, command, star === '*');
    if (!read) continue;
    if (read.name !== undefined && !(command === 'providecommand' && (isDefined(read.name) || read.name in macros))) {
      macros[read.name] = read.expansion;
    }
    result += tex.slice(last, match.index);
    last = read.end;
    definitionCommand.lastIndex = read.end;
  }
  return { tex: result + tex.slice(last), macros };
}

interface Definition {
  /** Undefined for `\require`, which defines nothing. */
  name?: string;
  expansion: string;
  /** Index just past the definition. */
  end: number;
}

function readDefinition(tex: string, at: number, command: string, starred: boolean): Definition | undefined {
  switch (command) {
    case 'require': {
      const argument = readGroup(tex, at);
      return argument && { expansion: '', end: argument.end };
    }
    case 'let': {
      const name = readName(tex, at, false);
      if (!name) return undefined;
      const equals = /\s*=?\s*/y;
      equals.lastIndex = name.end;
      equals.exec(tex);
      const target = readToken(tex, equals.lastIndex);
      return target && { name: name.name, expansion: target.text, end: target.end };
    }
    case 'DeclareMathOperator': {
      const name = readName(tex, at, true);
      const body = name && readGroup(tex, name.end);
      return body && { name: name.name, expansion: `\\operatorname${starred ? '*' : ''}{${body.text}}`, end: body.end };
    }
    case 'def':
    case 'gdef':
    case 'edef':
    case 'xdef': {
      const name = readName(tex, at, false);
      if (!name) return undefined;
      // Only undelimited parameters `#1#2…` can be written as a KaTeX macro string.
      const parameters = /(?:\s*#[1-9])*\s*(?=\{)/y;
      parameters.lastIndex = name.end;
      if (!parameters.exec(tex)) return undefined;
      const body = readGroup(tex, parameters.lastIndex);
      return body && { name: name.name, expansion: body.text, end: body.end };
    }
    default: {
      // \newcommand, \renewcommand, \providecommand: {\name}[n]{body}, MathJax also takes {name}.
      const name = readName(tex, at, true);
      if (!name) return undefined;
      const count = /\s*(?:\[\s*([1-9])\s*\])?\s*/y;
      count.lastIndex = name.end;
      count.exec(tex);
      // An optional argument with a default has no KaTeX macro form.
      if (tex[count.lastIndex] === '[') return undefined;
      const body = readGroup(tex, count.lastIndex);
      return body && { name: name.name, expansion: body.text, end: body.end };
    }
  }
}

/** `\name`, or with `braced` also `{\name}` and MathJax's `{name}`. */
function readName(tex: string, at: number, braced: boolean): { name: string; end: number } | undefined {
  spaces.lastIndex = at;
  spaces.exec(tex);
  const start = spaces.lastIndex;
  if (braced && tex[start] === '{') {
    const group = readGroup(tex, start);
    const inner = group?.text.trim() ?? '';
    if (!group || !/^\\?(?:[a-zA-Z@]+|[^a-zA-Z@\s])$/.test(inner)) return undefined;
    return { name: inner.startsWith('\\') ? inner : `\\${inner}`, end: group.end };
  }
  controlSequence.lastIndex = start;
  const match = controlSequence.exec(tex);
  return match ? { name: match[0], end: controlSequence.lastIndex } : undefined;
}

/** A control sequence or a single character. */
function readToken(tex: string, at: number): { text: string; end: number } | undefined {
  if (at >= tex.length) return undefined;
  controlSequence.lastIndex = at;
  const match = controlSequence.exec(tex);
  if (match) return { text: match[0], end: controlSequence.lastIndex };
  return { text: tex[at], end: at + 1 };
}

/** The braced group starting at `at` (after spaces), without its braces. */
function readGroup(tex: string, at: number): { text: string; end: number } | undefined {
  spaces.lastIndex = at;
  spaces.exec(tex);
  const open = spaces.lastIndex;
  if (tex[open] !== '{') return undefined;
  const end = groupEnd(tex, open);
  return end < 0 ? undefined : { text: tex.slice(open + 1, end - 1), end };
}

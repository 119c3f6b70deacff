import type { Token } from 'markdown-it';
import type { FormulaInput } from './equation-numbering.js';
import { escapeHtml } from './escape-html.js';
import { type FormulaSource, readFormulaSources } from './formula-sources.js';
import type { PostDialect } from './front-matter.js';
import { blockMathTypes, inlineMathTypes } from './markdown-math.js';
import { renderFormula, type TexMacros } from './render-math.js';

// What a post's formulas are, read once from markdown-it's tokens, so that the
// whole post and its excerpt agree on every one of them.

export interface PostFormula {
  token: Token;
  /** 1-based line in the parsed text, where known. */
  line?: number;
  /** As numbering takes it: the TeX to read, display or not, its `subequations` group. */
  input: FormulaInput;
  /** The TeX KaTeX reads and the macros in force for it. */
  source: FormulaSource;
}

export interface PostFormulas {
  formulas: PostFormula[];
  /** The macros the formulas defined, name → expansion. */
  defined: Record<string, string>;
}

export interface ReadFormulasOptions {
  macros?: TexMacros;
  dialect?: PostDialect;
}

interface Found {
  token: Token;
  line?: number;
  subequations?: FormulaInput['subequations'];
}

/**
 * Every formula of a parse in document order, with its line, its
 * `subequations` group and the TeX as KaTeX should read it. Marks each token
 * with `meta.formula` (its index) and references inside a link's text with
 * `meta.inLink`.
 */
export function readPostFormulas(tokens: readonly Token[], options: ReadFormulasOptions = {}): PostFormulas {
  const found: Found[] = [];
  const lineOf = (token: Token) => (token.map ? token.map[0] + 1 : undefined);
  let group: Found['subequations'];
  let groups = 0;
  for (const token of tokens) {
    if (token.type === 'subequations_open') group = { index: groups++, label: token.meta?.label };
    if (token.type === 'subequations_close') group = undefined;
    if (blockMathTypes.has(token.type)) found.push({ token, line: lineOf(token), subequations: group });
    if (token.type !== 'inline') continue;
    // Inline tokens carry no position: count the line breaks before each one.
    let line = lineOf(token);
    let links = 0;
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') links++;
      if (child.type === 'link_close') links--;
      if (inlineMathTypes.has(child.type)) {
        if (links > 0) child.meta = { ...child.meta, inLink: true };
        found.push({ token: child, line, subequations: group });
      }
      if (line !== undefined) line += lineBreaksIn(child);
    }
  }

  const sources = readFormulaSources(
    found.map(({ token }) => token.content),
    options.macros,
  );
  const formulas = found.map(({ token, line, subequations }, index): PostFormula => {
    token.meta = { ...token.meta, formula: index };
    const source = sources.formulas[index];
    // `$$ x $$ (3)` is texmath's way of writing `\tag{3}`.
    const tex = token.type === 'math_block_eqno' ? `${source.tex}\\tag{${token.info}}` : source.tex;
    const display = isDisplay(token, options.dialect ?? 'default');
    const input = subequations && display ? { tex, display, subequations } : { tex, display };
    return { token, line, input, source };
  });
  return { formulas, defined: sources.defined };
}

function isDisplay(token: Token, dialect: PostDialect): boolean {
  if (!inlineMathTypes.has(token.type)) return true;
  if (token.type !== 'math_inline_double') return false;
  // kramdown: `$$..$$` inside a paragraph is inline, on lines of its own a display.
  return dialect !== 'kramdown' || token.markup !== '$$' || token.meta?.ownLine === true;
}

function lineBreaksIn(token: Token): number {
  if (token.type === 'softbreak' || token.type === 'hardbreak') return 1;
  let count = 0;
  for (let at = token.content.indexOf('\n'); at >= 0; at = token.content.indexOf('\n', at + 1)) count++;
  return count;
}

/** The text of a reference, `(3)`, as HTML; a tag that is TeX (`\tag{$\star$}`) is shown as the equation shows it. */
export function referenceTextHtml(text: string, source: FormulaSource, trusted: boolean): string {
  return /[\\$]/.test(text) ? renderFormula(`\\text{${text}}`, { macros: source.macros, trusted }).html : escapeHtml(text);
}

import { findCommands, hasCommand, replaceCommands, splitRows } from './tex-scan.js';

/** A numbered (or tagged) equation, in order of appearance. */
export interface Equation {
  /** Element id of the equation's anchor: `eq-` + label, or `eq-` + number. */
  id: string;
  /** What the reader sees between the parentheses: `3`, or the text of `\tag{★}`. */
  number: string;
  /** The `\label` it carries, if any. */
  label?: string;
}

export interface FormulaInput {
  tex: string;
  display: boolean;
}

export interface NumberedFormula {
  /** The TeX to give KaTeX: numbers as `\tag`s, labels removed, references as links. */
  tex: string;
  /** Ids of the equations this formula holds; the first is where the formula's anchor goes. */
  ids: string[];
}

export interface NumberingError {
  message: string;
  /** Index of the formula the problem is in. */
  formula: number;
}

export interface ResolvedReference {
  href: string;
  /** `(3)` for `\eqref`, `3` for `\ref`; `(??)` or `??` when the label is unknown. */
  text: string;
  found: boolean;
}

export interface NumberedEquations {
  formulas: NumberedFormula[];
  equations: Equation[];
  errors: NumberingError[];
  /** Resolves a reference written outside any formula. */
  resolve(label: string, parenthesized: boolean): ResolvedReference;
}

// amsmath environments with one number per row, and KaTeX's name for each.
const rowEnvironments: Record<string, string> = { align: 'align', gather: 'gather', alignat: 'alignat', flalign: 'align' };
// Environments with a single number for the whole body.
const wholeEnvironments = new Set(['equation', 'multline']);
const environmentPattern = /^\s*\\begin\{([a-z]+)(\*?)\}((?:\{[^{}]*\})?)([\s\S]*)\\end\{\1\2\}\s*$/;

interface Row {
  body: string;
  label?: string;
  tag?: string;
  tagStarred?: boolean;
  /** Assigned in the first pass when the row shows a number. */
  equation?: Equation;
}

interface Plan {
  kind: 'inline' | 'display' | 'rows' | 'whole';
  /** KaTeX environment name and its `{n}` argument, for environments. */
  environment?: string;
  argument?: string;
  rows: Row[];
  breaks: string[];
}

/** A formula that is nothing but one `\eqref{x}` or `\ref{x}`, as `$\eqref{x}$` often is. */
export function parseLoneReference(tex: string): { label: string; parenthesized: boolean } | undefined {
  const match = /^\s*\\(eqref|ref)\s*\{([^{}]+)\}\s*$/.exec(tex);
  return match ? { label: match[2].trim(), parenthesized: match[1] === 'eqref' } : undefined;
}

/**
 * Numbers the equations of a document the way LaTeX does and rewrites each
 * formula so KaTeX shows those numbers and links every `\eqref`/`\ref`.
 *
 * KaTeX has no `\label` or `\ref`, so both passes happen here: the first
 * assigns numbers and collects labels (so references may come before their
 * equation), the second rewrites the TeX.
 */
export function numberEquations(inputs: readonly FormulaInput[]): NumberedEquations {
  const equations: Equation[] = [];
  const errors: NumberingError[] = [];
  const byLabel = new Map<string, Equation>();
  const usedIds = new Set<string>();
  let counter = 0;

  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };

  const plans = inputs.map((input, formula) => {
    const plan = planFormula(input);
    for (const row of plan.rows) {
      // As in LaTeX, `\nonumber` wins over a `\label` on the same row; only `\tag` overrides it.
      const numbered = row.tag !== undefined || (!hasNoNumber(row.body) && (row.label !== undefined || rowIsNumberedByDefault(plan)));
      if (!numbered) continue;
      const number = row.tag ?? String(++counter);
      const label = row.label;
      const id = uniqueId(`eq-${idPart(label ?? (row.tag === undefined ? number : `tag-${row.tag}`))}`);
      const equation: Equation = label === undefined ? { id, number } : { id, number, label };
      if (label !== undefined) {
        if (byLabel.has(label)) errors.push({ message: `duplicate label "${label}"`, formula });
        else byLabel.set(label, equation);
      }
      row.equation = equation;
      equations.push(equation);
    }
    return plan;
  });

  const resolve = (label: string, parenthesized: boolean): ResolvedReference => {
    const equation = byLabel.get(label);
    const number = equation ? equation.number : '??';
    return {
      href: equation ? `#${equation.id}` : '',
      text: parenthesized ? `(${number})` : number,
      found: equation !== undefined,
    };
  };

  const formulas = plans.map((plan, formula) => {
    const tex = linkReferences(writeFormula(plan, inputs[formula].tex), (label, parenthesized) => {
      const reference = resolve(label, parenthesized);
      if (!reference.found) errors.push({ message: `unknown label "${label}"`, formula });
      return reference;
    });
    const ids = plan.rows.flatMap((row) => (row.equation ? [row.equation.id] : []));
    return { tex, ids };
  });

  return { formulas, equations, errors, resolve };
}

function planFormula({ tex, display }: FormulaInput): Plan {
  if (!display) return { kind: 'inline', rows: [], breaks: [] };
  const match = environmentPattern.exec(tex);
  const name = match?.[1] ?? '';
  if (match && (name in rowEnvironments || wholeEnvironments.has(name))) {
    const [, , star, argument, body] = match;
    if (name in rowEnvironments) {
      const { rows, breaks } = splitRows(body);
      // A trailing `\\` leaves an empty last row; LaTeX would number it, nobody wants that.
      if (rows.length > 1 && rows[rows.length - 1].trim() === '') {
        rows.pop();
        breaks.pop();
      }
      return {
        kind: 'rows',
        environment: rowEnvironments[name] + star,
        argument,
        rows: rows.map(readRow),
        breaks,
      };
    }
    return { kind: 'whole', environment: name + star, argument, rows: [readRow(body)], breaks: [] };
  }
  return { kind: 'display', rows: [readRow(tex)], breaks: [] };
}

// `$$..$$` and starred environments show a number only when labelled or tagged.
function rowIsNumberedByDefault(plan: Plan): boolean {
  return (plan.kind === 'rows' || plan.kind === 'whole') && !plan.environment!.endsWith('*');
}

function readRow(body: string): Row {
  const labels = findCommands(body, 'label');
  const tags = findCommands(body, 'tag');
  return {
    body,
    label: labels[0]?.argument,
    tag: tags[0]?.argument,
    tagStarred: tags[0]?.starred,
  };
}

function hasNoNumber(body: string): boolean {
  return hasCommand(body, 'nonumber') || hasCommand(body, 'notag');
}

function idPart(text: string): string {
  return text.replace(/[^\p{L}\p{N}:._-]+/gu, '-');
}

/** The row without `\label`, ending in the `\tag` or `\notag` that says what KaTeX shows. */
function writeRow(row: Row): string {
  const body = replaceCommands(row.body, 'label', () => '');
  if (row.equation && row.tag === undefined) return `${body}\\tag{${row.equation.number}}`;
  if (!row.equation && row.tag === undefined && !hasNoNumber(body)) return `${body}\\notag`;
  return body;
}

function writeFormula(plan: Plan, tex: string): string {
  switch (plan.kind) {
    case 'inline':
      return replaceCommands(tex, 'label', () => '');
    case 'display': {
      const [row] = plan.rows;
      const body = replaceCommands(row.body, 'label', () => '');
      return row.equation && row.tag === undefined ? `${body}\\tag{${row.equation.number}}` : body;
    }
    case 'whole':
      if (plan.environment!.startsWith('multline')) return writeMultline(plan);
      return wrap('equation', plan.argument!, writeRow(plan.rows[0]));
    case 'rows':
      return wrap(plan.environment!.replace('*', ''), plan.argument!, plan.rows.map((row, i) => writeRow(row) + (plan.breaks[i] ?? '')).join(''));
  }
}

// KaTeX has no multline: a gather with the number on its last line looks the same but for alignment.
function writeMultline(plan: Plan): string {
  const row = plan.rows[0];
  const { rows, breaks } = splitRows(replaceCommands(row.body, 'label', () => ''));
  const last = rows.length - 1;
  const lines = rows.map((line, i) => {
    if (i < last) return `${line}\\notag${breaks[i]}`;
    return writeRow({ ...row, body: line });
  });
  return wrap('gather', '', lines.join(''));
}

function wrap(environment: string, argument: string, body: string): string {
  return `\\begin{${environment}}${argument}${body}\\end{${environment}}`;
}

function linkReferences(tex: string, resolve: (label: string, parenthesized: boolean) => ResolvedReference): string {
  const link = (parenthesized: boolean) => (use: { argument: string }) => {
    const reference = resolve(use.argument, parenthesized);
    const text = `\\text{${reference.text}}`;
    return reference.found ? `\\href{${reference.href}}{${text}}` : text;
  };
  return replaceCommands(replaceCommands(tex, 'eqref', link(true)), 'ref', link(false));
}

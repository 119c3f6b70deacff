import { idPart, LabelRegistry } from './label-registry.js';
import { codedError } from './post-error-messages.js';
import type { CodedError } from './error-messages.js';
import { drain, type Steps } from './steps.js';
import { findCommands, hasCommand, replaceCommands, splitRows, forEachTopLevel } from './tex-scan.js';

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
  /**
   * The `subequations` group the formula stands in: every formula with the
   * same `index` shares one number, its rows lettered 3a, 3b, …; `label`
   * names the group's number.
   */
  subequations?: { index: number; label?: string };
}

export interface NumberedFormula {
  /** The TeX to give KaTeX: numbers as `\tag`s, labels removed, references as links. */
  tex: string;
  /** Ids of the equations this formula holds; the first is where the formula's anchor goes. */
  ids: string[];
}

/** A problem in the numbering, and the index of the formula it is in. */
export type NumberingError = CodedError & { formula: number };

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

// amsmath (and LaTeX's eqnarray) environments with one number per row, and
// the KaTeX environment that draws each.
const rowEnvironments: Record<string, string> = {
  align: 'align',
  gather: 'gather',
  alignat: 'alignat',
  xalignat: 'alignat',
  xxalignat: 'alignat',
  flalign: 'align',
  eqnarray: 'align',
};
// Environments with a single number for the whole body.
const wholeEnvironments = new Set(['equation', 'multline']);
const environmentPattern = /^\s*\\begin\{([a-z]+)(\*?)\}((?:\{[^{}]*\})?)([\s\S]*)\\end\{\1\2\}\s*$/;

interface Row {
  body: string;
  label?: string;
  /** Every `\label` of the row: more than one is an error. */
  labels: string[];
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
  return drain(numberEquationsInSteps(inputs));
}

/** Formulas numbered between two yields. */
const formulasPerStep = 1000;

/**
 * `numberEquations`, yielding every thousand formulas of each pass. `labels`
 * holds the labels and ids of the post's other numbered blocks, so that
 * equations share their namespace and references reach them too.
 */
export function* numberEquationsInSteps(inputs: readonly FormulaInput[], labels = new LabelRegistry()): Steps<NumberedEquations> {
  const equations: Equation[] = [];
  const errors: NumberingError[] = [];
  let counter = 0;
  let group: { index: number; parent: number; rows: number } | undefined;

  // The next number LaTeX would give, lettered inside `subequations`.
  const nextNumber = (input: FormulaInput): string => {
    if (!input.subequations) return String(++counter);
    return `${group!.parent}${letters(++group!.rows)}`;
  };

  // As MathJax does, the first definition of a label is the one references use.
  const addLabel = (label: string, equation: Equation, formula: number) => {
    const first = labels.add(label, { id: equation.id, number: equation.number, kind: 'equation' });
    if (first) errors.push({ ...codedError('duplicate-label', { label, kind: first.kind, number: first.number }), formula });
  };

  const uniqueId = (base: string): string => labels.uniqueId(base);

  const groupIds = new Map<number, string>();
  const plans: Plan[] = [];
  for (let formula = 0; formula < inputs.length; formula++) {
    if (formula % formulasPerStep === formulasPerStep - 1) yield;
    const input = inputs[formula];
    const plan = planFormula(input);
    const inGroup = input.subequations;
    if (inGroup && inGroup.index !== group?.index) {
      // Like LaTeX, the group takes the next number; its rows are lettered.
      group = { index: inGroup.index, parent: ++counter, rows: 0 };
      if (inGroup.label !== undefined) {
        const id = uniqueId(`eq-${idPart(inGroup.label)}`);
        groupIds.set(formula, id);
        addLabel(inGroup.label, { id, number: String(group.parent), label: inGroup.label }, formula);
      }
    }
    for (const row of plan.rows) {
      if (row.labels.length > 1) {
        errors.push({ ...codedError('two-labels', { kind: 'equation', labels: row.labels }), formula });
      }
      // As in LaTeX, `\nonumber` wins over a `\label` on the same row; only `\tag` overrides it.
      const numbered = row.tag !== undefined || (!hasNoNumber(row.body) && (row.label !== undefined || rowIsNumberedByDefault(plan)));
      if (!numbered) continue;
      const number = row.tag ?? nextNumber(input);
      const label = row.label;
      const id = uniqueId(`eq-${idPart(label ?? (row.tag === undefined ? number : `tag-${row.tag}`))}`);
      const equation: Equation = label === undefined ? { id, number } : { id, number, label };
      if (label !== undefined) addLabel(label, equation, formula);
      row.equation = equation;
      equations.push(equation);
    }
    plans.push(plan);
  }

  const resolve = (label: string, parenthesized: boolean): ResolvedReference => {
    const equation = labels.get(label);
    const number = equation ? equation.number : '??';
    return {
      href: equation ? `#${equation.id}` : '',
      text: parenthesized ? `(${number})` : number,
      found: equation !== undefined,
    };
  };

  const formulas: NumberedFormula[] = [];
  for (let formula = 0; formula < plans.length; formula++) {
    if (formula % formulasPerStep === formulasPerStep - 1) yield;
    const plan = plans[formula];
    const tex = linkReferences(writeFormula(plan, inputs[formula].tex), (label, parenthesized) => {
      const reference = resolve(label, parenthesized);
      if (!reference.found) errors.push({ ...codedError('unknown-label', { label }), formula });
      const kind = labels.get(label)?.kind;
      if (parenthesized && kind !== undefined && kind !== 'equation') {
        errors.push({ ...codedError('eqref-not-equation', { label, kind }), formula });
      }
      return reference;
    });
    const ids = plan.rows.flatMap((row) => (row.equation ? [row.equation.id] : []));
    const groupId = groupIds.get(formula);
    if (groupId) ids.push(groupId);
    formulas.push({ tex, ids });
  }

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
      // KaTeX's alignat takes its column count; xalignat's spacing is not drawn.
      const columns = name === 'eqnarray' ? rows.map(joinEqnarrayColumns) : rows;
      return {
        kind: 'rows',
        environment: rowEnvironments[name] + star,
        argument,
        rows: columns.map(readRow),
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
    labels: labels.map((use) => use.argument),
    tag: tags[0]?.argument,
    tagStarred: tags[0]?.starred,
  };
}

/** `a`, `b`, … `z`, `aa`, `ab`: the letters of rows in `subequations`. */
function letters(n: number): string {
  let text = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(97 + ((rest - 1) % 26)) + text;
  return text;
}

/**
 * An `eqnarray` row `a &=& b` as an `align` row `a &= b`: the relation joins
 * the right-hand side, which `align` sets flush left after the alignment
 * point, so the rows line up at the relation as in eqnarray.
 */
function joinEqnarrayColumns(row: string): string {
  let ampersands = 0;
  let second = -1;
  forEachTopLevel(row, (i) => {
    if (row[i] !== '&' || ++ampersands < 2) return false;
    second = i;
    return true;
  });
  return second < 0 ? row : row.slice(0, second) + row.slice(second + 1);
}

function hasNoNumber(body: string): boolean {
  return hasCommand(body, 'nonumber') || hasCommand(body, 'notag');
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

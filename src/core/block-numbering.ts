import type { Token } from 'markdown-it';
import { codedErrorAt } from './post-error-messages.js';
import type { LocatedError } from './error-messages.js';
import { type BlockKind, kindOfPrefix, kindPrefixes, theoremKinds } from './block-kinds.js';
import type { CrossReferenceMeta } from './cross-references.js';
import { idPart, type LabelRegistry } from './label-registry.js';
import { type Locale, messages } from './messages.js';
import type { NumberedBlockMeta } from './theorem-blocks.js';

// Numbers a post's figures, tables and theorems in order of appearance, the
// way LaTeX does (theorems per kind, or all on one counter as
// `\newtheorem{lemma}[theorem]{Lemma}` has it; proofs unnumbered), gives
// them ids and labels, and resolves `@fig:x` references once equations are
// numbered too. Reads and writes the tokens' `meta` only.

/** How theorem-like blocks share numbers: each kind its own (the default), or one counter for all. */
export type TheoremNumbering = 'per-kind' | 'shared';

/** A numbered figure, table or theorem (proofs are not numbered), in order of appearance. */
export interface NumberedBlock {
  kind: BlockKind;
  /** Element id of the block. */
  id: string;
  /** Its number. */
  number: string;
  label?: string;
}

export interface BlockNumberingOptions {
  locale: Locale;
  theoremNumbering: TheoremNumbering;
  /** Lines of front matter before the body, to report lines as the author sees them. */
  lineOffset: number;
}

export type BlockProblem = LocatedError;

/** The inline children of every inline token, each with its 1-based line and whether it stands in a link. */
function* inlineChildren(tokens: readonly Token[]): Generator<{ child: Token; line?: number; inLink: boolean }> {
  for (const token of tokens) {
    if (token.type !== 'inline') continue;
    let line = token.map ? token.map[0] + 1 : undefined;
    let links = 0;
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') links++;
      if (child.type === 'link_close') links--;
      yield { child, line, inLink: links > 0 };
      if (line !== undefined) line += child.type === 'softbreak' || child.type === 'hardbreak' ? 1 : child.content.split('\n').length - 1;
    }
  }
}

const theoremOpening = new RegExp(`\\\\begin\\{(${theoremKinds.join('|')})\\}`);

/** The kind of a theorem `\begin` left as text: one whose `\end` is missing. */
function unclosed(child: Token): string | undefined {
  return child.type === 'text' && child.content.includes('\\begin') ? theoremOpening.exec(child.content)?.[1] : undefined;
}

const isOpening = (token: Token) => token.type === 'theorem_open' || token.type === 'figure_open' || token.type === 'table_open';

/**
 * Numbers the blocks and registers their labels in `labels` (shared with
 * equations). Call before numbering equations, then `resolveCrossReferences`.
 */
export function numberBlocks(tokens: readonly Token[], labels: LabelRegistry, options: BlockNumberingOptions): { blocks: NumberedBlock[]; problems: BlockProblem[] } {
  const problems: BlockProblem[] = [];
  const lineOf = (token: Token) => (token.map ? token.map[0] + 1 + options.lineOffset : undefined);
  const at = (line: number | undefined) => (line === undefined ? undefined : line + options.lineOffset);

  // First the `\label`s in the text, each to the innermost numbered theorem around it.
  const open: NumberedBlockMeta[] = [];
  const lines = new Map<NumberedBlockMeta, number | undefined>();
  for (const token of tokens) {
    if (token.type === 'theorem_open') {
      open.push(token.meta);
      lines.set(token.meta, lineOf(token));
    } else if (token.type === 'theorem_close') {
      open.pop();
    } else if (isOpening(token) && token.meta) {
      lines.set(token.meta, lineOf(token));
    }
    if (token.type !== 'inline' || !token.children?.some((child) => child.type === 'text_label' || unclosed(child))) continue;
    for (const { child, line } of inlineChildren([token])) {
      const opening = unclosed(child);
      if (opening) problems.push(codedErrorAt('block-unclosed', { name: opening }, at(line)));
      if (child.type !== 'text_label') continue;
      const target = [...open].reverse().find((meta) => meta.kind !== 'proof');
      const label = child.meta.label as string;
      if (!target) {
        if (open.length > 0) problems.push(codedErrorAt('label-in-proof', { label, written: 'label' }, at(line)));
        continue;
      }
      child.meta.attached = true;
      if (target.label === undefined) target.label = label;
      else problems.push(codedErrorAt('two-labels', { kind: target.kind, labels: [target.label, label] }, at(line)));
    }
  }

  const names = messages[options.locale];
  const counters = new Map<string, number>();
  const blocks: NumberedBlock[] = [];
  for (const token of tokens) {
    if (!isOpening(token) || !token.meta?.kind) continue;
    const meta = token.meta as NumberedBlockMeta;
    const { kind } = meta;
    if (kind === 'proof') {
      Object.assign(meta, { head: names.blockNames.proof, titleBrackets: names.blockTitleBrackets, headEnd: names.blockHeadEnd });
      if (meta.label !== undefined) problems.push(codedErrorAt('label-in-proof', { label: meta.label, written: 'option' }, lines.get(meta)));
      continue;
    }
    const counter = options.theoremNumbering === 'shared' && kind !== 'figure' && kind !== 'table' ? 'theorem' : kind;
    const number = String((counters.get(counter) ?? 0) + 1);
    counters.set(counter, Number(number));
    const prefix = kindPrefixes[kind];
    const label = meta.label;
    const own = label?.startsWith(`${prefix}:`) ? label.slice(prefix.length + 1) : label;
    const id = labels.uniqueId(`${prefix}-${idPart(own ?? number)}`);
    Object.assign(meta, {
      number,
      id,
      head: names.blockNumber(names.blockNames[kind], number, kind),
      titleBrackets: names.blockTitleBrackets,
      headEnd: names.blockHeadEnd,
      colon: names.colon,
    });
    token.attrSet('id', id);
    blocks.push(label === undefined ? { kind, id, number } : { kind, id, number, label });
    if (label === undefined) continue;
    const first = labels.add(label, { id, number, kind });
    if (first) {
      problems.push(codedErrorAt('duplicate-label', { label, kind: first.kind, number: first.number }, lines.get(meta)));
    }
  }
  return { blocks, problems };
}

/** Resolves every `@label` reference against the post's labels, equations included. */
export function resolveCrossReferences(tokens: readonly Token[], labels: LabelRegistry, options: BlockNumberingOptions): BlockProblem[] {
  const problems: BlockProblem[] = [];
  const names = messages[options.locale];
  for (const { child, line, inLink } of inlineChildren(tokens)) {
    if (child.type !== 'cross_reference') continue;
    const meta = child.meta as CrossReferenceMeta;
    const target = labels.get(meta.label);
    const kind = target?.kind ?? kindOfPrefix(meta.label) ?? 'figure';
    meta.text = names.blockNumber(names.blockNames[kind], target?.number ?? '??', kind);
    meta.found = target !== undefined;
    meta.inLink = inLink;
    if (target) meta.href = `#${target.id}`;
    else problems.push(codedErrorAt('unknown-label', { label: meta.label }, line === undefined ? undefined : line + options.lineOffset));
  }
  return problems;
}

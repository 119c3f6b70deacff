// The numbered blocks a post may have besides equations, and how their
// labels and ids are written.

/** The theorem-like environments, as LaTeX (amsthm) names them. */
export const theoremKinds = ['theorem', 'lemma', 'proposition', 'corollary', 'definition', 'example', 'remark', 'proof'] as const;
export type TheoremKind = (typeof theoremKinds)[number];

/** A block that can be numbered, labelled and referred to. */
export type BlockKind = 'figure' | 'table' | TheoremKind;

/**
 * The short name of each kind, as pandoc-crossref writes labels (`fig:x`,
 * `tbl:x`, `thm:x`): it starts the element ids (`fig-x`, `thm-2`), and an
 * `@prefix:name` reference is recognised by it.
 */
export const kindPrefixes: Record<BlockKind | 'equation', string> = {
  equation: 'eq',
  figure: 'fig',
  table: 'tbl',
  theorem: 'thm',
  lemma: 'lem',
  proposition: 'prop',
  corollary: 'cor',
  definition: 'def',
  example: 'exa',
  remark: 'rem',
  proof: 'proof',
};

const theoremKindSet: ReadonlySet<string> = new Set(theoremKinds);

export function isTheoremKind(name: string): name is TheoremKind {
  return theoremKindSet.has(name);
}

/** The kind a label's prefix names (`fig:x` → figure), if any. */
export function kindOfPrefix(label: string): BlockKind | 'equation' | undefined {
  const prefix = label.slice(0, label.indexOf(':'));
  return (Object.keys(kindPrefixes) as (BlockKind | 'equation')[]).find((kind) => kindPrefixes[kind] === prefix);
}

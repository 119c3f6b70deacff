import type { BlockKind } from './block-kinds.js';

/** What a label can name: an equation, or a numbered block of the post. */
export type LabelKind = 'equation' | BlockKind;

/** Where a label points, and what a reference to it shows. */
export interface LabelTarget {
  /** Element id of the target. */
  id: string;
  /** Its number as shown: `3`, `2a`, or an equation's `\tag` text. */
  number: string;
  kind: LabelKind;
}

/**
 * One namespace for every `\label` and `{#…}` of a post (equations, figures,
 * tables, theorems), and the element ids handed out for them, so that no two
 * targets share a label or an id.
 */
export class LabelRegistry {
  readonly #targets = new Map<string, LabelTarget>();
  readonly #ids = new Set<string>();
  readonly #outside?: ReadonlyMap<string, LabelTarget>;

  /**
   * `outside`: labels defined elsewhere on the page (the post a comment is
   * under). References reach them when the text has no label of that name;
   * their ids are taken, so the text's own targets never share one.
   */
  constructor(outside?: ReadonlyMap<string, LabelTarget>) {
    this.#outside = outside;
    for (const target of outside?.values() ?? []) this.#ids.add(target.id);
  }

  /**
   * Gives `label` to `target`. As MathJax does, the first definition is the
   * one references use: for a label already given, returns its first target
   * and changes nothing.
   */
  add(label: string, target: LabelTarget): LabelTarget | undefined {
    const first = this.#targets.get(label);
    if (first) return first;
    this.#targets.set(label, target);
    return undefined;
  }

  /** The text's own target of `label`, else the outside one. */
  get(label: string): LabelTarget | undefined {
    return this.#targets.get(label) ?? this.#outside?.get(label);
  }

  /** Marks an id as taken (a heading's, say) so no target is given it. */
  reserveId(id: string): void {
    this.#ids.add(id);
  }

  /** `base`, or `base-2`, `base-3` … when taken; the id is taken from then on. */
  uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.#ids.has(id); n++) id = `${base}-${n}`;
    this.#ids.add(id);
    return id;
  }
}

/** A label as part of an element id: letters, digits and `:._-` kept, anything else as `-`. */
export function idPart(text: string): string {
  return text.replace(/[^\p{L}\p{N}:._-]+/gu, '-');
}

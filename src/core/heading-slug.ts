/**
 * Makes an element id from heading text: lower case, punctuation dropped,
 * spaces as `-`; letters of every script kept, so `位置编码` stays `位置编码`.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]+/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** Hands out unique slugs: the second "Proof" becomes `proof-2`. */
export class SlugRegistry {
  readonly #used = new Set<string>();

  take(text: string): string {
    const base = slugify(text) || 'section';
    let slug = base;
    for (let n = 2; this.#used.has(slug); n++) slug = `${base}-${n}`;
    this.#used.add(slug);
    return slug;
  }
}

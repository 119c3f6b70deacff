import { isWholeTerm } from './search-tokenize.js';

// The terms of an index that are only ever looked up whole: each Chinese (or kana) character and
// each pair of neighbours, and each pair of neighbouring Latin words. They are kept here rather than
// in MiniSearch because a query looks up one pair per two neighbouring characters or words, and
// MiniSearch spends on each term it looks up (merging its options, an object per field, a result map
// to combine) about what a whole search that finds nothing costs; here a term is one map lookup per
// field. Scored as MiniSearch scores a term (BM25+ with its default parameters, the same field
// boosts and field lengths), so a post's score is the one MiniSearch alone would give it.

/** The fields searched, in MiniSearch's order, and how much a hit in each weighs. */
export const searchFields = ['title', 'tags', 'summary', 'content'] as const;
export type SearchField = (typeof searchFields)[number];
// A title hit outranks any body hit of the same terms; tags and summary say more than a passing mention.
export const fieldBoosts: Readonly<Record<SearchField, number>> = { title: 6, tags: 3, summary: 1.5, content: 1 };
const boosts = searchFields.map((field) => fieldBoosts[field]);
const fieldCount = searchFields.length;

// MiniSearch's defaults (k1, b, and BM25+'s delta), which the index leaves as they are.
const k = 1.2;
const b = 0.7;
const d = 0.5;

/** What a post's hits add up to. */
export interface TermHits {
  /** The sum of its hits' scores. */
  score: number;
  /** The query's terms the post holds, in the query's order. */
  terms: string[];
}

/** The index's JSON: field lengths as `lengths[doc * 4 + field]`, postings per field as [term, [doc, frequency, …]]. */
export interface PostingsJson {
  documentCount: number;
  lengths: number[];
  averageLengths: number[];
  postings: [string, number[]][][];
}

/** Postings of the terms looked up whole, and the length of every field of every post, which BM25 weighs a hit by. */
export class SearchPostings {
  private constructor(
    private documentCount: number,
    /** Distinct terms of each field of each post (`doc * fieldCount + field`), all kinds counted, as MiniSearch counts them. */
    private readonly lengths: number[],
    private readonly averageLengths: number[],
    /** Per field: term → [doc, frequency, doc, frequency, …], docs ascending. */
    private readonly postings: Map<string, number[]>[],
  ) {}

  static empty(): SearchPostings {
    return new SearchPostings(0, [], new Array(fieldCount).fill(0), searchFields.map(() => new Map()));
  }

  static fromJSON(json: PostingsJson): SearchPostings {
    return new SearchPostings(json.documentCount, json.lengths, json.averageLengths, json.postings.map((entries) => new Map(entries)));
  }

  /** Counts in a post numbered after the last one (and returns its number); `addField` then gives its fields. */
  addDocument(): number {
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) this.lengths.push(0);
    return this.documentCount++;
  }

  /** The terms of one field of the post `addDocument` numbered last: every term counts for the field's length, those looked up whole are kept. */
  addField(field: SearchField, terms: readonly string[]): void {
    const doc = this.documentCount - 1;
    const fieldId = searchFields.indexOf(field);
    const frequencies = new Map<string, number>();
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    this.lengths[doc * fieldCount + fieldId] = frequencies.size;
    // The running mean, as MiniSearch computes it.
    this.averageLengths[fieldId] = (this.averageLengths[fieldId] * doc + frequencies.size) / (doc + 1);
    const postings = this.postings[fieldId];
    for (const [term, frequency] of frequencies) {
      if (!isWholeTerm(term)) continue;
      const list = postings.get(term);
      if (list) list.push(doc, frequency);
      else postings.set(term, [doc, frequency]);
    }
  }

  /** Adds the hits of `terms` (distinct) to `found`, by post number, in the order MiniSearch would find them. */
  collect(terms: readonly string[], found: Map<number, TermHits>): void {
    const count = this.documentCount;
    for (const term of terms) {
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
        const list = this.postings[fieldId].get(term);
        if (!list) continue;
        const matching = list.length / 2;
        const inverseFrequency = Math.log(1 + (count - matching + 0.5) / (matching + 0.5));
        const average = this.averageLengths[fieldId];
        const boost = boosts[fieldId];
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i];
          const frequency = list[i + 1];
          const length = this.lengths[doc * fieldCount + fieldId];
          const score = boost * (inverseFrequency * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / average))));
          const hits = found.get(doc);
          if (!hits) found.set(doc, { score, terms: [term] });
          else {
            hits.score += score;
            if (hits.terms.at(-1) !== term) hits.terms.push(term);
          }
        }
      }
    }
  }

  toJSON(): PostingsJson {
    return {
      documentCount: this.documentCount,
      lengths: this.lengths,
      averageLengths: this.averageLengths,
      postings: this.postings.map((postings) => [...postings]),
    };
  }
}

/** A post's score from its `TermHits`: the sum of its terms' scores times how many of the query's terms it holds, as MiniSearch ranks. */
export function scoreOf(hits: TermHits): number {
  return hits.score * hits.terms.length;
}

import { type ArchiveMonth, type ArchiveYear, groupArchive, type PostQuery, searchable } from './archive.js';
import type { DateFormatOptions } from './dates.js';
import type { Post } from './post.js';

/** A tag and how many posts of an archive carry it. */
export interface TagCount {
  tag: string;
  count: number;
}

/**
 * An archive prepared once per list of posts, so that filtering it as a
 * reader types costs one substring test per post and no sorting.
 */
export interface ArchiveIndex {
  /** Every post with a readable date, by year and month, newest first (see `groupArchive`). */
  readonly years: readonly ArchiveYear[];
  /** How many posts `years` holds. */
  readonly total: number;
  /** Every tag of those posts with its count, most used first, then in code-point order. */
  readonly tags: readonly TagCount[];
  /** Each post's title folded for search. */
  readonly titles: ReadonlyMap<Post, string>;
}


/** Groups the posts (days read as `groupArchive` reads them) and folds their titles, once. */
export function indexArchive(posts: readonly Post[], options: DateFormatOptions = {}): ArchiveIndex {
  const years = groupArchive(posts, options);
  const titles = new Map<Post, string>();
  const tagCounts = new Map<string, number>();
  let total = 0;
  for (const year of years) {
    total += year.count;
    for (const month of year.months) {
      for (const post of month.posts) {
        titles.set(post, searchable(post.title));
        // A tag written twice on one post still counts that post once.
        for (const tag of new Set(post.tags)) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
      }
    }
  }
  const tags = [...tagCounts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  return { years, total, tags, titles };
}

/** Whether a query leaves every post visible. */
export function isEmptyQuery(query: PostQuery): boolean {
  return !query.text?.trim() && !query.tag;
}

/**
 * The years and months of an index that have posts matching the query, with
 * counts of the matching posts only; months and years left empty are dropped.
 * Matches `filterPosts`: the text anywhere in the title ignoring case and
 * width, the tag exactly. An empty query returns `index.years` itself.
 */
export function filterArchive(index: ArchiveIndex, query: PostQuery): readonly ArchiveYear[] {
  if (isEmptyQuery(query)) return index.years;
  const text = searchable(query.text?.trim() ?? '');
  const tag = query.tag ?? '';
  const matches = (post: Post) => (text === '' || index.titles.get(post)!.includes(text)) && (tag === '' || post.tags.includes(tag));
  const years: ArchiveYear[] = [];
  for (const year of index.years) {
    const months = [];
    let count = 0;
    for (const month of year.months) {
      const posts = month.posts.filter(matches);
      if (posts.length === 0) continue;
      months.push({ month: month.month, count: posts.length, posts });
      count += posts.length;
    }
    if (count > 0) years.push({ year: year.year, count, months });
  }
  return years;
}

/** What one rendering pass shows: the months listed under each year, and whether anything was left for a later pass. */
export interface ArchivePass {
  /** Parallel to the years given: all months of an open year that fit, none of a closed year. */
  months: (readonly ArchiveMonth[])[];
  complete: boolean;
}

/**
 * The months to list in one pass: those of open years, newest first, whole
 * months at a time, until `budget` posts are listed. Spreading a long list
 * over passes lets a page answer a keystroke with its first screenfuls at
 * once instead of building thousands of rows before it can paint.
 */
export function planArchivePass(years: readonly ArchiveYear[], isOpen: (year: number) => boolean, budget: number): ArchivePass {
  let room = budget;
  let complete = true;
  const months = years.map((year) => {
    if (!isOpen(year.year)) return [];
    let end = 0;
    while (end < year.months.length && room > 0) room -= year.months[end++].count;
    if (end < year.months.length) complete = false;
    return end === year.months.length ? year.months : year.months.slice(0, end);
  });
  return { months, complete };
}

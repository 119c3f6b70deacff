import { type DateFormatOptions, readPostDate } from './dates.js';
import type { Post } from './post.js';

/** One month of an archive, newest post first. */
export interface ArchiveMonth {
  /** 1–12. */
  month: number;
  count: number;
  posts: Post[];
}

/** One year of an archive, newest month first. */
export interface ArchiveYear {
  year: number;
  count: number;
  months: ArchiveMonth[];
}

/** What an archive's filter box and tag links ask for; absent or empty parts match everything. */
export interface PostQuery {
  /** Found anywhere in the title, ignoring case and full-width/half-width differences. */
  text?: string;
  /** Must be one of the post's tags, exactly. */
  tag?: string;
}

interface ArchiveEntry {
  post: Post;
  /** year × 12 + month, so one number orders and groups by month. */
  monthKey: number;
  time: number;
  order: number;
}

/**
 * Groups posts by year and month, newest first at every level; posts
 * published at the same moment keep their input order. A post goes under the
 * month its author wrote (`2024-09-30T23:30:00+08:00` is a September post
 * wherever the reader is), the same day its card and byline show (see
 * `readPostDate`); `options.timeZone` places date-times written without an
 * offset. Posts whose date cannot be read are left out; `parseFeed` has
 * already reported them.
 */
export function groupArchive(posts: readonly Post[], options: DateFormatOptions = {}): ArchiveYear[] {
  const entries: ArchiveEntry[] = [];
  posts.forEach((post, order) => {
    const date = readPostDate(post.date, options);
    if (date) entries.push({ post, monthKey: date.year * 12 + date.month - 1, time: date.time, order });
  });
  entries.sort((a, b) => b.monthKey - a.monthKey || b.time - a.time || a.order - b.order);

  const years: ArchiveYear[] = [];
  let year: ArchiveYear = { year: Number.NaN, count: 0, months: [] };
  let month: ArchiveMonth = { month: Number.NaN, count: 0, posts: [] };
  let monthKey = Number.NaN;
  for (const entry of entries) {
    if (entry.monthKey !== monthKey) {
      monthKey = entry.monthKey;
      if (year.year !== Math.floor(monthKey / 12)) {
        year = { year: Math.floor(monthKey / 12), count: 0, months: [] };
        years.push(year);
      }
      month = { month: (monthKey % 12) + 1, count: 0, posts: [] };
      year.months.push(month);
    }
    month.posts.push(entry.post);
    month.count++;
    year.count++;
  }
  return years;
}

// NFKC folds full-width letters (ＲｏＰＥ) into ASCII, so either way of typing finds the other.
/** How titles and queries are compared: full-width and case differences ignored (`ＲｏＰＥ` finds `RoPE`). */
export const searchable = (text: string): string => text.normalize('NFKC').toLowerCase();

/** The posts a filter box and tag selection leave visible, in their input order. */
export function filterPosts(posts: readonly Post[], query: PostQuery): Post[] {
  const text = searchable(query.text?.trim() ?? '');
  const tag = query.tag ?? '';
  return posts.filter(
    (post) => (text === '' || searchable(post.title).includes(text)) && (tag === '' || post.tags.includes(tag)),
  );
}

import type { Post } from './post.js';

export interface SeriesView {
  name: string;
  posts: Post[];
  /** Index in `posts` of the current post, -1 when it is not in the series. */
  current: number;
}

/**
 * The posts of one series in reading order (by `series.index`, then date,
 * then as given) and where the current post stands in it. The series is the
 * one named, else the current post's.
 */
export function seriesOf(posts: readonly Post[], current: string, name?: string): SeriesView {
  const isCurrent = (post: Post) => current !== '' && (post.url === current || post.id === current || samePath(post.url, current));
  const seriesName = name || posts.find(isCurrent)?.series?.name || '';
  const members = posts
    .map((post, order) => ({ post, order }))
    .filter(({ post }) => post.series?.name === seriesName)
    .sort((a, b) => (a.post.series!.index ?? Infinity) - (b.post.series!.index ?? Infinity) || a.post.date.localeCompare(b.post.date) || a.order - b.order)
    .map(({ post }) => post);
  return { name: seriesName, posts: members, current: members.findIndex(isCurrent) };
}

// `/archives/3` on the page matches `https://site.example/archives/3` in the feed
// (and `?post=3` matters: some sites tell posts apart by query).
function samePath(url: string, current: string): boolean {
  const pathOf = (text: string) => {
    const parsed = new URL(text, 'https://x.invalid');
    return parsed.pathname + parsed.search;
  };
  try {
    return pathOf(current) !== '/' && pathOf(url) === pathOf(current);
  } catch {
    return false;
  }
}

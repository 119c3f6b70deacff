export interface Pagination {
  /** The page shown, 1-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** Slice bounds of the items on this page. */
  start: number;
  end: number;
  /** Page numbers to offer, with `undefined` where a run of pages is left out (shown as …). */
  links: (number | undefined)[];
}

/**
 * Which items a page holds and which page links to show: always the first and
 * last, and the pages around the current one, so a blog with 900 pages gets a
 * short bar rather than 900 links.
 */
export function paginate(itemCount: number, requestedPage: number, pageSize: number, around = 2): Pagination {
  const size = Math.max(1, Math.floor(pageSize) || 1);
  const pageCount = Math.max(1, Math.ceil(itemCount / size));
  const page = Math.min(pageCount, Math.max(1, Math.floor(requestedPage) || 1));
  const shown = (n: number) => n === 1 || n === pageCount || Math.abs(n - page) <= around;
  const links: (number | undefined)[] = [];
  for (let n = 1; n <= pageCount; n++) {
    // A gap that would hide a single page shows the page instead: "1 2 3 4 5", not "1 2 3 … 5".
    if (shown(n) || (shown(n - 1) && shown(n + 1))) links.push(n);
    else if (links[links.length - 1] !== undefined) links.push(undefined);
  }
  return { page, pageCount, start: (page - 1) * size, end: Math.min(itemCount, page * size), links };
}

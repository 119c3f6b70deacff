// Posts as data: reading feeds and front matter, and the dates, counts,
// archive and citations shown about them. Re-exported by index.ts.
export { parseFeed, postFromFrontMatter } from './feed.js';
export type { ParsedFeed, ParseFeedOptions, PostFromFrontMatter } from './feed.js';
export { archiveMonthLabel, formatDateBadge, formatIsoDate, formatPostDate, parsePostDate, readPostDate, validTimeZone } from './dates.js';
export type { DateBadge, DateFormatOptions, PostDateParts } from './dates.js';
export { formatCount, formatReaderCount } from './numbers.js';
export { filterPosts, groupArchive } from './archive.js';
export type { ArchiveMonth, ArchiveYear, PostQuery } from './archive.js';
export { bibtexKey, citation } from './citation.js';
export type { CitationOptions } from './citation.js';
export type { DataError, Post, PostAuthor, PostSeries } from './post.js';
export { filterArchive, indexArchive, isEmptyQuery, planArchivePass } from './archive-view.js';
export type { ArchiveIndex, ArchivePass, TagCount } from './archive-view.js';

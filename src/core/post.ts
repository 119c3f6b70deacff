import type { CodedError } from './error-messages.js';

/** A post's author, as JSON Feed 1.1 gives it. */
export interface PostAuthor {
  name: string;
  url?: string;
}

/** The series a post belongs to, and its place in it (1-based). */
export interface PostSeries {
  name: string;
  index?: number;
}

/** One blog post, from a JSON Feed item, a markdown file's front matter or element attributes. */
export interface Post {
  id: string;
  url: string;
  title: string;
  /**
   * When it was published, as written: a calendar date (`2024-09-06`) or an
   * ISO 8601 date-time with offset (`2024-09-06T10:00:00+08:00`). A calendar
   * date is formatted as that day everywhere, whatever the reader's time zone.
   */
  date: string;
  authors: PostAuthor[];
  summary?: string;
  contentHtml?: string;
  contentText?: string;
  tags: string[];
  /** How many people read it (the reference blog shows "59659位读者"). */
  readers?: number;
  series?: PostSeries;
  /** How many comments it has. */
  comments?: number;
}

/** A problem found in input data: what is wrong and where, as a code with its parameters and in English. */
export type DataError = CodedError;

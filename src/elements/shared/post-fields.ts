import type { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Post } from '../../core/post.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/** The properties of an element that shows one post. */
export interface PostFieldsInterface {
  post: Post | undefined;
  href: string | undefined;
  postTitle: string | undefined;
  date: string | undefined;
  author: string | undefined;
  readers: number | undefined;
  comments: number | undefined;
  timeZone: string | undefined;
}

/** The post an element shows: its `post` object with the attributes applied on top. */
export function resolvePost(element: PostFieldsInterface): Post {
  const post = element.post;
  const readers = element.readers ?? post?.readers;
  const comments = element.comments ?? post?.comments;
  return {
    ...post,
    id: post?.id ?? element.href ?? '',
    url: element.href ?? post?.url ?? '',
    title: element.postTitle ?? post?.title ?? '',
    date: element.date ?? post?.date ?? '',
    authors: element.author ? [{ name: element.author }] : (post?.authors ?? []),
    tags: post?.tags ?? [],
    readers: readers !== undefined && Number.isFinite(readers) ? readers : undefined,
    comments: comments !== undefined && Number.isFinite(comments) ? comments : undefined,
  };
}

/**
 * Lets an element take its post as a `post` object (from a feed) or as
 * attributes written by hand: `<post-card href="/archives/1" title="…"
 * date="2024-09-06" author="…" readers="59659" comments="12">`. Attributes win over the object.
 */
export const PostFields = <T extends Constructor<LitElement>>(Base: T) => {
  class PostFieldsElement extends Base implements PostFieldsInterface {
    /** The post, as `parseFeed` gives it. */
    @property({ attribute: false }) accessor post: Post | undefined = undefined;

    /** The post's address. */
    @property() accessor href: string | undefined = undefined;

    /** The post's title (the `title` attribute). */
    @property({ attribute: 'title' }) accessor postTitle: string | undefined = undefined;

    /** Publication date, `2024-09-06` or an ISO 8601 date-time, with offset or without. */
    @property() accessor date: string | undefined = undefined;

    /** Author's name. */
    @property() accessor author: string | undefined = undefined;

    /** How many people read it. */
    @property({ type: Number }) accessor readers: number | undefined = undefined;

    /** How many comments it has (shown as a link to `#comments`); a comment server's count replaces it. */
    @property({ type: Number }) accessor comments: number | undefined = undefined;

    /**
     * The site's IANA time zone (`Asia/Shanghai`), for dates written as a
     * date-time without an offset; the reader's zone when absent or unknown.
     * A calendar date, or a date-time with an offset, shows the day its author
     * wrote in every zone.
     */
    @property({ attribute: 'time-zone' }) accessor timeZone: string | undefined = undefined;
  }
  return PostFieldsElement as Constructor<PostFieldsInterface> & T;
};

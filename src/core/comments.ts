import { readPostDate } from './dates.js';
import { dataError, type DataErrorParams } from './data-error-messages.js';
import type { ErrorPlace } from './error-messages.js';
import type { DataError } from './post.js';
import { isSafeUrl } from './safe-url.js';

/** A visitor's comment, as a comments endpoint returns it. */
export interface Comment {
  id: string;
  /** Id of the comment this one answers. */
  parent?: string;
  author: string;
  /** The author's website; shown as a link only when it is http(s). */
  url?: string;
  /** ISO 8601 date or date-time with offset. */
  date: string;
  /** Markdown with math. */
  body: string;
  /** The post it belongs to, for a "recent comments" sidebar. */
  post?: { title: string; url: string };
}

/** A comment and the replies to it, oldest first. */
export interface CommentThread {
  comment: Comment;
  replies: CommentThread[];
}

/** The author's URL if a link to it is safe to show, else undefined. */
export function safeAuthorUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url.trim()) && isSafeUrl(url) ? url.trim() : undefined;
}

/**
 * Reads comment records (a parsed JSON array) into threads. Bad records are
 * reported and skipped; a reply whose parent is missing becomes a thread of
 * its own; a cycle of parents (a answers b answers a) is reported and broken
 * at its oldest comment. Siblings are ordered by date, oldest first.
 */
export function threadComments(records: unknown): { threads: CommentThread[]; comments: Comment[]; errors: DataError[] } {
  const errors: DataError[] = [];
  if (!Array.isArray(records)) {
    return { threads: [], comments: [], errors: [dataError('comments-not-list', { got: records === null ? 'null' : typeof records })] };
  }
  const byId = new Map<string, Comment>();
  records.forEach((record, index) => {
    const at = { in: 'comment', index: index + 1 } as const;
    const comment = readComment(record, at, errors);
    if (!comment) return;
    if (byId.has(comment.id)) errors.push(dataError('comment-duplicate-id', { at, id: comment.id }));
    else byId.set(comment.id, comment);
  });

  // Each date read once, not at every comparison: ten thousand comments sort in a few milliseconds.
  const time = new Map([...byId.values()].map((comment) => [comment, readPostDate(comment.date)?.time ?? 0]));
  const comments = [...byId.values()].sort((a, b) => time.get(a)! - time.get(b)!);
  const parentOf = new Map<string, string | undefined>();
  for (const comment of comments) {
    const parent = comment.parent;
    if (parent !== undefined && !byId.has(parent)) errors.push(dataError('comment-parent-missing', { at: { in: 'comment-id', id: comment.id }, parent }));
    parentOf.set(comment.id, parent !== undefined && byId.has(parent) ? parent : undefined);
  }
  // Oldest first, so a cycle is broken at its oldest comment. Each comment is
  // walked over once: a walk stops at any comment an earlier walk settled.
  const settled = new Set<string>();
  for (const comment of comments) {
    const path = new Set<string>();
    for (let id: string | undefined = comment.id; id !== undefined && !settled.has(id); id = parentOf.get(id)) {
      if (path.has(id)) {
        errors.push(dataError('comment-reply-loop', { at: { in: 'comment-id', id } }));
        parentOf.set(id, undefined);
        break;
      }
      path.add(id);
    }
    for (const id of path) settled.add(id);
  }

  const nodes = new Map(comments.map((comment) => [comment.id, { comment, replies: [] as CommentThread[] }]));
  const threads: CommentThread[] = [];
  for (const comment of comments) {
    const parent = parentOf.get(comment.id);
    (parent === undefined ? threads : nodes.get(parent)!.replies).push(nodes.get(comment.id)!);
  }
  return { threads, comments, errors };
}

function readComment(record: unknown, at: ErrorPlace, errors: DataError[]): Comment | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    errors.push(dataError('not-object', { at }));
    return undefined;
  }
  const r = record as Record<string, unknown>;
  const id = typeof r.id === 'number' ? String(r.id) : r.id;
  const missing: DataErrorParams['comment-incomplete']['missing'] = [];
  if (typeof id !== 'string' || id === '') missing.push('id');
  if (typeof r.author !== 'string' || r.author.trim() === '') missing.push('author');
  if (typeof r.body !== 'string') missing.push('body');
  if (typeof r.date !== 'string' || !readPostDate(r.date)) missing.push('date');
  if (missing.length > 0) {
    errors.push(dataError('comment-incomplete', { at, missing }));
    return undefined;
  }
  const comment: Comment = { id: id as string, author: (r.author as string).trim(), date: r.date as string, body: r.body as string };
  if (typeof r.parent === 'string' || typeof r.parent === 'number') comment.parent = String(r.parent);
  else if (r.parent !== undefined && r.parent !== null) errors.push(dataError('comment-parent-not-id', { at }));
  if (typeof r.url === 'string') comment.url = r.url;
  const post = r.post as Record<string, unknown> | undefined;
  if (post && typeof post.title === 'string' && typeof post.url === 'string') {
    if (isSafeUrl(post.url)) comment.post = { title: post.title, url: post.url };
    else errors.push(dataError('unsafe-link', { at, field: 'post.url' }));
  }
  return comment;
}

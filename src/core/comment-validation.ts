import type { Comment } from './comments.js';

/** What a visitor typed into a comment form, as typed. */
export interface CommentFields {
  name: string;
  email: string;
  /** The visitor's website; may be empty. */
  url: string;
  /** Markdown with math. */
  body: string;
}

export type CommentField = keyof CommentFields;

/** The fields in the order a form shows them, so the first problem can be focused. */
export const commentFields: readonly CommentField[] = ['name', 'email', 'url', 'body'];

/** What is wrong with a field: left empty, not an email / http(s) URL, or over the length limit. */
export type CommentProblem = 'required' | 'invalid' | 'tooLong';

/** The comment a form sends: trimmed, with `url` and `parent` left out when there are none. */
export interface CommentSubmission {
  name: string;
  email: string;
  url: string | undefined;
  body: string;
  /** Id of the comment this one answers. */
  parent: string | undefined;
}

/** The comment a reply answers; a whole `Comment` (what `comment-list` hands out) fits. */
export type ReplyTarget = Pick<Comment, 'id' | 'author'>;

/** What a form keeps in local storage between visits. */
export interface CommentDraft extends CommentFields {
  replyTo?: ReplyTarget;
}

/**
 * An address that could receive mail: something, `@`, and a domain with a dot.
 * Stricter than `<input type="email">`, which accepts `me@localhost`, because
 * a blog's commenters are on the public internet.
 */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(text.trim());
}

/** An absolute `http:` or `https:` URL with a host, the only websites a comment may link to. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The problem of each field that has one; an empty object when the comment can be sent. */
export function validateComment(fields: CommentFields, { maxLength = 10_000 } = {}): Partial<Record<CommentField, CommentProblem>> {
  const problems: Partial<Record<CommentField, CommentProblem>> = {};
  if (fields.name.trim() === '') problems.name = 'required';
  if (fields.email.trim() === '') problems.email = 'required';
  else if (!isEmailAddress(fields.email)) problems.email = 'invalid';
  if (fields.url.trim() !== '' && !isWebUrl(fields.url)) problems.url = 'invalid';
  // Counted like renderComment counts (UTF-16 units), so a body the form accepts is never refused by the preview.
  if (fields.body.trim() === '') problems.body = 'required';
  else if (fields.body.length > maxLength) problems.body = 'tooLong';
  return problems;
}

/** Whether a length counter should be shown: from 90 % of the limit on. */
export function isNearLengthLimit(length: number, maxLength: number): boolean {
  return length >= maxLength * 0.9;
}

/** The submission for valid fields: names and addresses trimmed, the body as typed. */
export function commentSubmission(fields: CommentFields, replyTo?: ReplyTarget): CommentSubmission {
  const url = fields.url.trim();
  return { name: fields.name.trim(), email: fields.email.trim(), url: url === '' ? undefined : url, body: fields.body, parent: replyTo?.id };
}

/** Whether nothing has been typed, so there is no draft worth keeping. */
export function isBlankDraft(draft: CommentDraft): boolean {
  return commentFields.every((field) => draft[field].trim() === '');
}

/** Where drafts are kept; `localStorage` fits. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Reads the draft stored under `key`. Storage that cannot be reached (disabled,
 * refused, `storage()` itself throwing) and anything unreadable (another
 * version's format, a hand-edited value, a blank draft) give undefined: a bad
 * draft must never stop the form from working.
 */
export function loadCommentDraft(storage: () => DraftStorage, key: string): CommentDraft | undefined {
  let data: unknown;
  try {
    data = JSON.parse(storage().getItem(key) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const draft: CommentDraft = { name: text(record.name), email: text(record.email), url: text(record.url), body: text(record.body) };
  const reply = record.replyTo as Record<string, unknown> | undefined;
  if (reply && typeof reply.id === 'string' && typeof reply.author === 'string') draft.replyTo = { id: reply.id, author: reply.author };
  return isBlankDraft(draft) ? undefined : draft;
}

/**
 * Stores the draft under `key`, or removes it when nothing is typed. Returns
 * false when storage refused (quota, disabled) instead of throwing.
 */
export function saveCommentDraft(storage: () => DraftStorage, key: string, draft: CommentDraft): boolean {
  try {
    if (isBlankDraft(draft)) {
      storage().removeItem(key);
    } else {
      const { name, email, url, body, replyTo } = draft;
      storage().setItem(key, JSON.stringify({ name, email, url, body, ...(replyTo && { replyTo: { id: replyTo.id, author: replyTo.author } }) }));
    }
    return true;
  } catch {
    return false;
  }
}

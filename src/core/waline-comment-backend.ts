import {
  type CommentBackend,
  type CommentRequestOptions,
  type CommentResult,
  type Moderation,
  failed,
  httpFailure,
  readJson,
  requestComments,
  succeeded,
} from './comment-backend.js';
import type { Comment } from './comments.js';
import { threadComments } from './comments.js';
import { decodeEntities } from './html-scan.js';

// Waline's REST API (the one its own client uses), as served by
// `@waline/vercel`: GET /api/comment?path=… for a page of a post's comments,
// ?type=count&url=a,b for counts, ?type=recent&count=n for the newest, and
// POST /api/comment for a new one. Answers are `{ errno, errmsg, data }`;
// errno 0 is success, anything else a refusal in Waline's own words (in the
// language asked for with `lang`).

export interface WalineBackendOptions {
  /** The Waline server's URL, without `/api`. */
  server: string;
  /** `zh` or `en`: the language of Waline's own messages. Default `en`. */
  locale?: 'zh' | 'en';
  /** Top-level comments per page. Default 50. */
  pageSize?: number;
}

/** A comment as Waline's API returns it (the fields read here). */
interface WalineComment {
  objectId: number | string;
  nick?: string;
  link?: string;
  /** The comment rendered to HTML by the server. */
  comment?: string;
  /** The markdown as written. */
  orig?: string;
  time?: number;
  insertedAt?: string;
  pid?: number | string | null;
  rid?: number | string | null;
  url?: string;
  status?: string;
  children?: WalineComment[];
}

interface WalineAnswer {
  errno?: number;
  errmsg?: string;
  data?: unknown;
}

export function walineCommentBackend({ server, locale = 'en', pageSize = 50 }: WalineBackendOptions): CommentBackend {
  const api = `${server.replace(/\/+$/, '')}/api/comment`;
  const lang = locale === 'zh' ? 'zh-CN' : 'en-US';
  // Waline wants the thread's root (`rid`) and the answered author (`at`) with a reply; a form knows only the parent's id.
  const known = new Map<string, { root: string; author: string }>();

  function remember(comment: WalineComment, root: string): void {
    known.set(String(comment.objectId), { root, author: comment.nick ?? '' });
  }

  async function call(url: string, init: RequestInit, options?: CommentRequestOptions): Promise<CommentResult<unknown>> {
    const answer = await requestComments(url, { ...init, headers: { Accept: 'application/json', ...init.headers } }, options);
    if (!answer.ok) return answer;
    const response = answer.value;
    const json = await readJson(response, url);
    const body = json.ok && typeof json.value === 'object' && json.value !== null ? (json.value as WalineAnswer) : undefined;
    if (body && typeof body.errno === 'number' && body.errno !== 0) return failed('refused', body.errmsg || `Waline error ${body.errno}`, response.status);
    if (!response.ok) return httpFailure(response);
    if (!json.ok) return json;
    if (!body || !('data' in body)) return failed('invalid', `${url}: the answer has no data`);
    return succeeded(body.data);
  }

  return {
    async list(post, page, options) {
      const query = new URLSearchParams({ path: post, page: String(page), pageSize: String(pageSize), sortBy: 'insertedAt_asc', lang });
      const answer = await call(`${api}?${query}`, {}, options);
      if (!answer.ok) return answer;
      const data = answer.value as { data?: unknown; totalPages?: number; count?: number; page?: number } | null;
      if (!data || !Array.isArray(data.data)) return failed('invalid', `${api}: the page has no list of comments`);
      const records: Record<string, unknown>[] = [];
      for (const top of data.data as WalineComment[]) {
        if (typeof top !== 'object' || top === null) continue;
        remember(top, String(top.objectId));
        records.push(toRecord(top));
        for (const child of Array.isArray(top.children) ? top.children : []) {
          remember(child, String(top.objectId));
          records.push(toRecord(child, String(top.objectId)));
        }
      }
      const { comments, errors } = threadComments(records.sort(byTimeThenId));
      return succeeded({ comments, page: data.page ?? page, pages: Math.max(1, data.totalPages ?? 1), total: data.count ?? comments.length, errors });
    },

    async count(posts, options) {
      if (posts.length === 0) return succeeded([]);
      const query = new URLSearchParams({ type: 'count', url: posts.join(','), lang });
      const answer = await call(`${api}?${query}`, {}, options);
      if (!answer.ok) return answer;
      const counts = Array.isArray(answer.value) ? answer.value : [answer.value];
      if (counts.length !== posts.length || !counts.every((n) => typeof n === 'number')) return failed('invalid', `${api}: the counts are not ${posts.length} numbers`);
      return succeeded(counts as number[]);
    },

    async recent(limit, options) {
      // Waline gives at most 50.
      const query = new URLSearchParams({ type: 'recent', count: String(Math.min(limit, 50)), lang });
      const answer = await call(`${api}?${query}`, {}, options);
      if (!answer.ok) return answer;
      if (!Array.isArray(answer.value)) return failed('invalid', `${api}: the recent comments are not a list`);
      const records = (answer.value as WalineComment[]).map((comment) => ({ ...toRecord(comment), post: comment.url ? { title: comment.url, url: comment.url } : undefined }));
      return succeeded(threadComments(records.sort(byTimeThenId)).comments.reverse());
    },

    async submit(post, submission, options) {
      const parent = submission.parent;
      const thread = parent === undefined ? undefined : known.get(parent);
      const body = {
        comment: submission.body,
        nick: submission.name,
        mail: submission.email,
        link: submission.url ?? '',
        url: post,
        ua: typeof navigator === 'undefined' ? 'sciblog-elements' : navigator.userAgent,
        ...(parent === undefined ? {} : { pid: parent, rid: thread?.root ?? parent, at: thread?.author ?? '' }),
      };
      const answer = await call(`${api}?lang=${lang}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, options);
      if (!answer.ok) return answer;
      const stored = answer.value as WalineComment | null;
      const moderation: Moderation = stored?.status === 'waiting' ? 'waiting' : stored?.status === 'spam' ? 'spam' : 'approved';
      let comment: Comment | undefined;
      if (stored && typeof stored === 'object' && stored.objectId !== undefined) {
        const root = parent === undefined ? String(stored.objectId) : (thread?.root ?? parent);
        remember({ ...stored, nick: stored.nick ?? submission.name }, root);
        // The text as typed: what Waline echoes back is what it stored (see the README on PostgreSQL and backslashes).
        comment = threadComments([{ ...toRecord(stored), body: submission.body, parent }]).comments[0];
      }
      return succeeded({ comment, moderation, answer: stored });
    },
  };
}

/**
 * Oldest first; Waline's times are whole seconds, so comments sent within
 * one second are put in the order the server numbered them.
 */
function byTimeThenId(a: Record<string, unknown>, b: Record<string, unknown>): number {
  return Date.parse(String(a.date)) - Date.parse(String(b.date)) || Number(a.id) - Number(b.id);
}

/** A Waline comment as one of our comment records; `threadComments` checks it. */
function toRecord(comment: WalineComment, root?: string): Record<string, unknown> {
  const parent = comment.pid ?? (root !== undefined && String(comment.objectId) !== root ? root : undefined);
  const date = typeof comment.time === 'number' ? new Date(comment.time).toISOString() : comment.insertedAt;
  return {
    id: comment.objectId,
    parent: parent === null ? undefined : parent,
    author: comment.nick,
    url: comment.link || undefined,
    date,
    // The markdown as written; without it (an old server), the text of Waline's HTML.
    body: comment.orig ?? decodeEntities((comment.comment ?? '').replace(/<[^>]*>/g, '')).trim(),
  };
}

import type { CommentBackend, CommentResult } from './comment-backend.js';

// A home page of twenty cards asks for twenty comment counts at once. Asked
// one by one, that is twenty requests; a backend's `count(posts)` takes a
// list, so the counts asked for in one task go out together, and each post's
// count is asked once per page.

/** The most posts asked for in one `count` call (Waline takes them in the query string). */
export const countsPerRequest = 50;

/** Counts the comments of one post at a time, in batches, each post once. */
export type CommentCounter = (post: string) => Promise<CommentResult<number>>;

/**
 * A counter for `backend`: the posts asked for before `schedule` runs its
 * callback (by default, the end of the current task) go out in one `count`
 * call per `countsPerRequest` posts. A post asked for again gets the answer
 * already given; a failed count is asked again next time.
 */
export function commentCounter(backend: CommentBackend, schedule: (flush: () => void) => void = (flush) => setTimeout(flush, 0)): CommentCounter {
  const answers = new Map<string, Promise<CommentResult<number>>>();
  let waiting = new Map<string, (result: CommentResult<number>) => void>();

  async function ask(posts: string[], settle: Array<(result: CommentResult<number>) => void>): Promise<void> {
    const result = await backend.count(posts).catch((error: unknown) => ({ ok: false as const, error: { kind: 'network' as const, message: String(error) } }));
    posts.forEach((post, i) => {
      const count = result.ok ? result.value[i] : undefined;
      const answer: CommentResult<number> = !result.ok
        ? result
        : typeof count === 'number' && Number.isInteger(count) && count >= 0
          ? { ok: true, value: count }
          : { ok: false, error: { kind: 'invalid', message: `the count for ${post} is not a whole number (${String(count)})` } };
      if (!answer.ok) answers.delete(post);
      settle[i]!(answer);
    });
  }

  function flush(): void {
    const batch = waiting;
    waiting = new Map();
    const posts = [...batch.keys()];
    const settle = [...batch.values()];
    for (let start = 0; start < posts.length; start += countsPerRequest) {
      void ask(posts.slice(start, start + countsPerRequest), settle.slice(start, start + countsPerRequest));
    }
  }

  return (post) => {
    let answer = answers.get(post);
    if (!answer) {
      const first = waiting.size === 0;
      answer = new Promise((resolve) => waiting.set(post, resolve));
      answers.set(post, answer);
      if (first) schedule(flush);
    }
    return answer;
  };
}

const counters = new WeakMap<CommentBackend, CommentCounter>();

/** The page's one counter for `backend`, so every element showing a count shares its batches. */
export function sharedCommentCounter(backend: CommentBackend): CommentCounter {
  let counter = counters.get(backend);
  if (!counter) counters.set(backend, (counter = commentCounter(backend)));
  return counter;
}

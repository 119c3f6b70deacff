import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentCounter, countsPerRequest } from 'sciblog-elements/core';

// A backend that answers from a table and records each count request, so the
// tests can count requests: a page of bylines must cost one, not one each.
function countingBackend(table, answer = (posts) => ({ ok: true, value: posts.map((post) => table[post] ?? 0) })) {
  const requests = [];
  return {
    requests,
    async count(posts) {
      requests.push([...posts]);
      return answer(posts);
    },
  };
}

// Runs the batch when the test says, instead of at the end of the task.
function manualSchedule() {
  const pending = [];
  return { schedule: (flush) => pending.push(flush), run: () => pending.splice(0).forEach((flush) => flush()) };
}

describe('comment counts of a page of bylines', () => {
  it('asks for every count of one task in one request, each answer going to its own post', async () => {
    const backend = countingBackend({ '/a': 3, '/b': 0, '/c': 12 });
    const tick = manualSchedule();
    const count = commentCounter(backend, tick.schedule);
    const answers = Promise.all(['/a', '/b', '/c'].map((post) => count(post)));
    tick.run();
    assert.deepEqual(await answers, [3, 0, 12].map((value) => ({ ok: true, value })));
    assert.deepEqual(backend.requests, [['/a', '/b', '/c']]);
  });

  it('by default, batches what is asked before the end of the current task', async () => {
    const backend = countingBackend({ '/a': 1, '/b': 2 });
    const count = commentCounter(backend);
    const answers = await Promise.all([count('/a'), count('/b')]);
    assert.deepEqual(answers.map((answer) => answer.value), [1, 2]);
    assert.equal(backend.requests.length, 1);
  });

  it(`splits a long page into requests of at most ${countsPerRequest} posts`, async () => {
    const posts = Array.from({ length: countsPerRequest * 2 + 5 }, (_, i) => `/posts/${i}`);
    const backend = countingBackend(Object.fromEntries(posts.map((post, i) => [post, i])));
    const tick = manualSchedule();
    const count = commentCounter(backend, tick.schedule);
    const answers = Promise.all(posts.map((post) => count(post)));
    tick.run();
    assert.deepEqual((await answers).map((answer) => answer.value), posts.map((_, i) => i));
    assert.deepEqual(backend.requests.map((request) => request.length), [countsPerRequest, countsPerRequest, 5]);
  });

  it('asks for a post once, however many bylines show it and however often they re-render', async () => {
    const backend = countingBackend({ '/a': 7 });
    const tick = manualSchedule();
    const count = commentCounter(backend, tick.schedule);
    const first = [count('/a'), count('/a')];
    tick.run();
    await Promise.all(first);
    assert.deepEqual(await count('/a'), { ok: true, value: 7 });
    tick.run();
    assert.deepEqual(backend.requests, [['/a']]);
  });

  it("gives every post of a failed request the server's failure, and asks again next time", async () => {
    let down = true;
    const backend = countingBackend({ '/a': 2 }, (posts) => (down ? { ok: false, error: { kind: 'network', message: 'refused' } } : { ok: true, value: posts.map(() => 2) }));
    const tick = manualSchedule();
    const count = commentCounter(backend, tick.schedule);
    const failedAnswers = Promise.all([count('/a'), count('/b')]);
    tick.run();
    for (const answer of await failedAnswers) assert.deepEqual(answer, { ok: false, error: { kind: 'network', message: 'refused' } });
    down = false;
    const again = count('/a');
    tick.run();
    assert.deepEqual(await again, { ok: true, value: 2 });
    assert.equal(backend.requests.length, 2);
  });

  it('reports a count that is not a whole number as invalid, naming the post, and a backend that throws as a network failure', async () => {
    const backend = countingBackend({}, (posts) => ({ ok: true, value: posts.map((post) => (post === '/odd' ? 1.5 : 4)).slice(0, 2) }));
    const tick = manualSchedule();
    const count = commentCounter(backend, tick.schedule);
    const answers = Promise.all([count('/fine'), count('/odd'), count('/missing')]);
    tick.run();
    const [fine, odd, missing] = await answers;
    assert.deepEqual(fine, { ok: true, value: 4 });
    assert.equal(odd.error.kind, 'invalid');
    assert.match(odd.error.message, /\/odd.*1\.5/);
    assert.match(missing.error.message, /\/missing.*undefined/);

    const throwing = commentCounter({ count: async () => { throw new Error('boom'); } }, (flush) => flush());
    const thrown = await throwing('/a');
    assert.equal(thrown.error.kind, 'network');
    assert.match(thrown.error.message, /boom/);
  });
});

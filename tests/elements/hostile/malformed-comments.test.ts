/**
 * Comment data that is not what `comment-list` expects, from the `comments`
 * property and from a `src` URL: each problem is reported in `el.errors`
 * naming the record, the valid comments render, and no exception escapes.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/comment-list.js';
import type { CommentListElement } from '../../../src/comment-list.js';
import { threadComments } from '../../../src/core/comments.js';
import { clearMathCache } from '../../../src/core/render-math.js';
import { countCalls, expectBoundedKatex, HANG_TIMEOUT_MS, LINEAR_GROWTH_4X, recordKatex, squash, uncaught } from './harness.js';

const valid = (id: string, day = 1) => ({ id, author: `Reader ${id}`, date: `2024-03-${String(day).padStart(2, '0')}`, body: `Valid comment ${id}: $\\gamma_{${id}}$.` });

const articles = (el: CommentListElement) => [...el.shadowRoot!.querySelectorAll('[part="comment"]')];
const messages = (el: CommentListElement) => el.errors.map((error) => error.message);

async function listOf(comments: unknown): Promise<CommentListElement> {
  // Every record on show at once (not a window of 50), so each one's rendering is checked.
  return fixture<CommentListElement>(html`<comment-list lang="en" .window=${Math.max(50, Array.isArray(comments) ? comments.length : 0)} .comments=${comments as unknown[]}></comment-list>`);
}

/** A `src` for JSON text, served by the browser itself. */
function jsonUrl(text: string): string {
  return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
}

function expectShown(el: CommentListElement, ids: string[]): void {
  expect(articles(el).map((article) => article.id)).to.have.members(ids.map((id) => `comment-${id}`));
  for (const id of ids) {
    const body = el.shadowRoot!.querySelector(`#comment-${id} [part="body"]`);
    expect(squash(body?.textContent)).to.contain(`Valid comment ${id}:`);
    expect(body!.querySelector('.katex')).to.exist;
  }
}

/** Each of these record positions (1-based) is named by an error. */
function expectNamed(el: CommentListElement, positions: number[]): void {
  for (const position of positions) {
    expect(messages(el).some((message) => new RegExp(`\\bcomment ${position}\\b`).test(message)), `no error names comment ${position}: ${JSON.stringify(messages(el))}`).to.be.true;
  }
}

describe('malformed comment data', () => {
  let uncaughtBefore = 0;
  beforeEach(() => (uncaughtBefore = uncaught.length));
  // Checked in each test rather than in a hook, so one failure does not stop the rest.
  const expectNothingEscaped = () => expect(uncaught.slice(uncaughtBefore), 'errors that escaped to the window').to.deep.equal([]);

  describe('not a list', () => {
    const notLists: [string, unknown, RegExp][] = [
      ['an object', { comments: [valid('a')] }, /not a list \(got object\)/],
      ['a string', 'just some text', /not valid JSON/],
      ['null', null, /not a list \(got null\)/],
      ['a number', 42, /not a list \(got number\)/],
      ['true', true, /not a list \(got boolean\)/],
    ];
    for (const [what, data, message] of notLists) {
      it(`comments = ${what}: reported, shown as an error`, async () => {
        const el = await listOf(data);
        expect(messages(el)).to.have.length(1);
        expect(messages(el)[0]).to.match(message);
        expect(el.shadowRoot!.querySelector('[part="error"]')?.textContent).to.match(message);
        expect(articles(el)).to.be.empty;
        expectNothingEscaped();
      });
    }

    const notListJson: [string, string, RegExp][] = [
      ['null', 'null', /not a list \(got null\)/],
      ['an object', '{"comments": []}', /not a list \(got object\)/],
      ['a string', '"text"', /not a list \(got string\)/],
      ['a number', '42', /not a list \(got number\)/],
      ['broken JSON', '[{"id": "a",', /not valid JSON/],
      ['an empty file', '', /not valid JSON/],
    ];
    for (const [what, text, message] of notListJson) {
      it(`src with ${what}: reported, shown as an error`, async () => {
        const url = jsonUrl(text);
        try {
          const el = await fixture<CommentListElement>(html`<comment-list lang="en" src=${url}></comment-list>`);
          await waitUntil(() => el.shadowRoot!.querySelector('[part="error"], [part="empty"], [part="list"]'), 'never left the loading state');
          expect(messages(el)).to.have.length(1);
          expect(messages(el)[0]).to.match(message);
          expect(el.shadowRoot!.querySelector('[part="error"]')?.textContent).to.match(message);
          expectNothingEscaped();
        } finally {
          URL.revokeObjectURL(url);
        }
      });
    }
  });

  describe('bad records among good ones', () => {
    it('records missing fields are each reported by position, the valid ones render', async () => {
      const el = await listOf([
        valid('a', 1),
        { id: 'no-author', date: '2024-03-02', body: 'x' },
        { author: 'No Id', date: '2024-03-03', body: 'x' },
        { id: 'no-date', author: 'No Date', body: 'x' },
        { id: 'no-body', author: 'No Body', date: '2024-03-05' },
        {},
        { id: 'blank-author', author: '   ', date: '2024-03-07', body: 'x' },
        valid('b', 8),
      ]);
      expectShown(el, ['a', 'b']);
      expectNamed(el, [2, 3, 4, 5, 6, 7]);
      expect(messages(el)).to.have.length(6);
      expect(messages(el).find((m) => /comment 2\b/.test(m))).to.contain('author');
      expect(messages(el).find((m) => /comment 3\b/.test(m))).to.contain('id');
      expect(messages(el).find((m) => /comment 4\b/.test(m))).to.contain('date');
      expect(messages(el).find((m) => /comment 5\b/.test(m))).to.contain('body');
      expectNothingEscaped();
    });

    it('records with fields of the wrong type are each reported by position, the valid ones render', async () => {
      const el = await listOf([
        valid('a', 1),
        { id: 'number-body', author: 'N', date: '2024-03-02', body: 42 },
        { id: 'array-author', author: ['Eve', 'Mallory'], date: '2024-03-03', body: 'x' },
        { id: { toString: () => 'object-id' }, author: 'O', date: '2024-03-04', body: 'x' },
        { id: 'number-date', author: 'D', date: 1_709_500_000_000, body: 'x' },
        { id: 'object-body', author: 'B', date: '2024-03-06', body: { text: 'x' } },
        { id: 'bad-date', author: 'D', date: 'yesterday', body: 'x' },
        'a string',
        17,
        null,
        [valid('nested', 9)],
        valid('b', 12),
      ]);
      expectShown(el, ['a', 'b']);
      expectNamed(el, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(messages(el)).to.have.length(10);
      expect(messages(el).find((m) => /comment 2\b/.test(m))).to.contain('body');
      expect(messages(el).find((m) => /comment 3\b/.test(m))).to.contain('author');
      expectNothingEscaped();
    });

    it('a parent that is not an id (an object) is reported, and the comment still renders', async () => {
      const el = await listOf([valid('a', 1), { ...valid('b', 2), parent: { id: 'a' } }]);
      expectShown(el, ['a', 'b']);
      expectNamed(el, [2]);
      expectNothingEscaped();
    });

    it('a parent that does not exist is reported, and the reply becomes a thread of its own', async () => {
      const el = await listOf([valid('a', 1), { ...valid('b', 2), parent: 'ghost' }]);
      expectShown(el, ['a', 'b']);
      expect(messages(el).some((m) => m.includes('"b"') && m.includes('ghost'))).to.be.true;
      expect(el.shadowRoot!.querySelector('#comment-b')!.closest('[part="replies"]')).to.not.exist;
      expectNothingEscaped();
    });

    it('parent cycles (a pair, a comment answering itself, a ring of three) are reported and broken, every comment renders', async () => {
      const el = await listOf([
        valid('root', 1),
        { ...valid('p', 2), parent: 'q' },
        { ...valid('q', 3), parent: 'p' },
        { ...valid('self', 4), parent: 'self' },
        { ...valid('r1', 5), parent: 'r3' },
        { ...valid('r2', 6), parent: 'r1' },
        { ...valid('r3', 7), parent: 'r2' },
      ]);
      expectShown(el, ['root', 'p', 'q', 'self', 'r1', 'r2', 'r3']);
      const loops = messages(el).filter((m) => /loop/.test(m));
      expect(loops, JSON.stringify(messages(el))).to.have.length(3);
      for (const id of ['p', 'self', 'r1']) expect(loops.some((m) => m.includes(`"${id}"`)), `the cycle through ${id} is not reported`).to.be.true;
      expectNothingEscaped();
    });

    it('a duplicate id is reported by position; the first comment with it renders, the second does not', async () => {
      const el = await listOf([valid('a', 1), valid('b', 2), { ...valid('a', 3), body: 'The impostor.' }]);
      expectShown(el, ['a', 'b']);
      expectNamed(el, [3]);
      expect(messages(el).find((m) => /comment 3\b/.test(m))).to.contain('duplicate');
      expect(squash(el.shadowRoot!.textContent)).to.not.contain('The impostor.');
      expectNothingEscaped();
    });
  });

  describe('sheer size', () => {
    /**
     * Renders `comments` and counts the work: how many times comment-list
     * updated, and the formulas KaTeX rendered (from an empty cache). Notes
     * what threw rather than failing, so each test reports its own part.
     */
    async function renderCounted(comments: unknown[]) {
      const result: { el?: CommentListElement; thrown?: unknown; updates: number; formulas: string[] } = { updates: 0, formulas: [] };
      const proto = customElements.get('comment-list')!.prototype as { update(changed: unknown): void };
      const ownUpdate = Object.getOwnPropertyDescriptor(proto, 'update');
      const update = proto.update;
      proto.update = function counted(this: unknown, changed: unknown) {
        result.updates++;
        update.call(this, changed);
      };
      clearMathCache();
      const katexRun = recordKatex();
      try {
        result.el = await listOf(comments);
      } catch (error) {
        result.thrown = error;
      } finally {
        result.formulas = katexRun.stop();
        if (ownUpdate) Object.defineProperty(proto, 'update', ownUpdate);
        else delete (proto as { update?: unknown }).update;
      }
      return result;
    }

    /**
     * Rendering thousands of comments is one update of the list (a second,
     * at most, for what the first reported), whatever their number: no update
     * per comment, no update that triggers the next.
     */
    const MAX_UPDATES = 2;

    describe('a flat list of 10 000 comments, one in a thousand broken', () => {
      let rendered: Awaited<ReturnType<typeof renderCounted>>;
      before(async function () {
        // A hang guard only; see HANG_TIMEOUT_MS.
        this.timeout(HANG_TIMEOUT_MS);
        uncaughtBefore = uncaught.length;
        // Mostly text, a formula in one comment of a hundred: 10 000 formulas take a quarter of a minute to lay out.
        const comments = Array.from({ length: 10_000 }, (_, i) => {
          const record = { id: `c${i}`, author: `Reader ${i}`, date: `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, body: i % 100 === 0 ? `Comment ${i}, about $x^2$.` : `Comment ${i}.` };
          return (i + 1) % 1000 === 0 ? { ...record, author: undefined } : record;
        });
        rendered = await renderCounted(comments);
      });

      it('each broken record is reported by position, the rest render, nothing escapes', () => {
        expect(String(rendered.thrown ?? ''), 'rendering threw').to.equal('');
        const el = rendered.el!;
        expect(articles(el)).to.have.length(9990);
        expect(messages(el)).to.have.length(10);
        expectNamed(el, [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
        expect(el.shadowRoot!.querySelectorAll('[part="body"] .katex')).to.have.length(100);
        expectNothingEscaped();
      });

      it('renders in at most two updates of the list, typesetting their one formula once', () => {
        expect(rendered.updates, 'updates of comment-list').to.be.within(1, MAX_UPDATES);
        // A hundred comments hold `$x^2$`: the formula cache makes that one KaTeX call.
        expect(rendered.formulas).to.deep.equal(['x^2']);
        expectBoundedKatex(rendered.formulas, 'the list');
      });
    });

    describe('a chain of 10 000 replies, each answering the one before', () => {
      const comments = Array.from({ length: 10_000 }, (_, i) => ({
        id: `c${i}`,
        parent: i === 0 ? undefined : `c${i - 1}`,
        author: `Reader ${i}`,
        date: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString().replace('.000Z', 'Z'),
        body: `Reply ${i}.`,
      }));
      let rendered: Awaited<ReturnType<typeof renderCounted>>;
      before(async function () {
        // A hang guard only; see HANG_TIMEOUT_MS.
        this.timeout(HANG_TIMEOUT_MS);
        uncaughtBefore = uncaught.length;
        rendered = await renderCounted(comments);
      });

      it('is read without walking the chain once per comment (threadComments looks ids up linearly)', () => {
        const { threads, errors } = threadComments(comments);
        expect(threads).to.have.length(1);
        expect(errors).to.deep.equal([]);
        // Every lookup of an id goes through a Map or a Set: a walk to the root
        // from each reply makes their number grow 16-fold for a 4 times longer chain.
        const lookups = (chain: unknown[]) => countCalls([[Map.prototype, 'get'], [Map.prototype, 'has'], [Set.prototype, 'has']], () => threadComments(chain));
        const [quarter, all] = [lookups(comments.slice(0, 2500)), lookups(comments)];
        expect(all, `${quarter} lookups for 2 500 replies, ${all} for 10 000`).to.be.at.most(LINEAR_GROWTH_4X * quarter);
      });

      it('renders every reply without an error, nothing escapes', () => {
        expect(String(rendered.thrown ?? ''), 'rendering threw').to.equal('');
        expect(articles(rendered.el!)).to.have.length(10_000);
        expect(messages(rendered.el!)).to.deep.equal([]);
        expectNothingEscaped();
      });

      it('renders in at most two updates of the list, with no formula to typeset', () => {
        expect(rendered.updates, 'updates of comment-list').to.be.within(1, MAX_UPDATES);
        expect(rendered.formulas).to.deep.equal([]);
      });
    });
  });
});

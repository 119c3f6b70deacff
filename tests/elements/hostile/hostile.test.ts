/**
 * Every XSS payload of ./payloads.ts through every place a visitor's text is
 * rendered: `comment-list` (a comment among valid ones, and the recent-comments
 * sidebar), `post-body untrusted`, and `comment-form`'s live preview. Each
 * test looks at the rendered DOM, shadow roots included: no flag set, nothing
 * that runs or loads, and the valid content around still there.
 *
 * To stay fast, each surface renders all payloads at once (one comment list
 * with every payload as a reply, one post-body or form per payload), waits
 * once for handlers to fire, and then each test checks its own payload. A
 * payload that runs is named by the flag it writes.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/comment-form.js';
import type { CommentFormElement } from '../../../src/comment-form.js';
import '../../../src/comment-list.js';
import type { CommentListElement } from '../../../src/comment-list.js';
import { renderComment } from '../../../src/core/comment-render.js';
import '../../../src/post-body.js';
import type { PostBodyElement } from '../../../src/post-body.js';
import { findInjections } from './find-injections.js';
import { expectNoInjection, flagsSet, SETTLE_MS, sleep, squash, uncaught, watchFlag } from './harness.js';
import { type XssPayload, payloads } from './payloads.js';

const dayOf = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);

/** The valid comment before payload `i` (and, for `i === payloads.length`, after the last one). */
const validComment = (i: number) => ({
  id: `v${i}`,
  author: `Reader ${i}`,
  date: dayOf(2 * i),
  body: `Valid comment ${i}: $\\alpha_{${i}}^2 \\le 1$, see [the source](https://example.org/${i}).`,
  post: { title: `Post ${i}`, url: `/posts/${i}/` },
});

/** Payload `i` as a reply to valid comment `i`. */
const hostileComment = (payload: XssPayload, i: number) => ({
  id: `h${i}`,
  parent: `v${i}`,
  author: `Mallory ${i}`,
  date: dayOf(2 * i + 1),
  body: payload.body,
  post: { title: `Post ${i}`, url: `/posts/${i}/` },
});

const allComments = [...payloads.flatMap((payload, i) => [validComment(i), hostileComment(payload, i)]), validComment(payloads.length)];

/** A container in the page for one surface; removed after it. */
function surfaceHost(): HTMLDivElement {
  const host = document.createElement('div');
  host.lang = 'en';
  document.body.append(host);
  return host;
}

/** What ran: the flags this payload wrote (anything else is another payload's). */
const flagsOf = (payload: XssPayload) => flagsSet.filter((flag) => flag === payload.flag);

/** Links to other sites in a comment carry `rel="nofollow ugc noopener"`. */
function expectUgcLinks(body: Element): void {
  for (const a of body.querySelectorAll('a[href^="http"]')) {
    expect((a.getAttribute('rel') ?? '').split(/\s+/), a.outerHTML).to.include.members(['nofollow', 'ugc', 'noopener']);
  }
}

/** The valid comment `i` is shown whole: its text, its formula, its link. */
function expectValidComment(root: ShadowRoot, i: number): void {
  const body = root.querySelector(`#comment-v${i} [part="body"]`);
  expect(body, `valid comment v${i} is missing`).to.exist;
  expect(squash(body!.textContent)).to.contain(`Valid comment ${i}:`);
  expect(body!.querySelector('.katex annotation')?.textContent).to.equal(`\\alpha_{${i}}^2 \\le 1`);
  expect(body!.querySelector('a')?.getAttribute('href')).to.equal(`https://example.org/${i}`);
}

function expectNoUncaughtErrors(): void {
  expect(uncaught, 'errors that escaped to the window').to.deep.equal([]);
}

describe('hostile input', () => {
  describe('comment-list', () => {
    let host: HTMLDivElement;
    let el: CommentListElement;
    let root: ShadowRoot;

    before(async () => {
      watchFlag();
      host = surfaceHost();
      el = document.createElement('comment-list');
      el.maxDepth = 2;
      // Every comment on show at once (not a window of 50), so each payload's rendering is checked.
      el.window = allComments.length;
      el.comments = allComments;
      host.append(el);
      await el.updateComplete;
      root = el.shadowRoot!;
      await sleep(SETTLE_MS);
    });
    after(() => host.remove());

    payloads.forEach((payload, i) => {
      it(`comment-list: ${payload.name} does not run`, () => {
        expect(flagsOf(payload), 'the payload ran').to.deep.equal([]);
        const article = root.getElementById(`comment-h${i}`);
        expect(article, 'the hostile comment is not shown').to.exist;
        const body = article!.querySelector('[part="body"]')!;
        expectNoInjection(body, { content: true }, 'the comment body');
        expectNoInjection(article!, {}, 'the comment');
        expect(squash(body.textContent), 'the comment shows nothing').to.not.equal('');
        expectUgcLinks(body);
        expectValidComment(root, i);
        expectValidComment(root, i + 1);
      });
    });

    it('comment-list: no payload set the flag, and nothing escaped', () => {
      expect(flagsSet).to.deep.equal([]);
      expect(window.__xss).to.equal(undefined);
      expectNoUncaughtErrors();
    });

    it('comment-list: nothing anywhere in the element or its light DOM was injected, and every comment is shown', () => {
      expectNoInjection(host, {}, 'the comment-list');
      expect(root.querySelectorAll('[part="comment"]')).to.have.length(allComments.length);
      expect(el.errors).to.deep.equal([]);
    });
  });

  describe('comment-list variant="recent"', () => {
    let host: HTMLDivElement;
    let root: ShadowRoot;

    before(async () => {
      watchFlag();
      host = surfaceHost();
      const el = document.createElement('comment-list');
      el.variant = 'recent';
      el.limit = allComments.length;
      el.comments = allComments;
      host.append(el);
      await el.updateComplete;
      root = el.shadowRoot!;
      await sleep(SETTLE_MS);
    });
    after(() => host.remove());

    /** The sidebar line of the comment by `author`. */
    const lineBy = (author: string) => [...root.querySelectorAll('[part="comment"]')].find((line) => line.querySelector('[part="author"]')?.textContent === author);

    payloads.forEach((payload, i) => {
      it(`comment-list recent: ${payload.name} does not run`, () => {
        expect(flagsOf(payload), 'the payload ran').to.deep.equal([]);
        const line = lineBy(`Mallory ${i}`);
        expect(line, 'the hostile comment has no line').to.exist;
        expectNoInjection(line!.querySelector('[part="excerpt"]')!, { content: true }, 'the excerpt');
        expectNoInjection(line!, {}, 'the line');
        for (const neighbour of [i, i + 1]) {
          const valid = lineBy(`Reader ${neighbour}`);
          expect(squash(valid?.querySelector('[part="excerpt"]')?.textContent), `valid comment v${neighbour}`).to.contain(`Valid comment ${neighbour}:`);
          expect(valid!.querySelector('[part="excerpt"] .katex')).to.exist;
        }
      });
    });

    it('comment-list recent: no payload set the flag, and nothing escaped', () => {
      expect(flagsSet).to.deep.equal([]);
      expectNoInjection(host, {}, 'the recent comments');
      expectNoUncaughtErrors();
    });
  });

  describe('post-body untrusted', () => {
    let host: HTMLDivElement;
    let posts: PostBodyElement[];
    const intro = (i: number) => `Article ${i} starts here, with $E = mc^2$.`;

    before(async () => {
      watchFlag();
      host = surfaceHost();
      posts = payloads.map((payload, i) => {
        const post = document.createElement('post-body');
        post.untrusted = true;
        post.markdown = `${intro(i)}\n\n${payload.body}`;
        host.append(post);
        return post;
      });
      await Promise.all(posts.map((post) => post.updateComplete));
      await sleep(SETTLE_MS);
    });
    after(() => host.remove());

    payloads.forEach((payload, i) => {
      it(`post-body untrusted: ${payload.name} does not run`, () => {
        expect(flagsOf(payload), 'the payload ran').to.deep.equal([]);
        const post = posts[i];
        expect(post.hasAttribute('untrusted')).to.be.true;
        const content = post.shadowRoot!.querySelector('[part="content"]');
        expect(content, 'nothing was rendered').to.exist;
        // The copy buttons of code blocks are the element's own, added beside what the visitor wrote.
        const copyButtons = [...content!.querySelectorAll('button.sb-code-copy')];
        expectNoInjection(content!, { content: true, images: true, own: copyButtons }, 'the article');
        expectNoInjection(post, {}, 'the post-body');
        const first = content!.querySelector('p');
        expect(squash(first?.textContent)).to.contain(`Article ${i} starts here, with`);
        expect(first!.querySelector('.katex annotation')?.textContent).to.equal('E = mc^2');
        expect(squash(content!.textContent).length, 'the payload shows nothing').to.be.above(squash(first!.textContent).length);
      });
    });

    it('post-body untrusted: no payload set the flag, and nothing escaped', () => {
      expect(flagsSet).to.deep.equal([]);
      expectNoInjection(host, {}, 'the articles');
      expectNoUncaughtErrors();
    });
  });

  describe("comment-form's live preview", () => {
    let host: HTMLDivElement;
    let forms: CommentFormElement[];
    const draftKey = (i: number) => `hostile-suite-draft-${i}`;
    const preview = (form: CommentFormElement) => form.shadowRoot!.querySelector('[part="preview-content"]')!;
    const body = (form: CommentFormElement) => form.shadowRoot!.getElementById('body') as HTMLTextAreaElement;
    /** The preview's text for a body, from the function the form documents it uses. */
    const expectedPreview = payloads.map((payload) => {
      const template = document.createElement('template');
      template.innerHTML = renderComment(payload.body).html;
      return squash(template.content.textContent);
    });
    const showsPayload = (i: number) => squash(preview(forms[i]).textContent) === expectedPreview[i];

    before(async () => {
      watchFlag();
      for (let i = 0; i < payloads.length; i++) localStorage.removeItem(draftKey(i));
      host = surfaceHost();
      forms = payloads.map((_, i) => {
        const form = document.createElement('comment-form');
        form.draftKey = draftKey(i);
        host.append(form);
        return form;
      });
      await Promise.all(forms.map((form) => form.updateComplete));
      // Typed as a visitor types: the textarea's value changes, then `input` fires.
      payloads.forEach((payload, i) => {
        const textarea = body(forms[i]);
        textarea.value = payload.body;
        textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      });
      // The preview is debounced (about 200 ms); each test checks that its own preview did update.
      await waitUntil(() => forms.every((_, i) => showsPayload(i)), '', { timeout: 3000, interval: 25 }).catch(() => undefined);
      await sleep(SETTLE_MS);
    });
    after(() => {
      host.remove();
      for (let i = 0; i < payloads.length; i++) localStorage.removeItem(draftKey(i));
    });

    payloads.forEach((payload, i) => {
      it(`comment-form preview: ${payload.name} does not run`, () => {
        expect(flagsOf(payload), 'the payload ran').to.deep.equal([]);
        const form = forms[i];
        expect(squash(preview(form).textContent), 'the preview does not show the typed comment').to.equal(expectedPreview[i]);
        expect(expectedPreview[i], 'the preview shows nothing').to.not.equal('');
        expectNoInjection(preview(form), { content: true }, 'the preview');
        // The form's own <form> is not the payload's.
        expectNoInjection(form, { own: [form.shadowRoot!.querySelector('[part="form"]')!] }, 'the comment-form');
        expect(body(form).value, 'what was typed is kept').to.equal(payload.body);
        expectUgcLinks(preview(form));
      });
    });

    it('comment-form preview: no payload set the flag, and nothing escaped', () => {
      expect(flagsSet).to.deep.equal([]);
      expectNoUncaughtErrors();
    });

    it('comment-form preview: a valid comment typed after a hostile one still previews', async () => {
      const form = forms[0];
      const textarea = body(form);
      textarea.value = 'Afterwards: $\\int_0^1 x\\,dx = \\frac12$.';
      textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await waitUntil(() => preview(form).querySelector('.katex annotation'), 'the preview never showed the formula', { timeout: 3000 });
      expect(squash(preview(form).textContent)).to.contain('Afterwards:');
      expect(findInjections(preview(form), { content: true })).to.deep.equal([]);
    });
  });

  describe('the other fields of a comment record', () => {
    const mallory = {
      id: `"><img src=x onerror="window.__xss='record-id'">`,
      author: `<img src=x onerror="window.__xss='record-author'">`,
      url: ` JaVaScRiPt:window.__xss='record-url'`,
      date: '2024-05-01',
      body: 'Harmless body.',
      post: { title: `<svg onload="window.__xss='record-post-title'">`, url: '/posts/1/' },
    };

    async function listOf(comments: unknown[], variant: 'thread' | 'recent' = 'thread'): Promise<{ host: HTMLDivElement; el: CommentListElement }> {
      const host = surfaceHost();
      const el = document.createElement('comment-list');
      el.variant = variant;
      el.comments = comments;
      host.append(el);
      await el.updateComplete;
      await sleep(SETTLE_MS);
      return { host, el };
    }

    it('comment-list: an id, author, website and post title carrying payloads are shown as text', async () => {
      watchFlag();
      for (const variant of ['thread', 'recent'] as const) {
        const { host, el } = await listOf([validComment(0), mallory], variant);
        try {
          expect(flagsSet).to.deep.equal([]);
          expectNoInjection(host, {}, `the ${variant} comment-list`);
          const authors = [...el.shadowRoot!.querySelectorAll('[part="author"]')];
          expect(authors.map((a) => a.textContent)).to.include(mallory.author);
          const author = authors.find((a) => a.textContent === mallory.author)!;
          expect(author.localName, 'a javascript: website became a link').to.equal('span');
          if (variant === 'recent') expect(squash(el.shadowRoot!.textContent)).to.contain(mallory.post.title);
        } finally {
          host.remove();
        }
      }
    });

    it('comment-list recent: a post link to javascript: is not a link', async () => {
      watchFlag();
      const record = { ...validComment(1), post: { title: 'Post', url: `javascript:window.__xss='record-post-url'` } };
      const { host, el } = await listOf([record], 'recent');
      try {
        expect(flagsSet).to.deep.equal([]);
        expect(squash(el.shadowRoot!.textContent), 'the comment is not shown').to.contain('Valid comment 1:');
        expectNoInjection(host, {}, 'the recent comments');
      } finally {
        host.remove();
      }
    });
  });
});

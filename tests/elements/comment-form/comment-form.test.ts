import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/comment-form.js';
import type { CommentFormElement, CommentPostedEvent, CommentReplyCancelEvent, CommentSubmitEvent } from '../../../src/comment-form.js';
import type { Comment } from '../../../src/core/comments.js';

const draftKey = 'comment-form-test-draft';
type Field = 'name' | 'email' | 'url' | 'body';

const part = (el: CommentFormElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const control = (el: CommentFormElement, field: Field) => el.shadowRoot!.getElementById(field) as HTMLInputElement | HTMLTextAreaElement;
const errorOf = (el: CommentFormElement, field: Field) => el.shadowRoot!.getElementById(control(el, field).getAttribute('aria-describedby')!.split(' ')[0])!.textContent!.trim();
const preview = (el: CommentFormElement) => part(el, 'preview-content')!;
const submitButton = (el: CommentFormElement) => part(el, 'submit-button') as HTMLButtonElement;

/** Types as a visitor does: the control's value changes, then `input` fires. */
async function type(el: CommentFormElement, field: Field, text: string): Promise<void> {
  const input = control(el, field);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function blur(el: CommentFormElement, field: Field): Promise<void> {
  control(el, field).dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

async function fillIn(el: CommentFormElement, fields: Partial<Record<Field, string>> = {}): Promise<void> {
  const all = { name: '林知远', email: 'lin@example.org', url: '', body: 'Since $x^2 \\ge 0$, done.', ...fields };
  for (const field of ['name', 'email', 'url', 'body'] as const) await type(el, field, all[field]);
}

async function commentForm(lang = 'en', attributes = ''): Promise<CommentFormElement> {
  const host = await fixture<HTMLDivElement>(`<div lang="${lang}"><comment-form draft-key="${draftKey}" ${attributes}></comment-form></div>`);
  const el = host.querySelector('comment-form')!;
  await el.updateComplete;
  return el;
}

const storedDraft = () => JSON.parse(localStorage.getItem(draftKey) ?? 'null');

const comment: Comment = { id: 'c42', author: '苏剑林', date: '2024-09-06T10:00:00+08:00', body: '$e^{i\\pi}+1=0$' };

/**
 * After the preview's debounce (200 ms) has run: a timer set later fires
 * later. `updateComplete` then also waits for the renderers to load.
 */
async function previewed(el: CommentFormElement): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 250));
  await el.updateComplete;
}

describe('comment-form', () => {
  const realFetch = window.fetch;
  let requests: { url: string; init: RequestInit }[] = [];
  /** Replaces `fetch` with one that records each request and answers with `answer()`. */
  const stubFetch = (answer: () => Promise<Response>) => {
    window.fetch = ((url: string, init: RequestInit) => {
      requests.push({ url: String(url), init });
      return answer();
    }) as typeof fetch;
  };
  const sentBodies = () => requests.map((request) => JSON.parse(String(request.init.body)));

  beforeEach(() => localStorage.removeItem(draftKey));
  afterEach(() => {
    window.fetch = realFetch;
    requests = [];
    localStorage.removeItem(draftKey);
  });

  describe('validation', () => {
    const cases = [
      {
        lang: 'en',
        labels: ['Name', 'Email', 'Website (optional)', 'Comment'],
        empty: { name: 'Please enter your name.', email: 'Please enter your email address.', url: '', body: 'Please write a comment.' },
        email: 'This does not look like an email address (name@example.org).',
        url: 'A website must start with http:// or https://.',
      },
      {
        lang: 'zh-CN',
        labels: ['名字', '邮箱', '网站（可选）', '评论'],
        empty: { name: '请填写名字。', email: '请填写邮箱。', url: '', body: '请填写评论内容。' },
        email: '邮箱格式不正确（例如 name@example.org）。',
        url: '网站须以 http:// 或 https:// 开头。',
      },
    ];
    for (const { lang, labels, empty, email, url } of cases) {
      it(`labels every field and shows a message next to each empty required field on submit (${lang})`, async () => {
        const el = await commentForm(lang);
        const shownLabels = [...el.shadowRoot!.querySelectorAll('label')].map((label) => [label.textContent!.trim(), label.control?.id]);
        expect(shownLabels).to.deep.equal(labels.map((text, i) => [text, ['name', 'email', 'url', 'body'][i]]));
        submitButton(el).click();
        await el.updateComplete;
        for (const field of ['name', 'email', 'url', 'body'] as const) {
          expect(errorOf(el, field), field).to.equal(empty[field]);
          expect(control(el, field).getAttribute('aria-invalid'), field).to.equal(empty[field] ? 'true' : 'false');
        }
        expect(el.shadowRoot!.activeElement).to.equal(control(el, 'name'));
      });

      it(`says what is wrong with an email address or a website once the field is left (${lang})`, async () => {
        const el = await commentForm(lang);
        await type(el, 'email', 'lin@example');
        expect(errorOf(el, 'email')).to.equal('');
        await blur(el, 'email');
        expect(errorOf(el, 'email')).to.equal(email);
        expect(errorOf(el, 'name'), 'a field not visited yet').to.equal('');
        await type(el, 'url', 'javascript:alert(1)');
        await blur(el, 'url');
        expect(errorOf(el, 'url')).to.equal(url);
        await type(el, 'url', 'https://kexue.fm');
        expect(errorOf(el, 'url')).to.equal('');
        expect(control(el, 'url').getAttribute('aria-invalid')).to.equal('false');
      });
    }

    it('focuses the first invalid field on submit and sends nothing', async () => {
      const el = await commentForm();
      let submitted = 0;
      el.addEventListener('comment-submit', () => submitted++);
      await fillIn(el, { email: 'not an address' });
      submitButton(el).click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'email'));
      expect(submitted).to.equal(0);
    });

    it('counts characters near the limit and refuses a comment over it', async () => {
      const el = await commentForm('en', 'max-length="100"');
      await fillIn(el, { body: 'x'.repeat(50) });
      expect(part(el, 'counter')!.textContent!.trim()).to.equal('');
      await type(el, 'body', 'x'.repeat(95));
      expect(part(el, 'counter')!.textContent!.trim()).to.equal('95 / 100');
      await type(el, 'body', 'x'.repeat(130));
      await waitUntil(() => preview(el).textContent!.includes('Too long to preview'));
      expect(preview(el).textContent!.trim()).to.equal('Too long to preview: 130 characters, the limit is 100.');
      submitButton(el).click();
      await el.updateComplete;
      expect(errorOf(el, 'body')).to.equal('Your comment is 30 characters over the limit of 100.');
    });
  });

  describe('preview', () => {
    it('renders markdown and math as KaTeX a moment after typing', async () => {
      const el = await commentForm();
      await type(el, 'body', '**Note** that $\\frac{a}{b}$ is a ratio.');
      expect(preview(el).textContent!.trim(), 'debounced, not on every keystroke').to.match(/^Your comment will appear here/);
      await previewed(el);
      expect(preview(el).querySelector('strong')!.textContent).to.equal('Note');
      expect(preview(el).querySelector('.katex .mfrac')).to.exist;
      // KaTeX's CSS is adopted in the shadow root, so the formula is laid out in KaTeX's fonts.
      expect(getComputedStyle(preview(el).querySelector('.katex')!).fontFamily).to.contain('KaTeX_Main');
    });

    it('shows a broken formula as its source and the error, and the rest of the comment', async () => {
      const el = await commentForm();
      await type(el, 'body', 'Before $\\frac{a$ after');
      await previewed(el);
      expect(preview(el).querySelector('.sb-math-error')).to.exist;
      expect(preview(el).textContent).to.contain('\\frac{a').and.to.contain('Before').and.to.contain('after');
    });

    it('shows raw HTML and scripts as text and runs none of them', async () => {
      const flags = window as unknown as Record<string, unknown>;
      delete flags.commentFormPwned;
      const el = await commentForm();
      const payload = '<img src=x onerror="window.commentFormPwned=1"><script>window.commentFormPwned=2</script><a href="javascript:window.commentFormPwned=3">x</a>';
      await type(el, 'body', payload);
      await previewed(el);
      expect(preview(el).querySelector('.source'), 'rendered, not shown as typed').to.equal(null);
      expect(preview(el).querySelectorAll('img, script, [onerror]').length).to.equal(0);
      expect([...preview(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([]);
      expect(preview(el).textContent).to.contain('<script>');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(flags.commentFormPwned).to.equal(undefined);
    });
  });

  describe('submitting', () => {
    it('fires comment-submit with the trimmed fields, and without a server keeps the text and says it has nowhere to send', async () => {
      const el = await commentForm();
      await fillIn(el, { name: '  林知远 ', url: 'https://example.org/lin' });
      await waitUntil(() => storedDraft()?.name === '  林知远 ', 'the draft is saved while typing');
      setTimeout(() => submitButton(el).click());
      const event = (await oneEvent(el, 'comment-submit')) as CommentSubmitEvent;
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      expect(event.submission).to.deep.equal({ name: '林知远', email: 'lin@example.org', url: 'https://example.org/lin', body: 'Since $x^2 \\ge 0$, done.', parent: undefined });
      await el.updateComplete;
      expect(control(el, 'body').value).to.equal('Since $x^2 \\ge 0$, done.');
      expect(storedDraft()?.body).to.equal('Since $x^2 \\ge 0$, done.');
      expect(part(el, 'status')!.textContent!.trim()).to.equal('This form has nowhere to send comments yet (the site gave it no server). Your text is kept.');
    });

    it('clears only once the promise the page gave respondWith resolves', async () => {
      const el = await commentForm();
      let accept!: (answer: unknown) => void;
      el.addEventListener('comment-submit', (event) => event.respondWith(new Promise((resolve) => (accept = resolve))));
      await fillIn(el);
      submitButton(el).click();
      await el.updateComplete;
      expect(submitButton(el).textContent!.trim()).to.equal('Sending…');
      expect(control(el, 'body').value, 'nothing is cleared while the page is still sending').to.equal('Since $x^2 \\ge 0$, done.');
      const posted = oneEvent(el, 'comment-posted') as Promise<CommentPostedEvent>;
      accept({ id: 'p1' });
      expect((await posted).response).to.deep.equal({ id: 'p1' });
      await el.updateComplete;
      expect(control(el, 'body').value).to.equal('');
      expect(localStorage.getItem(draftKey)).to.equal(null);
      expect(part(el, 'status')!.textContent!.trim()).to.equal('Thank you, your comment was sent.');
    });

    it('keeps the text and shows why when the promise given to respondWith rejects, and Retry asks the page to send again', async () => {
      const el = await commentForm();
      const answers = [Promise.reject(new Error('the moderation queue is full')), Promise.resolve({ id: 'p2' })];
      let calls = 0;
      el.addEventListener('comment-submit', (event) => event.respondWith(answers[calls++]));
      await fillIn(el);
      submitButton(el).click();
      await waitUntil(() => part(el, 'error'));
      expect(part(el, 'error')!.textContent).to.contain('(the moderation queue is full)');
      expect(control(el, 'body').value).to.equal('Since $x^2 \\ge 0$, done.');
      expect(storedDraft()?.body).to.equal('Since $x^2 \\ge 0$, done.');
      (part(el, 'retry-button') as HTMLButtonElement).click();
      await waitUntil(() => control(el, 'body').value === '');
      expect(calls).to.equal(2);
      expect(part(el, 'error')).to.equal(null);
    });

    it('sends nothing and keeps what was typed when the page cancels comment-submit', async () => {
      stubFetch(async () => new Response('{}', { status: 201 }));
      const el = await commentForm('en', 'action="/api/comments"');
      el.addEventListener('comment-submit', (event) => event.preventDefault());
      await fillIn(el);
      submitButton(el).click();
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(requests).to.have.length(0);
      expect(control(el, 'body').value).to.equal('Since $x^2 \\ge 0$, done.');
      expect(control(el, 'name').value).to.equal('林知远');
    });

    it('POSTs the comment as JSON to action, shows progress, then clears the form and the draft', async () => {
      let answer!: (response: Response) => void;
      stubFetch(() => new Promise((resolve) => (answer = resolve)));
      const el = await commentForm('en', 'action="/api/comments"');
      await fillIn(el);
      submitButton(el).click();
      await el.updateComplete;
      expect(requests).to.have.length(1);
      const [{ url, init }] = requests;
      expect(url).to.equal('/api/comments');
      expect(init.method).to.equal('POST');
      expect((init.headers as Record<string, string>)['Content-Type']).to.equal('application/json');
      expect(sentBodies()[0]).to.deep.equal({ name: '林知远', email: 'lin@example.org', body: 'Since $x^2 \\ge 0$, done.' });
      expect(submitButton(el).disabled).to.equal(true);
      expect(submitButton(el).textContent!.trim()).to.equal('Sending…');
      expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('true');

      const posted = oneEvent(el, 'comment-posted') as Promise<CommentPostedEvent>;
      answer(new Response(JSON.stringify({ id: 'c99', status: 'pending' }), { status: 201, headers: { 'Content-Type': 'application/json' } }));
      expect((await posted).response).to.deep.equal({ id: 'c99', status: 'pending' });
      await el.updateComplete;
      for (const field of ['name', 'email', 'url', 'body'] as const) expect(control(el, field).value, field).to.equal('');
      expect(localStorage.getItem(draftKey)).to.equal(null);
      expect(submitButton(el).disabled).to.equal(false);
      expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('false');
      expect(part(el, 'status')!.textContent!.trim()).to.equal('Thank you, your comment was sent.');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(localStorage.getItem(draftKey), 'no late save brings the draft back').to.equal(null);
    });

    const failures = [
      { what: 'the network fails', answer: () => Promise.reject(new TypeError('Failed to fetch')), shown: 'network error' },
      { what: 'the server answers 500', answer: async () => new Response('oops', { status: 500, statusText: 'Internal Server Error' }), shown: 'HTTP 500 Internal Server Error' },
    ];
    for (const { what, answer, shown } of failures) {
      it(`keeps every field and the draft and offers to retry when ${what}`, async () => {
        stubFetch(answer);
        const el = await commentForm('en', 'action="/api/comments"');
        await fillIn(el, { url: 'https://example.org' });
        submitButton(el).click();
        await waitUntil(() => part(el, 'error'));
        expect(part(el, 'error')!.textContent).to.contain(`(${shown})`);
        expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
        const typed = { name: '林知远', email: 'lin@example.org', url: 'https://example.org', body: 'Since $x^2 \\ge 0$, done.' };
        for (const field of ['name', 'email', 'url', 'body'] as const) expect(control(el, field).value, field).to.equal(typed[field]);
        expect(storedDraft()).to.deep.include(typed);
        expect(submitButton(el).disabled).to.equal(false);

        stubFetch(async () => new Response(null, { status: 204 }));
        (part(el, 'retry-button') as HTMLButtonElement).click();
        await waitUntil(() => control(el, 'body').value === '');
        expect(sentBodies()).to.have.length(2);
        expect(sentBodies()[1]).to.deep.equal(sentBodies()[0]);
        expect(part(el, 'error')).to.equal(null);
        expect(localStorage.getItem(draftKey)).to.equal(null);
      });
    }

    it('submits from the comment box with Ctrl+Enter or Cmd+Enter, not with Enter alone', async () => {
      const el = await commentForm();
      const submitted: CommentSubmitEvent[] = [];
      el.addEventListener('comment-submit', (event) => (event.preventDefault(), submitted.push(event)));
      await fillIn(el);
      const press = (init: KeyboardEventInit) => control(el, 'body').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true, ...init }));
      press({});
      await el.updateComplete;
      expect(submitted).to.have.length(0);
      press({ ctrlKey: true });
      press({ metaKey: true });
      await el.updateComplete;
      expect(submitted.map((event) => event.body)).to.deep.equal(['Since $x^2 \\ge 0$, done.', 'Since $x^2 \\ge 0$, done.']);
    });
  });

  describe('draft', () => {
    it('survives a reload: a new form with the same draft-key restores every field and says so', async () => {
      const el = await commentForm();
      await fillIn(el, { url: 'https://example.org', body: 'Draft with $\\frac{a}{b}$' });
      // Removed at once, before the save delay: nothing may be lost.
      el.parentElement!.remove();
      const again = await commentForm();
      expect(control(again, 'name').value).to.equal('林知远');
      expect(control(again, 'email').value).to.equal('lin@example.org');
      expect(control(again, 'url').value).to.equal('https://example.org');
      expect(control(again, 'body').value).to.equal('Draft with $\\frac{a}{b}$');
      expect(part(again, 'draft-notice')!.textContent!.trim()).to.equal('Your unsent draft was restored.');
      expect(preview(again).querySelector('.katex .mfrac')).to.exist;
    });

    it('comes back beside what the page fills in before the form connects', async () => {
      localStorage.setItem(draftKey, JSON.stringify({ name: 'old name', email: 'lin@example.org', url: '', body: 'unsent thought' }));
      const el = document.createElement('comment-form');
      el.draftKey = draftKey;
      el.value = { name: 'Signed-in Lin' };
      await new Promise((resolve) => setTimeout(resolve, 400));
      const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      host.append(el);
      await el.updateComplete;
      expect([control(el, 'name').value, control(el, 'email').value, control(el, 'body').value]).to.deep.equal(['Signed-in Lin', 'lin@example.org', 'unsent thought']);
    });

    it('is saved while typing, without waiting for the form to go away', async () => {
      const el = await commentForm();
      await type(el, 'body', 'half a thought');
      await waitUntil(() => storedDraft()?.body === 'half a thought');
      expect(el.isConnected).to.equal(true);
    });

    it('is kept under the page’s path when no draft-key is given', async () => {
      const key = `sciblog-comment-draft:${location.pathname}`;
      localStorage.removeItem(key);
      const el = await fixture<CommentFormElement>(html`<comment-form></comment-form>`);
      await type(el, 'name', 'Ada');
      el.remove();
      expect(JSON.parse(localStorage.getItem(key) ?? 'null')).to.deep.equal({ name: 'Ada', email: '', url: '', body: '' });
      localStorage.removeItem(key);
    });

    it('keeps what was typed when the page language changes', async () => {
      const el = await commentForm('en');
      await fillIn(el);
      el.parentElement!.setAttribute('lang', 'zh');
      await waitUntil(() => submitButton(el).textContent!.trim() === '提交评论');
      expect(control(el, 'name').value).to.equal('林知远');
      expect(control(el, 'body').value).to.equal('Since $x^2 \\ge 0$, done.');
    });

    it('still works when local storage refuses to read or write', async () => {
      const { getItem, setItem } = Storage.prototype;
      Storage.prototype.getItem = () => {
        throw new DOMException('disabled', 'SecurityError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const el = await commentForm();
        await fillIn(el);
        await new Promise((resolve) => setTimeout(resolve, 400));
        await previewed(el);
        setTimeout(() => submitButton(el).click());
        const event = (await oneEvent(el, 'comment-submit')) as CommentSubmitEvent;
        expect(event.name).to.equal('林知远');
      } finally {
        Object.assign(Storage.prototype, { getItem, setItem });
      }
    });
  });

  describe('reply mode', () => {
    it('shows whom the visitor answers, sends the parent, and a cancelled reply starts a new thread', async () => {
      stubFetch(async () => new Response('{}', { status: 201 }));
      const el = await commentForm('zh', 'action="/api/comments"');
      expect(part(el, 'reply')).to.equal(null);
      el.replyTo = comment;
      await el.updateComplete;
      expect(part(el, 'reply')!.textContent).to.contain('回复 苏剑林');
      await fillIn(el);
      submitButton(el).click();
      await waitUntil(() => requests.length === 1);
      expect(sentBodies()[0].parent).to.equal('c42');
      await waitUntil(() => part(el, 'reply') === null, 'a sent reply ends reply mode');

      el.reply(comment);
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.activeElement === control(el, 'body'), 'reply() moves the focus to the comment box');
      const cancelled = oneEvent(el, 'comment-reply-cancel') as Promise<CommentReplyCancelEvent>;
      (part(el, 'cancel-reply-button') as HTMLButtonElement).click();
      expect((await cancelled).comment.id).to.equal('c42');
      await el.updateComplete;
      expect(part(el, 'reply')).to.equal(null);
      expect(el.replyTo).to.equal(undefined);
      await fillIn(el);
      setTimeout(() => submitButton(el).click());
      const event = (await oneEvent(el, 'comment-submit')) as CommentSubmitEvent;
      expect(event.parent).to.equal(undefined);
    });

    it('keeps the reply in the draft across a reload', async () => {
      const el = await commentForm();
      el.replyTo = comment;
      await type(el, 'body', 'I disagree');
      el.parentElement!.remove();
      const again = await commentForm();
      expect(again.replyTo).to.deep.equal({ id: 'c42', author: '苏剑林' });
      expect(part(again, 'reply')!.textContent).to.contain('Replying to 苏剑林');
    });
  });

  describe('strings, slots and parts', () => {
    it('lets the page replace any interface text', async () => {
      const el = await commentForm();
      el.strings = { submit: 'Publish', name: 'Your name' };
      await el.updateComplete;
      expect(submitButton(el).textContent!.trim()).to.equal('Publish');
      expect(el.shadowRoot!.querySelector('label[for="name"]')!.textContent!.trim()).to.equal('Your name');
      expect(el.shadowRoot!.querySelector('label[for="email"]')!.textContent!.trim()).to.equal('Email');
    });

    it('shows slotted text above the submit button', async () => {
      const el = await fixture<CommentFormElement>(html`<comment-form draft-key=${draftKey}><p>Your email is never shown.</p></comment-form>`);
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Your email is never shown.']);
      expect(slot.compareDocumentPosition(submitButton(el)) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    });

    it('exposes the parts it documents', async () => {
      const el = await commentForm();
      const parts = new Set([...el.shadowRoot!.querySelectorAll('[part]')].map((node) => node.getAttribute('part')));
      for (const name of ['form', 'field', 'label', 'input', 'textarea', 'field-error', 'counter', 'preview', 'preview-content', 'submit-button', 'status']) {
        expect(parts.has(name), name).to.equal(true);
      }
    });
  });
});

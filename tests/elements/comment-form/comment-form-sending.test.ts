import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../../src/comment-form.js';
import type { CommentFormElement } from '../../../src/comment-form.js';
import { control, part, type } from './visitor.js';

// What a visitor relies on when the network or the browser lets them down:
// the text is never lost, and the form says what is going on.


async function fillIn(el: CommentFormElement, body = 'Since $x^2 \\ge 0$, done.'): Promise<void> {
  await type(el, 'name', '林知远');
  await type(el, 'email', 'lin@example.org');
  await type(el, 'body', body);
}

async function form(attributes: string, lang = 'en'): Promise<CommentFormElement> {
  const host = await fixture<HTMLDivElement>(`<div lang="${lang}"><comment-form ${attributes}></comment-form></div>`);
  const el = host.querySelector('comment-form')!;
  await el.updateComplete;
  return el;
}

describe('comment-form, when sending goes wrong', () => {
  afterEach(() => localStorage.clear());

  it('gives up on a server that never answers after `timeout`, keeps the text and offers to retry', async () => {
    const el = await form('action="/tests/never-answers" timeout="300" draft-key="sending-timeout"');
    await fillIn(el);
    (part(el, 'submit-button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => part(el, 'error'), 'the form stops waiting', { timeout: 5000 });
    expect(part(el, 'error')!.textContent).to.contain('no answer in 0.3 s');
    expect(part(el, 'retry-button')).to.not.equal(null);
    expect(control(el, 'body').value).to.equal('Since $x^2 \\ge 0$, done.');
    expect((part(el, 'submit-button') as HTMLButtonElement).disabled).to.equal(false);
    expect(part(el, 'form')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('says so, in the reader’s language, when the browser will not store the draft, and keeps the text in the form', async () => {
    // Fill this origin's storage for real, to the last character it takes.
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      try {
        for (;;) localStorage.setItem(`filler-${i++}`, 'x'.repeat(size));
      } catch {
        // no room for this size: try a smaller one
      }
    }
    expect(() => localStorage.setItem('one-more', 'x'), 'storage is full').to.throw();
    const el = await form('draft-key="sending-full"', 'zh');
    await fillIn(el, '一段很长的评论，'.repeat(2000));
    await waitUntil(() => part(el, 'draft-warning'), 'the warning shows', { timeout: 3000 });
    expect(part(el, 'draft-warning')!.textContent).to.contain('浏览器不允许本页保存草稿');
    expect(control(el, 'body').value).to.equal('一段很长的评论，'.repeat(2000));
    // Room again: the next save works and the warning goes.
    for (let j = 0; j <= i; j++) localStorage.removeItem(`filler-${j}`);
    await type(el, 'body', 'shorter now');
    await waitUntil(() => !part(el, 'draft-warning'), 'the warning goes once the draft is stored', { timeout: 3000 });
    expect(JSON.parse(localStorage.getItem('sending-full')!).body).to.equal('shorter now');
  });

  it('keeps one draft per post', async () => {
    const first = await form('post="/posts/a"');
    await fillIn(first, 'About post A.');
    first.parentElement!.remove();
    const second = await form('post="/posts/b"');
    expect(control(second, 'body').value, 'post B starts empty').to.equal('');
    await fillIn(second, 'About post B.');
    second.parentElement!.remove();
    const again = await form('post="/posts/a"');
    expect(control(again, 'body').value).to.equal('About post A.');
    expect(JSON.parse(localStorage.getItem('sciblog-comment-draft:/posts/b')!).body).to.equal('About post B.');
  });
});

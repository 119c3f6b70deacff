/**
 * TeX (and a few markdown shapes) written to stall, hang or blow up the page,
 * through `comment-list` and `comment-form`'s preview: each ends as a visible
 * error, as a notice that the comment is too long, or rendered within bounds;
 * the other comments render; KaTeX's work stays bounded (each formula rendered
 * once, none over the length limit for untrusted formulas, and macro bombs
 * stopped by KaTeX's expansion limit, whose message each such case checks).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/comment-form.js';
import type { CommentFormElement } from '../../../src/comment-form.js';
import '../../../src/comment-list.js';
import type { CommentListElement } from '../../../src/comment-list.js';
import { clearMathCache } from '../../../src/core/render-math.js';
import { expectBoundedKatex, expectNoInjection, HANG_TIMEOUT_MS, recordKatex, squash, uncaught } from './harness.js';

type Outcome =
  /** KaTeX's message is shown in place of the formula. */
  | { ends: 'error'; message: RegExp }
  /** The comment is over the length limit and is not rendered at all. */
  | { ends: 'refused' }
  /** It renders, but no part of it reaches further than `SIZE_BOUND_PX` from the comment. */
  | { ends: 'capped' }
  /** Markdown only: whatever it shows stays within `SIZE_BOUND_PX` of the comment. */
  | { ends: 'bounded' }
  /** It renders (`formulas` KaTeX formulas), just slowly enough to matter. */
  | { ends: 'rendered'; formulas: number };

interface HostileTex {
  name: string;
  body: string;
  /** The site's length limit, when the case needs one other than the default 10 000. */
  maxLength?: number;
  outcome: Outcome;
}

/**
 * KaTeX caps every size at `maxSize` (50 em, about 970 px at KaTeX's font
 * size): a formula made of capped sizes stays within a few of those.
 */
const SIZE_BOUND_PX = 5000;

const tooManyExpansions = /Too many expansions/;
// KaTeX caps only positive sizes; a huge negative one is refused as a visible error.
const tooLarge = /formula is too large/;
const newcommandBomb =
  '$' +
  Array.from({ length: 26 }, (_, i) => {
    const name = `\\qq${String.fromCharCode(97 + i)}`;
    const previous = `\\qq${String.fromCharCode(96 + i)}`;
    return `\\newcommand{${name}}{${i === 0 ? 'xx' : previous + previous}}`;
  }).join('') +
  '\\qqz$';
const nested = (open: string, close: string, depth: number, inner = 'x') => `$${open.repeat(depth)}${inner}${close.repeat(depth)}$`;

const cases: HostileTex[] = [
  { name: 'a macro bomb \\def\\a{\\a\\a}\\a', body: String.raw`Watch: $\def\a{\a\a}\a$`, outcome: { ends: 'error', message: tooManyExpansions } },
  { name: '\\newcommand doubling 26 times', body: newcommandBomb, outcome: { ends: 'error', message: tooManyExpansions } },
  { name: 'a \\gdef bomb defined in one formula and used in the next', body: String.raw`$\gdef\bomb{\bomb\bomb}$ and then $\bomb$`, outcome: { ends: 'error', message: /Too many expansions|Undefined control sequence/ } },
  { name: '\\rule{100000em}{100000em}', body: String.raw`$\rule{100000em}{100000em}$`, outcome: { ends: 'capped' } },
  { name: '\\rule raised by -100000em', body: String.raw`$\rule[-100000em]{1em}{1em}$`, outcome: { ends: 'error', message: tooLarge } },
  { name: '\\raisebox{100000em}', body: String.raw`$\raisebox{100000em}{x}$`, outcome: { ends: 'capped' } },
  { name: '\\raisebox{-100000em}', body: String.raw`$\raisebox{-100000em}{x}$`, outcome: { ends: 'error', message: tooLarge } },
  { name: '\\kern100000em', body: String.raw`$a\kern100000em b$`, outcome: { ends: 'capped' } },
  { name: '\\kern-100000em', body: String.raw`$a\kern-100000em b$`, outcome: { ends: 'error', message: tooLarge } },
  { name: '\\hspace{-100000em}', body: String.raw`$a\hspace{-100000em}b$`, outcome: { ends: 'error', message: tooLarge } },
  { name: '\\mkern-1800000mu', body: String.raw`$a\mkern-1800000mu b$`, outcome: { ends: 'error', message: tooLarge } },
  { name: 'a row gap \\\\[100000em]', body: String.raw`$$\begin{aligned}a\\[100000em]b\end{aligned}$$`, outcome: { ends: 'capped' } },
  { name: 'a row gap \\\\[-100000em]', body: String.raw`$$\begin{aligned}a\\[-100000em]b\end{aligned}$$`, outcome: { ends: 'error', message: tooLarge } },
  { name: '10 000 nested braces (over the length limit)', body: nested('{', '}', 10_000), outcome: { ends: 'refused' } },
  { name: '10 000 nested braces on a site that allows 1 000 000 characters', body: nested('{', '}', 10_000), maxLength: 1_000_000, outcome: { ends: 'error', message: /./ } },
  { name: '4 990 nested braces (under the length limit)', body: nested('{', '}', 4990), outcome: { ends: 'error', message: /./ } },
  { name: '2 400 nested superscripts', body: nested('x^{', '}', 2400), outcome: { ends: 'error', message: /./ } },
  { name: '1 400 nested square roots', body: nested('\\sqrt{', '}', 1400), outcome: { ends: 'error', message: /./ } },
  { name: 'a 1 MB comment', body: '$x$'.repeat(350_000), outcome: { ends: 'refused' } },
  { name: '2 500 formulas, the most a 10 000-character comment holds', body: '$a$ '.repeat(2500), outcome: { ends: 'rendered', formulas: 2500 } },
  { name: '9 999 dollar signs', body: '$'.repeat(9999), outcome: { ends: 'rendered', formulas: 0 } },
  { name: '3 333 unclosed \\[ at line starts', body: '\\[\n'.repeat(3333), outcome: { ends: 'rendered', formulas: 0 } },
  { name: '580 unclosed \\begin{equation}', body: '\\begin{equation}\n'.repeat(580), outcome: { ends: 'rendered', formulas: 0 } },
  { name: '9 999 opening brackets', body: '['.repeat(9999), outcome: { ends: 'rendered', formulas: 0 } },
  { name: '5 000 emphasis openers', body: '*a'.repeat(5000), outcome: { ends: 'rendered', formulas: 0 } },
  // markdown-it stops nesting at 100 levels and drops what is deeper.
  { name: '9 990 nested block quotes', body: '>'.repeat(9990) + ' $x$', outcome: { ends: 'bounded' } },
];

const valid = (id: string, day: string) => ({ id, author: `Reader ${id}`, date: `2024-02-${day}`, body: `Valid comment ${id}: $\\beta_${id}$.` });

function expectValidComment(root: ShadowRoot, id: string): void {
  const body = root.querySelector(`#comment-${id} [part="body"]`);
  expect(squash(body?.textContent), `valid comment ${id}`).to.contain(`Valid comment ${id}:`);
  expect(body!.querySelector('.katex annotation')?.textContent).to.equal(`\\beta_${id}`);
}

/**
 * Fails when any visible part of `region` reaches further than SIZE_BOUND_PX
 * beyond `frame`, or the page grew past it. KaTeX's MathML copy is left out:
 * it sits in a 1 px box that clips it and takes no room (its `\raisebox` is an
 * uncapped `<mpadded voffset>`, harmless while it stays clipped).
 */
function expectWithinBounds(region: Element, frame: DOMRect): void {
  const far: string[] = [];
  for (const element of [region, ...region.querySelectorAll('*')]) {
    if (element.closest('.katex-mathml')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const reach = Math.max(frame.left - box.left, box.right - frame.right, frame.top - box.top, box.bottom - frame.bottom, box.width, box.height);
    if (reach > SIZE_BOUND_PX) far.push(`<${element.localName} class="${element.getAttribute('class') ?? ''}" style="${element.getAttribute('style') ?? ''}"> reaches ${Math.round(reach)} px`);
  }
  const page = document.documentElement;
  const pageSize = `the page is ${page.scrollWidth} × ${page.scrollHeight} px`;
  expect(far.slice(0, 3), `${far.length} elements reach too far; ${pageSize}`).to.deep.equal([]);
  expect(Math.max(page.scrollWidth, page.scrollHeight), pageSize).to.be.below(SIZE_BOUND_PX + window.innerHeight);
}

/** Checks what a rendered comment body (or preview) shows for the case. */
function expectOutcome(region: HTMLElement, outcome: Outcome, refusedText: RegExp): void {
  const shown = squash(region.innerText);
  switch (outcome.ends) {
    case 'error': {
      const error = region.querySelector<HTMLElement>('.sb-math-error');
      expect(error, `no error is shown; the text is: ${shown.slice(0, 200)}`).to.exist;
      expect(error!.getBoundingClientRect().height, 'the error is not visible').to.be.above(0);
      expect(squash(error!.innerText)).to.match(outcome.message);
      expect(shown).to.match(outcome.message);
      break;
    }
    case 'refused':
      expect(shown).to.match(refusedText);
      expect(region.querySelector('.katex')).to.not.exist;
      break;
    case 'capped':
      expect(region.querySelector('.katex'), `not rendered: ${shown.slice(0, 200)}`).to.exist;
      expect(region.querySelector('.sb-math-error')).to.not.exist;
      expectWithinBounds(region, region.getBoundingClientRect());
      break;
    case 'bounded':
      expectWithinBounds(region, region.getBoundingClientRect());
      break;
    case 'rendered':
      expect(region.querySelectorAll('.katex')).to.have.length(outcome.formulas);
      expect(shown, 'nothing is shown').to.not.equal('');
      break;
  }
  expectNoInjection(region, { content: true }, 'the rendered comment');
}

describe('hostile TeX', function () {
  // A hang guard only; see HANG_TIMEOUT_MS.
  this.timeout(HANG_TIMEOUT_MS);
  const uncaughtBefore = () => uncaught.length;
  // An empty formula cache, so that KaTeX sees every formula the test gives.
  beforeEach(() => clearMathCache());

  describe('comment-list', () => {
    for (const { name, body, maxLength, outcome } of cases) {
      it(`comment-list: ${name} ends as ${outcome.ends}, the rest renders, KaTeX renders each formula once and none over the limit`, async () => {
        const errorsBefore = uncaughtBefore();
        const comments = [valid('a', '01'), { id: 'x', author: 'Mallory', date: '2024-02-02', body }, valid('b', '03')];
        const katexRun = recordKatex();
        const el = await fixture<CommentListElement>(html`<comment-list lang="en" .maxLength=${maxLength ?? 10_000} .comments=${comments}></comment-list>`);
        expectBoundedKatex(katexRun.stop(), 'comment-list');
        const root = el.shadowRoot!;
        expectOutcome(root.querySelector<HTMLElement>('#comment-x [part="body"]')!, outcome, /This comment is too long to show\./);
        expectValidComment(root, 'a');
        expectValidComment(root, 'b');
        expect(uncaught.slice(errorsBefore)).to.deep.equal([]);
      });
    }
  });

  describe("comment-form's preview", () => {
    const draftKey = 'hostile-tex-draft';
    afterEach(() => localStorage.removeItem(draftKey));

    for (const { name, body, maxLength, outcome } of cases) {
      it(`comment-form preview: ${name} ends as ${outcome.ends}, KaTeX renders each formula once and none over the limit`, async () => {
        const errorsBefore = uncaughtBefore();
        localStorage.removeItem(draftKey);
        const form = await fixture<CommentFormElement>(html`<comment-form lang="en" draft-key=${draftKey} .maxLength=${maxLength ?? 10_000}></comment-form>`);
        const preview = form.shadowRoot!.querySelector<HTMLElement>('[part="preview-content"]')!;
        const before = squash(preview.textContent);
        const textarea = form.shadowRoot!.getElementById('body') as HTMLTextAreaElement;
        const katexRun = recordKatex();
        textarea.value = body;
        textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        // Waits for the preview to change, however long a loaded machine takes (the test's own timeout is the hang guard).
        await waitUntil(() => squash(preview.textContent) !== before, 'the preview never updated', { timeout: HANG_TIMEOUT_MS, interval: 25 });
        await form.updateComplete;
        expectBoundedKatex(katexRun.stop(), 'the preview');
        expectOutcome(preview, outcome, /Too long to preview/);
        expect(textarea.value.length, 'what was typed is kept').to.equal(body.length);
        expect(uncaught.slice(errorsBefore)).to.deep.equal([]);
      });
    }
  });
});

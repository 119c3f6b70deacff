import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

// A typeset formula is a row of boxes to the browser, and Chromium breaks a
// line between the last of them and the punctuation after it: "期望等于 $\bar s$。"
// could begin the next line with "。", and "$N - k$, and" with ",". So a short
// formula and the punctuation right after it go into one span that does not
// break (`sb-math-glue`, styled beside KaTeX's CSS): Chromium takes the break
// after a box from the box's own parent, so the formula has to be unbreakable
// too, which a short one should be anyway. A long formula keeps the places
// where KaTeX lets it break. Display formulas written inside a line
// (`$$..$$`) are blocks, and are left alone.

/** The longest TeX (in characters) kept whole with the punctuation after it. */
const shortFormula = 40;

/** Closing brackets, closing quotes and the other punctuation no line should begin with. */
const leadingPunctuation = /^[\p{Pe}\p{Pf}\p{Po}]+/u;

/** The punctuation the text after `tokens[index]` begins with, when that token is an inline formula of one of `types`. */
function punctuationAfter(tokens: Token[], index: number, types: ReadonlySet<string>): string {
  const [token, next] = [tokens[index], tokens[index + 1]];
  if (!token || !types.has(token.type) || next?.type !== 'text' || token.content.length > shortFormula) return '';
  return leadingPunctuation.exec(next.content)?.[0] ?? '';
}

/** Wraps the renderers of the inline formula `types` (set before) so each keeps the punctuation after it on its line. */
export function keepPunctuationWithFormulas(md: MarkdownIt, types: ReadonlySet<string>): void {
  const { rules } = md.renderer;
  const text = rules.text!;
  for (const type of types) {
    const formula = rules[type]!;
    rules[type] = (tokens, idx, options, env, self) => {
      const html = formula(tokens, idx, options, env, self);
      const punctuation = punctuationAfter(tokens, idx, types);
      return punctuation ? `<span class="sb-math-glue">${html}${md.utils.escapeHtml(punctuation)}</span>` : html;
    };
  }
  rules.text = (tokens, idx, options, env, self) => {
    const punctuation = punctuationAfter(tokens, idx - 1, types);
    return punctuation ? md.utils.escapeHtml(tokens[idx].content.slice(punctuation.length)) : text(tokens, idx, options, env, self);
  };
}

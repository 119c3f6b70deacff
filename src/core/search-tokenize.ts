import type { Locale } from './messages.js';

// Search terms: what a reader would type to find a text, in the order they occur.

// TeX commands that shape a formula rather than name anything in it: a reader searches `\sigma`, never `\frac`.
const texMarkup = new Set([
  'begin', 'end', 'frac', 'dfrac', 'tfrac', 'left', 'right', 'big', 'bigg', 'bigl', 'bigr', 'biggl', 'biggr', 'mathrm', 'mathbf',
  'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'mathfrak', 'boldsymbol', 'bm', 'text', 'textbf', 'textit', 'textrm',
  'operatorname', 'displaystyle', 'textstyle', 'quad', 'qquad', 'label', 'tag', 'eqref', 'ref', 'nonumber', 'notag', 'limits',
  'hat', 'bar', 'tilde', 'vec', 'dot', 'ddot', 'overline', 'underline', 'color', 'mathop', 'hspace', 'vspace', 'sqrt',
]);
// Groups whose content is markup too: environment names, colours, lengths.
const texMarkupGroups = new Set(['begin', 'end', 'label', 'eqref', 'ref', 'color', 'hspace', 'vspace']);

// A command with its name; a group right after markup-with-a-markup-group is skipped.
const texCommand = /\\([a-zA-Z]+)\*?(?:\s*\{[^{}]*\})?|\\[^a-zA-Z]/g;
// Letters (with their marks and digits), numbers, or a run of CJK characters.
// (A letter that is not CJK: `[^\P{L}…]`, so that `softmax的温度` is a Latin word and a CJK run.)
const wordOrRun = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]+)|[^\P{L}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}](?:[^\P{L}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{M}\p{N}])*|\p{N}+(?:\.\p{N}+)?/gu;
// Text that needs none of the normalising below: ASCII without TeX, and Chinese of the main block with
// its common punctuation (NFKC leaves the characters as they are, and turns full-width punctuation into
// ASCII punctuation: a word boundary either way).
const plainText = /^[\x20-\x5b\x5d-\x7e\t\n\r\u4e00-\u9fff\u3001\u3002\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f\u2018\u2019\u201c\u201d]*$/;
const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]/u;
// Intl.Segmenter is quadratic on long strings in Node 20: CJK runs go to it in pieces of this many characters.
const segmentChunk = 200;

let zhWords: Intl.Segmenter | undefined;

/** One word of a text: a Latin word, a word of TeX, or a run of CJK characters. */
export interface TextWord {
  kind: 'latin' | 'cjk';
  /** Lower-cased, NFKC-normalised. */
  text: string;
}

/** TeX with its markup taken out: `\sigma_i` → ` sigma i`, `\mathrm{rank}` → ` rank`, `\begin{align}` → ``. */
function texAsWords(text: string): string {
  return text.replace(texCommand, (whole: string, name: string | undefined) => {
    if (name === undefined) return ' ';
    const group = whole.indexOf('{');
    if (!texMarkup.has(name)) return ` ${name} ${group >= 0 ? whole.slice(group + 1, -1) : ''} `;
    return group >= 0 && !texMarkupGroups.has(name) ? ` ${whole.slice(group + 1, -1)} ` : ' ';
  });
}

function segmentCjk(run: string): string[] {
  zhWords ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (let at = 0; at < run.length; at += segmentChunk) {
    for (const { segment, isWordLike } of zhWords.segment(run.slice(at, at + segmentChunk))) if (isWordLike) words.push(segment);
  }
  return words;
}

/** The words of a text in order; TeX commands read as their names. */
export function readWords(text: string, locale: Locale = 'en'): TextWord[] {
  // Lower-casing is the same in both built-in locales (no Turkish dotless i), so toLowerCase does.
  void locale;
  const normalised = plainText.test(text) ? text.toLowerCase() : texAsWords(text.normalize('NFKC')).toLowerCase();
  const words: TextWord[] = [];
  wordOrRun.lastIndex = 0;
  for (let match; (match = wordOrRun.exec(normalised)); ) {
    const [text, run] = match;
    if (run !== undefined) words.push({ kind: 'cjk', text });
    // Single letters are variables (x, i) or articles: too common to find anything by.
    else if (text.length > 1 || /\p{N}/u.test(text)) words.push({ kind: 'latin', text });
  }
  return words;
}

/**
 * Whether a term of `indexTerms` is only ever looked up whole, never by its
 * beginning: a CJK character or pair of them, or a pair of Latin words.
 */
export function isWholeTerm(term: string): boolean {
  // Every Latin script, Greek and Cyrillic among them, comes before the first CJK block.
  return term.includes(' ') || (term.charCodeAt(0) >= 0x2e80 && cjk.test(term));
}

/** Every pair of neighbouring characters: 矩 阵 分 解 → 矩阵 阵分 分解. */
function bigrams(chars: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < chars.length; i++) pairs.push(chars[i - 1] + chars[i]);
  return pairs;
}

/** Every character of a CJK run and every pair of neighbours: `矩阵分解` → 矩 阵 分 解 矩阵 阵分 分解. */
function unigramsAndBigrams(run: string): string[] {
  const chars = Array.from(run);
  return [...chars, ...bigrams(chars)];
}

/**
 * The terms of a text: Latin words lower-cased, TeX reduced to the names in
 * it (`\sigma_i` → `sigma`, `\mathrm{rank}` → `rank`; `\frac`,
 * `\begin{align}` and other markup left out), and for Chinese (and Japanese
 * kana) the words `Intl.Segmenter` finds, every character and every pair of
 * neighbouring characters, so that `矩阵` finds `矩阵分解` however the
 * segmenter split it. Single Latin letters are left out.
 *
 * `locale` is the language of the text, for lower-casing; Chinese is found in
 * any text.
 */
export function tokenize(text: string, locale: Locale = 'en'): string[] {
  return termsOf(readWords(text, locale));
}

/**
 * What the index holds for a text: `tokenize`'s terms without the
 * segmenter's words, and the pairs of neighbouring Latin words. A query is
 * looked up by its characters' pairs (see `queryTerms`), which find every
 * text a segmenter word would: the segmenter would only cost time and memory
 * here. A character or pair counts as often as it occurs, as a word does.
 */
export function indexTerms(text: string, locale: Locale = 'en'): string[] {
  const words = readWords(text, locale);
  const terms: string[] = [];
  for (const word of words) {
    if (word.kind === 'latin') terms.push(word.text);
    else {
      const chars = Array.from(word.text);
      for (const char of chars) terms.push(char);
      for (const pair of bigrams(chars)) terms.push(pair);
    }
  }
  for (const pair of wordPairs(words)) terms.push(pair);
  return terms;
}

function termsOf(words: readonly TextWord[]): string[] {
  const terms: string[] = [];
  for (const word of words) {
    if (word.kind === 'latin') terms.push(word.text);
    else terms.push(...new Set([...segmentCjk(word.text), ...unigramsAndBigrams(word.text)]));
  }
  return terms;
}

/** What a query looks for, in the two kinds the index keeps apart. */
export interface QueryTerms {
  /** Latin words and TeX names. */
  words: string[];
  /** Terms looked up whole (see `isWholeTerm`): pairs of neighbouring CJK characters (the character itself for a run of one), then pairs of neighbouring Latin words (see `wordPairs`). */
  whole: string[];
  /** The query's last word when it is Latin: the one a reader may still be typing. */
  last?: string;
}

/**
 * The terms a query looks for, neighbouring Latin words paired as in the
 * index (see `wordPairs`): as `tokenize`, but a CJK run of more than one
 * character is looked for by its bigrams only. Not by each character, which
 * would find every text that shares one character (`的`, `与`) with the
 * query; nor by its segmenter words: a word of two characters is a bigram,
 * and a text holding a longer word holds all its bigrams, so the segmenter
 * would only add lookups (and its own cost) to every query.
 */
export function queryTerms(query: string, locale: Locale = 'en'): QueryTerms {
  const read = readWords(query, locale);
  const words = new Set<string>();
  const whole = new Set<string>();
  for (const word of read) {
    if (word.kind === 'latin') words.add(word.text);
    else {
      const chars = Array.from(word.text);
      for (const term of chars.length === 1 ? chars : bigrams(chars)) whole.add(term);
    }
  }
  for (const pair of wordPairs(read)) whole.add(pair);
  const last = read.at(-1);
  return { words: [...words], whole: [...whole], last: last?.kind === 'latin' ? last.text : undefined };
}

/** Neighbouring Latin words joined (`low rank`): indexed too, so a phrase ranks above its words scattered. */
export function wordPairs(words: readonly TextWord[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (words[i].kind === 'latin' && words[i - 1].kind === 'latin') pairs.push(`${words[i - 1].text} ${words[i].text}`);
  }
  return pairs;
}

const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]{2,}/gu;

/**
 * Chinese with a space between the words `Intl.Segmenter` finds (`用归一化条件`
 * → `用 归一化 条件`), for search engines that split words on spaces only.
 */
export function spaceCjkWords(text: string): string {
  return text.replace(cjkRun, (run) => segmentCjk(run).join(' '));
}

/** Undoes `spaceCjkWords` in HTML: no space between two CJK characters, `<mark>` tags between them allowed. */
export function joinCjkWords(html: string): string {
  // Pagefind marks a word with the space after it (`<mark>归 </mark><mark>一 </mark>化`): tags may stand on either side.
  return html.replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}](?:<\/?mark>)*) (?=(?:<\/?mark>)*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, '');
}

import type { Settings } from './excerpt.js';
import { Layout } from './excerpt-layout.js';
import type { PieceStream } from './excerpt-pieces.js';
import type { Locale } from './messages.js';

// Segmenters, one per locale and granularity: creating one costs far more than using it.

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: Locale, granularity: 'grapheme' | 'word' | 'sentence'): Intl.Segmenter {
  const key = `${locale}:${granularity}`;
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, found);
  }
  return found;
}

interface Cut {
  /** Index in the layout's visible text. */
  index: number;
  /** Whether it ends a sentence (then its punctuation stays). */
  sentence: boolean;
}

/**
 * Where to cut a text longer than `limit`:
 * 1. the sentence end nearest the limit, from limit/2 to limit + limit/5
 *    (going over counts double: a shorter excerpt is better than a long one);
 * 2. else the last word end between limit/2 and the limit;
 * 3. else the last grapheme boundary before the limit.
 * When the limit falls inside an atom (a formula, code, a link) the atom's
 * end becomes the limit if it is within 1.5× limit, else its start, with no
 * looking beyond it.
 */
function chooseCut(layout: Layout, limit: number, locale: Locale): Cut {
  const { visible, weightAt } = layout;
  let before = 0;
  let after = -1;
  for (let i = 0; i <= visible.length; i++) {
    if (!layout.legal(i)) continue;
    if (weightAt[i] <= limit) before = i;
    else {
      after = i;
      break;
    }
  }
  let target = limit;
  let hard = false;
  let fit = before;
  if (after >= 0 && weightAt[after] - weightAt[before] > 1 && weightAt[before] < limit) {
    if (weightAt[after] <= limit * 1.5) {
      target = weightAt[after];
      fit = after;
    } else {
      target = weightAt[before];
      hard = true;
    }
  }

  const lowest = limit / 2;
  const reach = limit / 5;
  let best = -1;
  let bestCost = Infinity;
  for (const { index, segment } of segmenter(locale, 'sentence').segment(visible)) {
    const end = index + segment.length;
    if (end === visible.length && !layout.ended) break;
    if (!layout.legal(end)) continue;
    const weight = weightAt[end];
    let cost: number;
    if (weight <= target) {
      if (weight < lowest) continue;
      cost = target - weight;
    } else if (!hard && weight <= target + reach) {
      cost = 2 * (weight - target);
    } else break;
    if (cost < bestCost) {
      best = end;
      bestCost = cost;
    }
  }
  if (best >= 0) return { index: best, sentence: true };

  let word = -1;
  for (const { index } of segmenter(locale, 'word').segment(visible)) {
    if (!layout.legal(index)) continue;
    const weight = weightAt[index];
    if (weight > target) break;
    if (weight >= lowest) word = index;
  }
  if (word >= 0) return { index: word, sentence: false };
  if (weightAt[fit] > 0) return { index: fit, sentence: false };
  // Nothing fits before the first formula or code block: better that whole than nothing.
  return { index: after >= 0 ? after : visible.length, sentence: false };
}

/**
 * Lays out the start of the text and decides where the excerpt ends: a source
 * offset, or undefined for all of it. `ended`: the text ran out before the
 * layout's reach, so more text after it could have moved the cut.
 */
export function cutByLength(stream: PieceStream, settings: Settings): { end: number; sentence: boolean; truncated: boolean; ended: boolean } | undefined {
  const limit = settings.length;
  const layout = new Layout(stream, limit * 1.75, segmenter(settings.locale, 'grapheme'));
  if (layout.ended && layout.weight <= limit) return undefined;
  const cut = chooseCut(layout, limit, settings.locale);
  const truncated = !layout.ended || layout.weight > layout.weightAt[cut.index];
  return { end: layout.rawAt[cut.index], sentence: cut.sentence, truncated, ended: layout.ended };
}

// Left at the end of an excerpt they would announce something it does not show.
export function trimDangling(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s\p{Ps}\p{Pi}，、；：,:]/u.test(text[end - 1]) && text[end - 2] !== '\\') end--;
  return text.slice(0, end);
}

// Counting work instead of timing it (DESIGN.md: "Time is for benchmarks").
// A regression that makes work grow with the square of the input shows as a
// count that grows 16-fold when the input grows 4-fold, on any machine and
// under any load; a stopwatch only notices when the machine happens to be
// fast enough. The counters wrap built-in methods for the duration of one
// synchronous call and put them back, even when the call throws.

import katex from 'katex';

/** How much a count may grow when its input grows 4-fold: linear and n·log n pass (≤ 4.7×), quadratic (16×) fails. */
export const LINEAR_GROWTH_4X = 5;

/**
 * Runs `fn` with `methods` (pairs of an object and a method name, e.g.
 * `[Set.prototype, 'has']`) wrapped to count their calls; returns the total.
 */
export function countCalls(methods, fn) {
  let calls = 0;
  const originals = methods.map(([owner, name]) => [owner, name, owner[name]]);
  for (const [owner, name, original] of originals) {
    owner[name] = function counted(...args) {
      calls++;
      return original.apply(this, args);
    };
  }
  try {
    fn();
  } finally {
    for (const [owner, name, original] of originals) owner[name] = original;
  }
  return calls;
}

/**
 * The searching `fn` does: `searches`, every String.prototype.indexOf and
 * RegExp exec (which `test`, `match`, `replace` and `split` go through), and
 * `scanned`, the characters indexOf passed over (from where it started to the
 * end of what it found, or to the end of the text). A regex's own scanning is
 * not visible from outside and counts as one search; the lexer looks for
 * closing delimiters with indexOf, so a rescan per opener shows in `scanned`.
 */
export function searchWork(fn) {
  const { indexOf } = String.prototype;
  const { exec } = RegExp.prototype;
  let searches = 0;
  let scanned = 0;
  String.prototype.indexOf = function countedIndexOf(needle, from = 0) {
    const text = String(this);
    const at = indexOf.call(text, needle, from);
    const start = Math.min(Math.max(0, Math.trunc(Number(from)) || 0), text.length);
    searches++;
    scanned += (at < 0 ? text.length : at + String(needle).length) - start;
    return at;
  };
  RegExp.prototype.exec = function countedExec(text) {
    searches++;
    return exec.call(this, text);
  };
  try {
    fn();
  } finally {
    String.prototype.indexOf = indexOf;
    RegExp.prototype.exec = exec;
  }
  return { searches, scanned };
}

/**
 * Runs `fn`, recording the TeX of every formula KaTeX was asked to render
 * (the package and the tests share one KaTeX module). Empty the formula cache
 * first when the count matters: a cached formula never reaches KaTeX.
 */
export function katexInputs(fn) {
  const original = katex.renderToString;
  const inputs = [];
  katex.renderToString = (tex, options) => {
    inputs.push(tex);
    return original.call(katex, tex, options);
  };
  let result;
  try {
    result = fn();
  } finally {
    katex.renderToString = original;
  }
  return { result, inputs };
}

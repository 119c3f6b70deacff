// A tiny timing harness: medians of interleaved runs, so that machine noise
// (other processes, CPU frequency, GC) lands on both sides of a comparison.

import { performance, PerformanceObserver } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

// Garbage collections, as V8 reports them. The observer's callback runs only
// when the event loop turns, so timings are attributed after a run (see gcIn).
const collections = [];
new PerformanceObserver((list) => collections.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

/** Milliseconds of GC that started inside each [start, end] window. */
async function gcIn(windows) {
  await nextTurn();
  await nextTurn();
  return windows.map(([start, end]) =>
    collections.reduce((sum, entry) => (entry.startTime >= start && entry.startTime < end ? sum + entry.duration : sum), 0),
  );
}

// Results are folded into this so no engine can decide a render is unused.
let sink = 0;
export function consume(value) {
  if (typeof value === 'string') sink = (sink + value.length) | 0;
  else if (value && typeof value.html === 'string') sink = (sink + value.html.length) | 0;
  return value;
}
export const sinkValue = () => sink;

export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function quantile(samples, q) {
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/**
 * A subject is a function to time, or `{ setup, run }`: `setup` runs before
 * each timed `run` and is not timed (clearing a cache, say). `interleave`
 * also reads `warmup` and `repeat` from it.
 */
function normalize(subject) {
  return typeof subject === 'function' ? { run: subject } : subject;
}

/** Runs the subject once; returns its [start, end] window in ms. */
function timeOnce({ setup, run }) {
  setup?.();
  const start = performance.now();
  consume(run());
  return [start, performance.now()];
}

/**
 * Medians and quartiles of the run times, plus `gc`: the median GC time
 * inside a run (a hint at how much of it is allocation cost), and
 * `withoutGc`: the median of run time minus that run's GC time.
 */
async function summary(windows) {
  const samples = windows.map(([start, end]) => end - start);
  const gc = await gcIn(windows);
  return {
    median: median(samples),
    p25: quantile(samples, 0.25),
    p75: quantile(samples, 0.75),
    min: Math.min(...samples),
    gc: median(gc),
    withoutGc: median(samples.map((time, i) => time - gc[i])),
    samples,
  };
}

/** Times one subject: `warmup` untimed runs, then `iterations` timed ones. */
export async function measure(name, subject, { iterations = 30, warmup = 3 } = {}) {
  const s = normalize(subject);
  for (let i = 0; i < warmup; i++) timeOnce(s);
  const windows = [];
  for (let i = 0; i < iterations; i++) windows.push(timeOnce(s));
  return { name, ...(await summary(windows)) };
}

/**
 * Times several subjects side by side, so that load which comes and goes
 * lands on all of them alike: `warmup` untimed rounds, then `rounds` timed
 * rounds, each running every subject once. The order rotates from round to
 * round, so each subject runs first, second, … equally often.
 *
 * `subjects` maps names to subjects (a function or `{ setup, run, warmup,
 * repeat }`): a subject's own `warmup` adds untimed runs of it alone before
 * the rounds (for a path the JIT needs more runs to optimise), and `repeat`
 * runs it that many times per round, each timed (cheap subjects, more samples).
 * Returns a summary (see `summary`) per name.
 */
export async function interleave(subjects, { rounds = 15, warmup = 3 } = {}) {
  const entries = Object.entries(subjects).map(([name, subject]) => [name, normalize(subject)]);
  for (const [, subject] of entries) for (let i = 0; i < (subject.warmup ?? 0); i++) timeOnce(subject);
  for (let i = 0; i < warmup; i++) for (const [, subject] of entries) timeOnce(subject);
  const windows = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < entries.length; k++) {
      const [name, subject] = entries[(round + k) % entries.length];
      for (let n = 0; n < (subject.repeat ?? 1); n++) windows[name].push(timeOnce(subject));
    }
  }
  const summaries = {};
  for (const [name] of entries) summaries[name] = await summary(windows[name]);
  return summaries;
}

/**
 * Times two subjects side by side (see `interleave`). Returns both summaries,
 * ratio = median(ours) / median(baseline), and pairedRatio = the median of
 * the per-round ratios (both runs of a round see much the same machine).
 */
export async function compare(name, ours, baseline, { rounds = 15, warmup = 3 } = {}) {
  const result = await interleave({ ours, baseline }, { rounds, warmup });
  return { name, ...result, ...ratios(result.ours, result.baseline) };
}

/** ratio and pairedRatio of two summaries from the same rounds (one sample per round each). */
export function ratios(a, b) {
  const paired = a.samples.length === b.samples.length ? median(a.samples.map((time, i) => time / b.samples[i])) : NaN;
  return { ratio: a.median / b.median, pairedRatio: paired };
}

/** Prints rows (objects with the same keys) as an aligned text table. */
export function printTable(columns, rows) {
  const cells = rows.map((row) => columns.map((column) => String(row[column.key] ?? '')));
  const widths = columns.map((column, i) => Math.max(column.title.length, ...cells.map((row) => row[i].length)));
  const line = (values) =>
    values.map((value, i) => (columns[i].align === 'right' ? value.padStart(widths[i]) : value.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(line(columns.map((column) => column.title)));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of cells) console.log(line(row));
}

/** Prints section rows as one table, in the columns every section fills, then the notes. */
export function printReport(rows, notes) {
  printTable(
    [
      { key: 'section', title: 'section' },
      { key: 'measure', title: 'measure' },
      { key: 'ours', title: 'ours ms', align: 'right' },
      { key: 'baseline', title: 'vs ms', align: 'right' },
      { key: 'result', title: 'result', align: 'right' },
      { key: 'goal', title: 'goal', align: 'right' },
      { key: 'status', title: 'status' },
      { key: 'gc', title: 'gc ms', align: 'right' },
      { key: 'spread', title: 'spread ms' },
    ],
    rows,
  );
  if (notes.length) console.log(`\n${notes.map((note) => `- ${note}`).join('\n')}`);
}

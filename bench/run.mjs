// Benchmark: `npm run bench` (builds first) or `node bench/run.mjs` after a build.
// bench/README.md says what each section measures and holds the last results.
//
// A report, not a test: missing a goal prints MISS but exits 0.
// Each section is an async function returning `{ rows, notes }`; add new ones to
// `sections`. harness.mjs has the timing: `compare(name, ours, baseline, { rounds })`
// for two subjects, `interleave({ a, b, c }, { rounds })` for more, `measure` for one;
// each returns medians (and quartiles, GC time) per subject.

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import texmath from 'markdown-it-texmath';
import { clearMathCache, excerpt, groupArchive, renderMarkdown, threadComments } from 'sciblog-elements/core';
import { runArchiveBench } from './archive-list.bench.mjs';
import { mathjaxNode, prerenderCli } from './node-more.bench.mjs';
import { pages } from './pages.bench.mjs';
import { siteSearch } from './search.bench.mjs';
import { commentThreads } from './comments.bench.mjs';
import { generatePost } from './generate-post.mjs';
import { interleave, printReport, ratios, sinkValue } from './harness.mjs';

const FORMULAS = 200;
// More rounds, steadier medians; BENCH_ROUNDS=41 on a busy machine. BENCH_ONLY picks sections by name.
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 21;

const { source, counts } = generatePost({ formulas: FORMULAS });

// The baseline: markdown-it + texmath + KaTeX as their READMEs set them up,
// no numbering, no cache. (texmath keeps its engine in a module variable;
// both pipelines give it KaTeX, so sharing it is harmless here.)
const bare = new MarkdownIt().use(texmath, {
  engine: katex,
  delimiters: ['dollars', 'brackets', 'beg_end'],
  katexOptions: { throwOnError: false },
});
const renderBaseline = () => bare.render(source);
const renderOurs = () => renderMarkdown(source);

const fmt = (ms) => ms.toFixed(1);
const kb = (text) => `${(Buffer.byteLength(text, 'utf8') / 1024).toFixed(0)} KB`;
const status = (ok) => (ok ? 'PASS' : 'MISS');
const spread = (s) => `${fmt(s.p25)}–${fmt(s.p75)}`;

/** Section results, for later sections that want them. */
const results = {};

// Each section returns `{ rows, notes }`: rows for the table, notes printed under it.
const sections = [
  async function mathRendering() {
    // Three subjects in the same interleaved rounds, so that load from other
    // processes hits the cold/baseline ratio and the warm speed-up alike:
    // - ours cold: the cache is emptied before each run, KaTeX renders every formula;
    // - baseline: no cache anyway;
    // - ours warm: the cache is full (the previous run of ours, cold or warm,
    //   filled it), so only parsing, numbering and cache hits remain. Its path
    //   needs a few dozen runs before the JIT has optimised it, hence its own
    //   warm-up; it is cheap, so it runs 3 times per round.
    const result = await interleave(
      {
        cold: { setup: clearMathCache, run: renderOurs },
        baseline: renderBaseline,
        warm: { run: renderOurs, warmup: 30, repeat: 3 },
      },
      { rounds: ROUNDS, warmup: 4 },
    );
    results.math = result;
    const { cold, baseline, warm } = result;
    const coldVsBaseline = ratios(cold, baseline);
    const coldGoal = 1.1;
    const speedup = cold.median / warm.median;
    const warmGoal = 20;
    return {
      rows: [
        {
          section: `cold render, ${FORMULAS} formulas`,
          measure: 'ours / bare texmath+KaTeX',
          ours: fmt(cold.median),
          baseline: fmt(baseline.median),
          result: `${coldVsBaseline.ratio.toFixed(2)}x`,
          goal: `<= ${coldGoal.toFixed(2)}x`,
          status: status(coldVsBaseline.ratio <= coldGoal),
          gc: `${fmt(cold.gc)} / ${fmt(baseline.gc)}`,
          spread: `${spread(cold)} / ${spread(baseline)}`,
        },
        {
          section: 'warm formula cache',
          measure: 'ours cold / ours warm',
          ours: fmt(warm.median),
          baseline: `${fmt(cold.median)} (cold)`,
          result: `${speedup.toFixed(1)}x faster`,
          goal: `>= ${warmGoal}x`,
          status: status(speedup >= warmGoal),
          gc: fmt(warm.gc),
          spread: spread(warm),
        },
      ],
      notes: [
        `cold ratio from per-round pairs: ${coldVsBaseline.pairedRatio.toFixed(2)}x`,
        `cold render without GC time: ours ${fmt(cold.withoutGc)} ms, baseline ${fmt(baseline.withoutGc)} ms, ` +
          `ratio ${(cold.withoutGc / baseline.withoutGc).toFixed(2)}x`,
      ],
    };
  },
];

// The home page's work: an excerpt of each of 1 000 posts (10 formulas each, all
// different), against rendering those posts whole, in the same rounds.
sections.push(async function excerpts() {
  const posts = Array.from({ length: 1000 }, (_, i) => generatePost({ seed: 1000 + i, formulas: 10 }).source);
  const result = await interleave(
    {
      cold: { setup: clearMathCache, run: () => posts.map((post) => excerpt(post, { length: 200, locale: 'zh' })) },
      whole: { setup: clearMathCache, run: () => posts.map((post) => renderMarkdown(post)) },
    },
    { rounds: Math.max(5, Math.round(ROUNDS / 3)), warmup: 1 },
  );
  const { cold, whole } = result;
  return {
    rows: [
      {
        section: 'excerpt of 1,000 posts',
        measure: 'excerpts / whole posts',
        ours: fmt(cold.median),
        baseline: fmt(whole.median),
        result: `${(cold.median / whole.median).toFixed(2)}x`,
        goal: '',
        status: '',
        gc: `${fmt(cold.gc)} / ${fmt(whole.gc)}`,
        spread: `${spread(cold)} / ${spread(whole)}`,
      },
    ],
    notes: [`excerpts: ${(cold.median / 1000).toFixed(2)} ms per post, formula cache emptied before each round`],
  };
});

// Core functions on big inputs, timed here because tests only count their
// work (tests/core/archive.test.js, comments.test.js): 10 000 posts or replies,
// and the ratio to a quarter of that, which is about 4x while the work is linear.
sections.push(async function coreAtScale() {
  const pad = (n) => String(n).padStart(2, '0');
  const posts = Array.from({ length: 10_000 }, (_, i) => ({
    id: String(i), url: `https://example.org/${i}`, title: `Post ${i}`, authors: [], tags: [],
    date: `${2009 + (i % 16)}-${pad(1 + ((i * 7) % 12))}-${pad(1 + ((i * 13) % 28))}`,
  }));
  const chain = Array.from({ length: 10_000 }, (_, i) => ({
    id: String(i), author: `A${i}`, body: `Reply ${i}.`, date: `2024-01-01T00:00:${pad(i % 60)}Z`, ...(i ? { parent: String(i - 1) } : {}),
  }));
  const quarter = (list) => list.slice(0, list.length / 4);
  const [postsQuarter, chainQuarter] = [quarter(posts), quarter(chain)];
  const result = await interleave(
    {
      archive: () => groupArchive(posts),
      archiveQuarter: () => groupArchive(postsQuarter),
      thread: () => threadComments(chain),
      threadQuarter: () => threadComments(chainQuarter),
    },
    { rounds: ROUNDS, warmup: 3 },
  );
  const goal = 5;
  const row = (section, all, part) => ({
    section,
    measure: '10,000 / 2,500 items',
    ours: fmt(all.median),
    baseline: `${fmt(part.median)} (2,500)`,
    result: `${(all.median / part.median).toFixed(1)}x`,
    goal: `<= ${goal}x`,
    status: status(all.median / part.median <= goal),
    gc: fmt(all.gc),
    spread: spread(all),
  });
  return {
    rows: [
      row('groupArchive, 10,000 posts', result.archive, result.archiveQuarter),
      row('threadComments, chain of 10,000', result.thread, result.threadQuarter),
    ],
    notes: [],
  };
});

// renderMarkdown against MathJax 3 in Node, and the prerender command over 1 000 posts.
// (Both are called without arguments: mathjaxNode's default post is the same 200-formula one.)
sections.push(mathjaxNode, prerenderCli);

// In Chromium, against the built self-contained bundle.
sections.push(runArchiveBench);

// Whole pages in Chromium: client-rendered, prerendered + hydrated, MathJax 3 page-wide, static.
sections.push(pages);

// Search: our index against MiniSearch's default tokenizer, build, latency and recall (search.bench.mjs).
sections.push(siteSearch);

// Sanity: both pipelines must find the same math, or the comparison means nothing.
const oursOnce = renderMarkdown(source);
const baselineOnce = bare.render(source);
const katexCount = (html) => (html.match(/class="katex"/g) ?? []).length;
const found = { ours: katexCount(oursOnce.html), baseline: katexCount(baselineOnce) };

// A thread of 10 000 comments against one of 50, first paint in Chromium.
sections.push(async function comments() {
  return commentThreads({ rounds: Math.max(5, Math.round(ROUNDS / 3)) });
});

console.log(`sciblog-elements benchmark — Node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}`.trim());
console.log(
  `post: ${FORMULAS} formulas (${counts.inline} inline, ${counts.display} $$, ${counts.equation} equation, ${counts.align} align), ` +
    `${counts.labels} labels, ${counts.references} \\eqref in text; markdown ${kb(source)}`,
);
console.log(
  `HTML: ours ${kb(oursOnce.html)} (${found.ours} formulas, ${oursOnce.equations.length} numbered, ${oursOnce.errors.length} errors), ` +
    `baseline ${kb(baselineOnce)} (${found.baseline} formulas)`,
);
if (found.ours !== FORMULAS || found.baseline !== FORMULAS || oursOnce.errors.length) {
  console.log(`WARNING: expected ${FORMULAS} formulas and no errors on both sides; the timings below compare different work.`);
  for (const error of oursOnce.errors.slice(0, 5)) console.log(`  line ${error.line}: ${error.message}`);
}
const [load] = os.loadavg();
if (load > os.cpus().length * 0.75) {
  console.log(`NOTE: load average ${load.toFixed(1)} on ${os.cpus().length} CPUs: other processes compete, expect noisy timings.`);
}
console.log(
  `interleaved rounds: ${ROUNDS}; times are medians in ms; gc = median GC time inside one run; spread = p25–p75; "a / b" = ours / baseline\n`,
);

const started = performance.now();
const rows = [];
const notes = [];
// BENCH_ONLY=mathRendering,excerpts runs just those sections.
const only = process.env.BENCH_ONLY?.split(',');
for (const section of sections) {
  if (only && !only.includes(section.name)) continue;
  const result = await section();
  rows.push(...result.rows);
  notes.push(...result.notes);
}

printReport(rows, notes);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s of measuring; checksum ${sinkValue()})`);

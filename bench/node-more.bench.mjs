// Two Node sections of run.mjs (each an async function returning `{ rows, notes }`):
// - mathjaxNode: renderMarkdown against MathJax 3 (mathjax-full 3.2) TeX → CHTML
//   with only its `base` and `ams` packages, on the same post;
// - prerenderCli: the command `sciblog-elements prerender` on 1 000 posts with
//   1, 2 and all workers.

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { CHTML } from 'mathjax-full/js/output/chtml.js';
// Only these two packages are registered: MathJax at its leanest, not AllPackages.
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import { clearMathCache, renderMarkdown } from 'sciblog-elements/core';
import { generatePost } from './generate-post.mjs';
import { interleave, ratios } from './harness.mjs';
import { markdownWithTex } from './tex-html.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 21;
const fmt = (ms) => ms.toFixed(1);
const spread = (s) => `${fmt(s.p25)}–${fmt(s.p75)}`;
const status = (ok) => (ok ? 'PASS' : 'MISS');

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);

/**
 * renderMarkdown (cold: formula cache emptied) against a MathJax document
 * conversion of the same post: the page a MathJax blog serves (markdown-it
 * output, math as TeX, see tex-html.mjs) parsed, every formula found, typeset
 * with `tags: 'ams'` (numbers and \eqref across the post, as ours does) and
 * serialised. Like with like: all formulas of the post, from text to HTML
 * text. A new document and new input/output jax per run, built untimed, so
 * MathJax starts each run with no state, as ours starts with an empty cache.
 * Ours also parses the markdown; MathJax's side only parses HTML.
 */
export async function mathjaxNode({ formulas = 200 } = {}) {
  const { source } = generatePost({ formulas });
  const page = `<!doctype html><html><head></head><body>${markdownWithTex(source).html}</body></html>`;
  let document;
  const newDocument = () => {
    document = mathjax.document(page, {
      InputJax: new TeX({ packages: ['base', 'ams'], tags: 'ams', inlineMath: [['$', '$'], ['\\(', '\\)']] }),
      OutputJax: new CHTML({ fontURL: '/fonts' }),
    });
  };
  const runMathjax = () => {
    document.render();
    return adaptor.outerHTML(adaptor.root(document.document));
  };

  // Once, outside the timing: what MathJax found and which formulas it could not typeset.
  newDocument();
  const once = runMathjax();
  const found = Array.from(document.math).length;
  const errors = [...once.matchAll(/data-mjx-error="([^"]*)"/g)].map((m) => m[1]);
  const errorKinds = [...new Set(errors)];

  const result = await interleave(
    {
      ours: { setup: clearMathCache, run: () => renderMarkdown(source) },
      mathjax: { setup: newDocument, run: runMathjax },
    },
    { rounds: Math.max(7, Math.round(ROUNDS / 2)), warmup: 3 },
  );
  const { ours, mathjax: mj } = result;
  const speedup = mj.median / ours.median;
  const goal = 6;
  return {
    rows: [
      {
        section: `vs MathJax 3 CHTML, ${formulas} formulas`,
        measure: 'MathJax / ours (cold)',
        ours: fmt(ours.median),
        baseline: fmt(mj.median),
        result: `${speedup.toFixed(1)}x faster`,
        goal: `>= ${goal}x`,
        status: status(speedup >= goal),
        gc: `${fmt(ours.gc)} / ${fmt(mj.gc)}`,
        spread: `${spread(ours)} / ${spread(mj)}`,
      },
    ],
    notes: [
      `MathJax (mathjax-full 3.2, packages base + ams, tags: 'ams'): ${found} math items (the post's ${formulas} formulas plus its \\eqref in text, which MathJax typesets too); ` +
        `paired ratio ${(1 / ratios(ours, mj).pairedRatio).toFixed(1)}x`,
      errors.length
        ? `MathJax with base + ams only cannot typeset ${errors.length} formulas (${errorKinds.join('; ')}): it shows an error box for them, which is cheaper than the formula, so the ratio favours MathJax slightly`
        : 'MathJax typeset every formula without error',
    ],
  };
}

/** Runs the command; resolves with its wall time in ms and its last output line. */
function runCli(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'dist', 'node', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // Bounded: a hung run must not hang the whole bench.
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const time = performance.now() - started;
      const summary = output.trim().split('\n').find((line) => / pages \(/.test(line)) ?? output.trim().split('\n').at(-1);
      if (code !== 0) reject(new Error(`prerender exited with ${code}: ${summary}`));
      else resolve({ time, summary });
    });
  });
}

/**
 * 1 000 generated posts (10 formulas each, every post different) written as
 * .md files, prerendered into pages by the CLI with N workers, wall time of
 * the whole command (start-up, copying the assets, writing the pages
 * included). One run per N: each takes tens of seconds, so noise within a
 * run averages out; the output folder is removed between runs.
 */
export async function prerenderCli({ posts = 1000, formulas = 10 } = {}) {
  const all = os.availableParallelism();
  const counts = [...new Set([1, 2, all])];
  const directory = await mkdtemp(path.join(os.tmpdir(), 'sciblog-bench-prerender-'));
  const input = path.join(directory, 'in');
  const rows = [];
  const notes = [];
  try {
    await mkdir(input);
    await Promise.all(
      Array.from({ length: posts }, (_, i) =>
        writeFile(path.join(input, `post-${String(i).padStart(4, '0')}.md`), generatePost({ seed: 50_000 + i, formulas }).source),
      ),
    );
    let single;
    for (const workers of counts) {
      const output = path.join(directory, `out-${workers}`);
      const { time, summary } = await runCli(['prerender', input, output, '--workers', String(workers)]);
      await rm(output, { recursive: true, force: true });
      single ??= time;
      const label = workers === all ? `${workers} (all)` : String(workers);
      rows.push({
        section: `prerender CLI, ${posts.toLocaleString('en')} posts`,
        measure: `--workers ${label}`,
        ours: fmt(time),
        baseline: workers === 1 ? '' : `${fmt(single)} (1)`,
        result: `${(posts / (time / 1000)).toFixed(0)} posts/s` + (workers === 1 ? '' : `, ${(single / time).toFixed(2)}x`),
        goal: '',
        status: '',
        gc: '',
        spread: '',
      });
      notes.push(`prerender --workers ${label}: ${summary}`);
    }
    if (all <= 2) notes.push(`this machine has ${all} CPUs available, so "all" workers is the 2-worker run`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
  return { rows, notes };
}

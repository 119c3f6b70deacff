// Search: `BENCH_ONLY=siteSearch node bench/run.mjs` after a build, or `node bench/search.bench.mjs`.
//
// Our index (buildSearchIndex: Chinese characters and bigrams, TeX as
// words, word pairs for phrases) against MiniSearch with its default
// tokenizer (split on spaces and punctuation) on the same generated posts,
// side by side: build time and heap for 1 000 and 10 000 posts, then query
// latency (median and p95 over 30 zh/en queries, each run as a whole search)
// and recall (of the posts each query was planted in, how many the top 10 hold).
// Pagefind has no search in Node (its search runs as WebAssembly in the
// browser): only its index build is timed here, over the same posts.

import v8 from 'node:v8';
import vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { buildSearchIndex, searchIndex, serializeSearchIndex } from 'sciblog-elements/core';
import { interleave, quantile } from './harness.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const LATENCY_GOAL = 1.2;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 21;

// What the queries look for: each phrase is planted in PLANTED posts, the rest is filler.
const queries = [
  '矩阵', '低秩近似', '奇异值分解', '梯度下降', '学习率', '最大熵', '交叉熵', '正态分布', '泰勒展开', '随机游走',
  '蒙特卡洛', '拉格朗日乘子', '特征值', '概率密度', '傅里叶变换',
  'softmax 温度', 'low rank', 'singular value', 'gradient descent', 'learning rate', 'random walk', 'cross entropy',
  'eigenvalue', 'monte carlo', 'taylor series', 'normal distribution', 'fourier transform', 'attention', '\\sigma', 'lagrange multiplier',
];
const PLANTED = 3;
const zhFiller = '我们在这里讨论一些一般的想法然后看看它们能否推广到更复杂的情形其中每一步都需要仔细地验证并且给出直观的解释';
const enFiller = 'we now look at the general idea and check whether it extends to harder cases where every step needs care and a clear picture'.split(' ');

/** A deterministic stream of numbers in [0, 1). */
function random(seed) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function generatePosts(count) {
  const next = random(count);
  const posts = [];
  const planted = new Map(queries.map((query) => [query, []]));
  for (let i = 0; i < count; i++) {
    const zh = i % 2 === 0;
    const sentences = [];
    for (let s = 0; s < 8; s++) {
      if (zh) {
        const start = Math.floor(next() * (zhFiller.length - 20));
        sentences.push(`${zhFiller.slice(start, start + 12 + Math.floor(next() * 8))}，其中 $x_${s}$ 满足条件。`);
      } else {
        const words = Array.from({ length: 10 + Math.floor(next() * 8) }, () => enFiller[Math.floor(next() * enFiller.length)]);
        sentences.push(`${words.join(' ')} with $y_${s}$.`);
      }
    }
    posts.push({ id: String(i), url: `/p/${i}`, title: zh ? `随笔 ${i}` : `Notes ${i}`, date: '2024-01-01', authors: [], tags: [], contentText: sentences.join(' ') });
  }
  // Each query's text goes into PLANTED posts, spread over the feed: in the body, inside a sentence.
  queries.forEach((query, q) => {
    for (let k = 0; k < PLANTED; k++) {
      const index = (q * 7919 + k * 104729) % count;
      const post = posts[index];
      const text = query === '\\sigma' ? '奇异值 $\\sigma_i$ 递减' : /[a-z]/.test(query) && !/[\u4e00-\u9fff]/.test(query) ? `so the ${query} shows up` : `于是${query.replace(' ', '的')}出现了`;
      post.contentText = post.contentText.replace('。', `，${text}。`).replace('.', `, ${text}.`);
      planted.get(query).push(post.id);
    }
  });
  return { posts, planted };
}

const miniSearchOptions = { fields: ['title', 'tags', 'summary', 'content'], storeFields: ['url', 'title', 'date', 'tags'] };
const asDocument = (post) => ({ id: post.id, title: post.title, tags: post.tags.join(' '), summary: post.summary ?? '', content: post.contentText ?? '', url: post.url, date: post.date });

function buildBaseline(posts) {
  const index = new MiniSearch(miniSearchOptions);
  index.addAll(posts.map(asDocument));
  return index;
}

/** Heap held by what `build` returns, after collection, in MB. */
function heldHeap(build) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  gc();
  const after = process.memoryUsage().heapUsed;
  return { kept, mb: (after - before) / 1024 / 1024 };
}

async function pagefindBuild(posts) {
  let pagefind;
  try {
    pagefind = await import('pagefind');
  } catch {
    return undefined;
  }
  const started = performance.now();
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
  for (const post of posts) await index.addCustomRecord({ url: post.url, content: post.contentText, language: 'zh', meta: { title: post.title } });
  await index.getFiles();
  await pagefind.close();
  return performance.now() - started;
}

const fmt = (ms) => ms.toFixed(3);

export async function siteSearch() {
  const rows = [];
  const notes = [];
  for (const count of [1_000, 10_000]) {
    const { posts, planted } = generatePosts(count);
    const builds = await interleave({ ours: () => buildSearchIndex(posts), baseline: () => buildBaseline(posts) }, { rounds: count > 1000 ? 3 : 7, warmup: 1 });
    const ours = heldHeap(() => buildSearchIndex(posts));
    const baseline = heldHeap(() => buildBaseline(posts));
    const jsonMb = (json) => (Buffer.byteLength(json) / 1024 / 1024).toFixed(1);
    rows.push({
      section: `search index, ${count.toLocaleString('en')} posts`,
      measure: `build (heap ${ours.mb.toFixed(0)} / ${baseline.mb.toFixed(0)} MB, JSON ${jsonMb(serializeSearchIndex(ours.kept))} / ${jsonMb(JSON.stringify(baseline.kept))} MB)`,
      ours: fmt(builds.ours.median),
      baseline: fmt(builds.baseline.median),
      result: `${(builds.ours.median / builds.baseline.median).toFixed(2)}x`,
      goal: '',
      status: '',
      gc: fmt(builds.ours.gc),
      spread: `${fmt(builds.ours.p25)}–${fmt(builds.ours.p75)}`,
    });

    // Query latency: the queries in turn, one search per sample, ours and the baseline in the same rounds.
    // All 30, the English ones alone (both do the same work) and the Chinese ones alone: on those the
    // baseline looks up one term no post has and returns nothing, which is quick, while ours finds the posts.
    // Each of the three is held to the goal.
    const english = queries.filter((query) => !/[\u4e00-\u9fff]/.test(query));
    const chinese = queries.filter((query) => /[\u4e00-\u9fff]/.test(query));
    const sets = [['30 zh/en queries', queries], [`${english.length} en queries`, english], [`${chinese.length} zh queries (baseline finds none)`, chinese]];
    for (const [label, list] of sets) {
      let q = 0;
      let b = 0;
      const latency = await interleave(
        {
          // Each query 10 times untimed first, on both sides: the first set measured would otherwise
          // time the JIT compiling the search paths (2 warm-up rounds are 2 searches each).
          ours: { run: () => searchIndex(ours.kept, list[q++ % list.length], { limit: 10 }), repeat: list.length, warmup: 10 * list.length },
          baseline: { run: () => baseline.kept.search(list[b++ % list.length]).slice(0, 10), repeat: list.length, warmup: 10 * list.length },
        },
        { rounds: ROUNDS, warmup: 2 },
      );
      const p95 = (summary) => quantile(summary.samples, 0.95);
      const ratio = latency.ours.median / latency.baseline.median;
      rows.push({
        section: `search query, ${count.toLocaleString('en')} posts`,
        measure: `${label}: median (p95 ${fmt(p95(latency.ours))} / ${fmt(p95(latency.baseline))})`,
        ours: fmt(latency.ours.median),
        baseline: fmt(latency.baseline.median),
        result: `${ratio.toFixed(2)}x`,
        goal: `<= ${LATENCY_GOAL}x`,
        status: ratio <= LATENCY_GOAL ? 'PASS' : 'MISS',
        gc: fmt(latency.ours.gc),
        spread: `${fmt(latency.ours.p25)}–${fmt(latency.ours.p75)}`,
      });
    }

    // Recall@10 per query, for both.
    const recall = (found, query) => planted.get(query).filter((id) => found.includes(id)).length / PLANTED;
    const perQuery = queries.map((query) => ({
      query,
      ours: recall(searchIndex(ours.kept, query, { limit: 10 }).map((hit) => hit.id), query),
      baseline: recall(baseline.kept.search(query).slice(0, 10).map((hit) => String(hit.id)), query),
    }));
    const mean = (key) => perQuery.reduce((sum, row) => sum + row[key], 0) / perQuery.length;
    notes.push(
      `recall@10 over ${queries.length} queries, ${count.toLocaleString('en')} posts: ours ${(mean('ours') * 100).toFixed(0)}%, MiniSearch default ${(mean('baseline') * 100).toFixed(0)}%; ` +
        `per query (ours/default): ${perQuery.map((row) => `${row.query} ${Math.round(row.ours * PLANTED)}/${Math.round(row.baseline * PLANTED)}`).join(', ')}`,
    );
    if (count === 1_000 || process.env.BENCH_PAGEFIND_10K) {
      const pagefindMs = await pagefindBuild(posts);
      notes.push(pagefindMs === undefined ? 'Pagefind: not installed, not measured' : `Pagefind index build (addCustomRecord, forceLanguage zh), ${count.toLocaleString('en')} posts: ${pagefindMs.toFixed(0)} ms; its search runs only in a browser (WebAssembly) and is not timed here`);
    }
  }
  return { rows, notes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printReport } = await import('./harness.mjs');
  const { rows, notes } = await siteSearch();
  printReport(rows, notes);
}

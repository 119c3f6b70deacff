// Deterministic benchmark input: a long science-blog post with math, in the
// style of 科学空间 posts (Chinese and English prose, numbered equations,
// alignments, references). Same seed, same post, on every machine.

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

const letters = ['x', 'y', 'z', 'q', 'k', 'v', 'h', 'w', 'u', 'p'];
const greek = ['\\alpha', '\\beta', '\\theta', '\\lambda', '\\mu', '\\sigma', '\\omega', '\\varphi', '\\gamma', '\\epsilon'];
const indices = ['i', 'j', 'k', 'n', 'm', 't', 's'];
const sets = ['\\mathbb{R}', '\\mathbb{C}', '\\mathbb{Z}', '\\mathbb{N}', '\\mathbb{R}^d', '\\mathbb{R}^{n\\times d}'];
const functions = ['\\exp', '\\log', '\\sin', '\\cos', '\\tanh'];

// Inline formulas: short, many subscripts, the odd fraction or set.
const inlineTemplates = [
  (r, v) => `${v.a}_{${v.i}}`,
  (r, v) => `${v.g} \\in ${v.set}`,
  (r, v) => `\\boldsymbol{${v.a}}_${v.i}^{\\top}\\boldsymbol{${v.b}}_${v.j}`,
  (r, v) => `\\frac{1}{\\sqrt{d}}`,
  (r, v) => `${v.f}(${v.a}_${v.i})`,
  (r, v) => `\\mathcal{O}(${v.i}^${r.int(2, 3)})`,
  (r, v) => `\\Vert ${v.a} - ${v.b} \\Vert_2`,
  (r, v) => `${v.g}_{${v.i}} = ${r.int(2, 9)}^{-2${v.i}/d}`,
  (r, v) => `\\mathbb{E}_{${v.a}\\sim p(${v.a})}[${v.b}]`,
  (r, v) => `\\langle ${v.a}, ${v.b} \\rangle`,
  (r, v) => `e^{\\text{i}${v.g} ${v.i}}`,
  (r, v) => `p(${v.a}|${v.b})`,
  (r, v) => `\\sum_{${v.i}=1}^{n} ${v.a}_${v.i}`,
  (r, v) => `d = ${2 ** r.int(5, 10)}`,
];

// Display bodies: fractions, sums, integrals, matrices, cases.
const displayTemplates = [
  (r, v) => `\\text{softmax}(${v.a})_{${v.i}} = \\frac{e^{${v.a}_${v.i}}}{\\sum\\limits_{${v.j}=1}^{n} e^{${v.a}_${v.j}}}`,
  (r, v) => `\\int_{-\\infty}^{\\infty} ${v.f}\\left(-\\frac{(${v.a}-${v.g})^2}{2\\sigma^2}\\right) d${v.a} = \\sqrt{2\\pi}\\,\\sigma`,
  (r, v) =>
    `\\begin{pmatrix}\\cos ${v.i}${v.g} & -\\sin ${v.i}${v.g} \\\\ \\sin ${v.i}${v.g} & \\cos ${v.i}${v.g}\\end{pmatrix}` +
    `\\begin{pmatrix}${v.a}_0 \\\\ ${v.a}_1\\end{pmatrix}`,
  (r, v) => `\\mathcal{L}(${v.g}) = -\\frac{1}{N}\\sum_{${v.i}=1}^{N} \\log p_{${v.g}}(${v.b}_${v.i} \\mid ${v.a}_${v.i})`,
  (r, v) => `\\boldsymbol{${v.a}}^{\\top}\\boldsymbol{\\mathcal{R}}_{${v.i}-${v.j}}\\boldsymbol{${v.b}} = \\text{Re}\\left[\\sum_{t=0}^{d/2-1} ${v.a}_{[2t:2t+1]} ${v.b}_{[2t:2t+1]}^* e^{\\text{i}(${v.i}-${v.j})\\theta_t}\\right]`,
  (r, v) => `f(${v.a}) = \\begin{cases} ${v.a}, & ${v.a} \\geq 0 \\\\ ${v.g}(e^{${v.a}}-1), & ${v.a} < 0 \\end{cases}`,
  (r, v) => `\\nabla_{${v.g}} \\mathbb{E}_{${v.a}\\sim q_{${v.g}}}\\left[${v.f}(${v.a})\\right] = \\mathbb{E}_{\\epsilon\\sim\\mathcal{N}(0,I)}\\left[\\nabla_{${v.g}} ${v.f}(\\mu_{${v.g}} + \\sigma_{${v.g}}\\odot\\epsilon)\\right]`,
  (r, v) => `\\lim_{${v.i}\\to\\infty} \\left(1 + \\frac{${v.a}}{${v.i}}\\right)^{${v.i}} = e^{${v.a}}, \\quad ${v.a}\\in${v.set}`,
  (r, v) => `\\Vert A \\Vert_F^2 = \\sum_{${v.i}=1}^{M}\\sum_{${v.j}=1}^{N} |a_{${v.i}${v.j}}|^2 = \\operatorname{tr}(A^{\\top}A)`,
  (r, v) => `\\prod_{${v.i}=1}^{n} \\frac{1}{1 - ${v.a}^{${v.i}}} = \\sum_{${v.j}=0}^{\\infty} p(${v.j})\\, ${v.a}^{${v.j}}`,
];

// Rows of an align environment.
const alignRowTemplates = [
  (r, v) => `${v.a}_{${v.i}+1} &= ${v.a}_{${v.i}} - \\eta \\nabla_{${v.a}} \\mathcal{L}(${v.a}_{${v.i}})`,
  (r, v) => `&= \\frac{\\partial \\mathcal{L}}{\\partial ${v.b}}\\frac{\\partial ${v.b}}{\\partial ${v.a}}`,
  (r, v) => `\\text{KL}(p\\Vert q) &= \\int p(${v.a}) \\log\\frac{p(${v.a})}{q(${v.a})} d${v.a}`,
  (r, v) => `&\\leq \\sum_{${v.i}=1}^{n} \\left|${v.a}_${v.i} - ${v.b}_${v.i}\\right|^2 + ${v.g}\\Vert ${v.a} \\Vert^2`,
  (r, v) => `${v.b} &= W_{${v.i}} ${v.a} + b_{${v.i}}, \\quad W_{${v.i}} \\in \\mathbb{R}^{d\\times d}`,
  (r, v) => `&= \\sum_{${v.j}} \\binom{N}{${v.j}} ${v.a}^{${v.j}} (1-${v.a})^{N-${v.j}}`,
];

const zhSentences = [
  '我们知道，位置编码的核心是让模型能够区分不同位置的 token。',
  '为了方便理解，我们先从二维的情形开始推导，然后再推广到一般的偶数维。',
  '可以看到，这个结果只依赖于相对位置，这正是我们想要的性质。',
  '当然，这只是一个直观的解释，严格的证明留给有兴趣的读者。',
  '代入上式并整理，就得到了下面的结果。',
  '由此可见，远程衰减是这类编码的一个自然推论。',
  '实验结果表明，该方法在长文本上的外推能力明显更好。',
  '这里的推导借鉴了复数的表示方法，显得相当简洁。',
  '读者可能会问：为什么要这样选取参数？答案在于数值稳定性。',
  '这也解释了为什么训练初期损失下降得如此之快。',
];
const enSentences = [
  'The derivation above only uses the linearity of the inner product.',
  'In practice we never materialise the full matrix; we apply the rotation blockwise.',
  'This is exactly the property that makes the scheme compatible with linear attention.',
  'Note that the bound is tight when all the terms have the same sign.',
  'We can now plug this back into the objective.',
  'A quick numerical check confirms the result for small values of n.',
  'The same argument works for any even dimension, with one rotation per pair of coordinates.',
  'See the appendix for the full proof; here we only sketch the idea.',
];
const headings = ['基本思路', 'Derivation', '二维情形', 'General case', '远程衰减', 'Linear attention', '实验', 'Discussion', '小结', 'Appendix'];

function variables(r) {
  const a = r.pick(letters);
  let b = r.pick(letters);
  if (b === a) b = letters[(letters.indexOf(a) + 1) % letters.length];
  const i = r.pick(indices);
  let j = r.pick(indices);
  if (j === i) j = indices[(indices.indexOf(i) + 1) % indices.length];
  return { a, b, i, j, g: r.pick(greek), set: r.pick(sets), f: r.pick(functions) };
}

function prose(r, count) {
  const out = [];
  for (let n = 0; n < count; n++) out.push(r.next() < 0.65 ? r.pick(zhSentences) : ` ${r.pick(enSentences)} `);
  return out;
}

/**
 * Generates the post. `formulas` counts every piece of math the pipelines
 * find: inline, `$$..$$`, `equation` and `align` blocks. References written
 * in running text (`\eqref{eq:N}`) come on top of those.
 */
export function generatePost({ seed = 20240611, formulas = 200 } = {}) {
  const r = createRandom(seed);

  // Plan first, so references can point forward as well as back.
  const kinds = [];
  for (let n = 0; n < formulas; n++) {
    const x = r.next();
    kinds.push(x < 0.5 ? 'inline' : x < 0.65 ? 'display' : x < 0.87 ? 'equation' : 'align');
  }
  let labelCount = 0;
  const plan = kinds.map((kind) => {
    const v = variables(r);
    if (kind === 'inline') return { kind, tex: r.pick(inlineTemplates)(r, v) };
    if (kind === 'display') return { kind, tex: r.pick(displayTemplates)(r, v) };
    if (kind === 'equation') return { kind, tex: r.pick(displayTemplates)(r, v), label: `eq:${++labelCount}` };
    const rows = [];
    const rowCount = r.int(2, 4);
    for (let n = 0; n < rowCount; n++) {
      const row = r.pick(alignRowTemplates)(r, variables(r));
      rows.push(r.next() < 0.4 ? `${row} \\label{eq:${++labelCount}}` : row);
    }
    return { kind, rows };
  });
  const reference = () => `\\eqref{eq:${r.int(1, labelCount)}}`;

  const lines = ['---', 'title: 旋转位置编码的一些推导 / Notes on rotary position embeddings', 'date: 2024-06-11', 'tags: [transformer, 位置编码]', '---', ''];
  lines.push('本文整理了一些关于位置编码的推导，涉及大量公式。This post collects a few derivations; it is long and formula-heavy.', '');

  let paragraph = [];
  let references = 0;
  const flush = () => {
    if (paragraph.length) lines.push(paragraph.join('').replace(/ {2,}/g, ' ').trim(), '');
    paragraph = [];
  };

  plan.forEach((item, n) => {
    if (n % 20 === 0) {
      flush();
      lines.push(`## ${headings[(n / 20) % headings.length]}`, '');
    }
    paragraph.push(...prose(r, r.int(1, 2)));
    if (r.next() < 0.2) {
      paragraph.push(`如式 ${reference()} 所示，`);
      references++;
    }
    switch (item.kind) {
      case 'inline':
        paragraph.push(` 其中 $${item.tex}$ 是关键量，`);
        break;
      case 'display':
        flush();
        lines.push('$$', item.tex, '$$', '');
        break;
      case 'equation':
        flush();
        lines.push('\\begin{equation}', `${item.tex} \\label{${item.label}}`, '\\end{equation}', '');
        break;
      case 'align':
        flush();
        lines.push('\\begin{align}', item.rows.join(' \\\\\n'), '\\end{align}', '');
        break;
    }
  });
  flush();
  lines.push(`Combining ${reference()} and ${reference()} completes the argument. 全文完。`, '');
  references += 2;

  const counts = { formulas, references, labels: labelCount };
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return { source: lines.join('\n'), counts };
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSearchIndex, loadSearchIndex, parseFeed, searchIndex, searchSnippet, serializeSearchIndex, tokenize } from 'sciblog-elements/core';
import { annotations, parseHtml, visibleText } from './support/html.js';

const tex = String.raw;

function post(id, fields) {
  return { id, url: `/p/${id}`, title: `Post ${id}`, date: '2024-01-01', authors: [], tags: [], ...fields };
}

const ids = (hits) => hits.map((hit) => hit.id);

describe('tokenize', () => {
  const cases = [
    ['en: words lower-cased, single letters left out', 'The Softmax temperature, a key knob', 'en', ['the', 'softmax', 'temperature', 'key', 'knob']],
    ['en: accents and full-width forms folded', 'Café Ｆｕｌｌ ŁÓDŹ', 'en', ['café', 'full', 'łódź']],
    ['en: numbers kept', 'GPT 4 has 1.5 trillion', 'en', ['gpt', '4', 'has', '1.5', 'trillion']],
    ['tex: a command is its name, subscripts of one letter go', tex`$\sigma_i$`, 'en', ['sigma']],
    ['tex: font commands give their argument', tex`$\mathrm{rank}(A)$`, 'en', ['rank']],
    ['tex: structure is not indexed', tex`\begin{align} \frac{x}{y} \end{align}`, 'en', []],
    ['tex: text inside \\text is words', tex`$\text{low rank}\,\alpha$`, 'en', ['low', 'rank', 'alpha']],
    ['zh: words, characters and bigrams', '矩阵分解', 'zh', ['矩阵', '分解', '矩', '阵', '分', '解', '阵分']],
    ['zh: a single character', '秩', 'zh', ['秩']],
    ['zh in an English text', 'SVD 即奇异值', 'en', ['svd', '即', '奇异', '值', '奇', '异', '即奇', '异值']],
    ['zh right after a Latin word', 'softmax的温度', 'zh', ['softmax', '的', '温度', '温', '度', '的温']],
    ['zh: full-width punctuation ends a word, as ASCII punctuation does', '秩，Ｒａｎｋ。', 'zh', ['秩', 'rank']],
    ['emoji are not words', 'ok 👨‍👩‍👧 fine', 'en', ['ok', 'fine']],
  ];
  for (const [name, text, locale, expected] of cases) {
    it(name, () => assert.deepEqual(tokenize(text, locale), expected));
  }

  it('gives every bigram of a Chinese run, so a query of two characters finds any longer word holding them', () => {
    const terms = tokenize('低秩近似与矩阵分解', 'zh');
    for (const pair of ['低秩', '秩近', '近似', '矩阵', '阵分', '分解']) assert.ok(terms.includes(pair), pair);
  });

  it('segments a long Chinese text in short pieces (Intl.Segmenter is quadratic on long strings in Node 20)', () => {
    const lengths = [];
    const original = Intl.Segmenter.prototype.segment;
    Intl.Segmenter.prototype.segment = function counted(text) {
      lengths.push(text.length);
      return original.call(this, text);
    };
    try {
      tokenize('矩阵分解是低秩近似的核心'.repeat(2000), 'zh');
    } finally {
      Intl.Segmenter.prototype.segment = original;
    }
    assert.ok(lengths.length > 10);
    assert.ok(Math.max(...lengths) <= 200, `longest piece ${Math.max(...lengths)}`);
  });
});

describe('buildSearchIndex and searchIndex', () => {
  it('finds 矩阵分解 by 矩阵, and the English, TeX and mixed queries of the demo', () => {
    const index = buildSearchIndex([
      post('svd', { title: '矩阵分解入门', contentText: tex`奇异值 $\sigma_i$ 给出最优的低秩近似。` }),
      post('softmax', { title: 'Softmax 的温度', contentHtml: '<p>Temperature scales the logits.</p>' }),
      post('other', { title: 'Unrelated', contentText: 'Nothing to see here.' }),
    ]);
    assert.deepEqual(ids(searchIndex(index, '矩阵')), ['svd']);
    assert.deepEqual(ids(searchIndex(index, '低秩近似')), ['svd']);
    assert.deepEqual(ids(searchIndex(index, tex`\sigma`)), ['svd']);
    assert.deepEqual(ids(searchIndex(index, 'softmax 温度')), ['softmax']);
    assert.deepEqual(ids(searchIndex(index, 'temperature')), ['softmax']);
  });

  it('reads formulas rendered by KaTeX as their TeX', async () => {
    const { renderMarkdown } = await import('sciblog-elements/core');
    const index = buildSearchIndex([post('a', { contentHtml: renderMarkdown(tex`The singular values $\sigma_i$.`).html })]);
    assert.deepEqual(ids(searchIndex(index, 'sigma')), ['a']);
    assert.deepEqual(ids(searchIndex(index, 'mord')), [], 'KaTeX markup is not text');
  });

  it('ranks a title hit above a body hit', () => {
    const index = buildSearchIndex([
      post('body', { title: 'Notes', contentText: 'We talk about attention here, and attention again.' }),
      post('title', { title: 'Attention', contentText: 'A short post.' }),
    ]);
    assert.deepEqual(ids(searchIndex(index, 'attention')), ['title', 'body']);
  });

  it('ranks an exact phrase above the same words scattered', () => {
    const index = buildSearchIndex([
      post('scattered', { contentText: 'The rank of a matrix is low when its columns depend on each other.' }),
      post('phrase', { contentText: 'A matrix of low rank has few independent columns.' }),
    ]);
    assert.deepEqual(ids(searchIndex(index, 'low rank')), ['phrase', 'scattered']);
  });

  it('ranks a Chinese phrase above its characters scattered', () => {
    const index = buildSearchIndex([
      post('scattered', { contentText: '近来我们讨论似然函数，秩和低维结构。' }),
      post('phrase', { contentText: '本文讨论低秩近似。' }),
    ]);
    assert.equal(ids(searchIndex(index, '低秩近似'))[0], 'phrase');
  });

  it('finds a word being typed by its beginning', () => {
    const index = buildSearchIndex([post('a', { title: 'Softmax temperature' })]);
    assert.deepEqual(ids(searchIndex(index, 'softm')), ['a']);
  });

  it('gives at most `limit` hits, with what the result list shows', () => {
    const index = buildSearchIndex(Array.from({ length: 30 }, (_, i) => post(String(i), { title: `Matrix ${i}`, tags: ['线性代数'], date: '2024-02-03' })));
    const hits = searchIndex(index, 'matrix', { limit: 5 });
    assert.equal(hits.length, 5);
    assert.deepEqual(Object.keys(hits[0]).sort(), ['date', 'id', 'score', 'tags', 'terms', 'title', 'url']);
    assert.deepEqual(hits[0].tags, ['线性代数']);
    assert.equal(hits[0].url, `/p/${hits[0].id}`);
    assert.equal(searchIndex(index, 'matrix').length, 10);
  });

  it('names the query terms each post holds, as the tokenizer writes them', () => {
    const index = buildSearchIndex([post('a', { title: '低秩近似', contentText: 'A low rank matrix.' }), post('b', { contentText: '近似 only' })]);
    const [first, second] = searchIndex(index, '低秩近似 rank');
    assert.deepEqual([first.id, [...first.terms].sort()], ['a', ['低秩', '秩近', '近似', 'rank'].sort()]);
    assert.deepEqual([second.id, second.terms], ['b', ['近似']]);
  });

  it('ranks the post holding both the Latin and the Chinese words of a query above posts holding one', () => {
    const index = buildSearchIndex([
      post('latin', { contentText: 'Softmax turns logits into probabilities.' }),
      post('both', { contentText: 'Softmax 的温度决定分布的形状。' }),
      post('chinese', { contentText: '温度越高，分布越平。' }),
    ]);
    const hits = searchIndex(index, 'softmax 温度');
    assert.equal(hits[0].id, 'both');
    assert.deepEqual([...hits[0].terms].sort(), ['softmax', '温度'].sort());
    assert.deepEqual(ids(hits).slice(1).sort(), ['chinese', 'latin']);
  });

  it('keeps a tag with a space in it whole', () => {
    const hits = searchIndex(buildSearchIndex([post('a', { title: 'Attention', tags: ['machine learning', '注意力'] })]), 'attention');
    assert.deepEqual(hits[0].tags, ['machine learning', '注意力']);
  });

  it('finds nothing for a blank query, and nothing in an empty feed', () => {
    const empty = buildSearchIndex(parseFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'Empty', items: [] }).posts);
    assert.deepEqual(searchIndex(empty, '矩阵'), []);
    const index = buildSearchIndex([post('a', { title: 'Matrix' })]);
    assert.deepEqual(searchIndex(index, ''), []);
    assert.deepEqual(searchIndex(index, '  ,.;  '), []);
  });

  it('indexes the posts of a JSON Feed, keeping the first of two posts with one id', () => {
    const { posts } = parseFeed({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Blog',
      items: [
        { id: '1', url: 'https://example.com/1', title: '矩阵分解', content_text: 'x', date_published: '2024-01-01' },
        { id: '2', url: 'https://example.com/2', title: 'Other', content_html: '<p>about <b>矩阵</b></p>', date_published: '2024-01-02', tags: ['svd'] },
        { id: '1', url: 'https://example.com/1b', title: '矩阵 again', content_text: 'x', date_published: '2024-01-03' },
      ],
    });
    const hits = searchIndex(buildSearchIndex(posts), '矩阵');
    assert.deepEqual(ids(hits), ['1', '2']);
    assert.equal(hits[0].url, 'https://example.com/1');
  });

  it('serialises to JSON and reads back to the same answers', () => {
    const index = buildSearchIndex([post('a', { title: '矩阵分解', tags: ['svd'] }), post('b', { contentText: tex`$\sigma$ and softmax` })], { locale: 'zh' });
    const json = serializeSearchIndex(index);
    const again = loadSearchIndex(JSON.parse(json));
    for (const query of ['矩阵', 'sigma', 'softmax', 'svd']) assert.deepEqual(searchIndex(again, query), searchIndex(index, query), query);
    assert.equal(again.locale, 'zh');
    assert.deepEqual(searchIndex(loadSearchIndex(json), '矩阵'), searchIndex(index, '矩阵'));
  });

  it('refuses JSON that is not its own, saying why', () => {
    assert.throws(() => loadSearchIndex({ documentCount: 0 }), /search index: not a sciblog-elements search index/);
    assert.throws(() => loadSearchIndex({ format: 'sciblog-search-index', version: 99 }), /version 99 is not 4; rebuild/);
    // Saved before Chinese terms and pairs of words were kept apart from MiniSearch's.
    assert.throws(() => loadSearchIndex({ format: 'sciblog-search-index', version: 2, locale: 'zh', index: {} }), /version 2 is not 4; rebuild the index/);
  });

  it('indexes and finds a 1 MB post', () => {
    const words = 'lorem ipsum dolor sit amet 矩阵 '.repeat(35000);
    const index = buildSearchIndex([post('big', { contentText: `${words} needle` }), post('small', { title: 'Small' })]);
    assert.ok(words.length > 1_000_000);
    assert.deepEqual(ids(searchIndex(index, 'needle')), ['big']);
    assert.deepEqual(ids(searchIndex(index, '矩阵')), ['big']);
  });
});

/** What a reader sees of a snippet (KaTeX's hidden MathML left out). */
function seen(html) {
  return visibleText(parseHtml(html)).replace(/\s+/g, ' ').trim();
}

describe('searchSnippet', () => {
  const filler = 'Some words come before the interesting part of the post. '.repeat(12);

  it('shows the text around the hit, marked, with ellipses where text is left out', () => {
    const snippet = searchSnippet(post('a', { contentHtml: `<p>${filler}Here the softmax temperature matters. ${filler}</p>` }), 'softmax', { length: 80 });
    assert.match(snippet.html, /<mark>softmax<\/mark>/);
    assert.match(seen(snippet.html), /^….*Here the softmax temperature matters\..*…$/);
    assert.ok(snippet.text.length < 160, snippet.text);
    assert.doesNotMatch(snippet.text, /^…\S*[a-z]{1}\s/, 'starts on a word boundary');
  });

  it('starts on a word boundary, never inside a word', () => {
    for (let pad = 0; pad < 12; pad++) {
      const snippet = searchSnippet(post('a', { contentText: `${'x'.repeat(pad)} ${filler} temperature` }), 'temperature', { length: 60 });
      const first = seen(snippet.html).replace(/^…\s*/, '').split(' ')[0];
      assert.ok(filler.split(' ').includes(first) || /^x*$/.test(first), `"${first}" is a word of the text`);
    }
  });

  it('never cuts a display formula: any formula shown is whole, and rendered', () => {
    const formula = tex`\sum_{i=1}^{n} \sigma_i^2 = \|A\|_F^2`;
    const source = `<p>${filler}</p><p>The identity $$${formula}$$ relates the singular values to the Frobenius norm. ${filler}</p>`;
    for (const length of [20, 40, 60, 80, 120, 200]) {
      for (const query of ['identity', 'singular values', 'frobenius', 'sigma']) {
        const snippet = searchSnippet(post('a', { contentHtml: source }), query, { length });
        for (const shown of annotations(snippet.html)) assert.equal(shown.trim(), formula, `${query} at ${length}`);
        assert.doesNotMatch(seen(snippet.html), /\$\$|\\sum/, `${query} at ${length}: no raw TeX left`);
      }
    }
  });

  it('marks a formula whose TeX holds the query', () => {
    const snippet = searchSnippet(post('a', { contentText: tex`The values $\sigma_i$ decrease.` }), tex`\sigma`);
    assert.match(snippet.html, /<mark class="sb-search-formula"><span class="katex">/);
    assert.deepEqual(annotations(snippet.html).map((t) => t.trim()), [tex`\sigma_i`]);
  });

  it('never cuts an emoji family or a flag', () => {
    const family = '👨‍👩‍👧‍👦';
    const flag = '🇨🇳';
    const text = `${`${family}${flag} `.repeat(40)}低秩近似${` ${flag}${family}`.repeat(40)}`;
    for (const length of [10, 17, 33, 50]) {
      const shown = seen(searchSnippet(post('a', { contentText: text }), '低秩', { length }).html).replace(/…/g, '').replace(/低秩近似/, '');
      assert.equal(shown.replaceAll(family, '').replaceAll(flag, '').trim(), '', `length ${length}: ${shown}`);
    }
  });

  it('finds Chinese without spaces and marks the whole query', () => {
    const snippet = searchSnippet(post('a', { contentText: `${'前面的一些话。'.repeat(30)}矩阵分解是低秩近似的核心。${'后面的一些话。'.repeat(30)}` }), '低秩近似', { length: 40 });
    assert.match(snippet.html, /<mark>低秩近似<\/mark>/);
    assert.match(seen(snippet.html), /^…/);
  });

  it('prefers the window where the query words come together', () => {
    const text = `softmax alone. ${filler} temperature alone. ${filler} The softmax temperature together. ${filler}`;
    const snippet = searchSnippet(post('a', { contentText: text }), 'softmax temperature', { length: 60 });
    assert.match(seen(snippet.html), /softmax temperature together/);
  });

  it('gives the beginning of a post without a match, and of a post with only a summary', () => {
    assert.match(seen(searchSnippet(post('a', { contentText: 'First words. Then more.' }), 'absent').html), /^First words\./);
    assert.equal(seen(searchSnippet(post('a', { summary: 'Only a summary about matrices.' }), 'matrices').html), 'Only a summary about matrices.');
    assert.equal(searchSnippet(post('a', {}), 'x').html, '');
  });

  it('marks a Latin word written right after Chinese, as Chinese posts write them', () => {
    const snippet = searchSnippet(post('a', { contentText: '多于两个类别时，同样的推导会给出Softmax；下一篇再谈温度。' }), 'softmax 温度', { length: 80 });
    assert.deepEqual([...snippet.html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]), ['Softmax', '温度']);
    // Still only at the start of a Latin word.
    assert.doesNotMatch(searchSnippet(post('b', { contentText: 'hardmax 与 Softmax' }), 'max').html, /<mark>/);
  });

  it('shows the summary around the hit when the query is only there', () => {
    const found = post('a', { summary: tex`上一篇从最大熵原理得到了Softmax，这一篇换成方差 $\sigma^2$。`, contentText: `${'正文里没有那个词。'.repeat(30)}` });
    const snippet = searchSnippet(found, 'softmax', { length: 60 });
    assert.match(snippet.html, /<mark>Softmax<\/mark>/);
    assert.match(searchSnippet(found, tex`\sigma`, { length: 60 }).html, /<mark class="sb-search-formula">/);
    // A hit in the content still wins, and no hit anywhere still gives the content's beginning.
    assert.match(seen(searchSnippet(post('b', { summary: 'About softmax.', contentText: 'The softmax in the text.' }), 'softmax').html), /^The softmax in the text\.$/);
    assert.match(seen(searchSnippet(found, '量子').html), /^正文里没有那个词。/);
  });

  it('ignores <!--more-->: the window may run past it', () => {
    const snippet = searchSnippet(post('a', { contentHtml: '<p>Intro.</p><!--more--><p>The softmax part.</p>' }), 'softmax', { length: 100 });
    assert.match(seen(snippet.html), /The softmax part\./);
  });

  it('shows the end of a 1 MB post when the hit is there', () => {
    const text = `${'lorem ipsum dolor sit amet '.repeat(40000)}the needle is here.`;
    assert.ok(text.length > 1_000_000);
    const snippet = searchSnippet(post('a', { contentText: text }), 'needle', { length: 80 });
    assert.match(seen(snippet.html), /^….*the needle is here\.$/);
    assert.ok(snippet.html.length < 400);
  });
});

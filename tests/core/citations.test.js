import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { loadBibliography, loadPostBibliography, renderComment, renderMarkdown } from 'sciblog-elements/core';
import { attr, byClass, findAll, links, parseHtml, visibleText } from './support/html.js';

// What each error says in English, and where (error-messages.test.js checks their codes and other languages).
const messagesOf = (errors) => errors.map(({ message, line }) => (line === undefined ? { message } : { message, line }));

const tex = String.raw;

const bibtex = tex`@inproceedings{vaswani2017,
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
  title = {Attention Is {All} You Need},
  booktitle = {Advances in Neural Information Processing Systems},
  volume = {30},
  year = {2017},
  doi = {10.48550/arXiv.1706.03762}
}
@misc{hinton2015,
  author = {Hinton, Geoffrey and Vinyals, Oriol and Dean, Jeff},
  title = {Distilling the Knowledge in a Neural Network},
  year = {2015},
  eprint = {1503.02531},
  archivePrefix = {arXiv}
}
@article{pearson1905,
  author = {Pearson, Karl},
  title = {The Problem of the Random Walk},
  journal = {Nature},
  volume = {72},
  number = {1865},
  pages = {294},
  year = {1905},
  doi = {10.1038/072294b0}
}
@book{mueller2020,
  author = {M{\"u}ller, J{\"o}rg and {\'E}mile Z{\o}ller},
  title = {{B}races, {\TeX} and {\'E}tudes},
  publisher = {Springer},
  year = {2020}
}`;

const bibliography = await loadBibliography(bibtex);

/** What a reader sees of each citation, in order. */
const citationTexts = (html) => findAll(parseHtml(html), byClass('sb-cite')).map(visibleText);
/** Each entry of the reference list: its id and text. */
const entries = (html) => findAll(parseHtml(html), byClass('sb-reference')).map((li) => ({ id: attr(li, 'id'), text: visibleText(li) }));

describe('BibTeX bibliographies', () => {
  it('maps entries to references, TeX accents and braces resolved', () => {
    const mueller = bibliography.references.find((reference) => reference.key === 'mueller2020');
    assert.deepEqual(mueller.authors, [{ family: 'Müller', given: 'Jörg' }, { family: 'Zøller', given: 'Émile' }]);
    assert.equal(mueller.title, 'Braces, TeX and Études');
    assert.equal(mueller.type, 'book');
    assert.equal(mueller.publisher, 'Springer');
    assert.deepEqual(bibliography.errors, []);
  });

  it('reads venue, volume, issue, pages and DOI, and an arXiv eprint as a URL', () => {
    const [vaswani, hinton, pearson] = bibliography.references;
    assert.equal(vaswani.title, 'Attention Is All You Need');
    assert.equal(vaswani.container, 'Advances in Neural Information Processing Systems');
    assert.equal(vaswani.doi, '10.48550/arXiv.1706.03762');
    assert.equal(hinton.url, 'https://arxiv.org/abs/1503.02531');
    assert.deepEqual([pearson.container, pearson.volume, pearson.issue, pearson.pages, pearson.year], ['Nature', '72', '1865', '294', '1905']);
  });

  it('keeps the entries it can read and reports the others; a key written twice keeps its first entry', async () => {
    const { references, errors } = await loadBibliography('@misc{a, title={First}}\n@misc{a, title={Second}}\n@misc{b, title={Unclosed}\n');
    assert.equal(references.find((reference) => reference.key === 'a').title, 'First');
    assert.ok(errors.some((error) => /key "a" is defined twice/.test(error.message)));
    assert.ok(errors.some((error) => /^bibliography: .*expected "}"/.test(error.message)), JSON.stringify(errors));
  });
});

describe('numbered citations', () => {
  const post = tex`Random walks \cite{pearson1905}; attention \citep{vaswani2017, hinton2015}, again \cite{pearson1905}.

All of them [@hinton2015; @vaswani2017; @pearson1905]; two \cite{hinton2015,pearson1905}.`;
  const { html, citations } = renderMarkdown(post, { bibliography });

  it('numbers references in order of first citation, and every citation links to its entry', () => {
    assert.deepEqual(citationTexts(html), ['[1]', '[2, 3]', '[1]', '[1–3]', '[1, 3]']);
    assert.deepEqual(citations.map(({ key, number, id }) => [key, number, id]), [
      ['pearson1905', 1, 'ref-pearson1905'],
      ['vaswani2017', 2, 'ref-vaswani2017'],
      ['hinton2015', 3, 'ref-hinton2015'],
    ]);
    const citationLinks = links(html).filter((link) => link.href.startsWith('#ref-'));
    assert.deepEqual(citationLinks.slice(0, 3).map((link) => [link.text, link.href]), [['1', '#ref-pearson1905'], ['2', '#ref-vaswani2017'], ['3', '#ref-hinton2015']]);
  });

  it('lists the cited references at the end, in citation order, each with an id its citations link to', () => {
    const list = entries(html);
    assert.deepEqual(list.map((entry) => entry.id), ['ref-pearson1905', 'ref-vaswani2017', 'ref-hinton2015']);
    assert.equal(list[0].text, '[1] Karl Pearson. The Problem of the Random Walk. Nature, 72(1865), 294, 1905. https://doi.org/10.1038/072294b0');
    assert.match(html, /<\/p>\n<section class="sb-references">/);
  });

  it('links DOIs to https://doi.org/ and other entries to their URL', () => {
    const list = findAll(parseHtml(html), byClass('sb-reference-link')).map((a) => attr(a, 'href'));
    assert.deepEqual(list, ['https://doi.org/10.1038/072294b0', 'https://doi.org/10.48550/arXiv.1706.03762', 'https://arxiv.org/abs/1503.02531']);
  });

  it('writes \\citet and @key with the authors: one, two, or the first et al.', () => {
    const { html: text } = renderMarkdown(tex`\citet{pearson1905} and @vaswani2017, and \citet{mueller2020}.`, { bibliography });
    assert.deepEqual(citationTexts(text), ['Pearson [1]', 'Vaswani et al. [2]', 'Müller and Zøller [3]']);
  });

  it('shows locators and prefixes: pandoc [see @a, p. 3], \\citep[see][ch.~2]{a}, @a [p. 3]', () => {
    const { html: text } = renderMarkdown(tex`[see @pearson1905, p. 3; @hinton2015] \citep[see][ch.~2]{vaswani2017} \cite[p.~5]{pearson1905} @hinton2015 [sec. 2]`, { bibliography });
    assert.deepEqual(citationTexts(text), ['[see 1, p. 3; 2]', '[see 3, ch.\u00a02]', '[1, p.\u00a05]', 'Hinton et al. [2, sec. 2]']);
  });
});

describe('author–year citations', () => {
  it('are chosen by the citationStyle option or front matter citation-style', () => {
    const body = tex`\cite{vaswani2017}, [@pearson1905, p. 294; @hinton2015], \citet{vaswani2017}, @pearson1905 and [-@hinton2015].`;
    const byOption = renderMarkdown(body, { bibliography, citationStyle: 'author-year' }).html;
    const byFrontMatter = renderMarkdown(`---\ncitation-style: author-year\n---\n${body}`, { bibliography }).html;
    const expected = ['(Vaswani et al., 2017)', '(Pearson, 1905, p. 294; Hinton et al., 2015)', 'Vaswani et al. (2017)', 'Pearson (1905)', '(2015)'];
    assert.deepEqual(citationTexts(byOption), expected);
    assert.deepEqual(citationTexts(byFrontMatter), expected);
  });

  it('list the references by first author, the year after the names', () => {
    const { html } = renderMarkdown(tex`\cite{vaswani2017,hinton2015,pearson1905}`, { bibliography, citationStyle: 'author-year' });
    assert.deepEqual(entries(html).map((entry) => entry.id), ['ref-hinton2015', 'ref-pearson1905', 'ref-vaswani2017']);
    assert.match(entries(html)[1].text, /^Karl Pearson \(1905\)\. The Problem of the Random Walk\. Nature/);
  });

  it('report an unknown citation-style with its line and number the citations', () => {
    const { html, errors } = renderMarkdown('---\ntitle: x\ncitation-style: harvard\n---\n\\cite{pearson1905}', { bibliography });
    assert.deepEqual(citationTexts(html), ['[1]']);
    assert.deepEqual(messagesOf(errors), [{ message: 'front matter: citation-style "harvard" is not one of "numeric", "author-year"', line: 3 }]);
  });
});

describe('unknown keys and text that is not a citation', () => {
  it('shows [?] for an unknown key and reports the key and its line, like (??) for an unknown label', () => {
    const { html, errors } = renderMarkdown('---\ntitle: x\n---\nFirst line.\n\nKnown \\cite{pearson1905},\nunknown \\cite{nobody2020, pearson1905} and [@ghost].', { bibliography });
    assert.deepEqual(citationTexts(html), ['[1]', '[?; 1]', '[?]']);
    assert.deepEqual(messagesOf(errors), [
      { message: 'citation: no reference "nobody2020" in the bibliography', line: 7 },
      { message: 'citation: no reference "ghost" in the bibliography', line: 7 },
    ]);
  });

  it('reports a citation in a post with no bibliography', () => {
    const { html, errors } = renderMarkdown('See \\cite{a}.');
    assert.deepEqual(citationTexts(html), ['[?]']);
    assert.deepEqual(messagesOf(errors), [{ message: 'citation: "a" is cited, but the post has no bibliography', line: 1 }]);
  });

  it('leaves e-mail addresses, @ in code and math, and a bare @name that is no key as they are', () => {
    const { html, errors, citations } = renderMarkdown('Mail a@pearson1905.org, `@pearson1905`, $x@pearson1905$, thanks @alice!\n\n```\n@pearson1905\n```', { bibliography });
    assert.deepEqual(citationTexts(html), []);
    assert.deepEqual(citations, []);
    assert.deepEqual(errors, []);
    assert.match(html, /thanks @alice!/);
    assert.match(html, /<code>@pearson1905<\/code>/);
    assert.equal(entries(html).length, 0);
  });

  it('keeps a link whose text starts with @', () => {
    const { html } = renderMarkdown('[@pearson1905](https://example.com)', { bibliography });
    assert.deepEqual(links(html).map((link) => [link.href, link.text]), [['https://example.com', '@pearson1905']]);
  });
});

describe('the reference list', () => {
  it('goes where the post writes [[references]] or \\bibliography{…}', () => {
    for (const place of ['[[references]]', '\\bibliography{refs}']) {
      const { html } = renderMarkdown(`Cited \\cite{pearson1905}.\n\n## Further reading\n\n${place}\n\nAppendix after it.`, { bibliography });
      assert.match(html, /<h2[^>]*>Further reading.*<\/h2>\n<section class="sb-references">.*<\/section>\n<p>Appendix after it\.<\/p>/s, place);
      assert.equal(entries(html).length, 1);
    }
  });

  it('is headed in the post language: front matter lang, else the lang option', () => {
    const heading = (html) => visibleText(findAll(parseHtml(html), byClass('sb-references-heading'))[0]);
    assert.equal(heading(renderMarkdown('\\cite{pearson1905}', { bibliography }).html), 'References');
    assert.equal(heading(renderMarkdown('\\cite{pearson1905}', { bibliography, lang: 'zh-CN' }).html), '参考文献');
    assert.equal(heading(renderMarkdown('---\nlang: zh\n---\n\\cite{pearson1905}', { bibliography, lang: 'en' }).html), '参考文献');
  });

  it('escapes what entries hold and links only http(s) URLs', async () => {
    const hostile = await loadBibliography(tex`@misc{x, author={<img src=x onerror=alert(1)>}, title={<script>alert(1)</script> \& "q"}, url={javascript:alert(1)}, year={2020}}`);
    const { html } = renderMarkdown('\\cite{x}', { bibliography: hostile });
    assert.doesNotMatch(html, /<script|<img/);
    assert.deepEqual(findAll(parseHtml(html), byClass('sb-reference-link')), []);
    assert.match(entries(html)[0].text, /alert\(1\)/);
  });
});

describe('CSL-JSON', () => {
  const items = [
    {
      id: 'pearson1905',
      type: 'article-journal',
      author: [{ family: 'Pearson', given: 'Karl' }],
      title: 'The Problem of the Random Walk',
      'container-title': 'Nature',
      volume: '72',
      page: '294',
      issued: { 'date-parts': [[1905]] },
      DOI: '10.1038/072294b0',
    },
    { id: 'brain', type: 'report', author: [{ literal: 'Google Brain Team' }], title: 'A Report', issued: { 'date-parts': [[2019, 5]] } },
  ];

  it('is read from the bibliography option as items', () => {
    const { html, citations } = renderMarkdown('@pearson1905 and \\citet{brain}', { bibliography: items });
    assert.deepEqual(citationTexts(html), ['Pearson [1]', 'Google Brain Team [2]']);
    assert.deepEqual(citations[0].reference, {
      key: 'pearson1905', type: 'article-journal', authors: [{ family: 'Pearson', given: 'Karl' }], title: 'The Problem of the Random Walk',
      container: 'Nature', year: '1905', volume: '72', pages: '294', doi: '10.1038/072294b0',
    });
  });

  it('is read from JSON text by loadBibliography, and from the front matter as a YAML list', async () => {
    const fromText = await loadBibliography(JSON.stringify(items));
    assert.deepEqual(fromText.references.map((reference) => reference.key), ['pearson1905', 'brain']);
    const post = '---\nbibliography:\n  - id: walk\n    title: Walks\n    issued: { date-parts: [[1905]] }\n    author: [{ family: Pearson, given: Karl }]\n---\nSee [@walk].';
    assert.deepEqual(citationTexts(renderMarkdown(post).html), ['[1]']);
  });

  it('reports items without an id', () => {
    const { errors } = renderMarkdown('x', { bibliography: [{ title: 'No id' }] });
    assert.deepEqual(messagesOf(errors), [{ message: 'bibliography: item 1 has no id' }]);
  });
});

describe('bibliographies in the front matter', () => {
  const post = `---\ntitle: Walks\nbibliography: |\n${bibtex.replace(/^/gm, '  ')}\n---\nSee \\cite{pearson1905}.`;

  it('loadPostBibliography reads BibTeX in the front matter for renderMarkdown', async () => {
    const loaded = await loadPostBibliography(post);
    assert.deepEqual(citationTexts(renderMarkdown(post, { bibliography: loaded }).html), ['[1]']);
  });

  it('reports a BibTeX error on its line in the post', async () => {
    const broken = '---\nbibliography: |\n  @misc{a, title={x}}\n  @misc{b, title={y}\n---\nx';
    const { errors } = await loadPostBibliography(broken);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 4, JSON.stringify(errors));
  });

  it('reads a bibliography URL with readUrl', async () => {
    const asked = [];
    const loaded = await loadPostBibliography('---\nbibliography: refs/walk.bib\n---\n[@pearson1905]', {
      readUrl: async (url) => (asked.push(url), bibtex),
    });
    assert.deepEqual(asked, ['refs/walk.bib']);
    assert.equal(loaded.references.length, 4);
  });

  it('without loading, renderMarkdown says the BibTeX needs loadPostBibliography, on the field line', () => {
    const { html, errors } = renderMarkdown(post);
    assert.deepEqual(citationTexts(html), ['[?]']);
    assert.equal(errors[0].line, 3);
    assert.match(errors[0].message, /loadPostBibliography/);
  });
});

describe('untrusted text', () => {
  it('cannot bring a bibliography of its own: front matter bibliography is ignored, no URL is read', async () => {
    const post = '---\nbibliography:\n  - id: evil\n    title: Evil\n---\n\\cite{evil}';
    assert.deepEqual(citationTexts(renderMarkdown(post, { trusted: false }).html), []);
    let read = false;
    const loaded = await loadPostBibliography('---\nbibliography: https://evil.example/x.bib\n---\n', { trusted: false, readUrl: async () => ((read = true), '') });
    assert.equal(loaded, undefined);
    assert.equal(read, false);
  });

  it('shows \\cite as written when there is no bibliography, and never lets a key inject HTML', () => {
    const { html, errors } = renderComment('\\cite{<img src=x onerror=alert(1)>} and [@"><script>alert(1)</script>]');
    assert.doesNotMatch(html, /<img|<script/);
    assert.match(visibleText(parseHtml(html)), /\\cite\{<img src=x onerror=alert\(1\)>\}/);
    assert.deepEqual(errors, []);
    const cited = renderMarkdown('\\cite{"><img src=x onerror=alert(1)>}', { trusted: false, bibliography });
    assert.doesNotMatch(cited.html, /<img/);
    assert.deepEqual(citationTexts(cited.html), ['[?]']);
  });
});

describe('paying for what is used', () => {
  it('renderMarkdown imports no BibTeX parser; loadBibliography imports it for BibTeX only', () => {
    // A resolve hook in a fresh process sees every module as it is imported.
    const hooks = "export async function resolve(specifier, context, next) { if (specifier.includes('bibtex-parser')) console.log('parser imported'); return next(specifier, context); }";
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const script = `
      import { loadBibliography, renderMarkdown } from 'sciblog-elements/core';
      renderMarkdown('# A post\\n\\nWith $x$ and \\\\cite{a}.');
      console.log('rendered');
      await loadBibliography('[{"id": "a"}]');
      console.log('CSL read');
      await loadBibliography('@misc{a, title={x}}');
      console.log('BibTeX read');`;
    const output = execFileSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.deepEqual(output.trim().split('\n'), ['rendered', 'CSL read', 'parser imported', 'BibTeX read']);
  });
});

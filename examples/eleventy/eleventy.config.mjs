import { renderMarkdown } from 'sciblog-elements/core';

export default function (eleventyConfig) {
  // Every .md page goes through sciblog-elements' pipeline at build time:
  // markdown-it with math found the MathJax way, typeset by KaTeX, equations
  // numbered. Eleventy only calls `render`, so an object with it is a library.
  eleventyConfig.setLibrary('md', {
    render(source, data) {
      const { html, errors } = renderMarkdown(source);
      // A broken formula still renders (as its source and KaTeX's message); say where.
      for (const { message, line } of errors) console.warn(`${data?.page?.inputPath ?? 'markdown'}:${line ?? '?'}: ${message}`);
      return html;
    },
  });

  // The browser side: the bundle with its chunks/ and fonts/ beside it, as the
  // package README asks for plain pages. It finds both relative to itself.
  eleventyConfig.addPassthroughCopy({
    'node_modules/sciblog-elements/dist/sciblog-elements.js': 'js/sciblog-elements.js',
    'node_modules/sciblog-elements/dist/chunks': 'js/chunks',
    'node_modules/sciblog-elements/dist/fonts': 'js/fonts',
    // Build-time HTML sits in the page itself, outside any element: it needs
    // KaTeX's stylesheet, which the package ships pointing at the same fonts/.
    'node_modules/sciblog-elements/dist/katex.css': 'js/katex.css',
    // The markdown itself, for <post-body src> on the index page.
    'src/posts/*.md': 'posts',
  });
}

export const config = {
  dir: { input: 'src' },
  // TeX is full of braces and `{%`-like runs: keep Liquid away from markdown.
  markdownTemplateEngine: false,
};

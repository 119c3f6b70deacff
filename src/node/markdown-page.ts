import { escapeHtml } from '../core/escape-html.js';
import { parseFrontMatter } from '../core/front-matter.js';

/**
 * The page a markdown post becomes when no template is given: the title, the
 * byline and the article, KaTeX's fonts and the elements (with hydration).
 */
export const defaultPageTemplate = `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<link rel="stylesheet" href="{{assets}}katex.css">
<script type="module" src="{{assets}}sciblog-elements.hydrate.js"></script>
</head>
<body>
<main>
<h1>{{title}}</h1>
<post-meta date="{{date}}" author="{{author}}"></post-meta>
<post-body id="post">{{content}}</post-body>
</main>
</body>
</html>
`;

export interface MarkdownPageOptions {
  /** The page around the post; `defaultPageTemplate` when absent. */
  template?: string;
  /** Where the elements' script and `katex.css` are served from (ends with `/`); `{{assets}}` in the template. */
  assets?: string;
  /** The language when the front matter has no `lang`. */
  lang?: string;
}

/**
 * Puts a markdown post (with YAML front matter) into a page. `{{content}}`
 * becomes the post's `<script type="text/markdown">`, which `<post-body>`
 * renders; `{{title}}`, `{{date}}`, `{{author}}`, `{{lang}}`, `{{assets}}` and
 * any other `{{field}}` of the front matter are filled in, HTML-escaped (an
 * unknown field is empty).
 */
export function markdownPage(markdown: string, options: MarkdownPageOptions = {}): string {
  // The script element ends at the first `</script`; there is no escaping it inside.
  if (/<\/script/i.test(markdown)) throw new Error('the markdown contains "</script", which cannot be put in a page as a <script type="text/markdown">');
  const { meta, errors } = parseFrontMatter(markdown);
  if (errors.length > 0) throw new Error(errors.map((error) => (error.line ? `line ${error.line}: ${error.message}` : error.message)).join('; '));
  const fields: Record<string, string> = {
    lang: options.lang ?? 'en',
    assets: options.assets ?? '',
    ...Object.fromEntries(Object.entries(meta).flatMap(([key, value]) => (typeof value === 'string' || typeof value === 'number' ? [[key, String(value)]] : value instanceof Date ? [[key, value.toISOString().slice(0, 10)]] : []))),
  };
  const content = `<script type="text/markdown">\n${markdown}\n</script>`;
  return (options.template ?? defaultPageTemplate).replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_, name: string) =>
    name === 'content' ? content : escapeHtml(fields[name] ?? ''),
  );
}

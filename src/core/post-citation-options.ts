import type { Token } from 'markdown-it';
import { codedError } from './post-error-messages.js';
import type { CodedError } from './error-messages.js';
import { type Bibliography, type CslItem, isCslJson, readBibliographySource, readCslItems, readCslJson } from './bibliography.js';
import { type CitationStyle, citationStyles } from './citation-format.js';
import type { FrontMatter } from './front-matter.js';
import { messages, resolveLocale } from './messages.js';
import { type PostCitations, resolveCitations } from './post-citations.js';
import { citationSyntax } from './citation-syntax.js';
import type { CitationFeature } from './post-features.js';

/** What `renderMarkdown` takes about citations (see `RenderMarkdownOptions`). */
export interface CitationOptions {
  trusted?: boolean;
  bibliography?: Bibliography | readonly CslItem[];
  citationStyle?: CitationStyle;
  lang?: string;
}

/**
 * A post's citations, resolved with the settings its front matter and the
 * options give: the bibliography (`options.bibliography`, else the front
 * matter's, which must be CSL here: BibTeX and URLs need
 * `loadPostBibliography` first), `citation-style`, and the language of the
 * reference list's heading (front matter `lang`, else `options.lang`).
 */
export function citationsOfPost(tokens: Token[], front: FrontMatter, options: CitationOptions, newToken: (type: string, tag: string) => Token): PostCitations {
  const trusted = options.trusted ?? true;
  const errors: PostCitations['errors'] = [];
  const lineOf = (field: string) => (Object.hasOwn(front.fieldLines, field) ? front.fieldLines[field].line : undefined);
  const report = (problem: CodedError, field: string) => {
    const line = lineOf(field);
    errors.push(line === undefined ? problem : { ...problem, line });
  };

  let bibliography: Bibliography | undefined;
  if (options.bibliography) {
    bibliography = Array.isArray(options.bibliography) ? readCslItems(options.bibliography) : (options.bibliography as Bibliography);
  } else {
    const source = readBibliographySource(front.meta, front.fieldLines, trusted);
    if (source?.kind === 'items') bibliography = readCslItems(source.items, source.line);
    else if (source?.kind === 'text' && isCslJson(source.text)) bibliography = readCslJson(source.text, source.line);
    else if (source) {
      report(codedError('bibliography-needs-loading', {}), 'bibliography');
      bibliography = { references: [], errors: [] };
    }
  }
  if (bibliography) errors.push(...bibliography.errors);

  const written = front.meta['citation-style'];
  let style: CitationStyle = options.citationStyle ?? 'numeric';
  if (!options.citationStyle && written !== undefined && written !== null) {
    if ((citationStyles as readonly unknown[]).includes(written)) style = written as CitationStyle;
    else report(codedError('not-one-of', { field: 'citation-style', value: JSON.stringify(written), allowed: [...citationStyles] }), 'citation-style');
  }
  const lang = typeof front.meta.lang === 'string' ? front.meta.lang : options.lang;

  const resolved = resolveCitations(tokens, {
    bibliography,
    trusted,
    style,
    messages: messages[resolveLocale(lang)],
    lineOffset: front.lineOffset,
    newToken,
  });
  return { cited: resolved.cited, errors: [...errors, ...resolved.errors] };
}

/** Citations and the reference list, for a post's features. */
export const citationFeature: CitationFeature = { key: 'citations', use: (md) => md.use(citationSyntax), cite: citationsOfPost };

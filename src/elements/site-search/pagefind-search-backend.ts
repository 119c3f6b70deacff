import { decodeEntities } from '../../core/html-scan.js';
import type { SearchBackend, SiteSearchRequest } from '../../core/search-backend.js';
import { joinCjkWords, spaceCjkWords } from '../../core/search-tokenize.js';
import { formulaRenderer } from '../shared/math-modules.js';

// Loaded only by a site-search with a `pagefind` bundle.

/** Pagefind's excerpt with the formulas it shows whole rendered (a formula it cut stays as TeX). */
function renderExcerptMath(excerpt: string, renderer: typeof import('../../core/render-math.js') | undefined, request: SiteSearchRequest): string {
  if (!renderer) return excerpt;
  return excerpt.replace(/\\\(([\s\S]+?)\\\)/g, (_, tex: string) => {
    const source = decodeEntities(tex.replace(/<\/?mark>/g, ''));
    const rendered = renderer.renderFormula(source, { display: false, macros: request.macros }).html;
    return tex.includes('<mark>') ? `<mark class="sb-search-formula">${rendered}</mark>` : rendered;
  });
}

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined>; filters?: Record<string, string[]> }>;
}

interface Pagefind {
  options?(options: Record<string, unknown>): Promise<void>;
  init?(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

/**
 * Search through a Pagefind bundle at `url` (the folder holding
 * `pagefind.js`): Pagefind's own browser API, imported on first use, loads
 * only the index chunks a query needs.
 */
export function pagefindSearchBackend(url: string): SearchBackend {
  const base = url.replace(/\/+$/, '');
  let loading: Promise<Pagefind> | undefined;
  const load = () =>
    (loading ??= (import(/* @vite-ignore */ `${base}/pagefind.js`) as Promise<Pagefind>).then(
      async (pagefind) => {
        await pagefind.options?.({ excerptLength: 30 });
        await pagefind.init?.();
        return pagefind;
      },
      (error: unknown) => {
        loading = undefined;
        throw new Error(`${base}/pagefind.js: ${error instanceof Error ? error.message : String(error)}`);
      },
    ));
  return {
    prepare: async () => void (await load()),
    async search(query, request) {
      // The index has spaces between Chinese words (see prerender --search): so must the query.
      const found = await (await load()).search(spaceCjkWords(query));
      const data = await Promise.all((found?.results ?? []).slice(0, request.limit).map((result) => result.data()));
      const renderer = data.some((page) => page.excerpt.includes('\\(')) ? await formulaRenderer.load() : undefined;
      return data.map((page) => ({
        url: page.url,
        title: joinCjkWords(page.meta.title ?? page.url),
        date: page.meta.date,
        tags: page.filters?.tag ?? [],
        snippetHtml: renderExcerptMath(joinCjkWords(page.excerpt), renderer, request),
      }));
    },
  };
}

// `<link rel="modulepreload">`s for the chunks a prerendered post will ask
// for. post-body imports each feature's code from its renderers' chunk, so
// without them the browser learns of a feature chunk only once that chunk has
// arrived: one more round trip for any post with footnotes, citations,
// theorems, figures or code. The build writes which chunks each feature is
// (rollup.config.mjs, `feature-chunks.json` beside each page build's chunks);
// prerender knows what the post uses, and which of our page scripts the page
// loads. A page that bundles the elements itself has chunk names only its own
// bundler knows: it gets no preloads.
import { readFileSync } from 'node:fs';
import { codeLanguagesIn } from '../core/code-languages.js';
import { codeLanguageModules } from '../core/code-highlighter.js';
import { type PostFeatureName, postFeaturesUsedBy } from '../core/post-features.js';
import { descendants, getAttribute, type HtmlNode } from './html-tree.js';

/** What the build wrote: chunk files relative to the folder of the page script. */
interface FeatureChunks {
  features: Record<PostFeatureName, string[]>;
  highlighter: string[];
  highlightCore: string[];
  languages: Record<string, string[]>;
}

/** Our page scripts, and the folder (beside this module's, in the package) of the chunks each loads. */
const pageScripts: [RegExp, string][] = [
  [/^(.*?)sciblog-elements\.hydrate\.js(?:[?#].*)?$/, 'hydrate-chunks'],
  [/^(.*?)sciblog-elements\.js(?:[?#].*)?$/, 'chunks'],
];

const manifests = new Map<string, FeatureChunks | undefined>();

function manifest(folder: string): FeatureChunks | undefined {
  if (!manifests.has(folder)) {
    let read: FeatureChunks | undefined;
    try {
      read = JSON.parse(readFileSync(new URL(`../${folder}/feature-chunks.json`, import.meta.url), 'utf8')) as FeatureChunks;
    } catch {
      // Run from a build without page bundles (or from the sources): nothing to preload.
    }
    manifests.set(folder, read);
  }
  return manifests.get(folder);
}

/**
 * The chunks `post-body` loads at once for this markdown, beyond its
 * renderers: as it decides (the features `postFeaturesUsedBy` finds, and
 * citations when the page gives it a bibliography; the highlighter and the
 * languages its code names). The BibTeX parser is not among them: a
 * prerendered post's references are in the page.
 */
function chunksForPost(chunks: FeatureChunks, markdown: string, hasBibliography: boolean): string[] {
  const features = postFeaturesUsedBy(markdown);
  if (hasBibliography) features.add('citations');
  const files = [...features].flatMap((name) => chunks.features[name] ?? []);
  const languages = codeLanguagesIn(markdown);
  if (languages.length > 0) {
    files.push(...chunks.highlighter);
    const modules = codeLanguageModules(languages);
    if (modules.length > 0) files.push(...chunks.highlightCore, ...modules.flatMap((module) => chunks.languages[module] ?? []));
  }
  return [...new Set(files)];
}

/** A post-body the page prerendered: what it renders. */
export interface PrerenderedPost {
  markdown: string;
  hasBibliography: boolean;
}

/**
 * The modulepreload links for these posts, to go just before the page's
 * module script (`sciblog-elements.hydrate.js` or `sciblog-elements.js`),
 * leaving out any the page already has; undefined when there are none.
 */
export function modulePreloads(document: HtmlNode, posts: readonly PrerenderedPost[]): { at: number; text: string } | undefined {
  if (posts.length === 0) return undefined;
  const elements = [...descendants(document)];
  for (const script of elements.filter((node) => node.tagName === 'script' && getAttribute(node, 'type') === 'module')) {
    const src = getAttribute(script, 'src') ?? '';
    const found = pageScripts.find(([pattern]) => pattern.test(src));
    const at = script.sourceCodeLocation?.startOffset;
    if (!found || at === undefined) continue;
    const chunks = manifest(found[1]);
    if (!chunks) return undefined;
    const base = found[0].exec(src)![1];
    const present = new Set(elements.filter((node) => node.tagName === 'link' && (getAttribute(node, 'rel') ?? '').toLowerCase() === 'modulepreload').map((node) => getAttribute(node, 'href')));
    const hrefs = [...new Set(posts.flatMap((post) => chunksForPost(chunks, post.markdown, post.hasBibliography)))].map((file) => base + file).filter((href) => !present.has(href));
    if (hrefs.length === 0) return undefined;
    return { at, text: hrefs.map((href) => `<link rel="modulepreload" href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">\n`).join('') };
  }
  return undefined;
}

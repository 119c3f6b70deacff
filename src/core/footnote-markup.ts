import type MarkdownIt from 'markdown-it';
import type { RendererRule as RenderRule, StateCore, Token } from 'markdown-it';
import { escapeHtml } from './escape-html.js';
import { type FootnoteLabels, type FootnoteMeta, type FootnotePlugin, footnoteListStart, noteId } from './footnotes.js';
import { messages } from './messages.js';
import type { MarkdownFeature } from './post-features.js';

// markdown-it-footnote's tokens given our markup: ids that cannot collide
// with the page (`fn-1`, `fnref-1`; a visitor's text has ids of its own), an
// accessible label on the list and on each back link, and levels that let the
// list be cut out of the post as one top-level block.

const referenceId = (meta: FootnoteMeta) => `${meta.idPrefix ?? ''}fnref-${meta.id + 1}${meta.subId ? `-${meta.subId + 1}` : ''}`;
const defaultLabels = (): FootnoteLabels => ({ list: messages.en.footnotes, back: messages.en.footnoteBack });

const renderReference: RenderRule = (tokens, idx) => {
  const meta = tokens[idx].meta as FootnoteMeta;
  return `<sup class="sb-footnote-ref"><a href="#${escapeHtml(noteId(meta))}" id="${escapeHtml(referenceId(meta))}" role="doc-noteref">${meta.id + 1}</a></sup>`;
};

const renderListOpen: RenderRule = (tokens, idx) => {
  const labels = (tokens[idx].meta as { labels?: FootnoteLabels } | null)?.labels ?? defaultLabels();
  return `<section class="sb-footnotes" role="doc-endnotes" aria-label="${escapeHtml(labels.list)}">\n<ol class="sb-footnote-list">\n`;
};

const renderNoteOpen: RenderRule = (tokens, idx) => `<li id="${escapeHtml(noteId(tokens[idx].meta as FootnoteMeta))}" class="sb-footnote">`;

// One back link per reference to the note: ↩︎, ↩︎², ↩︎³ (U+FE0E keeps iOS from drawing an emoji).
const renderBackLink: RenderRule = (tokens, idx) => {
  const meta = tokens[idx].meta as FootnoteMeta;
  const back = meta.labels?.back ?? defaultLabels().back;
  const nth = meta.subId ? meta.subId + 1 : undefined;
  const label = nth ? `${back} (${nth})` : back;
  return ` <a href="#${escapeHtml(referenceId(meta))}" class="sb-footnote-backref" role="doc-backlink" aria-label="${escapeHtml(label)}">\u21a9\ufe0e${nth ? `<sup>${nth}</sup>` : ''}</a>`;
};

/**
 * Adds markdown-it-footnote to `md` with our markup. A visitor's notes
 * (`trusted` false) get ids prefixed from a hash of their text: they cannot be
 * the post's `fn-1`, nor another comment's.
 */
function useFootnotes(md: MarkdownIt, plugin: FootnotePlugin, trusted: boolean): void {
  md.use(plugin);
  md.renderer.rules.footnote_ref = renderReference;
  md.renderer.rules.footnote_block_open = renderListOpen;
  md.renderer.rules.footnote_block_close = () => '</ol>\n</section>\n';
  md.renderer.rules.footnote_open = renderNoteOpen;
  md.renderer.rules.footnote_close = () => '</li>\n';
  md.renderer.rules.footnote_anchor = renderBackLink;
  md.core.ruler.after('footnote_tail', 'footnote_levels', (state) => {
    const start = footnoteListStart(state.tokens);
    if (start < 0) return;
    nestLevels(state.tokens, start);
    if (!trusted) prefixIds(state, `u${hashText(state.src)}-`);
  });
}

// footnote_tail makes its tokens at level 0 and moves the definitions' own
// tokens in at the levels they had: nested again from the list down, so that
// the list is one top-level block from its opening to its closing.
function nestLevels(tokens: Token[], start: number): void {
  let depth = 0;
  for (let index = start; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.nesting < 0) depth--;
    token.level = depth;
    if (token.nesting > 0) depth++;
  }
}

function prefixIds(state: StateCore, idPrefix: string): void {
  const mark = (token: Token) => {
    if (token.type === 'footnote_ref' || token.type === 'footnote_open' || token.type === 'footnote_anchor') token.meta = { ...token.meta, idPrefix };
  };
  for (const token of state.tokens) {
    mark(token);
    for (const child of token.children ?? []) mark(child);
  }
}

/** FNV-1a over the text's UTF-16 units, in base 36: short, and the same wherever it is rendered. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

const features = new WeakMap<FootnotePlugin, MarkdownFeature>();

/** Footnotes for a post's features: markdown-it-footnote (as `loadFootnotes` gives it) with our markup. */
export function footnoteFeature(plugin: FootnotePlugin): MarkdownFeature {
  let feature = features.get(plugin);
  if (!feature) {
    feature = { key: 'footnotes', use: (md, trusted) => useFootnotes(md, plugin, trusted) };
    features.set(plugin, feature);
  }
  return feature;
}

import type MarkdownIt from 'markdown-it';
import type { RendererRule as RenderRule, StateCore, Token } from 'markdown-it';
import { escapeHtml } from './escape-html.js';
import { messages } from './messages.js';
import type { BlockFeature } from './post-features.js';
import type { NumberedBlockMeta } from './theorem-blocks.js';

// Figures and captioned tables, as pandoc writes them:
//
//   ![A caption, with $math$](plot.svg){#fig:plot}
//
//   Table: A caption {#tbl:data}            (or `: A caption`, before or after the table)
//   | a | b |
//   |---|---|
//
// An image alone in its paragraph, with a caption (its alt text, else its
// title) or a label, becomes `<figure>` with `<figcaption>`; a table gets a
// `<caption>`. Numbering (block-numbering.ts) gives each its number and id.

const trailingLabel = /\s*\{#([^\s{}]+)\}\s*$/;
const tableCaptionStart = /^(?:[Tt]able)?:[ \t]+|^(?:[Tt]able):$/;

function isBlankText(token: Token): boolean {
  return token.type === 'text' && token.content.trim() === '';
}

function captionTokens(state: StateCore, type: string, tag: string, level: number, children: Token[], content: string, map: [number, number] | null): Token[] {
  const open = new state.Token(`${type}_open`, tag, 1);
  open.block = true;
  open.level = level;
  const inline = new state.Token('inline', '', 0);
  inline.level = level + 1;
  inline.children = children;
  inline.content = content;
  inline.map = map;
  const close = new state.Token(`${type}_close`, tag, -1);
  close.block = true;
  close.level = level;
  return [open, inline, close];
}

export function lonePictures(state: StateCore): void {
  const { tokens } = state;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [opening, inline, closing] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (opening.type !== 'paragraph_open' || opening.hidden || inline.type !== 'inline' || closing.type !== 'paragraph_close') continue;
    const children = (inline.children ?? []).filter((child) => !isBlankText(child) && child.type !== 'softbreak');
    const [image, after] = children;
    if (image?.type !== 'image' || children.length > 2) continue;
    const labelled = after === undefined ? undefined : after.type === 'text' ? /^\s*\{#([^\s{}]+)\}\s*$/.exec(after.content) : null;
    if (labelled === null) continue;
    const label = labelled?.[1];
    const alt = image.children ?? [];
    const title = image.attrGet('title') ?? '';
    const fromAlt = image.content.trim() !== '';
    if (!fromAlt && title.trim() === '' && label === undefined) continue;

    const meta: NumberedBlockMeta = label === undefined ? { kind: 'figure' } : { kind: 'figure', label };
    meta.title = fromAlt || title.trim() !== '';
    opening.type = 'figure_open';
    closing.type = 'figure_close';
    opening.tag = closing.tag = 'figure';
    opening.meta = closing.meta = meta;
    opening.attrSet('class', 'sb-figure');
    let caption: Token[];
    if (fromAlt) {
      caption = alt;
    } else {
      const text = new state.Token('text', '', 0);
      text.content = title;
      caption = [text];
    }
    // The alt text as a reader of the source sees it, TeX included: markdown-it would drop the formulas.
    const altText = new state.Token('text', '', 0);
    altText.content = fromAlt ? image.content : title;
    image.children = [altText];
    inline.children = [image];
    const captioned = captionTokens(state, 'figure_caption', 'figcaption', opening.level + 1, caption, altText.content, inline.map);
    captioned[0].meta = meta;
    tokens.splice(i + 2, 0, ...captioned);
    i += 2 + captioned.length;
  }
}

/** The caption paragraph's text without `Table:` and `{#label}`, or undefined when the paragraph is no caption. */
function readTableCaption(tokens: Token[], at: number, level: number): { children: Token[]; label?: string } | undefined {
  const [opening, inline, closing] = [tokens[at], tokens[at + 1], tokens[at + 2]];
  if (opening?.type !== 'paragraph_open' || opening.level !== level || inline?.type !== 'inline' || closing?.type !== 'paragraph_close') return undefined;
  const children = inline.children ?? [];
  const first = children[0];
  if (first?.type !== 'text' || !tableCaptionStart.test(first.content)) return undefined;
  const kept = children.map((child) => {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(child)), child) as Token;
    return copy;
  });
  kept[0].content = kept[0].content.replace(tableCaptionStart, '');
  let label: string | undefined;
  const last = kept[kept.length - 1];
  const found = last.type === 'text' ? trailingLabel.exec(last.content) : null;
  if (found) {
    label = found[1];
    last.content = last.content.slice(0, found.index);
  }
  const nonEmpty = kept.filter((child) => !(child.type === 'text' && child.content === ''));
  return label === undefined ? { children: nonEmpty } : { children: nonEmpty, label };
}

export function tableCaptions(state: StateCore): void {
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'table_open') continue;
    // A table wider than the column scrolls: in the tab order, a keyboard can scroll it too.
    tokens[i].attrSet('tabindex', '0');
    const level = tokens[i].level;
    let close = i;
    while (close < tokens.length && !(tokens[close].type === 'table_close' && tokens[close].level === level)) close++;
    const before = i >= 3 ? readTableCaption(tokens, i - 3, level) : undefined;
    const after = before ? undefined : readTableCaption(tokens, close + 1, level);
    const caption = before ?? after;
    if (!caption) continue;
    const meta: NumberedBlockMeta = caption.label === undefined ? { kind: 'table' } : { kind: 'table', label: caption.label };
    meta.title = caption.children.length > 0;
    const captionAt = before ? i - 3 : close + 1;
    const map = tokens[captionAt + 1].map;
    const captioned = captionTokens(state, 'table_caption', 'caption', level + 1, caption.children, tokens[captionAt + 1].content, map);
    captioned[0].meta = meta;
    tokens[i].meta = meta;
    tokens[i].attrJoin('class', 'sb-table');
    if (after) {
      tokens.splice(close + 1, 3);
      tokens.splice(i + 1, 0, ...captioned);
    } else {
      tokens.splice(i + 1, 0, ...captioned);
      tokens.splice(i - 3, 3);
      i -= 3;
    }
    i += captioned.length;
  }
}

const renderCaptionOpen: RenderRule = (tokens, idx) => {
  const token = tokens[idx];
  const meta = token.meta as NumberedBlockMeta;
  const head = meta.head ?? messages.en.blockNames[meta.kind];
  const colon = meta.title ? escapeHtml(meta.colon ?? messages.en.colon) : '';
  return `<${token.tag}><span class="sb-caption-label">${escapeHtml(head)}</span>${colon}`;
};

/** The renderers of figures and table captions; `lonePictures` and `tableCaptions` are the core rules. */
export function figureBlocks(md: MarkdownIt): void {
  md.renderer.rules.figure_caption_open = renderCaptionOpen;
  md.renderer.rules.table_caption_open = renderCaptionOpen;
}

/** Figures and tables, captioned and numbered, for a post's features. */
export const figureFeature: BlockFeature = {
  key: 'figures',
  use: (md) => md.use(figureBlocks),
  afterInline(state) {
    lonePictures(state);
    tableCaptions(state);
  },
};

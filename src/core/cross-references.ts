import type MarkdownIt from 'markdown-it';
import type { RendererRule as RenderRule, StateInline } from 'markdown-it';
import { kindPrefixes } from './block-kinds.js';
import { escapeHtml } from './escape-html.js';

// What running text says about numbered blocks:
// - `@fig:x`, pandoc-crossref's reference: "Figure 1" as a link;
// - `\label{x}` outside math: the label of the theorem it stands in.
// Numbering (block-numbering.ts) resolves both into the tokens' `meta`.

/** What numbering writes into a `cross_reference` token. */
export interface CrossReferenceMeta {
  label: string;
  /** Set by numbering. */
  text?: string;
  href?: string;
  found?: boolean;
  /** The reference stands in a link's text, where another link cannot. */
  inLink?: boolean;
}

const prefixes = Object.values(kindPrefixes).join('|');
// A label ends in a letter or digit, so the full stop after "see @fig:a." is not part of it.
// ASCII only: Chinese text runs on without a space, as in "如@fig:a所示".
const atReference = new RegExp(`@((?:${prefixes}):(?:[A-Za-z0-9_:.\\-]*[A-Za-z0-9_])?)`, 'y');
const textLabel = /\\label\s*\{([^{}\n]+)\}/y;

function crossReference(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x40) return false;
  // `me@fig:x` is no reference (nor is an e-mail address); Chinese text runs up to it without a space.
  if (pos > 0 && /[A-Za-z0-9_.-]/.test(src[pos - 1])) return false;
  atReference.lastIndex = pos;
  const found = atReference.exec(src);
  if (!found || found[1].endsWith(':')) return false;
  if (!silent) {
    const token = state.push('cross_reference', '', 0);
    token.content = found[0];
    token.meta = { label: found[1] } satisfies CrossReferenceMeta;
  }
  state.pos += found[0].length;
  return true;
}

function labelInText(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5c) return false;
  textLabel.lastIndex = state.pos;
  const found = textLabel.exec(state.src);
  if (!found) return false;
  if (!silent) {
    const token = state.push('text_label', '', 0);
    token.content = found[0];
    token.meta = { label: found[1].trim() };
  }
  state.pos += found[0].length;
  return true;
}

const renderCrossReference: RenderRule = (tokens, idx) => {
  const token = tokens[idx];
  const meta = token.meta as CrossReferenceMeta;
  const text = escapeHtml(meta.text ?? token.content);
  if (!meta.found) return `<span class="sb-ref sb-ref-unknown" title="${escapeHtml(meta.label)}">${text}</span>`;
  if (meta.inLink) return `<span class="sb-ref">${text}</span>`;
  return `<a class="sb-ref" href="${escapeHtml(meta.href!)}">${text}</a>`;
};

/** `@fig:x` references and `\label` in running text, for `md.use`. */
export function crossReferences(md: MarkdownIt): void {
  md.inline.ruler.before('escape', 'cross_reference', crossReference);
  md.inline.ruler.before('escape', 'text_label', labelInText);
  md.renderer.rules.cross_reference = renderCrossReference;
  // A `\label` that names a block is not shown; one that names nothing stays as written.
  md.renderer.rules.text_label = (tokens, idx) => (tokens[idx].meta?.attached ? '' : escapeHtml(tokens[idx].content));
}

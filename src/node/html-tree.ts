// parse5 6 and 7 build the same tree (the default tree adapter) and take the
// same options; only their type declarations differ. These few shapes are all
// prerendering reads, so either version works.
import * as parse5 from 'parse5';

/** A position in the parsed source, as parse5 reports it. */
export interface SourceSpan {
  startOffset: number;
  endOffset: number;
}

/** A node of parse5's default tree. */
export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  parentNode?: HtmlNode | null;
  /** A `<template>`'s content. */
  content?: HtmlNode;
  /** A text or comment node's text. */
  value?: string;
  data?: string;
  sourceCodeLocation?: SourceSpan & { startTag?: SourceSpan; endTag?: SourceSpan; startLine?: number; startCol?: number };
}

interface Parse5 {
  parse(html: string, options?: { sourceCodeLocationInfo?: boolean }): HtmlNode;
  parseFragment(html: string, options?: { sourceCodeLocationInfo?: boolean }): HtmlNode;
  serialize(node: HtmlNode): string;
}

const { parse, parseFragment, serialize } = parse5 as unknown as Parse5;

/** Parses a whole page, keeping where each node starts and ends in `html`. */
export function parsePage(html: string): HtmlNode {
  return parse(html, { sourceCodeLocationInfo: true });
}

/** Parses markup as the children of a `<body>`, keeping source positions. */
export function parseMarkup(html: string): HtmlNode {
  return parseFragment(html, { sourceCodeLocationInfo: true });
}

export const isElement = (node: HtmlNode): boolean => node.tagName !== undefined;

export function getAttribute(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((attr) => attr.name === name)?.value;
}

/** Elements among `node`'s children. */
export const childElements = (node: HtmlNode): HtmlNode[] => (node.childNodes ?? []).filter(isElement);

/** The text of a node and its descendants, like the DOM's `textContent`. */
export function textContent(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (node.nodeName === '#comment') return '';
  return (node.childNodes ?? []).map(textContent).join('');
}

/** The element's markup the way a browser's `outerHTML` writes it (parse5 follows the same serialization algorithm). */
export function outerHtml(node: HtmlNode): string {
  return serialize({ nodeName: '#document-fragment', childNodes: [node] });
}

/** Every element under `root` in document order, not looking into `<template>` content. */
export function* descendants(root: HtmlNode): Generator<HtmlNode> {
  for (const child of root.childNodes ?? []) {
    if (!isElement(child)) continue;
    yield child;
    yield* descendants(child);
  }
}

/** Whether the element already has a declarative shadow root (it was prerendered before). */
export function hasDeclarativeShadowRoot(node: HtmlNode): boolean {
  return childElements(node).some(
    (child) => child.tagName === 'template' && (getAttribute(child, 'shadowrootmode') !== undefined || getAttribute(child, 'shadowroot') !== undefined),
  );
}

/** The `lang` of the nearest ancestor-or-self that has one. */
export function closestLang(node: HtmlNode): string | undefined {
  for (let current: HtmlNode | null | undefined = node; current; current = current.parentNode) {
    const lang = getAttribute(current, 'lang');
    if (lang !== undefined) return lang;
  }
  return undefined;
}

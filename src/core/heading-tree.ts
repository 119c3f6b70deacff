import type { Heading } from './render-markdown.js';

export interface HeadingNode {
  heading: Heading;
  children: HeadingNode[];
}

/**
 * Nests headings by level for a table of contents. A heading that skips a
 * level (an h4 straight after an h2) becomes a child of the nearest
 * shallower heading, as readers expect, rather than of an invented h3.
 */
export function nestHeadings(headings: readonly Heading[]): HeadingNode[] {
  const roots: HeadingNode[] = [];
  const open: HeadingNode[] = [];
  for (const heading of headings) {
    const node: HeadingNode = { heading, children: [] };
    while (open.length > 0 && open[open.length - 1].heading.level >= heading.level) open.pop();
    (open.length > 0 ? open[open.length - 1].children : roots).push(node);
    open.push(node);
  }
  return roots;
}

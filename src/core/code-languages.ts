// Which languages a post's code names, found without parsing it: kept apart
// from the highlighter and from code rendering so that an element can tell
// what a post needs before loading either.

// A fence opener at the start of a line, after any blockquote markers, list
// bullets and indentation: over-finding costs a language chunk, missing one
// leaves code plain, so this errs on the side of finding. Each repetition
// starts with a marker and takes all the space after it, so a visitor's line
// of bullets cannot make the match backtrack exponentially.
const fenceOpener = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t>]+)*(?:`{3,}|~{3,})[ \t]*([^\s`{]+)/gm;

/**
 * The languages named by a markdown text's fenced code blocks, lower-cased,
 * each once, in order of appearance: what to load before rendering it.
 */
export function codeLanguagesIn(markdown: string): string[] {
  if (!markdown.includes('```') && !markdown.includes('~~~')) return [];
  const found = new Set<string>();
  for (const match of markdown.matchAll(fenceOpener)) found.add(match[1].toLowerCase());
  return [...found];
}

import type { CodeHighlighter } from '../../core/code-highlighter.js';
import { type LazyModule, lazyModule } from './lazy-module.js';

// One lazy highlighter per set of languages, shared by every element that
// shows code in them; highlight.js and each language are loaded on first need.
const highlighters = new Map<string, LazyModule<CodeHighlighter>>();

/** For languages none of which is supported: loaded, and it leaves code plain. */
const plainCode: CodeHighlighter = { highlight: () => undefined };

/** The highlighter for these languages (names as written after the fence), to load on first need. */
export function codeHighlighterFor(languages: readonly string[]): LazyModule<CodeHighlighter> {
  const key = languages.join(' ');
  let highlighter = highlighters.get(key);
  if (!highlighter) {
    highlighter = lazyModule(async () => (await (await import('../../core/code-highlighter.js')).loadCodeHighlighter(languages)) ?? plainCode);
    highlighters.set(key, highlighter);
  }
  return highlighter;
}

import type { HLJSApi, LanguageFn } from 'highlight.js';

// highlight.js's core and only the languages a post uses, each a dynamic
// import of its own, so a bundler emits one chunk per language and a post
// without code loads none of them.

/** Highlights code in the languages it was loaded with. */
export interface CodeHighlighter {
  /**
   * The code as HTML, tokens in `<span class="hljs-…">`, or undefined when
   * the language is not one this highlighter has loaded.
   */
  highlight(code: string, language: string): string | undefined;
}

type LanguageLoader = () => Promise<{ default: LanguageFn }>;

// One import() per module, written out: a bundler can only split what it can see.
const loaders: Record<string, LanguageLoader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  fortran: () => import('highlight.js/lib/languages/fortran'),
  go: () => import('highlight.js/lib/languages/go'),
  haskell: () => import('highlight.js/lib/languages/haskell'),
  ini: () => import('highlight.js/lib/languages/ini'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  julia: () => import('highlight.js/lib/languages/julia'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  latex: () => import('highlight.js/lib/languages/latex'),
  lua: () => import('highlight.js/lib/languages/lua'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  mathematica: () => import('highlight.js/lib/languages/mathematica'),
  matlab: () => import('highlight.js/lib/languages/matlab'),
  perl: () => import('highlight.js/lib/languages/perl'),
  php: () => import('highlight.js/lib/languages/php'),
  powershell: () => import('highlight.js/lib/languages/powershell'),
  python: () => import('highlight.js/lib/languages/python'),
  r: () => import('highlight.js/lib/languages/r'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  scala: () => import('highlight.js/lib/languages/scala'),
  shell: () => import('highlight.js/lib/languages/shell'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

/** Names people write after the fence, beside the modules' own names. */
const aliases: Record<string, string> = {
  sh: 'bash', zsh: 'bash',
  h: 'c',
  'c++': 'cpp', cc: 'cpp', cxx: 'cpp', hpp: 'cpp',
  cs: 'csharp', 'c#': 'csharp',
  patch: 'diff',
  docker: 'dockerfile',
  f90: 'fortran',
  golang: 'go',
  hs: 'haskell',
  toml: 'ini',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  kt: 'kotlin',
  tex: 'latex',
  make: 'makefile', mk: 'makefile',
  md: 'markdown',
  wl: 'mathematica', mma: 'mathematica',
  pl: 'perl',
  ps1: 'powershell', pwsh: 'powershell',
  py: 'python', python3: 'python', ipython: 'python',
  rb: 'ruby',
  rs: 'rust',
  console: 'shell', 'shell-session': 'shell',
  ts: 'typescript', tsx: 'typescript', mts: 'typescript',
  html: 'xml', xhtml: 'xml', svg: 'xml',
  yml: 'yaml',
};

/** Languages a language highlights its parts in: a shell session's commands are Bash. */
const companions: Record<string, string[]> = { shell: ['bash'] };

/** The highlight.js module for a name written after the fence, or undefined for a language not supported. */
export function codeLanguageModule(name: string): string | undefined {
  const lower = name.toLowerCase();
  const module = Object.hasOwn(aliases, lower) ? aliases[lower] : lower;
  return Object.hasOwn(loaders, module) ? module : undefined;
}

/** The names `codeLanguageModule` knows, modules and aliases, sorted. */
export const supportedCodeLanguages: readonly string[] = [...Object.keys(loaders), ...Object.keys(aliases)].sort();

// One highlight.js instance of our own (not the default one a page may also use), created on first need.
let instance: Promise<HLJSApi> | undefined;
const registered = new Map<string, Promise<void>>();

function core(): Promise<HLJSApi> {
  instance ??= import('highlight.js/lib/core').then(
    ({ default: hljs }) => hljs.newInstance(),
    (error: unknown) => {
      instance = undefined;
      throw error;
    },
  );
  return instance;
}

function register(hljs: HLJSApi, module: string): Promise<void> {
  let done = registered.get(module);
  if (!done) {
    done = loaders[module]().then(
      (language) => hljs.registerLanguage(module, language.default),
      (error: unknown) => {
        registered.delete(module);
        throw error;
      },
    );
    registered.set(module, done);
  }
  return done;
}

/** The highlight.js language modules `loadCodeHighlighter` loads for these names: the supported ones and their companions. */
export function codeLanguageModules(languages: Iterable<string>): string[] {
  const named = [...languages].map(codeLanguageModule).filter((module) => module !== undefined);
  return [...new Set(named.flatMap((module) => [module, ...(companions[module] ?? [])]))];
}

const highlighter = (hljs: HLJSApi): CodeHighlighter => ({
  highlight(code, language) {
    const module = codeLanguageModule(language);
    if (!module || !hljs.getLanguage(module)) return undefined;
    return hljs.highlight(code, { language: module, ignoreIllegals: true }).value;
  },
});

/**
 * Loads highlight.js's core and the languages named (names as written after
 * the fence; unknown ones are skipped), and resolves with a highlighter for
 * `renderMarkdown`'s `highlighter` option. Languages loaded earlier stay
 * loaded. Resolves with undefined when none of the names is supported, having
 * loaded nothing.
 *
 * ```js
 * const highlighter = await loadCodeHighlighter(codeLanguagesIn(markdown));
 * renderMarkdown(markdown, { highlighter });
 * ```
 */
export async function loadCodeHighlighter(languages: Iterable<string>): Promise<CodeHighlighter | undefined> {
  const modules = codeLanguageModules(languages);
  if (modules.length === 0) return undefined;
  const hljs = await core();
  await Promise.all([...modules].map((module) => register(hljs, module)));
  return highlighter(hljs);
}

import katex, { type KatexOptions } from 'katex';
import { codedError } from './post-error-messages.js';
import type { CodedError } from './error-messages.js';
import { escapeHtml } from './escape-html.js';
import { LruCache } from './lru-cache.js';

/** TeX macros available to every formula, as KaTeX takes them: `{ '\\R': '\\mathbb{R}' }`. */
export type TexMacros = Readonly<Record<string, string>>;

export interface RenderMathOptions {
  /** Display (block) style rather than inline. Default `false`. */
  display?: boolean;
  /** Site-wide macros. */
  macros?: TexMacros;
  /**
   * Whether the TeX comes from the site owner. Untrusted TeX gets no `\href`
   * except to `#fragments`, no `\url`, `\includegraphics` or `\html*`.
   * Default `true`.
   */
  trusted?: boolean;
}

export interface RenderedFormula {
  /** KaTeX's HTML and MathML, or for a broken formula its escaped source and the message. */
  html: string;
  /** KaTeX's message when the formula could not be rendered. */
  error?: string;
  /** The same, as a coded error (`formula`, `formula-too-long` or `formula-too-large`) for a page to word in its language. */
  problem?: CodedError;
}

const safeProtocols = new Set(['http', 'https', 'mailto', '_relative']);
const htmlExtensions = new Set(['\\htmlClass', '\\htmlId', '\\htmlData', '\\htmlStyle']);

// KaTeX asks before rendering any command that could reach outside the formula.
type TrustContext = { command: string; protocol?: string; url?: string };

function trustOwnerTex(context: TrustContext): boolean {
  if (context.protocol !== undefined) return safeProtocols.has(context.protocol);
  return htmlExtensions.has(context.command);
}

function trustVisitorTex(context: TrustContext): boolean {
  // Only the equation links that numbering itself inserts.
  return context.command === '\\href' && context.protocol === '_relative' && context.url?.startsWith('#') === true;
}

const baseOptions: KatexOptions = {
  throwOnError: true,
  strict: 'ignore',
  output: 'htmlAndMathml',
  // Bounds that turn macro bombs and giant rules into quick errors or capped sizes.
  maxExpand: 1000,
  maxSize: 50,
  // Written inline on a command KaTeX refuses to run (`\\href` in a comment); styles/katex-styles.ts
  // replaces it with the theme's error colour, which stays readable in dark mode.
  errorColor: '#cc0000',
};

/** The longest formula rendered from untrusted text, in characters. */
export const untrustedFormulaLimit = 10_000;

const cache = new LruCache<string, RenderedFormula>(2000);
const macroKeys = new WeakMap<TexMacros, string>();

function macrosKey(macros: TexMacros | undefined): string {
  if (!macros) return '';
  let key = macroKeys.get(macros);
  if (key === undefined) {
    key = JSON.stringify(macros);
    macroKeys.set(macros, key);
  }
  return key;
}

/** Renders one formula, reporting rather than throwing when the TeX is broken. Results are cached. */
export function renderFormula(tex: string, options: RenderMathOptions = {}): RenderedFormula {
  const display = options.display ?? false;
  const trusted = options.trusted ?? true;
  const key = `${display ? 'D' : 'I'}${trusted ? 'T' : 'U'}${macrosKey(options.macros)}\u0000${tex}`;
  const cached = cache.get(key);
  if (cached) return cached;

  let result: RenderedFormula;
  if (!trusted && tex.length > untrustedFormulaLimit) {
    // KaTeX's time grows with the length; a visitor's formula this long is an attack or a paste error.
    result = failedFormula(tex, display, codedError('formula-too-long', { length: tex.length, limit: untrustedFormulaLimit }));
    cache.set(key, result);
    return result;
  }
  try {
    const html = katex.renderToString(tex, {
      ...baseOptions,
      displayMode: display,
      trust: trusted ? trustOwnerTex : trustVisitorTex,
      // A copy, because KaTeX writes \gdef definitions into the object it is given.
      macros: { ...options.macros },
    });
    const flat = flatString(html);
    // The site owner's tall formulas (a 200-row alignment) are meant; only visitors' offsets are checked.
    const huge = trusted ? undefined : hugeOffset(flat);
    result = huge === undefined ? { html: flat } : failedFormula(tex, display, huge);
  } catch (error) {
    // ParseErrors, and RangeErrors from deeply nested input.
    result = failedFormula(tex, display, codedError('formula', { detail: error instanceof Error ? error.message : String(error) }));
  }
  cache.set(key, result);
  return result;
}

// KaTeX caps sizes at maxSize, but only positive ones: `\kern-100000em` or
// `\raisebox{-100000em}` would push text two million pixels away. No formula
// a reader can use needs an offset this large, so such a formula is refused.
const offsetLimit = 200;
const largeEmValue = /:(-?\d{3,}(?:\.\d+)?)em/g;

function hugeOffset(html: string): CodedError | undefined {
  for (const [, value] of html.matchAll(largeEmValue)) {
    if (Math.abs(Number(value)) > offsetLimit) return codedError('formula-too-large', { offset: value, limit: offsetLimit });
  }
  return undefined;
}

function failedFormula(tex: string, display: boolean, problem: CodedError): RenderedFormula {
  return { html: formulaErrorHtml(tex, problem.message, display), error: problem.message, problem };
}

/**
 * KaTeX builds its output by concatenation, which V8 keeps as a tree of
 * pieces. Cached as-is, every piece lives as long as the cache entry and gets
 * promoted by the garbage collector (measured: it tripled GC time in a cold
 * 200-formula render). Reading a character makes V8 copy the tree into one
 * flat string, and the pieces die young.
 */
function flatString(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Renders one formula to HTML (KaTeX output, or the source and the message if it is broken). */
export function renderMath(tex: string, options: RenderMathOptions = {}): string {
  return renderFormula(tex, options).html;
}

/** Empties the formula cache (for measurements, or after changing fonts or macros globally). */
export function clearMathCache(): void {
  cache.clear();
}

function formulaErrorHtml(tex: string, message: string, display: boolean): string {
  const tag = display ? 'div' : 'span';
  return (
    `<${tag} class="sb-math-error" role="note" title="${escapeHtml(message)}">` +
    `<code class="sb-math-error-source">${escapeHtml(tex)}</code> ` +
    `<span class="sb-math-error-message">${escapeHtml(message)}</span></${tag}>`
  );
}

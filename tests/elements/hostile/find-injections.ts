/**
 * Looks through a rendered DOM, shadow roots included, for anything that could
 * run script, load a document or restyle the page: the checker of the
 * hostile-input suite.
 */

export interface Injection {
  /**
   * `element`: an element that runs or loads something (`<script>`, `<iframe>` …).
   * `unexpected-element`: an element neither markdown nor KaTeX produces, in rendered content.
   * `event-handler`: an attribute whose name starts with `on`.
   * `script-url`: a URL attribute with a `javascript:`, `vbscript:` or `data:` scheme.
   * `style`: a `style` attribute that could load or run something, or in rendered content one KaTeX would not write.
   * `link-scheme`: in rendered content, a link or source that is not http, https, mailto or relative.
   */
  kind: 'element' | 'unexpected-element' | 'event-handler' | 'script-url' | 'style' | 'link-scheme';
  /** What was found, for the failure message. */
  detail: string;
}

export interface ScanOptions {
  /**
   * The scan is of rendered content (a comment body, an article, a preview):
   * every element must be one that markdown or KaTeX produces, every inline
   * style one that KaTeX writes, every link http, https, mailto or relative.
   */
  content?: boolean;
  /** With `content`: whether `<img>` may appear (post-body renders images; comments do not by default). */
  images?: boolean;
  /** Elements of the component's own template that the scan is not about (comment-form's own `<form>`). */
  own?: readonly Element[];
}

/** Elements that run script, load a document or a plugin, or change how the page or its links behave. */
export const forbiddenElements = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
  'base', 'meta', 'link', 'form', 'style', 'noscript', 'template', 'isindex', 'noembed', 'noframes', 'xmp', 'plaintext',
]);

const HTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

// What markdown-it (untrusted: no raw HTML), the project's own math wrappers, notices, figures, notes,
// citations and code blocks, and KaTeX produce.
const markdownElements = [
  'p', 'a', 'em', 'strong', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'span', 'figure', 'figcaption', 'caption', 'section', 'sup',
];
const katexSvgElements = new Set(['svg', 'path', 'line']);
// KaTeX's MathML, without `mglyph` (only `\includegraphics` makes one, and comments may not use it).
const katexMathmlElements = new Set([
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac',
  'msqrt', 'mroot', 'mstyle', 'mtable', 'mtr', 'mtd', 'mover', 'munder', 'munderover', 'menclose', 'mpadded', 'mphantom',
]);

// Attributes holding one URL that the browser may follow, load or run.
const urlAttributes = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'codebase', 'longdesc',
  'lowsrc', 'dynsrc', 'ping', 'manifest', 'icon', 'archive', 'classid',
]);
// SVG animation attributes can set any attribute, `href` included, to a list of values.
const animationValueAttributes = new Set(['values', 'to', 'from', 'by']);
const scriptSchemes = ['javascript:', 'vbscript:', 'livescript:', 'data:'];

/** A URL as the browser reads its scheme: ASCII whitespace and control characters anywhere are ignored, case too. */
export function compactUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.trim().replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

function hasScriptScheme(value: string): boolean {
  const url = compactUrl(value);
  return scriptSchemes.some((scheme) => url.startsWith(scheme));
}

/** A `style` attribute's text with CSS escapes and comments resolved, lower case, without whitespace. */
export function compactCss(value: string): string {
  return value
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd))
    .replace(/\\(.)/gs, '$1')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * The CSS properties KaTeX sets inline (its source: `style.height = …`), and
 * what their values are made of: lengths, colours, a few keywords. Nothing
 * with parentheses, colons, quotes or backslashes.
 */
export const katexStyleProperties = new Set([
  'height', 'width', 'min-width', 'vertical-align', 'top', 'bottom', 'left', 'position',
  'margin', 'margin-left', 'margin-right', 'margin-top', 'padding-left',
  'border', 'border-width', 'border-style', 'border-color', 'border-top-width', 'border-bottom-width', 'border-right-width', 'border-right-style',
  'color', 'background-color', 'text-shadow',
]);
const katexStyleValue = /^(?:-?(?:\d+(?:\.\d*)?|\.\d+)(?:em|ex|px|pt|%)?|#[0-9a-f]{3,8}|[a-z]+)$/i;

/** Declarations of an inline style that KaTeX would not write. */
export function unexpectedDeclarations(style: string): string[] {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => {
      if (declaration === '') return false;
      const colon = declaration.indexOf(':');
      const property = declaration.slice(0, colon).trim().toLowerCase();
      const tokens = declaration.slice(colon + 1).trim().split(/\s+/);
      if (colon < 0 || !katexStyleProperties.has(property)) return true;
      // KaTeX positions relatively, never fixed or absolute (which could cover the page).
      if (property === 'position') return tokens.join(' ') !== 'relative';
      return !tokens.every((token) => katexStyleValue.test(token));
    });
}

const safeSchemes = new Set(['http', 'https', 'mailto']);

/** Whether a link or source would be allowed in visitor text: http, https, mailto or relative. */
function hasSafeScheme(value: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compactUrl(value));
  return scheme === null || safeSchemes.has(scheme[1]);
}

const dangerousCss = ['javascript:', 'vbscript:', 'expression(', 'url(', 'image-set(', 'src(', '@import', 'behavior:', '-moz-binding'];

/** Every element in `root` and below, descending into shadow roots and template contents. */
export function* elementsIn(root: Node): Generator<Element> {
  if (root.nodeType === Node.ELEMENT_NODE) {
    const element = root as Element;
    yield element;
    if (element.shadowRoot) yield* elementsIn(element.shadowRoot);
    if (element instanceof HTMLTemplateElement) yield* elementsIn(element.content);
  }
  for (const child of Array.from((root as ParentNode).children ?? [])) yield* elementsIn(child);
}

function describe(element: Element): string {
  const attributes = Array.from(element.attributes, (a) => ` ${a.name}="${a.value.length > 60 ? `${a.value.slice(0, 60)}…` : a.value}"`).join('');
  return `<${element.localName}${attributes}>`;
}

function isExpectedContent(element: Element, images: boolean): boolean {
  const name = element.localName;
  switch (element.namespaceURI) {
    case HTML:
      // KaTeX writes `<mo><mover>…</mover></mo>` for `\stackrel` and the like;
      // `<mo>` is a text integration point, so the parser puts what is inside
      // it in the HTML namespace. Still KaTeX's, and only inside its `<math>`.
      if (katexMathmlElements.has(name) && element.parentElement?.closest('math')) return true;
      return markdownElements.includes(name) || (images && name === 'img');
    case SVG:
      return katexSvgElements.has(name);
    case MATHML:
      return katexMathmlElements.has(name);
    default:
      return false;
  }
}

/** What in `root` (an element, a shadow root, a document or a fragment) could run script or load something. */
export function findInjections(root: Node, options: ScanOptions = {}): Injection[] {
  const found: Injection[] = [];
  const own = new Set(options.own ?? []);
  for (const element of elementsIn(root)) {
    if (own.has(element)) continue;
    if (forbiddenElements.has(element.localName)) found.push({ kind: 'element', detail: describe(element) });
    else if (options.content && element !== root && !isExpectedContent(element, options.images ?? false)) {
      found.push({ kind: 'unexpected-element', detail: describe(element) });
    }
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push({ kind: 'event-handler', detail: `${lower} on ${describe(element)}` });
      else if (urlAttributes.has(lower) && hasScriptScheme(value)) found.push({ kind: 'script-url', detail: `${lower} on ${describe(element)}` });
      else if (options.content && urlAttributes.has(lower) && !hasSafeScheme(value)) found.push({ kind: 'link-scheme', detail: `${lower} on ${describe(element)}` });
      else if (lower === 'srcset' && value.split(',').some((candidate) => hasScriptScheme(candidate.trim().split(/\s+/)[0] ?? ''))) {
        found.push({ kind: 'script-url', detail: `srcset on ${describe(element)}` });
      } else if (animationValueAttributes.has(lower) && value.split(';').some(hasScriptScheme)) {
        found.push({ kind: 'script-url', detail: `${lower} on ${describe(element)}` });
      } else if (lower === 'srcdoc') found.push({ kind: 'element', detail: `srcdoc on ${describe(element)}` });
      else if (lower === 'style') {
        const css = compactCss(value);
        if (dangerousCss.some((word) => css.includes(word))) found.push({ kind: 'style', detail: describe(element) });
        else if (options.content && unexpectedDeclarations(value).length > 0) {
          found.push({ kind: 'style', detail: `not KaTeX's own (${unexpectedDeclarations(value).join('; ')}) on ${describe(element)}` });
        }
      }
    }
  }
  return found;
}

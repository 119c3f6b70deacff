// Renders one element with @lit-labs/ssr and returns its declarative shadow root.
import { parseMarkup, childElements, type HtmlNode } from './html-tree.js';

type Ssr = {
  render: typeof import('@lit-labs/ssr').render;
  collectResultSync: typeof import('@lit-labs/ssr/lib/render-result.js').collectResultSync;
  renderer: typeof import('@lit-labs/ssr/lib/lit-element-renderer.js').LitElementRenderer;
};

let loading: Promise<Ssr> | undefined;

/**
 * Loads @lit-labs/ssr and, after it (its DOM shim must be installed before
 * Lit is first evaluated), the elements, which register themselves.
 */
export function loadServerRenderer(): Promise<Ssr> {
  loading ??= (async () => {
    let ssr: typeof import('@lit-labs/ssr');
    let result: typeof import('@lit-labs/ssr/lib/render-result.js');
    let renderers: typeof import('@lit-labs/ssr/lib/lit-element-renderer.js');
    try {
      ssr = await import('@lit-labs/ssr');
      result = await import('@lit-labs/ssr/lib/render-result.js');
      renderers = await import('@lit-labs/ssr/lib/lit-element-renderer.js');
    } catch (error) {
      throw new Error(`sciblog-elements/node needs @lit-labs/ssr 4 (npm install @lit-labs/ssr): ${error instanceof Error ? error.message : String(error)}`);
    }
    const { loadMathRenderers } = await import('../index.js');
    // The elements import KaTeX and markdown-it on first need; a server render cannot wait for that.
    await loadMathRenderers();
    /**
     * In the browser an element inside another's shadow root takes the host's
     * lang (LocaleController looks through shadow roots); on a server it sees
     * only its own attributes. Giving it the nearest host's lang before it
     * renders (after its attributes are written out) makes a card's byline
     * speak the card's language.
     */
    class LangInheritingRenderer extends renderers.LitElementRenderer {
      override renderShadow(renderInfo: Parameters<InstanceType<typeof renderers.LitElementRenderer>['renderShadow']>[0]) {
        const element = this.element as unknown as HTMLElement;
        if (!element.hasAttribute('lang')) {
          const hosts = renderInfo.customElementHostStack;
          for (let i = hosts.length - 1; i >= 0; i--) {
            const host = (hosts[i] as { element?: HTMLElement }).element;
            const lang = host !== element ? host?.getAttribute('lang') : null;
            if (lang) {
              element.setAttribute('lang', lang);
              break;
            }
          }
        }
        return super.renderShadow(renderInfo);
      }
    }
    return { render: ssr.render, collectResultSync: result.collectResultSync, renderer: LangInheritingRenderer };
  })();
  return loading;
}

const attributeName = /^[a-z_:][-.\w:]*$/i;
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * A Lit template result for `<tag attributes .property=${value}…>`, built
 * directly because the tag and the attributes are only known at run time
 * (lit's static html would cache every distinct attribute string forever).
 */
function elementTemplate(tag: string, attributes: Record<string, string>, properties: Record<string, unknown>) {
  const attributeText = Object.entries(attributes)
    .filter(([name]) => attributeName.test(name))
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const names = Object.keys(properties);
  const strings =
    names.length === 0
      ? [`<${tag}${attributeText}></${tag}>`]
      : [`<${tag}${attributeText} .${names[0]}=`, ...names.slice(1).map((name) => ` .${name}=`), `></${tag}>`];
  return { ['_$litType$']: 1, strings: Object.assign(strings, { raw: [...strings] }), values: names.map((name) => properties[name]) };
}

/**
 * The `<template shadowrootmode="open">…</template>` @lit-labs/ssr renders
 * for the element, with Lit's hydration markers. `location` is the page's, for
 * elements that read it while rendering (the current post of a series).
 */
export function renderShadowRoot(
  ssr: Ssr,
  tag: string,
  attributes: Record<string, string>,
  properties: Record<string, unknown>,
  location: URL,
): string {
  const global = globalThis as { location?: unknown };
  const previous = global.location;
  global.location = location;
  let output: string;
  try {
    output = ssr.collectResultSync(ssr.render(elementTemplate(tag, attributes, properties) as Parameters<Ssr['render']>[0], { elementRenderers: [ssr.renderer] }));
  } finally {
    global.location = previous;
  }
  const host = childElements(parseMarkup(output)).find((node: HtmlNode) => node.tagName === tag);
  const template = host && childElements(host).find((node) => node.tagName === 'template');
  const span = template?.sourceCodeLocation;
  if (!span) throw new Error('the server render has no shadow root');
  return output.slice(span.startOffset, span.endOffset);
}

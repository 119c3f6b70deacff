/**
 * Makes the elements hydrate the declarative shadow DOM that
 * `sciblog-elements/node`'s `prerender` wrote, instead of rendering it again:
 * the nodes the reader already sees stay, and Lit attaches to them.
 *
 * Import it before any element (before Lit itself is evaluated):
 * `import 'sciblog-elements/hydrate.js'; import 'sciblog-elements';`, or load
 * the single file `sciblog-elements.hydrate.js`, which is both in order.
 *
 * This is @lit-labs/ssr-client's `lit-element-hydrate-support` with one
 * difference: when the browser's first render differs from the server's (the
 * element fetches a feed the build read, or the page set other macros), Lit's
 * version throws and leaves the element broken; here the element renders
 * afresh into its shadow root instead.
 *
 * @module
 */
// lit/html.js, not lit: importing lit would evaluate LitElement before the hook below is in place.
import { render } from 'lit/html.js';
import { hydrate } from '@lit-labs/ssr-client';
import type { LitElement, PropertyValues } from 'lit';

type Hydratable = LitElement & { _$needsHydration?: boolean };
/** The members patched here, protected in LitElement's types. */
interface Patched {
  attributeChangedCallback(this: Hydratable, name: string, old: string | null, value: string | null): void;
  connectedCallback(this: Hydratable): void;
  createRenderRoot(this: Hydratable): HTMLElement | DocumentFragment;
  update(this: Hydratable, changed: PropertyValues): void;
}
type HydrateSupport = (classes: { LitElement: typeof LitElement }) => void;

// Keep consistent with @lit-labs/ssr-dom-shim, which renders ARIA from ElementInternals as these attributes.
const internalsPrefix = 'hydrate-internals-';

(globalThis as { litElementHydrateSupport?: HydrateSupport }).litElementHydrateSupport = ({ LitElement }) => {
  const base = Object.getPrototypeOf(LitElement) as { observedAttributes: string[] };
  const observedAttributes = Object.getOwnPropertyDescriptor(base, 'observedAttributes')!.get!;
  Object.defineProperty(LitElement, 'observedAttributes', {
    get(this: typeof LitElement) {
      return [...observedAttributes.call(this), 'defer-hydration'];
    },
  });

  const prototype = LitElement.prototype as unknown as Patched;
  const { attributeChangedCallback, connectedCallback, createRenderRoot } = prototype;
  // An element inside a shadow root waits for its host to hydrate first; the host removes the attribute.
  prototype.attributeChangedCallback = function (name, old, value) {
    if (name === 'defer-hydration' && value === null) connectedCallback.call(this);
    attributeChangedCallback.call(this, name, old, value);
  };
  prototype.connectedCallback = function () {
    if (!this.hasAttribute('defer-hydration')) connectedCallback.call(this);
  };
  // The server wrote the shadow root, its styles included: keep it rather than attach (and empty) a new one.
  prototype.createRenderRoot = function () {
    if (!this.shadowRoot) return createRenderRoot.call(this);
    this._$needsHydration = true;
    return this.shadowRoot;
  };

  const update = (Object.getPrototypeOf(LitElement.prototype) as { update(changed: PropertyValues): void }).update;
  prototype.update = function (changed) {
    const value = (this as unknown as { render(): unknown }).render();
    update.call(this, changed);
    const root = this.renderRoot as HTMLElement | ShadowRoot;
    if (!this._$needsHydration) {
      render(value, root, this.renderOptions);
      return;
    }
    this._$needsHydration = false;
    for (const name of this.getAttributeNames()) {
      if (!name.startsWith(internalsPrefix)) continue;
      this.removeAttribute(name.slice(internalsPrefix.length));
      this.removeAttribute(name);
    }
    try {
      hydrate(value, root, this.renderOptions);
    } catch {
      // The server rendered something else: start over, keeping the server's styles (never adopted in the browser).
      for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
      delete (root as unknown as Record<string, unknown>)['_$litPart$'];
      render(value, root, this.renderOptions);
    }
  };
};

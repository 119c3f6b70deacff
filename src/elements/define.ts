import { adoptColorSchemeRules } from '../styles/color-scheme.js';

/**
 * Registers a tag unless something on the page already did (two bundles, hot
 * reload), and gives the page the rules that let `data-theme` choose light
 * or dark.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  adoptColorSchemeRules();
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

/** Registers a tag unless something on the page already did (two bundles, hot reload). */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

/** The channels of a computed `rgb(…)` / `rgba(…)` colour, alpha last. */
function channels(color: string): [number, number, number, number] {
  const [r, g, b, a = 1] = color.match(/[\d.]+/g)!.map(Number);
  return [r, g, b, a];
}

/** WCAG contrast ratio of two opaque computed colours. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = channels(color).slice(0, 3).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const parentOf = (node: Element): Element | null => node.parentElement ?? (node.getRootNode() instanceof ShadowRoot ? (node.getRootNode() as ShadowRoot).host : null);

/** The opaque colour behind an element: the backgrounds of it and its ancestors (through shadow roots), translucent ones blended. */
export function backgroundBehind(element: Element): string {
  const layers: [number, number, number, number][] = [];
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const layer = channels(getComputedStyle(node).backgroundColor);
    if (layer[3] > 0) layers.unshift(layer);
    if (layer[3] === 1) break;
  }
  const [r, g, b] = layers.reduce(([r0, g0, b0], [r1, g1, b1, a]) => [r0 + (r1 - r0) * a, g0 + (g1 - g0) * a, b0 + (b1 - b0) * a, 1], [255, 255, 255, 1]);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Every element (through open shadow roots) that shows text of its own, with its colour and the colour behind it. */
export function textPieces(root: Element): { element: Element; color: string; background: string }[] {
  const found: { element: Element; color: string; background: string }[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const element of node.children) {
      // MathML kept for screen readers and text for them only are not seen; a disabled control need not meet the ratio.
      if (element.matches('.katex-mathml, .visually-hidden, :disabled, [hidden]')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const ownText = [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== '');
      if (ownText && element.getClientRects().length > 0) found.push({ element, color: style.color, background: backgroundBehind(element) });
      if (element.shadowRoot) visit(element.shadowRoot);
      visit(element);
    }
  };
  visit(root);
  return found;
}

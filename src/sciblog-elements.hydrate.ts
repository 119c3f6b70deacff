// The single-file build for plain pages that were prerendered: hydration
// support now, the elements once the server's HTML has been painted.
//
// A module script runs before the browser's first frame when it arrives in
// time (always, on a fast connection); hydrating then would hold that frame
// back by the cost of loading the renderers and rendering every element's
// template once more. The server's HTML needs none of it to be seen, so the
// elements are defined after the first paint, or at once in a hidden tab,
// which paints no frames.
import './hydrate.js';

const afterFirstPaint = (): Promise<void> =>
  document.visibilityState === 'hidden'
    ? Promise.resolve()
    : new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once every element is defined (each then hydrates its server-rendered shadow root). */
export const defined: Promise<void> = afterFirstPaint().then(async () => {
  await import('./all-elements.js');
});

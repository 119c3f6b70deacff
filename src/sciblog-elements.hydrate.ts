// The single-file build for plain pages that were prerendered: hydration support, then every element.
import './hydrate.js';
export * from './index.js';

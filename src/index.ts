// Registers every element and re-exports the whole API.
export * from './core/index.js';
export * from './all-elements.js';

import { expect } from '@open-wc/testing';
import katex from 'katex';
import { untrustedFormulaLimit } from '../../../src/core/render-math.js';
import { findInjections, type ScanOptions } from './find-injections.js';

declare global {
  interface Window {
    /** Set by a payload's script if it ever runs. */
    __xss?: unknown;
  }
}

/**
 * Everything assigned to `window.__xss` since `watchFlag()`, in order: a
 * payload that runs is named by the value it writes, even when a later one
 * overwrites it. `alert`, `confirm`, `prompt`, `print` and `open` are recorded too.
 */
export const flagsSet: string[] = [];

let lastFlag: unknown;

/** Starts recording `window.__xss` afresh (and unsets it). */
export function watchFlag(): void {
  flagsSet.length = 0;
  lastFlag = undefined;
  Object.defineProperty(window, '__xss', {
    configurable: true,
    get: () => lastFlag,
    set: (value: unknown) => {
      lastFlag = value;
      flagsSet.push(String(value));
    },
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) {
    (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      flagsSet.push(`${name}(${args.map(String).join(', ')})`);
      return null;
    };
  }
}

/** Errors and rejections that reached the window: none may escape an element. */
export const uncaught: string[] = [];
window.addEventListener('error', (event) => uncaught.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) => uncaught.push(`unhandled rejection: ${String(event.reason)}`));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Long enough for scripts, `onload`, `onerror` (an `<img src=x>` fails
 * against the local test server within a few milliseconds), `ontoggle` and
 * autofocus to have fired, had any of them been injected.
 */
export const SETTLE_MS = 150;

/**
 * Mocha's per-test timeout for the heaviest hostile cases, as a hang guard
 * only: at least 30 times what they take in headless Chromium (2 500 formulas
 * in one comment, about 1.8 s; 10 000 comments, about 5 s). Tests count work
 * instead of timing it; the times themselves belong in `npm run bench`.
 */
export const HANG_TIMEOUT_MS = 180_000;

/**
 * Starts recording the TeX of every formula KaTeX is asked to render (the
 * elements and the tests share one KaTeX module); `stop()` ends it and
 * returns them. Empty the formula cache first: a cached formula never reaches KaTeX.
 */
export function recordKatex(): { stop(): string[] } {
  const original = katex.renderToString;
  const inputs: string[] = [];
  katex.renderToString = (tex, options) => {
    inputs.push(tex);
    return original.call(katex, tex, options);
  };
  return {
    stop() {
      katex.renderToString = original;
      return inputs;
    },
  };
}

/**
 * Fails unless KaTeX's work was bounded: no formula given to it twice (the
 * cache and the element rendered each once) and none longer than the limit
 * for untrusted formulas, the bound on what one KaTeX call can cost.
 */
export function expectBoundedKatex(inputs: readonly string[], where = ''): void {
  const tooLong = inputs.filter((tex) => tex.length > untrustedFormulaLimit).map((tex) => tex.length);
  expect(tooLong, `${where}: lengths of the formulas over the limit given to KaTeX`).to.deep.equal([]);
  const repeated = inputs.filter((tex, i) => inputs.indexOf(tex) !== i).map((tex) => tex.slice(0, 40));
  expect(repeated, `${where}: formulas KaTeX rendered more than once`).to.deep.equal([]);
}

/**
 * Runs `fn` with `methods` (pairs of an object and a method name, e.g.
 * `[Set.prototype, 'has']`) wrapped to count their calls; returns the total.
 * A count that grows 16-fold for a 4 times larger input is quadratic work.
 */
export function countCalls(methods: [object, string][], fn: () => void): number {
  let calls = 0;
  const originals = methods.map(([owner, name]) => [owner, name, (owner as Record<string, unknown>)[name]] as const);
  for (const [owner, name, original] of originals) {
    (owner as Record<string, unknown>)[name] = function counted(this: unknown, ...args: unknown[]) {
      calls++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    fn();
  } finally {
    for (const [owner, name, original] of originals) (owner as Record<string, unknown>)[name] = original;
  }
  return calls;
}

/** How much a count may grow when its input grows 4-fold: linear and n·log n pass, quadratic (16×) fails. */
export const LINEAR_GROWTH_4X = 5;

/** Fails with a readable list of everything `findInjections` reports. */
export function expectNoInjection(root: Node, options: ScanOptions = {}, where = ''): void {
  const found = findInjections(root, options).map(({ kind, detail }) => `${kind}: ${detail}`);
  expect(found, `injected into ${where || 'the rendered DOM'}`).to.deep.equal([]);
}

/** Text with runs of whitespace made one space, trimmed. */
export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

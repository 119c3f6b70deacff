import { expect } from '@open-wc/testing';
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
 * Hang guard, not a speed test: from giving (or typing) a hostile comment to
 * a `setTimeout(0)` callback run after it rendered, at most this long. The
 * heaviest legitimate case, 2 500 formulas in one comment (the most 10 000
 * characters hold), takes 1 to 1.8 s in headless Chromium, mostly layout of
 * KaTeX's hidden MathML.
 */
export const HANG_GUARD_MS = 3000;

/** How long the page took to run a `setTimeout(0)` callback. */
export async function timeoutLatency(): Promise<number> {
  const start = performance.now();
  await sleep(0);
  return performance.now() - start;
}

/** Fails with a readable list of everything `findInjections` reports. */
export function expectNoInjection(root: Node, options: ScanOptions = {}, where = ''): void {
  const found = findInjections(root, options).map(({ kind, detail }) => `${kind}: ${detail}`);
  expect(found, `injected into ${where || 'the rendered DOM'}`).to.deep.equal([]);
}

/** Text with runs of whitespace made one space, trimmed. */
export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

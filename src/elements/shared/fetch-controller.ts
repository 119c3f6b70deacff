import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Messages } from '../../core/messages.js';

/** Why a fetch gave up: no answer in time, or more text than the element takes. */
export type FetchLimit = { kind: 'timeout'; seconds: number } | { kind: 'too-large'; bytes: number };

export type FetchState<T = string> =
  | { state: 'idle' }
  | { state: 'loading'; url: string }
  | { state: 'loaded'; url: string; text: string; value: T }
  | { state: 'failed'; url: string; reason: string; limit?: FetchLimit };

export interface FetchLimits {
  /** Give up when the whole answer has not arrived after this many milliseconds. Default 15 000. */
  timeout?: number;
  /** Give up when the answer is longer than this many bytes. Default 10 MB. */
  maxBytes?: number;
}

/** Why the last fetch failed, in the reader's language. */
export function failureReason(load: { reason: string; limit?: FetchLimit }, messages: Messages): string {
  if (load.limit?.kind === 'timeout') return messages.noAnswer(load.limit.seconds);
  if (load.limit?.kind === 'too-large') return messages.tooLarge(load.limit.bytes);
  return load.reason;
}

class LimitReached extends Error {
  constructor(readonly limit: FetchLimit) {
    super(limit.kind);
  }
}

/**
 * Fetches a URL's text for an element and updates it as the request goes:
 * loading, loaded or failed with a reason a reader can act on. A new URL
 * aborts the request before it, so a late answer never replaces a newer one.
 * `parse` (a JSON Feed reader, say) runs once per answer, not per render.
 */
export class FetchController<T = string> implements ReactiveController {
  state: FetchState<T> = { state: 'idle' };
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly parse: (text: string) => T = (text) => text as T,
    private readonly limits: () => FetchLimits = () => ({}),
  ) {
    host.addController(this);
  }

  /**
   * Starts fetching `url`, or goes idle when it is empty. When the page
   * already holds the answer (`prerender` writes what it read at build time
   * into a child `<script type="application/json" data-src="…">`), that is
   * used at once, so a prerendered element hydrates without fetching again.
   */
  load(url: string | undefined): void {
    this.#abort?.abort();
    if (!url) {
      this.state = { state: 'idle' };
      return;
    }
    const written = answerInPage(this.host, url);
    if (written !== undefined) {
      this.state = { state: 'loaded', url, text: written, value: this.parse(written) };
      return;
    }
    const abort = (this.#abort = new AbortController());
    const { timeout = 15_000, maxBytes = 10_000_000 } = this.limits();
    // A server that never answers would leave "Loading…" forever.
    const timer = new AbortController();
    const clock = setTimeout(() => timer.abort(new LimitReached({ kind: 'timeout', seconds: Math.round(timeout / 100) / 10 })), timeout);
    this.state = { state: 'loading', url };
    fetch(url, { signal: AbortSignal.any([abort.signal, timer.signal]) })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
        const text = await readLimited(response, maxBytes);
        this.state = { state: 'loaded', url, text, value: this.parse(text) };
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        const cause = timer.signal.aborted ? timer.signal.reason : error;
        if (cause instanceof LimitReached) this.state = { state: 'failed', url, reason: cause.message, limit: cause.limit };
        else this.state = { state: 'failed', url, reason: cause instanceof Error ? cause.message : String(cause) };
      })
      .finally(() => {
        clearTimeout(clock);
        if (!abort.signal.aborted) this.host.requestUpdate();
      });
  }

  hostConnected(): void {
    // Reconnected after a disconnect aborted the request (the element was moved): ask again.
    if (this.state.state === 'loading' && this.#abort?.signal.aborted) this.load(this.state.url);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }
}

/** The text of the host's `<script type="application/json" data-src>` child for `url`, if the page has one. */
function answerInPage(host: ReactiveControllerHost, url: string): string | undefined {
  // On a server (@lit-labs/ssr's DOM shim) elements have no children to read.
  const children = (host as Partial<Element>).children;
  if (!children) return undefined;
  for (const child of children) {
    if (child.localName === 'script' && child.getAttribute('type') === 'application/json' && child.getAttribute('data-src') === url) {
      return child.textContent ?? '';
    }
  }
  return undefined;
}

/** The answer's text, refusing it (before or while it arrives) once it is longer than `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new LimitReached({ kind: 'too-large', bytes: maxBytes });
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new LimitReached({ kind: 'too-large', bytes: maxBytes });
    }
    text += decoder.decode(value, { stream: true });
  }
}

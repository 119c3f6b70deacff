import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type FetchState<T = string> =
  | { state: 'idle' }
  | { state: 'loading'; url: string }
  | { state: 'loaded'; url: string; text: string; value: T }
  | { state: 'failed'; url: string; reason: string };

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
  ) {
    host.addController(this);
  }

  /** Starts fetching `url`, or goes idle when it is empty. */
  load(url: string | undefined): void {
    this.#abort?.abort();
    if (!url) {
      this.state = { state: 'idle' };
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.state = { state: 'loading', url };
    fetch(url, { signal: abort.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
        const text = await response.text();
        this.state = { state: 'loaded', url, text, value: this.parse(text) };
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        this.state = { state: 'failed', url, reason: error instanceof Error ? error.message : String(error) };
      })
      .finally(() => {
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

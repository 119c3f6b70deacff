import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { codedErrorAt } from '../../core/post-error-messages.js';
import type { Bibliography, BibliographySource } from '../../core/bibliography.js';
import type { Messages } from '../../core/messages.js';
import { FetchController, type FetchLimits, failureReason } from '../shared/fetch-controller.js';

/** What `post-body` needs to load a bibliography: the renderers' loader. */
export interface BibliographyLoader {
  loadBibliography(source: string, place?: { line?: number; firstLine?: number }): Promise<Bibliography>;
}

/**
 * A post's bibliography for `post-body`: fetched when the front matter gives
 * a URL (with the element's timeout and size limit), then parsed (the BibTeX
 * parser is imported on first need). `bibliography()` is undefined while
 * either is under way; `pending` is that work, for `updateComplete`.
 */
export class BibliographyController implements ReactiveController {
  /** The load the element is waiting for, if any. */
  pending: Promise<unknown> | undefined;
  /** Why the bibliography URL could not be loaded, in the reader's language; shown beside the post. */
  failure: string | undefined;
  readonly #fetch: FetchController;
  #wake?: () => void;
  #parsed?: { text: string; bibliography?: Bibliography };

  constructor(
    private readonly host: ReactiveControllerHost,
    limits: () => FetchLimits,
  ) {
    host.addController(this);
    // The fetch updates the host through this, which also ends the wait for it.
    const relay: ReactiveControllerHost = {
      addController: (controller) => host.addController(controller),
      removeController: (controller) => host.removeController(controller),
      requestUpdate: () => {
        host.requestUpdate();
        this.#wake?.();
      },
      get updateComplete() {
        return host.updateComplete;
      },
    };
    this.#fetch = new FetchController(relay, undefined, limits);
  }

  /** The bibliography for `source`, once loaded; `url` is the front matter's URL resolved against the post's. */
  bibliography(source: BibliographySource & { kind: 'url' | 'text' }, url: string | undefined, loader: BibliographyLoader, messages: Messages): Bibliography | undefined {
    this.failure = undefined;
    if (source.kind === 'text') return this.#parse(source.text, { line: source.line, firstLine: source.line === undefined ? undefined : source.line + 1 }, loader);
    const load = this.#fetch.state;
    if (load.state === 'idle' || load.url !== url) {
      // A prerendered post needs no fetch: `post-body` takes the references prerender wrote into the page.
      this.#fetch.load(url);
      this.#wait(new Promise<void>((resolve) => (this.#wake = resolve)));
      return undefined;
    }
    if (load.state === 'loading') return undefined;
    if (load.state === 'failed') {
      this.failure = messages.loadFailed(load.url, failureReason(load, messages));
      return { references: [], errors: [codedErrorAt('bibliography-not-loaded', { detail: this.failure }, source.line)] };
    }
    return this.#parse(load.text, { line: source.line }, loader);
  }

  #parse(text: string, place: { line?: number; firstLine?: number }, loader: BibliographyLoader): Bibliography | undefined {
    if (this.#parsed?.text === text) return this.#parsed.bibliography;
    const parsed: { text: string; bibliography?: Bibliography } = { text };
    this.#parsed = parsed;
    this.#wait(
      loader.loadBibliography(text, place).then(
        (bibliography) => {
          parsed.bibliography = bibliography;
        },
        (error: unknown) => {
          // The parser's chunk could not load (offline, say): the post renders, its citations unresolved.
          parsed.bibliography = { references: [], errors: [codedErrorAt('bibliography-not-loaded', { detail: error instanceof Error ? error.message : String(error) }, place.line)] };
        },
      ),
    );
    return undefined;
  }

  #wait(work: Promise<unknown>): void {
    const pending: Promise<unknown> = (this.pending = work.finally(() => {
      if (this.pending === pending) this.pending = undefined;
      this.host.requestUpdate();
    }));
  }

  hostConnected(): void {}

  /** No bibliography needed any more: stop fetching and waiting. */
  clear(): void {
    this.failure = undefined;
    if (this.#fetch.state.state !== 'idle') this.#fetch.load(undefined);
    this.pending = undefined;
  }
}

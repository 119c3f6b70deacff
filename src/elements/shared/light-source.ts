import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dedent } from '../../core/dedent.js';

/** What an element was given as children, to render as content. */
export interface LightSource {
  text: string;
  format: 'markdown' | 'html';
}

/**
 * Reads hand-written content from an element's children: markup as HTML,
 * plain text as markdown (so `$x^2$` in an excerpt is math). Children
 * assigned to a named slot are not content and are skipped.
 */
export function readLightSource(host: Element): LightSource | undefined {
  const nodes = [...host.childNodes].filter((node) => !(node instanceof Element && node.hasAttribute('slot')));
  const hasMarkup = nodes.some((node) => node instanceof Element);
  const text = hasMarkup
    ? nodes.map((node) => (node instanceof Element ? node.outerHTML : node.textContent ?? '')).join('')
    : dedent(nodes.map((node) => node.textContent ?? '').join(''));
  return text.trim() === '' ? undefined : { text, format: hasMarkup ? 'html' : 'markdown' };
}

/** Keeps an element's hand-written content (see `readLightSource`) current as its children change. */
export class LightSourceController implements ReactiveController {
  /** The content as last read; undefined when there is none. */
  source?: LightSource;
  // Created on connection: server-side rendering has no MutationObserver.
  #observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  #read(): void {
    this.source = readLightSource(this.host);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.#read();
    this.#observer ??= new MutationObserver(() => this.#read());
    this.#observer.observe(this.host, { childList: true, characterData: true, subtree: true });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}

import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { type Locale, type Messages, messages, resolveLocale } from '../../core/messages.js';

/** An element whose interface text a page may override, e.g. `el.strings = { readMore: '全文 →' }`. */
export interface HasStrings {
  strings?: Partial<Messages>;
}

type Host = ReactiveControllerHost & HTMLElement & HasStrings;

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

/** The `lang` of the nearest ancestor that has one, looking through shadow roots. */
export function closestLang(element: Element): string {
  for (let node: Element | null = element; node; ) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/**
 * Gives an element the language of its surroundings and updates it when any
 * `lang` attribute changes (one observer shared by every element).
 */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  get locale(): Locale {
    // A server render sees only the element itself, not its ancestors.
    return resolveLocale(isServer ? (this.host.getAttribute('lang') ?? '') : closestLang(this.host));
  }

  /** The built-in text for the locale, with the host's `strings` overrides on top. */
  get messages(): Messages {
    const builtIn = messages[this.locale];
    return this.host.strings ? { ...builtIn, ...this.host.strings } : builtIn;
  }

  hostConnected(): void {
    hosts.add(this.host);
    if (!observer) {
      observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }
}

/** Fired by `site-search` when the reader picks a result with Enter; cancel it to route the page yourself. */
export class SiteSearchSelectEvent extends Event {
  static readonly eventName = 'site-search-select';

  constructor(
    readonly url: string,
    readonly query: string,
  ) {
    super(SiteSearchSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'site-search-select': SiteSearchSelectEvent;
  }
}

import type { ReactiveControllerHost } from 'lit';

/** A module imported on first need, once, shared by every element that asks. */
export interface LazyModule<T> {
  /** The module, once loaded. */
  readonly value: T | undefined;
  /** Loads it (once; again after a failed attempt) and resolves when it is there. */
  load(): Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      loading ??= importer().then(
        (module) => (value = module),
        (error: unknown) => {
          // A chunk that failed to load (offline, a deploy that removed it) is asked for again next time.
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}

/**
 * An element's view of a lazy module: `value` is undefined until it is
 * loaded, and asking starts the load and updates the element when it is
 * there. `pending` is that load, for the element's `updateComplete` to wait
 * on, so that awaiting `updateComplete` means "rendered with the module".
 */
export class LazyModuleRequest<T> {
  /** The load this element is waiting for, if any. */
  pending: Promise<unknown> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly module: LazyModule<T>,
  ) {}

  get value(): T | undefined {
    const { value } = this.module;
    if (value || this.pending) return value;
    const pending = (this.pending = this.module.load().then(
      () => this.host.requestUpdate(),
      () => undefined,
    ));
    pending.finally(() => {
      if (this.pending === pending) this.pending = undefined;
    });
    return undefined;
  }
}

/**
 * Whether a server-rendered element may take its first update: not before
 * its modules are here, or its first render (without them) would not match
 * what the server sent, and hydration would throw it away. The load is
 * started; its arrival updates the element.
 */
export function readyToHydrate(element: { hasUpdated: boolean; shadowRoot: ShadowRoot | null }, requests: readonly LazyModuleRequest<unknown>[]): boolean {
  if (element.hasUpdated || !element.shadowRoot?.firstChild) return true;
  return requests.map((request) => request.value).every((value) => value !== undefined);
}

/** `updateComplete` for an element that renders with lazy modules: done once it has rendered with them. */
export async function updatedWith(requests: readonly LazyModuleRequest<unknown>[], update: () => Promise<boolean>): Promise<boolean> {
  let result = await update();
  for (let pending = requests.find((request) => request.pending)?.pending; pending; pending = requests.find((request) => request.pending)?.pending) {
    await pending;
    result = await update();
  }
  return result;
}

// Long work in an element is cut into slices of a few milliseconds; between
// two slices the browser may handle input and paint.

interface Scheduler {
  yield?(): Promise<void>;
}

/** Resolves in a later task: `scheduler.yield()` where there is one (it keeps the work's place in line), else a message to ourselves. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves once the next frame has been painted, or after `limit` ms where none comes (a hidden tab has no frames). */
export function afterNextPaint(limit = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limit);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Runs generator steps a slice of `budget` ms at a time; undefined if `cancelled()` says stop. */
export async function runInSlices<T>(steps: Generator<void, T>, cancelled: () => boolean, budget: number): Promise<T | undefined> {
  for (;;) {
    const start = performance.now();
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() - start < budget);
    await yieldToBrowser();
    if (cancelled()) return undefined;
  }
}
